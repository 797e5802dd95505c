package io.newswire.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.avro.ArticleFormat;
import io.newswire.avro.DeadLetter;
import io.newswire.avro.EnrichedArticle;
import io.newswire.avro.RawArticle;
import io.newswire.platform.EmbeddedPlatform;
import io.newswire.schemas.Topics;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every raw article is on the enriched topic exactly once (read committed), even when the enrich
 * process is killed without warning mid-stream and started again; a repeat is not; a poison
 * record reaches the dead-letter topic.
 */
class EnrichExactlyOnceIT {
  private static final int ARTICLES = 400;
  /** Articles whose text comes again under another id, and again as a new version. */
  private static final int COPIES = 12;

  /** Child processes started by the test, killed at the end whatever happened. */
  private final List<Process> children = new ArrayList<>();

  @AfterEach
  void killChildren() throws InterruptedException {
    for (Process child : children) {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  @Timeout(300)
  void shouldEnrichEveryArticleExactlyOnceAcrossAKill(@TempDir Path stateDir) throws Exception {
    try (EmbeddedPlatform platform = EmbeddedPlatform.startForTests(Topics.specs(Map.of()))) {
      Topics topics = Topics.create(platform.clientConfig());
      Map<String, Object> producerConfig = new HashMap<>(platform.clientConfig());
      producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
      producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      Process first;
      try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(producerConfig,
          new StringSerializer(), topics.raw().valueSerde().serializer());
          KafkaProducer<String, byte[]> bytes = new KafkaProducer<>(producerConfig,
              new StringSerializer(), new ByteArraySerializer())) {
        produce(producer, topics, 0, ARTICLES / 4);
        // The same text under another id (another feed's copy) is an article of its own; a new
        // version of an article with the text unchanged is a repeat. Both whichever partition
        // each id falls in.
        produce(producer, topics, "copy-", 1, 0, COPIES);
        produce(producer, topics, "article-", 2, 0, COPIES);
        bytes.send(new ProducerRecord<>(topics.raw().name(), "poison",
            "not an article".getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        first = startEnrich(platform, stateDir);
        // The rest arrives slowly, so that the kill below lands while articles still flow.
        CompletableFuture<Void> trickle = CompletableFuture.runAsync(() -> {
          for (int i = ARTICLES / 4; i < ARTICLES; i += 5) {
            produce(producer, topics, i, Math.min(ARTICLES, i + 5));
            sleep(250);
          }
        });
        awaitCommitted(platform, topics, ARTICLES / 4, Duration.ofSeconds(120), false);
        assertThat(trickle).as("killed mid-stream").isNotDone();
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        trickle.get(120, TimeUnit.SECONDS);
      }

      Process second = startEnrich(platform, stateDir);
      try {
        Map<String, Integer> counts = awaitCommitted(platform, topics, ARTICLES + COPIES,
            Duration.ofSeconds(180), true);

        assertThat(counts).hasSize(ARTICLES + COPIES);
        assertThat(counts.values()).as("each article once").containsOnly(1);
        List<DeadLetter> letters = readAll(platform, topics.deadLetters().name(),
            topics.deadLetters().valueSerde().deserializer(), 1);
        assertThat(letters).singleElement().satisfies(letter -> {
          assertThat(letter.getStage()).isEqualTo("enrich.deserialize");
          assertThat(letter.getArticleId()).isEqualTo("poison");
          assertThat(new String(letter.getOriginalValue().array(), StandardCharsets.UTF_8))
              .isEqualTo("not an article");
        });
      } finally {
        second.destroy();
        if (!second.waitFor(60, TimeUnit.SECONDS)) {
          second.destroyForcibly();
        }
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void produce(KafkaProducer<String, RawArticle> producer, Topics topics,
      int from, int to) {
    produce(producer, topics, "article-", 1, from, to);
  }

  private static void produce(KafkaProducer<String, RawArticle> producer, Topics topics,
      String idPrefix, long version, int from, int to) {
    for (int i = from; i < to; i++) {
      String id = idPrefix + i;
      String text = "World News\nTest\n\nArticle number " + i + " about harbours\n\nBy Test Desk"
          + "\n\nThe port handled " + i + " ships on Monday, officials said.\n\n"
          + "Traders in the city said prices were falling for the " + i + "th week.";
      RawArticle article = RawArticle.newBuilder().setId(id).setVersion(version).setFeedId("it")
          .setReceivedAt(Instant.now()).setFormat(ArticleFormat.TEXT)
          .setContentType("text/plain; charset=utf-8")
          .setContent(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8))).build();
      producer.send(new ProducerRecord<>(topics.raw().name(), id, article));
    }
    producer.flush();
  }

  private Process startEnrich(EmbeddedPlatform platform, Path stateDir)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp",
        System.getProperty("java.class.path"), EnrichProcessMain.class.getName(),
        platform.bootstrapServers(), platform.schemaRegistryUrl(), stateDir.toString());
    File log = stateDir.resolveSibling(stateDir.getFileName() + "-enrich.log").toFile();
    builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log));
    Process child = builder.start();
    children.add(child);
    return child;
  }

  /**
   * Counts per key on the enriched topic, read committed, once at least {@code atLeast} keys
   * are there (and, with {@code settle}, nothing more arrived for three seconds).
   */
  private static Map<String, Integer> awaitCommitted(EmbeddedPlatform platform, Topics topics,
      int atLeast, Duration timeout, boolean settle) {
    Map<String, Object> config = new HashMap<>(platform.clientConfig());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "verify-" + System.nanoTime());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    Map<String, Integer> counts = new HashMap<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<String, EnrichedArticle> consumer = new KafkaConsumer<>(config,
        new StringDeserializer(), topics.enriched().valueSerde().deserializer())) {
      consumer.subscribe(List.of(topics.enriched().name()));
      long quietUntil = 0;
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, EnrichedArticle> record :
            consumer.poll(Duration.ofMillis(200))) {
          counts.merge(record.key(), 1, Integer::sum);
          quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        }
        if (counts.size() >= atLeast && (!settle || System.nanoTime() > quietUntil)) {
          break;
        }
      }
    }
    assertThat(counts.size()).as("enriched articles seen").isGreaterThanOrEqualTo(atLeast);
    return counts;
  }

  private static <T> List<T> readAll(EmbeddedPlatform platform, String topic,
      Deserializer<T> values, int count) {
    Map<String, Object> config = new HashMap<>(platform.clientConfig());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "verify-dlq-" + System.nanoTime());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<T> read = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(config,
        new StringDeserializer(), values)) {
      consumer.subscribe(List.of(topic));
      while (read.size() < count && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> read.add(r.value()));
      }
      long quiet = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      while (System.nanoTime() < quiet) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> read.add(r.value()));
      }
    }
    return read;
  }
}
