package io.newswire.platform.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.schemas.registry.CompatibilityLevel;
import io.newswire.schemas.registry.RegistryRecord;
import io.newswire.schemas.registry.SchemaVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * How registry records are laid out in the compacted {@code _schemas} topic: JSON keys and values
 * in the shape of Confluent's own store, so that the latest record per key is the whole state.
 *
 * <ul>
 *   <li>{@code {"keytype":"SCHEMA","subject":s,"version":v,"magic":1}} to
 *       {@code {"subject","version","id","schema","deleted"}}; a tombstone erases the version.</li>
 *   <li>{@code {"keytype":"CONFIG","subject":s|null,"magic":0}} to
 *       {@code {"compatibilityLevel":L}}; a tombstone removes a subject's own level.</li>
 *   <li>{@code {"keytype":"ID_WATERMARK","magic":0}} to {@code {"maxId":n}}.</li>
 * </ul>
 *
 * <p>Keys are written with a fixed field order so that equal keys are equal bytes, which is what
 * compaction compares.
 */
final class RegistryRecordCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A record as key and value bytes; a null value is a tombstone. */
  record Encoded(byte[] key, byte[] value) {
  }

  private RegistryRecordCodec() {
  }

  static Encoded encode(RegistryRecord record) {
    if (record instanceof RegistryRecord.SchemaRegistered registered) {
      SchemaVersion v = registered.version();
      ObjectNode value = JSON.createObjectNode()
          .put("subject", v.subject())
          .put("version", v.version())
          .put("id", v.id())
          .put("schema", v.schema())
          .put("deleted", v.deleted());
      return new Encoded(schemaKey(v.subject(), v.version()), bytes(value));
    } else if (record instanceof RegistryRecord.SchemaErased erased) {
      return new Encoded(schemaKey(erased.subject(), erased.version()), null);
    } else if (record instanceof RegistryRecord.CompatibilitySet set) {
      ObjectNode key = JSON.createObjectNode().put("keytype", "CONFIG");
      if (set.subject() == null) {
        key.putNull("subject");
      } else {
        key.put("subject", set.subject());
      }
      key.put("magic", 0);
      byte[] value = set.level() == null ? null
          : bytes(JSON.createObjectNode().put("compatibilityLevel", set.level().name()));
      return new Encoded(bytes(key), value);
    } else if (record instanceof RegistryRecord.IdWatermark watermark) {
      ObjectNode key = JSON.createObjectNode().put("keytype", "ID_WATERMARK").put("magic", 0);
      return new Encoded(bytes(key),
          bytes(JSON.createObjectNode().put("maxId", watermark.maxId())));
    }
    throw new IllegalArgumentException("Unknown registry record " + record);
  }

  /**
   * Reads one stored record.
   *
   * @return empty for keys of types this version does not know (written by a newer one)
   * @throws IOException when the bytes are not a registry record
   */
  static Optional<RegistryRecord> decode(byte[] keyBytes, byte[] valueBytes) throws IOException {
    JsonNode key = JSON.readTree(keyBytes);
    JsonNode value = valueBytes == null ? null : JSON.readTree(valueBytes);
    String type = key.path("keytype").asText();
    switch (type) {
      case "SCHEMA": {
        String subject = key.path("subject").asText();
        int version = key.path("version").asInt();
        if (value == null) {
          return Optional.of(new RegistryRecord.SchemaErased(subject, version));
        }
        return Optional.of(new RegistryRecord.SchemaRegistered(new SchemaVersion(subject,
            version, value.path("id").asInt(), value.path("schema").asText(),
            value.path("deleted").asBoolean(false))));
      }
      case "CONFIG": {
        JsonNode subject = key.get("subject");
        String name = subject == null || subject.isNull() ? null : subject.asText();
        CompatibilityLevel level = value == null ? null
            : CompatibilityLevel.parse(value.path("compatibilityLevel").asText());
        return Optional.of(new RegistryRecord.CompatibilitySet(name, level));
      }
      case "ID_WATERMARK":
        return value == null ? Optional.empty()
            : Optional.of(new RegistryRecord.IdWatermark(value.path("maxId").asInt()));
      default:
        return Optional.empty();
    }
  }

  private static byte[] schemaKey(String subject, int version) {
    return bytes(JSON.createObjectNode()
        .put("keytype", "SCHEMA")
        .put("subject", subject)
        .put("version", version)
        .put("magic", 1));
  }

  private static byte[] bytes(JsonNode node) {
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }
}
