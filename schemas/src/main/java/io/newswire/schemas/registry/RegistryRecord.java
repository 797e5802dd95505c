package io.newswire.schemas.registry;

/**
 * A change to the registry's state. A registry is the result of applying its records in order;
 * records are what a {@link RegistryJournal} stores.
 */
public sealed interface RegistryRecord {

  /** A subject version was registered, or (with {@code deleted}) soft-deleted. */
  record SchemaRegistered(SchemaVersion version) implements RegistryRecord {
  }

  /** A subject version was permanently deleted. */
  record SchemaErased(String subject, int version) implements RegistryRecord {
  }

  /**
   * The compatibility level of a subject, or the global one when {@code subject} is null, was
   * set, or (with a null {@code level}) removed.
   */
  record CompatibilitySet(String subject, CompatibilityLevel level) implements RegistryRecord {
  }

  /**
   * The highest schema id handed out so far. Kept as its own record so that ids are never reused,
   * even after the schemas that held them were permanently deleted.
   */
  record IdWatermark(int maxId) implements RegistryRecord {
  }
}
