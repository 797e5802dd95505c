package io.newswire.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.schemas.TopicSpec;
import io.newswire.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaClusterIT {

  /** Records written with acks=all through the embedded broker are read back in order. */
  @Test
  @Timeout(90)
  void shouldProduceAndConsumeThroughOneNodeCluster() throws Exception {
    try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.builder().build().start()) {
      provision(kafka, new TopicSpec("words", 3, Map.of()));

      produce(kafka, "words", List.of("alpha", "beta", "gamma"));

      assertThat(consume(kafka, "words", 3)).containsExactlyInAnyOrder("alpha", "beta", "gamma");
    }
  }

  /** A persistent cluster finds its topics and records again after a restart. */
  @Test
  @Timeout(120)
  void shouldKeepTopicsAndRecordsAcrossRestart(@TempDir Path dataDir) throws Exception {
    EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.builder().dataDir(dataDir).build();
    try {
      kafka.start();
      provision(kafka, new TopicSpec("durable", 1, Map.of()));
      produce(kafka, "durable", List.of("before-restart"));

      kafka.restart();
      produce(kafka, "durable", List.of("after-restart"));

      assertThat(consume(kafka, "durable", 2)).containsExactly("before-restart", "after-restart");
    } finally {
      kafka.close();
    }
    try (EmbeddedKafkaCluster again = EmbeddedKafkaCluster.builder().dataDir(dataDir).build()) {
      again.start();
      assertThat(consume(again, "durable", 2)).containsExactly("before-restart", "after-restart");
    }
  }

  /**
   * Three brokers replicate every topic three ways with min.insync.replicas 2, and acks=all
   * writes go through.
   */
  @Test
  @Timeout(180)
  void shouldReplicateTopicsAcrossThreeBrokers() throws Exception {
    try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.builder().nodes(3).build().start();
        Admin admin = Admin.create(kafka.clientConfig())) {
      provision(kafka, Topics.specs(Map.of()).toArray(TopicSpec[]::new));

      TopicDescription raw = admin.describeTopics(List.of("newswire.articles.raw"))
          .allTopicNames().get(30, TimeUnit.SECONDS).get("newswire.articles.raw");
      assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(3);
      assertThat(raw.partitions()).hasSize(6)
          .allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
      assertThat(topicConfig(admin, "newswire.articles.raw").get("min.insync.replicas").value())
          .isEqualTo("2");

      produce(kafka, "newswire.articles.raw", List.of("one", "two"));
      assertThat(consume(kafka, "newswire.articles.raw", 2)).containsExactlyInAnyOrder("one",
          "two");
    }
  }

  /**
   * Provisioning creates the design's topics with their partitions and cleanup policies, and a
   * second run changes nothing.
   */
  @Test
  @Timeout(90)
  void shouldProvisionPipelineTopicsIdempotently() throws Exception {
    try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.builder().build().start();
        Admin admin = Admin.create(kafka.clientConfig())) {
      List<TopicSpec> specs = Topics.specs(Map.of());

      Map<String, TopicProvisioner.Outcome> first = new TopicProvisioner(admin).provision(specs);
      Map<String, TopicProvisioner.Outcome> second = new TopicProvisioner(admin).provision(specs);

      assertThat(first).containsOnlyKeys("newswire.articles.raw", "newswire.articles.enriched",
          "newswire.articles.dlq").containsValues(TopicProvisioner.Outcome.CREATED);
      assertThat(second.values()).containsOnly(TopicProvisioner.Outcome.UNCHANGED);
      Map<String, TopicDescription> topics = admin.describeTopics(
          specs.stream().map(TopicSpec::name).toList()).allTopicNames().get(30, TimeUnit.SECONDS);
      assertThat(topics.get("newswire.articles.raw").partitions()).hasSize(6);
      assertThat(topics.get("newswire.articles.enriched").partitions()).hasSize(6);
      assertThat(topics.get("newswire.articles.dlq").partitions()).hasSize(1);
      assertThat(topicConfig(admin, "newswire.articles.enriched").get("cleanup.policy").value())
          .isEqualTo("compact");
      assertThat(topicConfig(admin, "newswire.articles.raw").get("retention.ms").value())
          .isEqualTo(Long.toString(Duration.ofDays(7).toMillis()));
      assertThat(topicConfig(admin, "newswire.articles.dlq").get("retention.ms").value())
          .isEqualTo(Long.toString(Duration.ofDays(30).toMillis()));
    }
  }

  /**
   * Right after provisioning, an idempotent producer with several requests in flight writes to
   * every partition of a new topic: no partition is still without its leader, which would leave
   * the producer's first batch there out of sequence for good (KAFKA-15591).
   */
  @Test
  @Timeout(90)
  void shouldTakeWritesToEveryPartitionRightAfterProvisioning() throws Exception {
    try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.builder().build().start()) {
      for (int round = 0; round < 3; round++) {
        String topic = "fresh-" + round;
        provision(kafka, new TopicSpec(topic, 6, Map.of()));
        Map<String, Object> config = new HashMap<>(kafka.clientConfig());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config,
            new StringSerializer(), new StringSerializer())) {
          List<Future<?>> sent = new ArrayList<>();
          for (int i = 0; i < 600; i++) {
            sent.add(producer.send(new ProducerRecord<>(topic, i % 6, null, "r" + i)));
          }
          for (Future<?> future : sent) {
            future.get(30, TimeUnit.SECONDS);
          }
        }
      }
    }
  }

  /** A topic whose partitions are too few is widened, and a changed config is applied. */
  @Test
  @Timeout(90)
  void shouldWidenTopicAndUpdateConfigWhenSpecChanges() throws Exception {
    try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.builder().build().start();
        Admin admin = Admin.create(kafka.clientConfig())) {
      provision(kafka, new TopicSpec("growing", 1, Map.of("retention.ms", "1000")));

      Map<String, TopicProvisioner.Outcome> outcome = new TopicProvisioner(admin).provision(
          List.of(new TopicSpec("growing", 4, Map.of("retention.ms", "2000"))));

      assertThat(outcome).containsEntry("growing", TopicProvisioner.Outcome.UPDATED);
      assertThat(admin.describeTopics(List.of("growing")).allTopicNames()
          .get(30, TimeUnit.SECONDS).get("growing").partitions()).hasSize(4);
      assertThat(topicConfig(admin, "growing").get("retention.ms").value()).isEqualTo("2000");
    }
  }

  static void provision(EmbeddedKafkaCluster kafka, TopicSpec... specs) {
    try (Admin admin = Admin.create(kafka.clientConfig())) {
      new TopicProvisioner(admin).provision(List.of(specs));
    }
  }

  static void produce(EmbeddedKafkaCluster kafka, String topic, List<String> values)
      throws Exception {
    Map<String, Object> config = new HashMap<>(kafka.clientConfig());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config,
        new StringSerializer(), new StringSerializer())) {
      for (String value : values) {
        producer.send(new ProducerRecord<>(topic, value, value)).get(30, TimeUnit.SECONDS);
      }
    }
  }

  static List<String> consume(EmbeddedKafkaCluster kafka, String topic, int count) {
    Map<String, Object> config = new HashMap<>(kafka.clientConfig());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + System.nanoTime());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config,
        new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (values.size() < count && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          values.add(record.value());
        }
      }
    }
    return values;
  }

  private static Config topicConfig(Admin admin, String topic) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS)
        .get(resource);
  }
}
