package io.newswire.schemas.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The compatibility rules a subject enforces between a new schema and the versions before it,
 * with Confluent's names and meanings.
 *
 * <ul>
 *   <li>BACKWARD: consumers using the new schema can read data written with the previous one.</li>
 *   <li>FORWARD: consumers using the previous schema can read data written with the new one.</li>
 *   <li>FULL: both.</li>
 *   <li>The {@code _TRANSITIVE} variants check against every earlier version, not just the latest.
 *   </li>
 * </ul>
 */
public enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  private final boolean backward;
  private final boolean forward;
  private final boolean transitive;

  CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
    this.backward = backward;
    this.forward = forward;
    this.transitive = transitive;
  }

  /** Whether the new schema must be able to read data written with earlier schemas. */
  public boolean backward() {
    return backward;
  }

  /** Whether earlier schemas must be able to read data written with the new schema. */
  public boolean forward() {
    return forward;
  }

  /** Whether every earlier version is checked rather than only the latest. */
  public boolean transitive() {
    return transitive;
  }

  /**
   * Parses a level name, case-insensitively.
   *
   * @throws RegistryException with code 42203 when the name is not a level
   */
  public static CompatibilityLevel parse(String name) {
    if (name != null) {
      try {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        // fall through to the error naming the accepted values
      }
    }
    String accepted = Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    throw new RegistryException(RegistryException.INVALID_COMPATIBILITY_LEVEL,
        "Invalid compatibility level '" + name + "'. Valid values are: " + accepted);
  }
}
