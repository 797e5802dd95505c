package io.newswire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newswire status}: what the topics hold, how far each consumer group has read them, and
 * what the registry knows.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show topics with partitions and end offsets, each consumer group's lag"
        + " (enrich's and the sink's among them), and registry subjects with their versions.")
final class StatusCommand implements Callable<Integer> {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec
  CommandSpec spec;

  @Mixin
  ConfigOptions config;

  @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
      description = "Kafka to inspect (bootstrap.servers, default 127.0.0.1:9092).")
  String bootstrap;

  @Option(names = "--registry", paramLabel = "URL",
      description = "Schema registry (schema.registry.url, default http://127.0.0.1:8081).")
  String registry;

  @Override
  public Integer call() {
    Map<String, String> settings = config.load(Map.of());
    String servers = bootstrap != null ? bootstrap
        : settings.getOrDefault("bootstrap.servers", "127.0.0.1:9092");
    String registryUrl = registry != null ? registry
        : settings.getOrDefault("schema.registry.url", "http://127.0.0.1:8081");
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int status = 0;
    try {
      printTopics(out, servers);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      err.println("Kafka at " + servers + " is not reachable: " + rootMessage(e));
      status = 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
    out.println();
    try {
      printSubjects(out, registryUrl.split(",")[0].trim());
    } catch (IOException | RuntimeException e) {
      err.println("Schema registry at " + registryUrl + " is not reachable: " + rootMessage(e));
      status = 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
    out.flush();
    return status;
  }

  private static void printTopics(PrintWriter out, String servers)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<String, Object> adminConfig = new HashMap<>();
    adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    try (Admin admin = Admin.create(adminConfig)) {
      List<String> names = admin.listTopics().names().get(TIMEOUT.toMillis(),
          TimeUnit.MILLISECONDS).stream().sorted().toList();
      Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames()
          .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      topics.values().forEach(t -> t.partitions().forEach(p ->
          request.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.latest())));
      var ends = admin.listOffsets(request).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      out.printf("Kafka %s%n", servers);
      // As wide as the longest name: Streams' changelog topics run to 45 characters and more.
      String row = "  %-" + width(names, 32) + "s %10s %12s  %s%n";
      out.printf(row, "TOPIC", "PARTITIONS", "END OFFSETS", "PER PARTITION");
      for (String name : names) {
        TopicDescription topic = topics.get(name);
        Map<Integer, Long> perPartition = new TreeMap<>();
        topic.partitions().forEach(p -> perPartition.put(p.partition(),
            ends.get(new TopicPartition(name, p.partition())).offset()));
        long total = perPartition.values().stream().mapToLong(Long::longValue).sum();
        out.printf(row, name, perPartition.size(), total, perPartition.values());
      }
      printGroups(out, admin, servers, ends.entrySet().stream().collect(Collectors.toMap(
          e -> e.getKey(), e -> e.getValue().offset())));
    }
  }

  /**
   * Each consumer group's lag per topic: the offsets between its committed position and the
   * end of each partition, none where only a commit marker is left (enrich's group is its
   * Streams application id, the sink's {@code sink.group.id}).
   */
  private static void printGroups(PrintWriter out, Admin admin, String servers,
      Map<TopicPartition, Long> ends)
      throws InterruptedException, ExecutionException, TimeoutException {
    List<String> groups = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()
        .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).stream()
        .map(GroupListing::groupId).sorted().toList();
    Map<String, Map<TopicPartition, Long>> lags = new TreeMap<>();
    Map<TopicPartition, Long> oneShort = new HashMap<>();
    for (String group : groups) {
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      Map<TopicPartition, Long> lag = new TreeMap<>(
          Comparator.comparing(TopicPartition::topic).thenComparing(TopicPartition::partition));
      committed.forEach((partition, offset) -> {
        Long end = ends.get(partition);
        if (offset != null && end != null) {
          lag.put(partition, Math.max(0, end - offset.offset()));
          if (end - offset.offset() == 1) {
            oneShort.put(partition, offset.offset());
          }
        }
      });
      lags.put(group, lag);
    }
    // A transaction's commit marker takes an offset that no consumer reads: a group that read
    // everything of a topic written in transactions (the enriched one) stops one short of its
    // end. Where that one offset holds no record, the group is not behind.
    Set<TopicPartition> records = recordsAt(servers, oneShort);
    lags.values().forEach(lag -> lag.replaceAll((partition, behind) ->
        behind == 1 && oneShort.containsKey(partition) && !records.contains(partition)
            ? 0L : behind));

    List<String[]> rows = new ArrayList<>();
    lags.forEach((group, lag) -> {
      Map<String, List<String>> perTopic = new TreeMap<>();
      Map<String, Long> totals = new TreeMap<>();
      lag.forEach((partition, behind) -> {
        perTopic.computeIfAbsent(partition.topic(), t -> new ArrayList<>())
            .add(partition.partition() + ":" + behind);
        totals.merge(partition.topic(), behind, Long::sum);
      });
      perTopic.forEach((topic, partitions) -> rows.add(new String[] {group, topic,
          String.valueOf(totals.get(topic)), String.join(" ", partitions)}));
    });
    out.println();
    out.println("Consumer groups (lag: offsets a group has yet to read in each partition; 0"
        + " where all that is left is a transaction's commit marker)");
    String row = "  %-" + width(groups, 24) + "s %-" + width(rows.stream().map(r -> r[1])
        .toList(), 32) + "s %8s  %s%n";
    out.printf(row, "GROUP", "TOPIC", "LAG", "PARTITION:LAG");
    for (String[] r : rows) {
      out.printf(row, (Object[]) r);
    }
    if (rows.isEmpty()) {
      out.println("  (no group has committed offsets yet)");
    }
  }

  /**
   * Of the partitions given with an offset one short of their end, those where a record (not a
   * transaction's commit marker) is at that offset, as a read-committed consumer sees them. A
   * partition this cannot tell within a few seconds counts as a record.
   */
  private static Set<TopicPartition> recordsAt(String servers,
      Map<TopicPartition, Long> offsets) {
    if (offsets.isEmpty()) {
      return Set.of();
    }
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "newswire-status");
    Set<TopicPartition> unknown = new HashSet<>(offsets.keySet());
    Set<TopicPartition> records = new HashSet<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config,
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(offsets.keySet());
      offsets.forEach(consumer::seek);
      long deadline = System.nanoTime() + TIMEOUT.toNanos() / 2;
      while (!unknown.isEmpty() && System.nanoTime() < deadline) {
        for (TopicPartition partition : consumer.poll(Duration.ofMillis(200)).partitions()) {
          records.add(partition);
          unknown.remove(partition);
        }
        unknown.removeIf(partition -> consumer.position(partition) > offsets.get(partition));
      }
    }
    records.addAll(unknown);
    return records;
  }

  private static void printSubjects(PrintWriter out, String url)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    out.printf("Schema registry %s%n", url);
    List<String> names = new ArrayList<>();
    get(http, url + "/subjects").forEach(subject -> names.add(subject.asText()));
    String row = "  %-" + width(names, 40) + "s %s%n";
    out.printf(row, "SUBJECT", "VERSIONS");
    for (String name : names) {
      JsonNode versions = get(http, url + "/subjects/"
          + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/versions");
      out.printf(row, name, versions);
    }
  }

  /** The width of a column of names: the longest, and at least {@code least}. */
  private static int width(List<String> names, int least) {
    return Math.max(least, names.stream().mapToInt(String::length).max().orElse(0));
  }

  private static JsonNode get(HttpClient http, String url)
      throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
        .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + url + " answered " + response.statusCode() + ": "
          + response.body());
    }
    return JSON.readTree(response.body());
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }
}
