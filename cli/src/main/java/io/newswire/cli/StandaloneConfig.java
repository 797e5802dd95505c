package io.newswire.cli;

import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Settings of {@code newswire up}: where the single-machine pipeline keeps data and listens. */
final class StandaloneConfig extends AbstractConfig {
  static final String DATA_DIR = "data.dir";
  static final String KAFKA_PORT = "kafka.port";
  static final String KAFKA_CONTROLLER_PORT = "kafka.controller.port";

  static final ConfigDef DEFINITION = new ConfigDef()
      .define(DATA_DIR, Type.STRING, ".newswire", new ConfigDef.NonEmptyString(),
          Importance.HIGH, "Directory of the embedded broker's log, the database and the feed"
              + " keys; kept across restarts.")
      .define(KAFKA_PORT, Type.INT, 9092, Range.between(1, 65_535), Importance.MEDIUM,
          "Client port of the embedded Kafka broker, on 127.0.0.1.")
      .define(KAFKA_CONTROLLER_PORT, Type.INT, 9093, Range.between(1, 65_535), Importance.LOW,
          "KRaft controller port of the embedded broker, on 127.0.0.1.");

  StandaloneConfig(Map<?, ?> props) {
    super(DEFINITION, props, false);
  }

  Path dataDir() {
    return Path.of(getString(DATA_DIR));
  }

  int kafkaPort() {
    return getInt(KAFKA_PORT);
  }

  int controllerPort() {
    return getInt(KAFKA_CONTROLLER_PORT);
  }
}
