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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newswire status}: what the topics hold and what the registry knows. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show topics with partitions and end offsets, and registry subjects with"
        + " their versions.")
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
    }
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
