package io.newswire.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * For every compatibility level, one change it accepts and one it refuses, checked with Avro's
 * reader/writer rules through {@link SchemaRegistry#register}.
 */
class CompatibilityMatrixTest {
  private static final String A_STRING = record("{\"name\":\"a\",\"type\":\"string\"}");
  private static final String A_STRING_DEFAULTED =
      record("{\"name\":\"a\",\"type\":\"string\",\"default\":\"\"}");
  private static final String A_STRING_B_DEFAULTED = record(
      "{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\",\"default\":0}");
  private static final String A_STRING_B_REQUIRED = record(
      "{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\"}");
  private static final String NOTHING = record("");
  private static final String A_INT = record("{\"name\":\"a\",\"type\":\"int\"}");
  private static final String A_INT_DEFAULTED =
      record("{\"name\":\"a\",\"type\":\"int\",\"default\":0}");

  private static String record(String fields) {
    return "{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + fields + "]}";
  }

  private static SchemaRegistry registry(CompatibilityLevel level) {
    return new SchemaRegistry(new InMemoryRegistryJournal(level));
  }

  @ParameterizedTest
  @EnumSource(CompatibilityLevel.class)
  void shouldAcceptAddingFieldWithDefaultAtEveryLevel(CompatibilityLevel level) {
    SchemaRegistry registry = registry(level);
    registry.register("s", A_STRING);

    registry.register("s", A_STRING_B_DEFAULTED);

    assertThat(registry.versionNumbers("s", false)).containsExactly(1, 2);
  }

  @ParameterizedTest
  @EnumSource(value = CompatibilityLevel.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
  void shouldRefuseChangingFieldTypeAtEveryLevelButNone(CompatibilityLevel level) {
    SchemaRegistry registry = registry(level);
    registry.register("s", A_STRING);

    assertThatThrownBy(() -> registry.register("s", A_INT))
        .isInstanceOf(RegistryException.class)
        .satisfies(e -> assertThat(((RegistryException) e).errorCode()).isEqualTo(409))
        .hasMessageContaining("a (/fields/0/type)");
  }

  @ParameterizedTest
  @EnumSource(value = CompatibilityLevel.class, names = "NONE")
  void shouldAcceptAnyChangeAtNone(CompatibilityLevel level) {
    SchemaRegistry registry = registry(level);
    registry.register("s", A_STRING);

    registry.register("s", A_INT);

    assertThat(registry.versionNumbers("s", false)).containsExactly(1, 2);
  }

  @ParameterizedTest
  @EnumSource(value = CompatibilityLevel.class, names = {"BACKWARD", "BACKWARD_TRANSITIVE"})
  void shouldRefuseNewRequiredFieldWhenBackward(CompatibilityLevel level) {
    SchemaRegistry registry = registry(level);
    registry.register("s", A_STRING);

    assertThatThrownBy(() -> registry.register("s", A_STRING_B_REQUIRED))
        .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE");
  }

  @ParameterizedTest
  @EnumSource(value = CompatibilityLevel.class, names = {"FORWARD", "FORWARD_TRANSITIVE"})
  void shouldAcceptNewRequiredFieldWhenOnlyForward(CompatibilityLevel level) {
    SchemaRegistry registry = registry(level);
    registry.register("s", A_STRING);

    registry.register("s", A_STRING_B_REQUIRED);

    assertThat(registry.versionNumbers("s", false)).containsExactly(1, 2);
  }

  @ParameterizedTest
  @EnumSource(value = CompatibilityLevel.class,
      names = {"FORWARD", "FORWARD_TRANSITIVE", "FULL", "FULL_TRANSITIVE"})
  void shouldRefuseRemovingFieldWithoutDefaultWhenForward(CompatibilityLevel level) {
    SchemaRegistry registry = registry(level);
    registry.register("s", A_STRING);

    assertThatThrownBy(() -> registry.register("s", NOTHING))
        .isInstanceOf(RegistryException.class);
  }

  /**
   * The third version is compatible with the second but not the first: the plain levels accept
   * it, the transitive ones refuse it.
   */
  @ParameterizedTest
  @EnumSource(value = CompatibilityLevel.class, names = {"BACKWARD", "FORWARD", "FULL"})
  void shouldCheckOnlyLatestVersionWhenNotTransitive(CompatibilityLevel level) {
    SchemaRegistry registry = registry(level);
    registry.register("s", A_STRING_DEFAULTED);
    registry.register("s", NOTHING);

    registry.register("s", A_INT_DEFAULTED);

    assertThat(registry.versionNumbers("s", false)).containsExactly(1, 2, 3);
  }

  @ParameterizedTest
  @EnumSource(value = CompatibilityLevel.class,
      names = {"BACKWARD_TRANSITIVE", "FORWARD_TRANSITIVE", "FULL_TRANSITIVE"})
  void shouldCheckEveryVersionWhenTransitive(CompatibilityLevel level) {
    SchemaRegistry registry = registry(level);
    registry.register("s", A_STRING_DEFAULTED);
    registry.register("s", NOTHING);

    assertThatThrownBy(() -> registry.register("s", A_INT_DEFAULTED))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("version 1");
  }
}
