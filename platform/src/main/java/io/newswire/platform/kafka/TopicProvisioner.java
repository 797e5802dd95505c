package io.newswire.platform.kafka;

import io.newswire.schemas.TopicSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the cluster's topics match their specs, idempotently: creates missing topics, raises
 * partition counts that are too low (never lowers them: that would reshuffle keys), and sets the
 * topic-level configs of the spec on existing topics.
 *
 * <p>Topics it creates, and partitions it adds, are served by their leaders when it returns, so
 * that clients started next find them and can write to them. Replication is min(3, brokers) and
 * {@code min.insync.replicas} one less, at least 1, so that one broker may be down without
 * refusing {@code acks=all} writes.
 */
public final class TopicProvisioner {
  private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);
  private static final long TIMEOUT_SECONDS = 30;

  private final Admin admin;

  public TopicProvisioner(Admin admin) {
    this.admin = Objects.requireNonNull(admin, "admin");
  }

  /** What provisioning did to one topic. */
  public enum Outcome { CREATED, UPDATED, UNCHANGED }

  /**
   * Provisions every spec.
   *
   * @return what happened to each topic, by name
   * @throws IllegalStateException when the cluster cannot be reached or refuses a change
   */
  public Map<String, Outcome> provision(Collection<TopicSpec> specs) {
    try {
      int brokers = admin.describeCluster().nodes().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).size();
      short replication = (short) Math.max(1, Math.min(3, brokers));
      Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      Map<String, Outcome> outcomes = new HashMap<>();
      List<NewTopic> toCreate = new ArrayList<>();
      for (TopicSpec spec : specs) {
        if (existing.contains(spec.name())) {
          outcomes.put(spec.name(), update(spec));
        } else {
          Map<String, String> configs = new HashMap<>(spec.configs());
          configs.putIfAbsent("min.insync.replicas",
              Integer.toString(Math.max(1, replication - 1)));
          toCreate.add(new NewTopic(spec.name(), spec.partitions(), replication).configs(configs));
        }
      }
      for (NewTopic topic : toCreate) {
        try {
          admin.createTopics(List.of(topic)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
          log.info("Created topic {} ({} partitions, replication {}, {})", topic.name(),
              topic.numPartitions(), replication, topic.configs());
          outcomes.put(topic.name(), Outcome.CREATED);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
          outcomes.put(topic.name(), Outcome.UNCHANGED);
        }
      }
      if (!toCreate.isEmpty()) {
        awaitLeaders(describe(toCreate.stream().map(NewTopic::name).toList()));
      }
      return outcomes;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while provisioning topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Cannot provision topics: " + e.getMessage(), e);
    }
  }

  private Outcome update(TopicSpec spec)
      throws InterruptedException, ExecutionException, TimeoutException {
    boolean changed = false;
    TopicDescription description = describe(List.of(spec.name())).get(spec.name());
    int partitions = description.partitions().size();
    if (partitions < spec.partitions()) {
      admin.createPartitions(Map.of(spec.name(), NewPartitions.increaseTo(spec.partitions())))
          .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      awaitLeaders(describe(List.of(spec.name())));
      log.info("Raised partitions of {} from {} to {}", spec.name(), partitions,
          spec.partitions());
      changed = true;
    } else if (partitions > spec.partitions()) {
      log.warn("Topic {} has {} partitions, more than the {} configured; left as it is",
          spec.name(), partitions, spec.partitions());
    }
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
    var current = admin.describeConfigs(List.of(resource)).all()
        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(resource);
    List<AlterConfigOp> ops = new ArrayList<>();
    spec.configs().forEach((key, value) -> {
      ConfigEntry entry = current.get(key);
      if (entry == null || !value.equals(entry.value())) {
        ops.add(new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET));
      }
    });
    if (!ops.isEmpty()) {
      admin.incrementalAlterConfigs(Map.of(resource, ops)).all()
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      log.info("Updated configs of {}: {}", spec.name(), ops);
      changed = true;
    }
    return changed ? Outcome.UPDATED : Outcome.UNCHANGED;
  }

  /**
   * Waits until the leader of every partition of {@code topics} serves it. Brokers describe a
   * topic a moment before they lead its partitions, and an idempotent producer that writes in
   * that moment can be refused for good: its first request to a partition is turned away (not
   * the leader), the next one, sent while the first waits to be retried, is written, and every
   * retry of the first is then out of sequence until the producer gives up on it (KAFKA-15591).
   * Asking each partition's leader for its latest offset, which the admin client retries while
   * the leader is not yet the leader, closes that moment before any producer starts. With
   * several brokers, the one asked where the leaders are may not know the topic yet either; that
   * is asked again too.
   */
  private void awaitLeaders(Map<String, TopicDescription> topics)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    topics.forEach((name, description) -> description.partitions().forEach(partition ->
        latest.put(new TopicPartition(name, partition.partition()), OffsetSpec.latest())));
    whileUnknown(() -> admin.listOffsets(latest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
  }

  /**
   * The topics as the brokers describe them, once they all do. A topic is created on the
   * controller and reaches the brokers' metadata a moment later; until then the brokers answer
   * that it does not exist, and so would they to a client started right after provisioning.
   */
  private Map<String, TopicDescription> describe(List<String> names)
      throws InterruptedException, ExecutionException, TimeoutException {
    return whileUnknown(() -> admin.describeTopics(names).allTopicNames()
        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
  }

  /** A call to the admin client. */
  private interface AdminCall<T> {
    T call() throws InterruptedException, ExecutionException, TimeoutException;
  }

  /** What {@code request} answers, asked again while the broker asked does not know a topic. */
  private static <T> T whileUnknown(AdminCall<T> request)
      throws InterruptedException, ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (true) {
      try {
        return request.call();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
            || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(50);
      }
    }
  }
}
