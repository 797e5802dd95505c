package io.newswire.schemas.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * The registry's operations with Confluent Schema Registry semantics, independent of transport
 * and storage: the REST server and the in-memory {@code mock://} client both call this.
 *
 * <p>Schemas are compared in Avro's canonical JSON form, so whitespace and key order do not make a
 * new version; the same canonical schema has one id under every subject. Compatibility is checked
 * with Avro's own reader/writer rules ({@link SchemaCompatibility}).
 */
public final class SchemaRegistry {
  private final RegistryJournal journal;

  public SchemaRegistry(RegistryJournal journal) {
    this.journal = Objects.requireNonNull(journal, "journal");
  }

  /** The outcome of a compatibility test, with Avro's reasons when incompatible. */
  public record CompatibilityResult(boolean compatible, List<String> messages) {
    public CompatibilityResult {
      messages = List.copyOf(messages);
    }
  }

  /**
   * Registers {@code schemaText} under {@code subject}, or finds it there already.
   *
   * @return the schema id
   * @throws RegistryException 42201 for an unparsable schema, 409 when incompatible
   */
  public int register(String subject, String schemaText) {
    String canonical = canonical(schemaText);
    Schema schema = parse(canonical);
    return journal.write(state -> {
      for (SchemaVersion v : state.versions(subject, false)) {
        if (v.schema().equals(canonical)) {
          return RegistryJournal.Mutation.none(v.id());
        }
      }
      CompatibilityLevel level = state.effectiveLevel(subject);
      List<SchemaVersion> live = state.versions(subject, false);
      List<SchemaVersion> against = level.transitive() || live.isEmpty()
          ? live : List.of(live.get(live.size() - 1));
      CompatibilityResult result = check(level, schema, against);
      if (!result.compatible()) {
        throw new RegistryException(RegistryException.INCOMPATIBLE_SCHEMA,
            "Schema being registered is incompatible with an earlier schema for subject '"
                + subject + "' (" + level + "), details: " + result.messages());
      }
      List<RegistryRecord> records = new ArrayList<>(2);
      Optional<Integer> known = state.idOf(canonical);
      int id = known.orElse(state.maxId() + 1);
      if (known.isEmpty()) {
        records.add(new RegistryRecord.IdWatermark(id));
      }
      int version = state.lastVersionNumber(subject) + 1;
      records.add(new RegistryRecord.SchemaRegistered(
          new SchemaVersion(subject, version, id, canonical, false)));
      return new RegistryJournal.Mutation<>(records, id);
    });
  }

  /**
   * Finds the version of {@code subject} that holds {@code schemaText}.
   *
   * @throws RegistryException 40401 unknown subject, 40403 schema not in the subject, 42201
   */
  public SchemaVersion lookup(String subject, String schemaText, boolean includeDeleted) {
    String canonical = canonical(schemaText);
    RegistryState state = journal.state();
    List<SchemaVersion> versions = state.versions(subject, includeDeleted);
    if (versions.isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    for (SchemaVersion v : versions) {
      if (v.schema().equals(canonical)) {
        return v;
      }
    }
    throw new RegistryException(RegistryException.SCHEMA_NOT_FOUND,
        "Schema not found in subject '" + subject + "'.");
  }

  /** The schema text with this id; 40403 when there is none. */
  public String schemaById(int id) {
    return journal.state().schemaById(id)
        .orElseThrow(() -> RegistryException.schemaNotFound(Integer.toString(id)));
  }

  /** The subject versions that use schema {@code id}; 40403 when the id is unknown. */
  public List<SchemaVersion> versionsWithId(int id, boolean includeDeleted) {
    schemaById(id);
    return journal.state().versionsWithId(id, includeDeleted);
  }

  /** Subjects that have a live version (or any version, with {@code includeDeleted}). */
  public List<String> subjects(boolean includeDeleted) {
    return journal.state().subjects(includeDeleted);
  }

  /** Version numbers of a subject; 40401 when it has none. */
  public List<Integer> versionNumbers(String subject, boolean includeDeleted) {
    List<SchemaVersion> versions = journal.state().versions(subject, includeDeleted);
    if (versions.isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    return versions.stream().map(SchemaVersion::version).toList();
  }

  /**
   * One version of a subject.
   *
   * @param versionSpec a version number, {@code latest} or {@code -1}
   * @throws RegistryException 40401, 40402, or 42202 for a malformed version
   */
  public SchemaVersion version(String subject, String versionSpec, boolean includeDeleted) {
    return resolve(journal.state(), subject, versionSpec, includeDeleted);
  }

  /**
   * Soft-deletes every version of a subject or, with {@code permanent}, erases a subject whose
   * versions were all soft-deleted first.
   *
   * @return the version numbers deleted
   * @throws RegistryException 40401, 40404 already soft-deleted, 40405 not soft-deleted first
   */
  public List<Integer> deleteSubject(String subject, boolean permanent) {
    return journal.write(state -> {
      List<SchemaVersion> all = state.versions(subject, true);
      if (all.isEmpty()) {
        throw RegistryException.subjectNotFound(subject);
      }
      List<RegistryRecord> records = new ArrayList<>();
      List<Integer> numbers = new ArrayList<>();
      if (permanent) {
        if (all.stream().anyMatch(v -> !v.deleted())) {
          throw new RegistryException(RegistryException.SUBJECT_NOT_SOFT_DELETED,
              "Subject '" + subject + "' was not deleted first before being permanently deleted");
        }
        for (SchemaVersion v : all) {
          records.add(new RegistryRecord.SchemaErased(subject, v.version()));
          numbers.add(v.version());
        }
        if (state.subjectLevel(subject).isPresent()) {
          records.add(new RegistryRecord.CompatibilitySet(subject, null));
        }
      } else {
        List<SchemaVersion> live = all.stream().filter(v -> !v.deleted()).toList();
        if (live.isEmpty()) {
          throw new RegistryException(RegistryException.SUBJECT_SOFT_DELETED, "Subject '"
              + subject + "' was soft deleted. Set permanent=true to delete permanently");
        }
        for (SchemaVersion v : live) {
          records.add(new RegistryRecord.SchemaRegistered(v.markDeleted()));
          numbers.add(v.version());
        }
      }
      return new RegistryJournal.Mutation<>(records, numbers);
    });
  }

  /**
   * Soft-deletes one version or, with {@code permanent}, erases a version soft-deleted before.
   *
   * @return the version number deleted
   * @throws RegistryException 40401, 40402, 40406 already soft-deleted, 40407 not soft-deleted
   *     first, 42202
   */
  public int deleteVersion(String subject, String versionSpec, boolean permanent) {
    return journal.write(state -> {
      // "latest" names the latest live version; a number may name a soft-deleted one.
      SchemaVersion v = resolve(state, subject, versionSpec, !isLatest(versionSpec));
      if (permanent) {
        if (!v.deleted()) {
          throw new RegistryException(RegistryException.VERSION_NOT_SOFT_DELETED,
              "Subject '" + subject + "' Version " + v.version()
                  + " was not deleted first before being permanently deleted");
        }
        return new RegistryJournal.Mutation<>(
            List.of(new RegistryRecord.SchemaErased(subject, v.version())), v.version());
      }
      if (v.deleted()) {
        throw new RegistryException(RegistryException.VERSION_SOFT_DELETED,
            "Subject '" + subject + "' Version " + v.version()
                + " was soft deleted. Set permanent=true to delete permanently");
      }
      return new RegistryJournal.Mutation<>(
          List.of(new RegistryRecord.SchemaRegistered(v.markDeleted())), v.version());
    });
  }

  /** The global compatibility level. */
  public CompatibilityLevel globalLevel() {
    return journal.state().globalLevel();
  }

  /** Sets the global compatibility level. */
  public CompatibilityLevel setGlobalLevel(CompatibilityLevel level) {
    Objects.requireNonNull(level, "level");
    return journal.write(state -> new RegistryJournal.Mutation<>(
        List.of(new RegistryRecord.CompatibilitySet(null, level)), level));
  }

  /** The subject's own level; empty when it follows the global one. */
  public Optional<CompatibilityLevel> subjectLevel(String subject) {
    return journal.state().subjectLevel(subject);
  }

  /** Sets the subject's own level. The subject need not have versions yet. */
  public CompatibilityLevel setSubjectLevel(String subject, CompatibilityLevel level) {
    Objects.requireNonNull(level, "level");
    return journal.write(state -> new RegistryJournal.Mutation<>(
        List.of(new RegistryRecord.CompatibilitySet(subject, level)), level));
  }

  /**
   * Removes the subject's own level, so that it follows the global one again.
   *
   * @return the level it had
   * @throws RegistryException 40401 when the subject neither exists nor has a level of its own
   */
  public CompatibilityLevel deleteSubjectLevel(String subject) {
    return journal.write(state -> {
      Optional<CompatibilityLevel> own = state.subjectLevel(subject);
      if (own.isEmpty()) {
        if (!state.hasSubject(subject)) {
          throw RegistryException.subjectNotFound(subject);
        }
        return RegistryJournal.Mutation.none(state.globalLevel());
      }
      return new RegistryJournal.Mutation<>(
          List.of(new RegistryRecord.CompatibilitySet(subject, null)), own.get());
    });
  }

  /**
   * Tests {@code schemaText} against one version of the subject, or with a null or
   * {@code latest} version against what registration would check.
   *
   * @throws RegistryException 40401, 40402, 42201, 42202
   */
  public CompatibilityResult testCompatibility(String subject, String versionSpec,
      String schemaText) {
    Schema schema = parse(canonical(schemaText));
    RegistryState state = journal.state();
    CompatibilityLevel level = state.effectiveLevel(subject);
    List<SchemaVersion> against;
    if (versionSpec == null || isLatest(versionSpec)) {
      List<SchemaVersion> live = state.versions(subject, false);
      if (live.isEmpty()) {
        throw RegistryException.subjectNotFound(subject);
      }
      against = level.transitive() ? live : List.of(live.get(live.size() - 1));
    } else {
      against = List.of(resolve(state, subject, versionSpec, false));
    }
    return check(level, schema, against);
  }

  private static CompatibilityResult check(CompatibilityLevel level, Schema candidate,
      List<SchemaVersion> against) {
    List<String> messages = new ArrayList<>();
    for (SchemaVersion existing : against) {
      Schema old = parse(existing.schema());
      if (level.backward()) {
        collect(messages, "reading version " + existing.version() + " with the new schema",
            candidate, SchemaCompatibility.checkReaderWriterCompatibility(candidate, old));
      }
      if (level.forward()) {
        collect(messages, "reading the new schema with version " + existing.version(),
            old, SchemaCompatibility.checkReaderWriterCompatibility(old, candidate));
      }
    }
    return new CompatibilityResult(messages.isEmpty(), messages);
  }

  private static void collect(List<String> messages, String what, Schema reader,
      SchemaCompatibility.SchemaPairCompatibility pair) {
    if (pair.getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      return;
    }
    for (SchemaCompatibility.Incompatibility i : pair.getResult().getIncompatibilities()) {
      messages.add(what + ": " + i.getType() + " at " + fieldPath(reader, i.getLocation())
          + ": " + i.getMessage());
    }
  }

  /**
   * Avro reports where a check failed as a JSON pointer into the reader schema
   * ({@code /fields/0/type}); people want the field names ({@code headline}).
   */
  static String fieldPath(Schema reader, String location) {
    List<String> names = new ArrayList<>();
    Schema current = reader;
    String[] steps = location.split("/");
    for (int i = 0; i < steps.length; i++) {
      if ("fields".equals(steps[i]) && i + 1 < steps.length
          && current.getType() == Schema.Type.RECORD) {
        try {
          Schema.Field field = current.getFields().get(Integer.parseInt(steps[++i]));
          names.add(field.name());
          current = field.schema();
        } catch (RuntimeException e) {
          return location;
        }
      } else if ("items".equals(steps[i]) && current.getType() == Schema.Type.ARRAY) {
        current = current.getElementType();
      } else if ("values".equals(steps[i]) && current.getType() == Schema.Type.MAP) {
        current = current.getValueType();
      }
    }
    return names.isEmpty() ? location : String.join(".", names) + " (" + location + ")";
  }

  private static SchemaVersion resolve(RegistryState state, String subject, String versionSpec,
      boolean includeDeleted) {
    List<SchemaVersion> versions = state.versions(subject, includeDeleted);
    if (isLatest(versionSpec)) {
      if (versions.isEmpty()) {
        throw RegistryException.subjectNotFound(subject);
      }
      return versions.get(versions.size() - 1);
    }
    int number = parseVersion(versionSpec);
    if (versions.isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    return versions.stream().filter(v -> v.version() == number).findFirst()
        .orElseThrow(() -> RegistryException.versionNotFound(subject, number));
  }

  private static boolean isLatest(String versionSpec) {
    return "latest".equalsIgnoreCase(versionSpec) || "-1".equals(versionSpec);
  }

  private static int parseVersion(String versionSpec) {
    try {
      int number = Integer.parseInt(versionSpec);
      if (number >= 1) {
        return number;
      }
    } catch (NumberFormatException e) {
      // fall through to the registry's own error
    }
    throw RegistryException.invalidVersion(versionSpec);
  }

  /**
   * The canonical form the registry stores and compares: Avro's own JSON rendering of the parsed
   * schema.
   *
   * @throws RegistryException 42201 when the text is not a valid Avro schema
   */
  public static String canonical(String schemaText) {
    return parse(schemaText).toString();
  }

  private static Schema parse(String schemaText) {
    if (schemaText == null || schemaText.isBlank()) {
      throw new RegistryException(RegistryException.INVALID_SCHEMA, "Invalid schema: empty");
    }
    try {
      return new Schema.Parser().setValidateDefaults(true).parse(schemaText);
    } catch (AvroRuntimeException | IllegalArgumentException e) {
      throw new RegistryException(RegistryException.INVALID_SCHEMA,
          "Invalid schema: " + e.getMessage(), e);
    }
  }
}
