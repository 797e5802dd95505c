package io.newswire.platform.registry;

import io.newswire.schemas.registry.CompatibilityLevel;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/** Settings of the schema registry server; store keys are those of Confluent's registry. */
public final class RegistryServerConfig extends AbstractConfig {
  public static final String HOST = "registry.host";
  public static final String PORT = "registry.port";
  public static final String STORE_TOPIC = "kafkastore.topic";
  public static final String STORE_TIMEOUT_MS = "kafkastore.timeout.ms";
  public static final String COMPATIBILITY_LEVEL = "schema.compatibility.level";

  public static final ConfigDef DEFINITION = new ConfigDef()
      .define(HOST, Type.STRING, "127.0.0.1", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
          "Address the registry listens on.")
      .define(PORT, Type.INT, 8081, Range.between(0, 65_535), Importance.MEDIUM,
          "Port the registry listens on; 0 picks a free one.")
      .define(STORE_TOPIC, Type.STRING, "_schemas", new ConfigDef.NonEmptyString(),
          Importance.LOW, "Compacted topic that stores the registry's schemas and settings.")
      .define(STORE_TIMEOUT_MS, Type.INT, 10_000, Range.atLeast(100), Importance.LOW,
          "Bound on each read or write of the store topic, in milliseconds.")
      .define(COMPATIBILITY_LEVEL, Type.STRING, "BACKWARD", (name, value) -> {
        try {
          CompatibilityLevel.parse((String) value);
        } catch (RuntimeException e) {
          throw new ConfigException(name, value, e.getMessage());
        }
      }, Importance.MEDIUM, "Global compatibility level until one is set through /config.");

  public RegistryServerConfig(Map<?, ?> props) {
    super(DEFINITION, props, false);
  }

  public String host() {
    return getString(HOST);
  }

  public int port() {
    return getInt(PORT);
  }

  public String storeTopic() {
    return getString(STORE_TOPIC);
  }

  public Duration storeTimeout() {
    return Duration.ofMillis(getInt(STORE_TIMEOUT_MS));
  }

  public CompatibilityLevel defaultLevel() {
    return CompatibilityLevel.parse(getString(COMPATIBILITY_LEVEL));
  }
}
