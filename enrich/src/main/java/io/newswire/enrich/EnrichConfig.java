package io.newswire.enrich;

import io.newswire.enrich.places.Gazetteer;
import io.newswire.schemas.config.ThreadPriority;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Settings of the enrich Streams application. Topic and serde settings ({@code topic.*},
 * {@code schema.registry.url}) are shared with the other services and kept in
 * {@link #originals()}.
 */
public final class EnrichConfig extends AbstractConfig {
  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String APPLICATION_ID = "enrich.application.id";
  public static final String STATE_DIR = "enrich.state.dir";
  public static final String THREADS = "enrich.threads";
  public static final String NICE = "enrich.nice";
  public static final String STANDBY_REPLICAS = "enrich.standby.replicas";
  public static final String DEDUP_WINDOW_MS = "enrich.dedup.window.ms";
  public static final String COMMIT_INTERVAL_MS = "enrich.commit.interval.ms";
  public static final String PIPELINE_VERSION = "enrich.pipeline.version";
  public static final String GAZETTEER = "enrich.gazetteer";

  public static final ConfigDef DEFINITION = new ConfigDef()
      .define(BOOTSTRAP_SERVERS, Type.STRING, "127.0.0.1:9092", new ConfigDef.NonEmptyString(),
          Importance.HIGH, "Kafka to read raw and write enriched articles.")
      .define(SCHEMA_REGISTRY_URL, Type.STRING, "http://127.0.0.1:8081",
          new ConfigDef.NonEmptyString(), Importance.HIGH, "Schema registry for Avro values.")
      .define(APPLICATION_ID, Type.STRING, "newswire-enrich", new ConfigDef.NonEmptyString(),
          Importance.MEDIUM, "Streams application id: instances with the same id share the"
              + " raw topic's partitions.")
      .define(STATE_DIR, Type.STRING, ".newswire/enrich", new ConfigDef.NonEmptyString(),
          Importance.MEDIUM, "Where the state stores (versions, content hashes) live.")
      .define(THREADS, Type.INT, 1, Range.between(1, 64), Importance.MEDIUM,
          "Stream threads of this instance.")
      .define(NICE, Type.INT, 10, Range.between(0, ThreadPriority.MAX_NICE), Importance.LOW,
          "Nice value of the stream threads (Linux): how far their claim on the CPU yields to"
              + " normal threads, such as ingest's acknowledging pushes on the same machine;"
              + " 0 to run them as the others.")
      .define(STANDBY_REPLICAS, Type.INT, 0, Range.between(0, 5), Importance.LOW,
          "Warm copies of each state store on other instances, for fast fail-over.")
      .define(DEDUP_WINDOW_MS, Type.LONG, Duration.ofDays(1).toMillis(), Range.atLeast(1),
          Importance.LOW, "How long after an article's enrichment a new version of it with the"
              + " same content is suppressed.")
      .define(COMMIT_INTERVAL_MS, Type.INT, 100, Range.atLeast(1), Importance.LOW,
          "How often transactions commit: the floor of end-to-end latency under exactly-once.")
      .define(PIPELINE_VERSION, Type.STRING, defaultVersion(), Importance.LOW,
          "Version stamped into each record's provenance.")
      .define(GAZETTEER, Type.STRING, Gazetteer.BUILT_IN, new ConfigDef.NonEmptyString(),
          Importance.MEDIUM, "Where places come from, comma-separated: 'builtin' (GeoNames"
              + " cities of 15,000 people or more) and/or paths of GeoNames dumps (cities500.txt,"
              + " allCountries.txt.gz, alternateNamesV2.txt ...). Countries, first-level"
              + " divisions and Newswire's lists are always loaded.");

  public EnrichConfig(Map<?, ?> props) {
    super(DEFINITION, props, false);
  }

  /** This build's version, from the jar manifest. */
  private static String defaultVersion() {
    String version = EnrichConfig.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }

  /** The gazetteer these settings name, compiled (seconds for a large dump). */
  public Gazetteer gazetteer() {
    return Gazetteer.load(getString(GAZETTEER));
  }

  public Duration dedupWindow() {
    return Duration.ofMillis(getLong(DEDUP_WINDOW_MS));
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
