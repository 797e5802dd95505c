package io.newswire.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswire.schemas.TopicsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSourcesTest {

  @Test
  void shouldLetFileOverrideDefaultsEnvOverrideFileAndFlagsOverrideEnv(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("newswire.properties");
    Files.writeString(file, """
        topic.raw.name=from-file
        topic.raw.partitions=3
        topic.dlq.name=dlq-from-file
        """);
    Map<String, String> env = Map.of(
        "NEWSWIRE_TOPIC_RAW_PARTITIONS", "4",
        "NEWSWIRE_TOPIC_DLQ_NAME", "dlq-from-env",
        "PATH", "/usr/bin");
    Map<String, String> flags = Map.of("topic.dlq.name", "dlq-from-flag");

    TopicsConfig config = new TopicsConfig(ConfigSources.load(file, env, flags));

    assertThat(config.rawName()).isEqualTo("from-file");
    assertThat(config.rawSpec().partitions()).isEqualTo(4);
    assertThat(config.deadLetterName()).isEqualTo("dlq-from-flag");
    assertThat(config.enrichedName()).as("default").isEqualTo("newswire.articles.enriched");
  }

  @Test
  void shouldMapEnvironmentVariableNamesToKeys() {
    assertThat(ConfigSources.keyOf("NEWSWIRE_SCHEMA_REGISTRY_URL"))
        .isEqualTo("schema.registry.url");
    assertThat(ConfigSources.fromEnvironment(Map.of("NEWSWIRE_", "x", "HOME", "/root")))
        .isEmpty();
  }

  @Test
  void shouldNameTheFileThatCannotBeRead(@TempDir Path dir) {
    Path missing = dir.resolve("absent.properties");

    assertThatThrownBy(() -> ConfigSources.load(missing, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("absent.properties");
  }

  @Test
  void shouldNameTheKeyOfAnInvalidValue() {
    assertThatThrownBy(() -> new TopicsConfig(Map.of("topic.raw.partitions", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("topic.raw.partitions");
  }
}
