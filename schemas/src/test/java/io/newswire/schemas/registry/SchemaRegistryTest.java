package io.newswire.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class SchemaRegistryTest {
  private static final String V1 =
      "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";
  private final SchemaRegistry registry =
      new SchemaRegistry(new InMemoryRegistryJournal(CompatibilityLevel.BACKWARD));

  @Test
  void shouldIgnoreWhitespaceWhenComparingSchemas() {
    int id = registry.register("s", V1);

    int again = registry.register("s", V1.replace(",", " ,\n "));

    assertThat(again).isEqualTo(id);
    assertThat(registry.versionNumbers("s", false)).containsExactly(1);
  }

  @Test
  void shouldNeverReuseIdOfPermanentlyDeletedSchema() {
    int first = registry.register("s", V1);
    registry.deleteSubject("s", false);
    registry.deleteSubject("s", true);

    int next = registry.register("t", V1.replace("\"a\"", "\"b\""));

    assertThatThrownBy(() -> registry.schemaById(first))
        .satisfies(e -> assertThat(((RegistryException) e).errorCode()).isEqualTo(40403));
    assertThat(next).isGreaterThan(first);
  }

  @Test
  void shouldNumberNewVersionAfterSoftDeletedOnes() {
    registry.register("s", V1);
    registry.deleteVersion("s", "1", false);

    registry.register("s", V1);

    assertThat(registry.versionNumbers("s", true)).containsExactly(1, 2);
    assertThat(registry.version("s", "latest", false).version()).isEqualTo(2);
  }

  @Test
  void shouldDescribeIncompatibleFieldByName() {
    Schema reader = new Schema.Parser().parse(
        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"inner\",\"type\":"
            + "{\"type\":\"record\",\"name\":\"I\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}}"
            + "]}");

    assertThat(SchemaRegistry.fieldPath(reader, "/fields/0/type/fields/0/type"))
        .isEqualTo("inner.x (/fields/0/type/fields/0/type)");
  }
}
