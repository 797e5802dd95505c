package io.newswire.schemas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The registry's content, built by applying {@link RegistryRecord}s in log order. Every method is
 * synchronized: a journal applies records from its own thread while requests read.
 */
public final class RegistryState {
  private final Map<String, NavigableMap<Integer, SchemaVersion>> subjects = new TreeMap<>();
  private final Map<String, Integer> idsBySchema = new HashMap<>();
  private final Map<Integer, String> schemasById = new HashMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private CompatibilityLevel globalLevel;
  private int maxId;

  /** An empty registry whose global level is {@code defaultLevel} until one is set. */
  public RegistryState(CompatibilityLevel defaultLevel) {
    this.globalLevel = defaultLevel;
  }

  /** Applies one record. Records are applied in the order they were written. */
  public synchronized void apply(RegistryRecord record) {
    if (record instanceof RegistryRecord.SchemaRegistered registered) {
      SchemaVersion v = registered.version();
      subjects.computeIfAbsent(v.subject(), s -> new TreeMap<>()).put(v.version(), v);
      idsBySchema.putIfAbsent(v.schema(), v.id());
      schemasById.putIfAbsent(v.id(), v.schema());
      maxId = Math.max(maxId, v.id());
    } else if (record instanceof RegistryRecord.SchemaErased erased) {
      NavigableMap<Integer, SchemaVersion> versions = subjects.get(erased.subject());
      SchemaVersion removed = versions == null ? null : versions.remove(erased.version());
      if (versions != null && versions.isEmpty()) {
        subjects.remove(erased.subject());
      }
      if (removed != null && !isReferenced(removed.id())) {
        schemasById.remove(removed.id());
        idsBySchema.remove(removed.schema());
      }
    } else if (record instanceof RegistryRecord.CompatibilitySet set) {
      if (set.subject() == null) {
        if (set.level() != null) {
          globalLevel = set.level();
        }
      } else if (set.level() == null) {
        subjectLevels.remove(set.subject());
      } else {
        subjectLevels.put(set.subject(), set.level());
      }
    } else if (record instanceof RegistryRecord.IdWatermark watermark) {
      maxId = Math.max(maxId, watermark.maxId());
    }
  }

  private boolean isReferenced(int id) {
    for (NavigableMap<Integer, SchemaVersion> versions : subjects.values()) {
      for (SchemaVersion v : versions.values()) {
        if (v.id() == id) {
          return true;
        }
      }
    }
    return false;
  }

  /** Subjects with at least one version, optionally counting soft-deleted ones. */
  public synchronized List<String> subjects(boolean includeDeleted) {
    List<String> names = new ArrayList<>();
    subjects.forEach((name, versions) -> {
      if (includeDeleted || versions.values().stream().anyMatch(v -> !v.deleted())) {
        names.add(name);
      }
    });
    return names;
  }

  /** The versions of a subject in ascending order; empty when the subject is unknown. */
  public synchronized List<SchemaVersion> versions(String subject, boolean includeDeleted) {
    NavigableMap<Integer, SchemaVersion> versions = subjects.get(subject);
    if (versions == null) {
      return List.of();
    }
    return versions.values().stream().filter(v -> includeDeleted || !v.deleted()).toList();
  }

  /** Whether any version of the subject exists, soft-deleted ones included. */
  public synchronized boolean hasSubject(String subject) {
    return subjects.containsKey(subject);
  }

  /** The highest version number ever used in the subject, soft-deleted ones included; 0 if none. */
  public synchronized int lastVersionNumber(String subject) {
    NavigableMap<Integer, SchemaVersion> versions = subjects.get(subject);
    return versions == null || versions.isEmpty() ? 0 : versions.lastKey();
  }

  /** The schema text with this id. */
  public synchronized Optional<String> schemaById(int id) {
    return Optional.ofNullable(schemasById.get(id));
  }

  /** The id already given to this canonical schema text, under any subject. */
  public synchronized Optional<Integer> idOf(String canonicalSchema) {
    return Optional.ofNullable(idsBySchema.get(canonicalSchema));
  }

  /** Every subject version that uses the schema id. */
  public synchronized List<SchemaVersion> versionsWithId(int id, boolean includeDeleted) {
    List<SchemaVersion> result = new ArrayList<>();
    for (NavigableMap<Integer, SchemaVersion> versions : subjects.values()) {
      for (SchemaVersion v : versions.values()) {
        if (v.id() == id && (includeDeleted || !v.deleted())) {
          result.add(v);
        }
      }
    }
    return result;
  }

  /** The highest schema id handed out so far; 0 when none was. */
  public synchronized int maxId() {
    return maxId;
  }

  /** The global compatibility level. */
  public synchronized CompatibilityLevel globalLevel() {
    return globalLevel;
  }

  /** The subject's own compatibility level, if one is set. */
  public synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
    return Optional.ofNullable(subjectLevels.get(subject));
  }

  /** The level in force for the subject: its own, else the global one. */
  public synchronized CompatibilityLevel effectiveLevel(String subject) {
    return subjectLevels.getOrDefault(subject, globalLevel);
  }
}
