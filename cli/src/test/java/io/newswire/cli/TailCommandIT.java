package io.newswire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.avro.DeadLetter;
import io.newswire.avro.RawArticle;
import io.newswire.platform.EmbeddedPlatform;
import io.newswire.schemas.Articles;
import io.newswire.schemas.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * {@code newswire tail} prints any topic's records as JSON lines: Avro through the registry,
 * JSON text as it is (the registry's own topic), other text as a string, other bytes in base64;
 * a dead letter with the article it holds.
 */
class TailCommandIT {
  private static EmbeddedPlatform platform;
  private static Topics topics;
  private static Map<String, Object> config;

  @BeforeAll
  static void startPlatform() {
    platform = EmbeddedPlatform.startForTests(Topics.specs(Map.of()));
    topics = Topics.create(platform.clientConfig());
    config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
  }

  @AfterAll
  static void stopPlatform() {
    platform.close();
  }

  @Test
  @Timeout(120)
  void shouldPrintAvroJsonTextAndBytesAsJson() throws Exception {
    String topic = topics.raw().name();
    try (KafkaProducer<String, RawArticle> avro = new KafkaProducer<>(config,
        new StringSerializer(), topics.raw().valueSerde().serializer());
        KafkaProducer<String, byte[]> bytes = new KafkaProducer<>(config,
            new StringSerializer(), new ByteArraySerializer())) {
      avro.send(new ProducerRecord<>(topic, 0, "a-1", Articles.raw("a-1", 7))).get();
      bytes.send(new ProducerRecord<>(topic, 0, "say \"hi\"",
          "{\"note\": 1}".getBytes(StandardCharsets.UTF_8))).get();
      bytes.send(new ProducerRecord<>(topic, 0, null,
          "plain words".getBytes(StandardCharsets.UTF_8))).get();
      bytes.send(new ProducerRecord<>(topic, 0, "b", new byte[] {(byte) 0xff, 1, 2})).get();
    }

    String out = tail(topic, "--from-beginning", "-n", "4");

    assertThat(out.lines()).hasSize(4).satisfiesExactly(
        avroLine -> assertThat(avroLine).startsWith("{\"topic\":\"" + topic
            + "\",\"partition\":0,\"offset\":0,\"key\":\"a-1\",\"value\":{\"id\":\"a-1\""),
        json -> assertThat(json).endsWith("\"key\":\"say \\\"hi\\\"\",\"value\":{\"note\":1}}"),
        text -> assertThat(text).endsWith("\"key\":null,\"value\":\"plain words\"}"),
        other -> assertThat(other).endsWith("\"key\":\"b\",\"value\":{\"base64\":\"/wEC\"}}"));
  }

  @Test
  @Timeout(120)
  void shouldShowTheArticleADeadLetterHolds() throws Exception {
    String dlq = topics.deadLetters().name();
    byte[] refused;
    try (Serializer<RawArticle> raw = topics.raw().valueSerde().serializer()) {
      refused = raw.serialize(topics.raw().name(), Articles.raw("a-2", 3));
    }
    DeadLetter letter = DeadLetter.newBuilder().setStage("enrich.process")
        .setErrorClass(IllegalArgumentException.class.getName()).setErrorMessage("no text")
        .setArticleId("a-2").setSourceTopic(topics.raw().name())
        .setOriginalKey(ByteBuffer.wrap("a-2".getBytes(StandardCharsets.UTF_8)))
        .setOriginalValue(ByteBuffer.wrap(refused)).setFailedAt(Instant.now()).build();
    try (KafkaProducer<String, DeadLetter> producer = new KafkaProducer<>(config,
        new StringSerializer(), topics.deadLetters().valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(dlq, "a-2", letter)).get();
    }

    String out = tail(dlq, "-b", "-n", "1");

    JsonNode value = new ObjectMapper().readTree(out).path("value");
    assertThat(value.path("stage").asText()).isEqualTo("enrich.process");
    assertThat(value.path("originalKey").asText()).isEqualTo("a-2");
    JsonNode article = value.path("originalValue");
    assertThat(article.path("id").asText()).isEqualTo("a-2");
    assertThat(article.path("version").asLong()).isEqualTo(3);
    assertThat(article.path("content").asText())
        .isEqualTo("Iraq News\nTerrorism\n\nTroops advance on Mosul\n");
  }

  /** What {@code newswire tail ARGS} prints against the platform; it must exit with 0. */
  private static String tail(String... args) {
    StringWriter out = new StringWriter();
    CommandLine line = new CommandLine(new TailCommand());
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(out, true));
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--bootstrap", platform.bootstrapServers(),
        "--registry", platform.schemaRegistryUrl()));
    int exit = line.execute(all.toArray(String[]::new));
    assertThat(exit).as(out.toString()).isZero();
    return out.toString();
  }
}
