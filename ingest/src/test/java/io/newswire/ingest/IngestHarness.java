package io.newswire.ingest;

import io.javalin.Javalin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswire.avro.RawArticle;
import io.newswire.ingest.internal.FeedRegistry;
import io.newswire.schemas.registry.MockSchemaRegistry;
import io.newswire.schemas.serde.AvroSerdeConfig;
import io.newswire.schemas.serde.SpecificAvroSerde;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The ingest service on a real HTTP server with a {@link MockProducer} behind the real Avro
 * serializer (in-memory registry): for the API's unit tests.
 */
final class IngestHarness implements AutoCloseable {
  static final String KEY = "newsroom-key";
  static final String DISABLED_KEY = "disabled-key";
  static final String SLOW_KEY = "slow-key";
  static final String TEXT_ONLY_KEY = "text-only-key";

  final MockProducer<String, RawArticle> producer;
  final IngestService service;
  final AtomicBoolean kafkaUp = new AtomicBoolean(true);
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final Javalin app;
  private final HttpClient http = HttpClient.newHttpClient();
  private final String scope = "ingest-" + UUID.randomUUID();

  IngestHarness(boolean autoComplete, Path stateDir, Map<String, String> extra) {
    Map<String, Object> settings = new HashMap<>();
    settings.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);
    settings.put(IngestConfig.STATE_DIR, stateDir.toString());
    settings.put(IngestConfig.KAFKA_TIMEOUT_MS, "2000");
    settings.put(IngestConfig.RETRY_AFTER_SECONDS, "7");
    settings.put(IngestConfig.MAX_BODY_BYTES, "65536");
    settings.put(IngestConfig.BATCH_MAX_LINES, "5");
    settings.put("feed.newsroom.key.sha256", FeedRegistry.sha256Hex(KEY));
    settings.put("feed.off.key.sha256", FeedRegistry.sha256Hex(DISABLED_KEY));
    settings.put("feed.off.enabled", "false");
    settings.put("feed.slow.key.sha256", FeedRegistry.sha256Hex(SLOW_KEY));
    settings.put("feed.slow.rate", "0.1");
    settings.put("feed.slow.burst", "1");
    settings.put("feed.plain.key.sha256", FeedRegistry.sha256Hex(TEXT_ONLY_KEY));
    settings.put("feed.plain.content.types", "text/plain");
    settings.putAll(extra);
    SpecificAvroSerde<RawArticle> serde = SpecificAvroSerde.configured(RawArticle.class,
        settings, false);
    producer = new MockProducer<>(autoComplete, null, new StringSerializer(),
        serde.serializer());
    service = new IngestService(new IngestConfig(settings), settings, producer,
        "newswire.articles.raw", kafkaUp::get, () -> { }, Clock.systemUTC(), meters);
    app = Javalin.create(config -> config.showJavalinBanner = false);
    service.registerRoutes(app);
    app.start("127.0.0.1", 0);
  }

  HttpResponse<String> post(String path, String contentType, byte[] body, String key) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
            "http://127.0.0.1:" + app.port() + path))
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    app.stop();
    service.close();
    MockSchemaRegistry.drop(scope);
  }
}
