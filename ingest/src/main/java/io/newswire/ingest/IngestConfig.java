package io.newswire.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Settings of the ingest service. Feeds that push are {@code feed.<id>.*} settings and feeds to
 * poll {@code poll.<id>.*} settings (see the README); topic and serde settings are shared with
 * the other services.
 */
public final class IngestConfig extends AbstractConfig {
  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String MAX_BODY_BYTES = "ingest.max.body.bytes";
  public static final String BATCH_MAX_LINES = "ingest.batch.max.lines";
  public static final String BATCH_MAX_BYTES = "ingest.batch.max.bytes";
  public static final String KAFKA_TIMEOUT_MS = "ingest.kafka.timeout.ms";
  public static final String RETRY_AFTER_SECONDS = "ingest.retry.after.seconds";
  public static final String RATE_PER_SECOND = "ingest.rate.per.second";
  public static final String RATE_BURST = "ingest.rate.burst";
  public static final String DEDUP_CACHE_SIZE = "ingest.dedup.cache.size";
  public static final String FEEDS_FILE = "ingest.feeds.file";
  public static final String STATE_DIR = "ingest.state.dir";
  public static final String LINGER_MS = "ingest.producer.linger.ms";
  public static final String POLL_MAX_BACKOFF_SECONDS = "ingest.poll.max.backoff.seconds";

  public static final ConfigDef DEFINITION = new ConfigDef()
      .define(BOOTSTRAP_SERVERS, Type.STRING, "127.0.0.1:9092", new ConfigDef.NonEmptyString(),
          Importance.HIGH, "Kafka to publish raw articles to.")
      .define(SCHEMA_REGISTRY_URL, Type.STRING, "http://127.0.0.1:8081",
          new ConfigDef.NonEmptyString(), Importance.HIGH, "Schema registry for the Avro values.")
      .define(MAX_BODY_BYTES, Type.INT, 2 * 1024 * 1024, Range.atLeast(1), Importance.MEDIUM,
          "Largest article accepted, in bytes; larger ones are answered 413.")
      .define(BATCH_MAX_LINES, Type.INT, 1000, Range.atLeast(1), Importance.LOW,
          "Most lines in one batch request.")
      .define(BATCH_MAX_BYTES, Type.INT, 16 * 1024 * 1024, Range.atLeast(1), Importance.LOW,
          "Largest batch request, in bytes.")
      .define(KAFKA_TIMEOUT_MS, Type.INT, 10_000, Range.atLeast(1_000), Importance.MEDIUM,
          "How long a request waits for Kafka's acknowledgement before it is answered 503.")
      .define(RETRY_AFTER_SECONDS, Type.INT, 5, Range.atLeast(1), Importance.LOW,
          "Retry-After of 503 answers, in seconds.")
      .define(RATE_PER_SECOND, Type.DOUBLE, 200.0, Range.atLeast(0.001), Importance.MEDIUM,
          "Articles per second a feed may push unless it sets feed.<id>.rate.")
      .define(RATE_BURST, Type.INT, 400, Range.atLeast(1), Importance.LOW,
          "Articles a feed may push at once above its rate unless it sets feed.<id>.burst.")
      .define(DEDUP_CACHE_SIZE, Type.INT, 50_000, Range.atLeast(0), Importance.LOW,
          "Recently stored articles remembered to answer repeats without writing them again.")
      .define(FEEDS_FILE, Type.STRING, "", Importance.MEDIUM,
          "Optional properties file of feed.<id>.* settings, read after the other sources.")
      .define(STATE_DIR, Type.STRING, ".newswire/ingest", new ConfigDef.NonEmptyString(),
          Importance.LOW, "Where the feed pollers remember what they published.")
      .define(LINGER_MS, Type.INT, 0, Range.between(0, 1_000), Importance.LOW,
          "Producer linger: how long to wait for more articles to batch together. Each push"
              + " waits for Kafka's acknowledgement, so a linger adds to every push's latency;"
              + " under load articles batch while a request is in flight anyway.")
      .define(POLL_MAX_BACKOFF_SECONDS, Type.INT, 900, Range.atLeast(1), Importance.LOW,
          "Longest wait between retries of a failing polled feed.");

  public IngestConfig(Map<?, ?> props) {
    super(DEFINITION, props, false);
    if (getInt(BATCH_MAX_BYTES) < getInt(MAX_BODY_BYTES)) {
      throw new ConfigException(BATCH_MAX_BYTES, getInt(BATCH_MAX_BYTES),
          "must be at least " + MAX_BODY_BYTES + " (" + getInt(MAX_BODY_BYTES) + ")");
    }
  }

  public int maxBodyBytes() {
    return getInt(MAX_BODY_BYTES);
  }

  public int batchMaxLines() {
    return getInt(BATCH_MAX_LINES);
  }

  public int batchMaxBytes() {
    return getInt(BATCH_MAX_BYTES);
  }

  public Duration kafkaTimeout() {
    return Duration.ofMillis(getInt(KAFKA_TIMEOUT_MS));
  }

  public Duration retryAfter() {
    return Duration.ofSeconds(getInt(RETRY_AFTER_SECONDS));
  }

  public Path feedsFile() {
    String file = getString(FEEDS_FILE);
    return file.isBlank() ? null : Path.of(file);
  }

  public Path stateDir() {
    return Path.of(getString(STATE_DIR));
  }

  /**
   * Every setting as given, and the addresses of Kafka and the registry with their defaults, for
   * the serdes and topics that read their own keys.
   */
  public Map<String, Object> settings() {
    Map<String, Object> settings = new HashMap<>(originals());
    settings.put(BOOTSTRAP_SERVERS, getString(BOOTSTRAP_SERVERS));
    settings.put(SCHEMA_REGISTRY_URL, getString(SCHEMA_REGISTRY_URL));
    return settings;
  }
}
