package io.newswire.schemas.registry;

import java.util.Objects;

/**
 * One registered version of a subject.
 *
 * @param subject the subject, e.g. {@code newswire.articles.raw-value}
 * @param version 1-based version within the subject
 * @param id the global schema id written into every record (the same schema text has the same id
 *     under every subject)
 * @param schema the schema in canonical JSON form
 * @param deleted whether the version is soft-deleted
 */
public record SchemaVersion(String subject, int version, int id, String schema, boolean deleted) {
  public SchemaVersion {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(schema, "schema");
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1, was " + version);
    }
    if (id < 1) {
      throw new IllegalArgumentException("id must be >= 1, was " + id);
    }
  }

  SchemaVersion markDeleted() {
    return new SchemaVersion(subject, version, id, schema, true);
  }
}
