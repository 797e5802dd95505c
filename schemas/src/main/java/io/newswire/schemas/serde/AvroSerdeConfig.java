package io.newswire.schemas.serde;

import io.newswire.schemas.registry.CachingSchemaRegistryClient;
import io.newswire.schemas.registry.LocalSchemaRegistryClient;
import io.newswire.schemas.registry.MockSchemaRegistry;
import io.newswire.schemas.registry.RestSchemaRegistryClient;
import io.newswire.schemas.registry.SchemaRegistryClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Configuration of the Avro serde. The keys and defaults are those of Confluent's
 * {@code KafkaAvroSerializer} and {@code KafkaAvroDeserializer}, so a producer or consumer can swap
 * either side for Confluent's classes without touching its settings.
 */
public final class AvroSerdeConfig extends AbstractConfig {
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
  public static final String USE_LATEST_VERSION = "use.latest.version";
  public static final String LATEST_COMPATIBILITY_STRICT = "latest.compatibility.strict";
  public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";
  public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
  public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
  public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
  public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
  public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";

  /** The one subject naming strategy supported: {@code <topic>-key} and {@code <topic>-value}. */
  public static final String TOPIC_NAME_STRATEGY =
      "io.confluent.kafka.serializers.subject.TopicNameStrategy";

  private static final ConfigDef.Validator TOPIC_NAME_STRATEGY_ONLY = (name, value) -> {
    String className = value instanceof Class<?> c ? c.getName() : String.valueOf(value);
    if (!className.endsWith(".TopicNameStrategy")) {
      throw new ConfigException(name, value,
          "only TopicNameStrategy (" + TOPIC_NAME_STRATEGY + ") is supported");
    }
  };

  private static final ConfigDef.Validator AT_LEAST_ONE_URL = (name, value) -> {
    if (value == null || ((List<?>) value).isEmpty()) {
      throw new ConfigException(name, value, "at least one registry URL is required");
    }
  };

  /** The definition of every key, with defaults and documentation. */
  public static final ConfigDef DEFINITION = new ConfigDef()
      .define(SCHEMA_REGISTRY_URL, Type.LIST, ConfigDef.NO_DEFAULT_VALUE,
          AT_LEAST_ONE_URL,
          Importance.HIGH,
          "Comma-separated schema registry base URLs, tried in order; mock://<scope> selects an"
              + " in-memory registry shared by every serde with the same URL (tests only).")
      .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM,
          "Register the record's schema under the subject when it is not there yet. When false,"
              + " the schema must already be registered.")
      .define(USE_LATEST_VERSION, Type.BOOLEAN, false, Importance.LOW,
          "Serialize with the subject's latest registered schema instead of the record's own;"
              + " the record is converted by Avro schema resolution.")
      .define(LATEST_COMPATIBILITY_STRICT, Type.BOOLEAN, true, Importance.LOW,
          "With use.latest.version, refuse a record whose schema the latest schema cannot read.")
      .define(LATEST_CACHE_TTL_SEC, Type.LONG, -1L, Importance.LOW,
          "Seconds to cache a subject's latest version; -1 caches it for the serde's life.")
      .define(SPECIFIC_AVRO_READER, Type.BOOLEAN, false, Importance.MEDIUM,
          "Deserialize into the generated class named by the writer schema instead of"
              + " GenericRecord.")
      .define(KEY_SUBJECT_NAME_STRATEGY, Type.STRING, TOPIC_NAME_STRATEGY,
          TOPIC_NAME_STRATEGY_ONLY, Importance.LOW, "Subject naming for keys: <topic>-key.")
      .define(VALUE_SUBJECT_NAME_STRATEGY, Type.STRING, TOPIC_NAME_STRATEGY,
          TOPIC_NAME_STRATEGY_ONLY, Importance.LOW, "Subject naming for values: <topic>-value.")
      .define(HTTP_CONNECT_TIMEOUT_MS, Type.INT, 10_000, ConfigDef.Range.atLeast(1),
          Importance.LOW, "Bound on connecting to the registry, in milliseconds.")
      .define(HTTP_READ_TIMEOUT_MS, Type.INT, 30_000, ConfigDef.Range.atLeast(1),
          Importance.LOW, "Bound on one registry request, in milliseconds.");

  public AvroSerdeConfig(Map<?, ?> props) {
    super(DEFINITION, props, false);
  }

  public List<String> registryUrls() {
    return getList(SCHEMA_REGISTRY_URL);
  }

  public boolean autoRegisterSchemas() {
    return getBoolean(AUTO_REGISTER_SCHEMAS);
  }

  public boolean useLatestVersion() {
    return getBoolean(USE_LATEST_VERSION);
  }

  public boolean latestCompatibilityStrict() {
    return getBoolean(LATEST_COMPATIBILITY_STRICT);
  }

  public boolean specificAvroReader() {
    return getBoolean(SPECIFIC_AVRO_READER);
  }

  /**
   * A caching client for the configured registry: the in-memory one for {@code mock://} URLs,
   * else the REST client.
   */
  public SchemaRegistryClient newClient() {
    List<String> urls = registryUrls();
    SchemaRegistryClient client;
    if (urls.get(0).startsWith(MockSchemaRegistry.SCHEME)) {
      client = new LocalSchemaRegistryClient(
          MockSchemaRegistry.scope(MockSchemaRegistry.scopeOf(urls.get(0))));
    } else {
      client = new RestSchemaRegistryClient(urls,
          Duration.ofMillis(getInt(HTTP_CONNECT_TIMEOUT_MS)),
          Duration.ofMillis(getInt(HTTP_READ_TIMEOUT_MS)));
    }
    long ttl = getLong(LATEST_CACHE_TTL_SEC);
    return new CachingSchemaRegistryClient(client,
        ttl < 0 ? Duration.ofSeconds(-1) : Duration.ofSeconds(ttl), Clock.systemUTC());
  }
}
