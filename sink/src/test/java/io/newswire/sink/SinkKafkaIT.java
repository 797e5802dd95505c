package io.newswire.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswire.avro.DeadLetter;
import io.newswire.avro.EnrichedArticle;
import io.newswire.avro.Mention;
import io.newswire.avro.MentionKind;
import io.newswire.avro.Place;
import io.newswire.avro.PlaceRole;
import io.newswire.platform.EmbeddedPlatform;
import io.newswire.platform.kafka.TopicProvisioner;
import io.newswire.schemas.Articles;
import io.newswire.schemas.Topics;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The sink against the real embedded broker, real SQLite and the real PostgreSQL. */
class SinkKafkaIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static EmbeddedPlatform platform;
  private static Topics topics;
  private static KafkaProducer<String, EnrichedArticle> producer;

  @BeforeAll
  static void startPlatform() {
    platform = EmbeddedPlatform.startForTests(List.of());
    topics = Topics.create(platform.clientConfig());
    Map<String, Object> config = new HashMap<>(platform.clientConfig());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producer = new KafkaProducer<>(config, new StringSerializer(),
        topics.enriched().valueSerde().serializer());
  }

  @AfterAll
  static void stopPlatform() {
    if (producer != null) {
      producer.close();
    }
    if (platform != null) {
      platform.close();
    }
  }

  /** Each test writes its own topics, so that tests do not see each other's records. */
  private static Map<String, Object> settings(String databaseUrl, String suffix) {
    Map<String, Object> settings = new HashMap<>(platform.clientConfig());
    settings.put(SinkConfig.DATABASE_URL, databaseUrl);
    settings.put("topic.enriched.name", "enriched-" + suffix);
    settings.put("topic.dlq.name", "dlq-" + suffix);
    settings.put(SinkConfig.GROUP_ID, "sink-" + suffix);
    settings.put(SinkConfig.RETRY_MAX_MS, "1000");
    try (Admin admin = Admin.create(platform.clientConfig())) {
      new TopicProvisioner(admin).provision(Topics.specs(settings));
    }
    return settings;
  }

  private static void send(String topic, EnrichedArticle article) throws Exception {
    producer.send(new ProducerRecord<>(topic, article.getId(), article)).get(30,
        TimeUnit.SECONDS);
  }

  private static EnrichedArticle article(String id, String headline, String place,
      String country) {
    EnrichedArticle article = Articles.enriched(id, 1);
    article.setHeadline(headline);
    article.setPublished(Instant.now());
    article.setPlaces(List.of(Place.newBuilder().setName(place).setCountryCode(country)
        .setGeonameId((long) Math.abs(place.hashCode())).setConfidence(0.9)
        .setRole(PlaceRole.FOCUS).setMentions(List.of(Mention.newBuilder().setStart(0)
            .setEnd(place.length()).setText(place).setKind(MentionKind.NAME).build()))
        .build()));
    article.setFocusCountryCode(country);
    return article;
  }

  private static int count(String url, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getInt(1);
    }
  }

  /**
   * Every article on the enriched topic is stored exactly once, even though PostgreSQL refuses
   * the sink's connections for a while mid-stream; while it does, the sink is not ready and the
   * query API answers 503 with a Retry-After.
   */
  @Test
  @Timeout(180)
  void shouldStoreEveryArticleOnceAcrossDatabaseOutage() throws Exception {
    String url = TestDatabases.postgresSchema();
    String role = "nw_sink_" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
    String admin = TestDatabases.postgresUrl();
    String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
    try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
      s.execute("CREATE ROLE " + role + " LOGIN");
      s.execute("GRANT ALL ON SCHEMA " + schema + " TO " + role);
    }
    String sinkUrl = url.replaceFirst("user=[^&]*", "user=" + role);
    String suffix = UUID.randomUUID().toString();
    Map<String, Object> settings = settings(sinkUrl, suffix);
    Javalin app = Javalin.create(config -> config.showJavalinBanner = false);
    try (SinkService sink = SinkService.start(settings, new SimpleMeterRegistry())) {
      sink.registerRoutes(app);
      app.start("127.0.0.1", 0);
      String query = "http://127.0.0.1:" + app.port() + "/v1/articles?limit=1";
      for (int i = 0; i < 50; i++) {
        send("enriched-" + suffix, article("o-" + i, "Before " + i, "Mosul", "IQ"));
      }
      await().atMost(Duration.ofSeconds(60))
          .until(() -> count(url, "SELECT count(*) FROM articles") == 50);

      try (Connection c = DriverManager.getConnection(admin);
          Statement s = c.createStatement()) {
        s.execute("ALTER ROLE " + role + " NOLOGIN");
        s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '"
            + role + "'");
      }
      for (int i = 50; i < 100; i++) {
        send("enriched-" + suffix, article("o-" + i, "During " + i, "Mosul", "IQ"));
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> !sink.isReady());
      int duringOutage = count(url, "SELECT count(*) FROM articles");
      HttpResponse<String> refused = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(query)).build(), HttpResponse.BodyHandlers.ofString());
      try (Connection c = DriverManager.getConnection(admin);
          Statement s = c.createStatement()) {
        s.execute("ALTER ROLE " + role + " LOGIN");
      }

      await().atMost(Duration.ofSeconds(60))
          .until(() -> count(url, "SELECT count(*) FROM articles") == 100);
      await().atMost(Duration.ofSeconds(30)).until(sink::isReady);
      assertThat(duringOutage).isEqualTo(50);
      assertThat(count(url, "SELECT count(DISTINCT id) FROM articles")).isEqualTo(100);
      assertThat(count(url, "SELECT count(*) FROM article_places")).isEqualTo(100);
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).contains("5");
      assertThat(JSON.readTree(refused.body()).path("error").asText())
          .isEqualTo("database_unavailable");
      assertThat(status(query)).isEqualTo(200);
    } finally {
      app.stop();
      try (Connection c = DriverManager.getConnection(admin);
          Statement s = c.createStatement()) {
        s.execute("REVOKE ALL ON SCHEMA " + schema + " FROM " + role);
        s.execute("REASSIGN OWNED BY " + role + " TO CURRENT_USER");
        s.execute("DROP OWNED BY " + role);
        s.execute("DROP ROLE " + role);
      }
    }
  }

  /**
   * Every article is stored once in SQLite even while another connection holds the database
   * locked mid-stream; while it does, the sink is not ready and commits nothing ahead.
   */
  @Test
  @Timeout(180)
  void shouldStoreEveryArticleOnceWhileSqliteIsLocked(@TempDir Path dir) throws Exception {
    String url = TestDatabases.sqlite(dir);
    String suffix = UUID.randomUUID().toString();
    try (SinkService sink = SinkService.start(settings(url, suffix), new SimpleMeterRegistry())) {
      for (int i = 0; i < 30; i++) {
        send("enriched-" + suffix, article("l-" + i, "Before " + i, "Basra", "IQ"));
      }
      await().atMost(Duration.ofSeconds(60))
          .until(() -> count(url, "SELECT count(*) FROM articles") == 30);

      int duringLock;
      try (Connection lock = DriverManager.getConnection(url);
          Statement s = lock.createStatement()) {
        s.execute("BEGIN EXCLUSIVE");
        for (int i = 30; i < 60; i++) {
          send("enriched-" + suffix, article("l-" + i, "During " + i, "Basra", "IQ"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> !sink.isReady());
        try (ResultSet r = s.executeQuery("SELECT count(*) FROM articles")) {
          r.next();
          duringLock = r.getInt(1);
        }
        s.execute("COMMIT");
      }

      await().atMost(Duration.ofSeconds(60))
          .until(() -> count(url, "SELECT count(*) FROM articles") == 60);
      await().atMost(Duration.ofSeconds(30)).until(sink::isReady);
      assertThat(duringLock).isEqualTo(30);
      assertThat(count(url, "SELECT count(*) FROM article_places")).isEqualTo(60);
    }
  }

  /** A record the database refuses goes to the dead-letter topic; its batch-mates are stored. */
  @Test
  @Timeout(120)
  void shouldDeadLetterRecordTheDatabaseRefusesAndStoreTheRest() throws Exception {
    String url = TestDatabases.postgresSchema();
    String suffix = UUID.randomUUID().toString();
    try (SinkService sink = SinkService.start(settings(url, suffix),
        new SimpleMeterRegistry())) {
      producer.send(new ProducerRecord<>("enriched-" + suffix, "ok-1",
          article("ok-1", "Fine", "Basra", "IQ")));
      // PostgreSQL refuses NUL characters in text: the record, not the database, is at fault.
      producer.send(new ProducerRecord<>("enriched-" + suffix, "nul",
          article("nul", "Bad \u0000 headline", "Basra", "IQ")));
      producer.send(new ProducerRecord<>("enriched-" + suffix, "ok-2",
          article("ok-2", "Also fine", "Basra", "IQ"))).get(30, TimeUnit.SECONDS);

      await().atMost(Duration.ofSeconds(60))
          .until(() -> count(url, "SELECT count(*) FROM articles") == 2);
      List<DeadLetter> letters = readDeadLetters("dlq-" + suffix, 1);

      assertThat(letters).singleElement().satisfies(letter -> {
        assertThat(letter.getStage()).isEqualTo("sink.store");
        assertThat(letter.getArticleId()).isEqualTo("nul");
        assertThat(letter.getErrorMessage()).isNotBlank();
      });
      assertThat(sink.article("ok-1")).isPresent();
      assertThat(sink.article("ok-2")).isPresent();
    }
  }

  /**
   * The query API answers with stored articles and names bad parameters; the live stream sends
   * only matching articles, and a client reconnecting with Last-Event-ID gets what it missed.
   */
  @Test
  @Timeout(120)
  void shouldServeQueriesAndLiveStreamWithResume(@TempDir Path dir) throws Exception {
    String url = TestDatabases.sqlite(dir);
    String suffix = UUID.randomUUID().toString();
    try (SinkService sink = SinkService.start(settings(url, suffix), new SimpleMeterRegistry())) {
      Javalin app = Javalin.create(config -> config.showJavalinBanner = false);
      sink.registerRoutes(app);
      app.start("127.0.0.1", 0);
      String base = "http://127.0.0.1:" + app.port();
      try {
        List<String> received = new CopyOnWriteArrayList<>();
        List<String> ids = new CopyOnWriteArrayList<>();
        Thread reader = stream(base + "/v1/stream?country=IQ", null, received, ids);
        await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty()
            || reader.isAlive());
        Thread.sleep(500);
        send("enriched-" + suffix, article("s-1", "Mosul first", "Mosul", "IQ"));
        send("enriched-" + suffix, article("s-2", "Kuwait ferry", "Kuwait City", "KW"));
        send("enriched-" + suffix, article("s-3", "Mosul second", "Mosul", "IQ"));
        await().atMost(Duration.ofSeconds(30)).until(() -> sink.article("s-3").isPresent());
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 2);
        List<String> firstSession = List.copyOf(received);
        reader.interrupt();
        String lastId = ids.get(0);

        send("enriched-" + suffix, article("s-4", "Mosul third", "Mosul", "IQ"));
        await().atMost(Duration.ofSeconds(30)).until(() -> sink.article("s-4").isPresent());
        List<String> resumed = new CopyOnWriteArrayList<>();
        Thread again = stream(base + "/v1/stream?country=IQ", lastId, resumed,
            new ArrayList<>());
        await().atMost(Duration.ofSeconds(30)).until(() -> resumed.size() >= 2);
        again.interrupt();

        assertThat(firstSession).extracting(SinkKafkaIT::idOf).containsExactly("s-1", "s-3");
        assertThat(resumed).extracting(SinkKafkaIT::idOf).containsExactly("s-3", "s-4");

        JsonNode page = get(base + "/v1/articles?place=Mosul&limit=10");
        assertThat(page.get("articles")).extracting(a -> a.get("id").asText())
            .containsExactly("s-4", "s-3", "s-1");
        JsonNode places = get(base + "/v1/places?country=IQ");
        assertThat(places.get("places").get(0).get("name").asText()).isEqualTo("Mosul");
        assertThat(places.get("places").get(0).get("articles").asInt()).isEqualTo(3);
        assertThat(get(base + "/v1/articles/s-2").get("headline").asText())
            .isEqualTo("Kuwait ferry");
        assertThat(status(base + "/v1/articles/nope")).isEqualTo(404);
        assertThat(status(base + "/v1/articles?limit=5000")).isEqualTo(400);
        assertThat(get(base + "/v1/articles?since=yesterday").get("field").asText())
            .isEqualTo("since");
        assertThat(get(base + "/v1/articles?country=Iraq").get("field").asText())
            .isEqualTo("country");
        assertThat(get(base + "/v1/articles?cursor=zzz").get("field").asText())
            .isEqualTo("cursor");
        assertThat(get(base + "/v1/articles?place=99999999999999999999").get("field")
            .asText()).isEqualTo("place");
      } finally {
        app.stop();
      }
    }
  }

  private static String idOf(String data) {
    try {
      return JSON.readTree(data).get("id").asText();
    } catch (Exception e) {
      throw new IllegalStateException(data, e);
    }
  }

  /** Reads an SSE stream on a thread of its own, collecting article data and event ids. */
  private static Thread stream(String url, String lastEventId, List<String> data,
      List<String> ids) {
    Thread thread = new Thread(() -> {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
      if (lastEventId != null) {
        request.header("Last-Event-ID", lastEventId);
      }
      try {
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(
            request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
            StandardCharsets.UTF_8))) {
          String line;
          while (!Thread.currentThread().isInterrupted() && (line = lines.readLine()) != null) {
            if (line.startsWith("id:")) {
              ids.add(line.substring(3).trim());
            } else if (line.startsWith("data:")) {
              data.add(line.substring(5).trim());
            }
          }
        }
      } catch (Exception e) {
        // the test interrupts the reader when it has what it needs
      }
    }, "sse-reader");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static JsonNode get(String url) throws Exception {
    return JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body());
  }

  private static int status(String url) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private static List<DeadLetter> readDeadLetters(String topic, int count) {
    Map<String, Object> config = new HashMap<>(platform.clientConfig());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<DeadLetter> letters = new ArrayList<>();
    try (KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(config,
        new StringDeserializer(), topics.deadLetters().valueSerde().deserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (letters.size() < count && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> letters.add(r.value()));
      }
    }
    return letters;
  }
}
