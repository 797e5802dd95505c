package io.newswire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.platform.EmbeddedPlatform;
import io.newswire.schemas.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * {@code newswire status} against a real broker: each consumer group's lag, where a partition
 * written in transactions and read to its end counts 0, though its commit marker takes an
 * offset after the group's position.
 */
class StatusCommandIT {

  @Test
  @Timeout(120)
  void shouldShowEachGroupsLagAndNoneForACommitMarker() throws Exception {
    try (EmbeddedPlatform platform = EmbeddedPlatform.startForTests(Topics.specs(Map.of()))) {
      String servers = platform.bootstrapServers();
      TopicPartition plain = new TopicPartition("newswire.articles.raw", 0);
      TopicPartition transactional = new TopicPartition("newswire.articles.enriched", 0);
      Map<String, Object> config = new HashMap<>(Map.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers));
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(config,
          new StringSerializer(), new StringSerializer())) {
        for (int i = 0; i < 3; i++) {
          producer.send(new ProducerRecord<>(plain.topic(), 0, "k", "v" + i)).get();
        }
      }
      config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "status-it");
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(config,
          new StringSerializer(), new StringSerializer())) {
        producer.initTransactions();
        for (int i = 0; i < 2; i++) {
          producer.beginTransaction();
          producer.send(new ProducerRecord<>(transactional.topic(), 0, "k", "v" + i));
          producer.commitTransaction();
        }
      }
      // The enriched partition holds record, marker, record, marker (offsets 0-3).
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
          servers))) {
        admin.alterConsumerGroupOffsets("caught-up", Map.of(
            plain, new OffsetAndMetadata(3), transactional, new OffsetAndMetadata(3)))
            .all().get(30, TimeUnit.SECONDS);
        admin.alterConsumerGroupOffsets("behind", Map.of(
            plain, new OffsetAndMetadata(1), transactional, new OffsetAndMetadata(2)))
            .all().get(30, TimeUnit.SECONDS);
      }

      StringWriter out = new StringWriter();
      CommandLine line = new CommandLine(new StatusCommand());
      line.setOut(new PrintWriter(out, true));
      line.setErr(new PrintWriter(out, true));
      int exit = line.execute("--bootstrap", servers, "--registry",
          platform.schemaRegistryUrl());

      assertThat(exit).as(out.toString()).isZero();
      List<String> rows = out.toString().lines().map(l -> l.trim().replaceAll(" +", " "))
          .toList();
      assertThat(rows).contains(
          "behind newswire.articles.enriched 2 0:2",
          "behind newswire.articles.raw 2 0:2",
          "caught-up newswire.articles.enriched 0 0:0",
          "caught-up newswire.articles.raw 0 0:0");
    }
  }
}
