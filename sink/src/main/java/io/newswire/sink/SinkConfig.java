package io.newswire.sink;

import io.newswire.schemas.config.ThreadPriority;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.types.Password;

/** Settings of the sink: the database, batching and retry, and the Kafka it reads. */
public final class SinkConfig extends AbstractConfig {
  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String DATABASE_URL = "sink.database.url";
  public static final String DATABASE_USER = "sink.database.user";
  public static final String DATABASE_PASSWORD = "sink.database.password";
  public static final String DATABASE_POOL_SIZE = "sink.database.pool.size";
  public static final String SQLITE_WRITER_CACHE_MIB = "sink.sqlite.writer.cache.mib";
  public static final int DEFAULT_SQLITE_WRITER_CACHE_MIB = 64;
  public static final String GROUP_ID = "sink.group.id";
  public static final String BATCH_MAX_RECORDS = "sink.batch.max.records";
  public static final String BATCH_LINGER_MS = "sink.batch.linger.ms";
  public static final String NICE = "sink.nice";
  public static final String RETRY_INITIAL_MS = "sink.retry.initial.ms";
  public static final String RETRY_MAX_MS = "sink.retry.max.ms";

  public static final ConfigDef DEFINITION = new ConfigDef()
      .define(BOOTSTRAP_SERVERS, Type.STRING, "127.0.0.1:9092", new ConfigDef.NonEmptyString(),
          Importance.HIGH, "Kafka to read enriched articles from.")
      .define(SCHEMA_REGISTRY_URL, Type.STRING, "http://127.0.0.1:8081",
          new ConfigDef.NonEmptyString(), Importance.HIGH, "Schema registry for Avro values.")
      .define(DATABASE_URL, Type.STRING, "jdbc:sqlite:.newswire/newswire.db",
          new ConfigDef.NonEmptyString(), Importance.HIGH,
          "jdbc:sqlite:<file> (the embedded default) or jdbc:postgresql://host:port/db.")
      .define(DATABASE_USER, Type.STRING, "", Importance.MEDIUM, "Database user, if any.")
      .define(DATABASE_PASSWORD, Type.PASSWORD, "", Importance.MEDIUM,
          "Database password, if any; never logged.")
      .define(DATABASE_POOL_SIZE, Type.INT, 4, Range.between(1, 64), Importance.LOW,
          "Connections that answer queries (with PostgreSQL one of them writes; SQLite's writer"
              + " has a connection of its own).")
      .define(SQLITE_WRITER_CACHE_MIB, Type.INT, DEFAULT_SQLITE_WRITER_CACHE_MIB,
          Range.between(1, 4096), Importance.LOW,
          "Page cache of SQLite's writing connection, in MiB (the readers keep SQLite's 2 MiB):"
              + " each row's full-text index entries reach pages all over the index.")
      .define(GROUP_ID, Type.STRING, "newswire-sink", new ConfigDef.NonEmptyString(),
          Importance.MEDIUM, "Consumer group: sink instances with one id share the partitions.")
      .define(BATCH_MAX_RECORDS, Type.INT, 500, Range.atLeast(1), Importance.MEDIUM,
          "Most records written in one transaction.")
      .define(BATCH_LINGER_MS, Type.INT, 20, Range.between(0, 10_000), Importance.LOW,
          "How long the sink waits for more records to fill a batch, after the first: bigger"
              + " batches cost less CPU per article, and each article is stored up to that much"
              + " later. A backlog fills batches without waiting.")
      .define(NICE, Type.INT, 10, Range.between(0, ThreadPriority.MAX_NICE), Importance.LOW,
          "Nice value of the thread that writes to the database (Linux): how far its claim on"
              + " the CPU yields to normal threads, such as ingest's acknowledging pushes on the"
              + " same machine; 0 to run it as the others.")
      .define(RETRY_INITIAL_MS, Type.INT, 200, Range.atLeast(1), Importance.LOW,
          "First wait before retrying a batch while the database is unavailable.")
      .define(RETRY_MAX_MS, Type.INT, 10_000, Range.atLeast(1), Importance.LOW,
          "Longest wait between retries while the database is unavailable.");

  public SinkConfig(Map<?, ?> props) {
    super(DEFINITION, props, false);
  }

  public String databaseUrl() {
    return getString(DATABASE_URL);
  }

  /** The database URL with any password in it masked, for logs and banners. */
  public String databaseUrlForDisplay() {
    return redact(databaseUrl());
  }

  /** A JDBC URL with its {@code password=} parameter masked. */
  public static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  public String databasePassword() {
    Password password = getPassword(DATABASE_PASSWORD);
    return password == null ? "" : password.value();
  }

  public Duration retryInitial() {
    return Duration.ofMillis(getInt(RETRY_INITIAL_MS));
  }

  public Duration retryMax() {
    return Duration.ofMillis(getInt(RETRY_MAX_MS));
  }

  /**
   * Every setting as given, and the addresses of Kafka and the registry with their defaults, for
   * the serdes and topics that read their own keys.
   */
  public Map<String, Object> settings() {
    Map<String, Object> settings = new HashMap<>(originals());
    // With their defaults: the serdes read Kafka's and the registry's addresses from here.
    settings.put(BOOTSTRAP_SERVERS, getString(BOOTSTRAP_SERVERS));
    settings.put(SCHEMA_REGISTRY_URL, getString(SCHEMA_REGISTRY_URL));
    return settings;
  }
}
