package io.newswire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.javalin.Javalin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswire.avro.RawArticle;
import io.newswire.ingest.internal.FeedRegistry;
import io.newswire.platform.EmbeddedPlatform;
import io.newswire.schemas.Fixtures;
import io.newswire.schemas.Topics;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The ingest service against the real embedded broker and registry. */
class IngestKafkaIT {
  private static final String KEY = "it-key";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static EmbeddedPlatform platform;
  private static Topics topics;

  @BeforeAll
  static void startPlatform() {
    platform = EmbeddedPlatform.startForTests(Topics.specs(Map.of()));
    topics = Topics.create(platform.clientConfig());
  }

  @AfterAll
  static void stopPlatform() {
    if (platform != null) {
      platform.close();
    }
  }

  private record Running(IngestService service, Javalin app) implements AutoCloseable {
    HttpResponse<String> post(String contentType, byte[] body) throws Exception {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + app.port() + "/v1/articles"))
          .header("Content-Type", contentType).header("Authorization", "Bearer " + KEY)
          .timeout(Duration.ofSeconds(30))
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
          HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
      app.stop();
      service.close();
    }
  }

  private static Running start(Path stateDir, Map<String, String> extra) {
    Map<String, Object> settings = new HashMap<>(platform.clientConfig());
    settings.put("feed.it.key.sha256", FeedRegistry.sha256Hex(KEY));
    settings.put(IngestConfig.STATE_DIR, stateDir.toString());
    settings.put(IngestConfig.KAFKA_TIMEOUT_MS, "3000");
    settings.putAll(extra);
    IngestService service = IngestService.create(settings, new SimpleMeterRegistry());
    Javalin app = Javalin.create(config -> config.showJavalinBanner = false);
    service.registerRoutes(app);
    app.start("127.0.0.1", 0);
    return new Running(service, app);
  }

  private static List<RawArticle> readRaw(String group) {
    Map<String, Object> config = new HashMap<>(platform.clientConfig());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<RawArticle> articles = new ArrayList<>();
    try (KafkaConsumer<String, RawArticle> consumer = new KafkaConsumer<>(config,
        new StringDeserializer(), topics.raw().valueSerde().deserializer())) {
      consumer.subscribe(List.of(topics.raw().name()));
      long quietSince = System.nanoTime();
      while (System.nanoTime() - quietSince < Duration.ofSeconds(3).toNanos()) {
        for (ConsumerRecord<String, RawArticle> record : consumer.poll(Duration.ofMillis(200))) {
          articles.add(record.value());
          quietSince = System.nanoTime();
        }
      }
    }
    return articles;
  }

  /** Every acknowledged article is on the raw topic, keyed by its id, with its bytes intact. */
  @Test
  @Timeout(120)
  void shouldStoreEveryAcknowledgedArticleOnRawTopic(@TempDir Path stateDir) throws Exception {
    List<byte[]> sent = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    try (Running ingest = start(stateDir, Map.of())) {
      List<byte[]> articles = new ArrayList<>(List.of(Fixtures.bytes("basra-port.txt")));
      Fixtures.sharedDir().map(d -> d.resolve("seeds")).filter(Files::isDirectory)
          .ifPresent(d -> Fixtures.seeds().forEach(p -> {
            try {
              articles.add(Files.readAllBytes(p));
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }));
      for (byte[] article : articles) {
        HttpResponse<String> response = ingest.post("text/plain; charset=utf-8", article);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode ack = JSON.readTree(response.body());
        assertThat(ack.get("offset").asLong()).isGreaterThanOrEqualTo(0);
        ids.add(ack.get("id").asText());
        sent.add(article);
      }
    }

    List<RawArticle> stored = readRaw("it-stored").stream()
        .filter(a -> ids.contains(a.getId())).toList();

    assertThat(stored).extracting(RawArticle::getId).containsExactlyInAnyOrderElementsOf(ids);
    for (RawArticle article : stored) {
      assertThat(article.getContent().array()).isEqualTo(sent.get(ids.indexOf(article.getId())));
    }
  }

  /**
   * With the broker stopped, pushes are answered 503 with Retry-After and never 2xx, and
   * readiness says so; once it is back, pushes are acknowledged again.
   */
  @Test
  @Timeout(180)
  void shouldAnswer503WhileKafkaIsDownAndRecoverWhenItReturns(@TempDir Path stateDir)
      throws Exception {
    try (Running ingest = start(stateDir, Map.of())) {
      assertThat(ingest.post("application/json", Fixtures.bytes("simple.json")).statusCode())
          .isEqualTo(202);

      platform.kafka().stop();
      HttpResponse<String> down;
      boolean readyWhileDown;
      try {
        down = ingest.post("application/json", Fixtures.bytes("ninjs1.json"));
        readyWhileDown = ingest.service().isReady();
      } finally {
        platform.kafka().start();
      }
      HttpResponse<String> back = ingest.post("application/json", Fixtures.bytes("ninjs1.json"));

      assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
      assertThat(down.headers().firstValue("Retry-After")).isPresent();
      assertThat(JSON.readTree(down.body()).get("error").asText()).isEqualTo("kafka_unavailable");
      assertThat(readyWhileDown).isFalse();
      assertThat(back.statusCode()).as(back.body()).isEqualTo(202);
      assertThat(ingest.service().isReady()).isTrue();
    }
  }

  /** Polled items reach the raw topic once, and a restarted service does not publish them again. */
  @Test
  @Timeout(120)
  void shouldPublishPolledItemsOnceAcrossRestart(@TempDir Path stateDir) throws Exception {
    HttpServer feeds = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    feeds.createContext("/rss", exchange -> {
      byte[] body = Fixtures.bytes("rss.xml");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    feeds.start();
    Map<String, String> poll = Map.of(
        "poll.gulfwire.url", "http://127.0.0.1:" + feeds.getAddress().getPort() + "/rss",
        "poll.gulfwire.interval.seconds", "1");
    try {
      try (Running first = start(stateDir, poll)) {
        first.service().start();
        waitForPolls(first.service(), 2);
        // Health is served as JSON by any writer: the feed's times are text.
        JsonNode health = JSON.valueToTree(first.service().health());
        assertThat(health.at("/polledFeeds/0/state").asText()).isEqualTo("UP");
        assertThat(Instant.parse(health.at("/polledFeeds/0/lastSuccess").asText()))
            .isBefore(Instant.now());
      }
      try (Running second = start(stateDir, poll)) {
        second.service().start();
        waitForPolls(second.service(), 2);
      }

      List<RawArticle> polled = readRaw("it-polled").stream()
          .filter(a -> "gulfwire".equals(a.getFeedId())).toList();

      assertThat(polled).extracting(RawArticle::getGuid)
          .containsExactlyInAnyOrder("rss-umm-qasr-1", "rss-ferry-1");
    } finally {
      feeds.stop(0);
    }
  }

  @SuppressWarnings("unchecked")
  private static void waitForPolls(IngestService service, int polls) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    int seen = 0;
    Object last = null;
    while (seen < polls && System.nanoTime() < deadline) {
      List<Object> statuses = (List<Object>) service.health().get("polledFeeds");
      Object current = statuses.get(0).toString();
      if (current.toString().contains("state=UP") && !current.equals(last)) {
        seen++;
        last = current;
      }
      Thread.sleep(100);
    }
    assertThat(seen).as("successful polls").isGreaterThanOrEqualTo(polls);
  }
}
