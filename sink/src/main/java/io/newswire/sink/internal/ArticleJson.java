package io.newswire.sink.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * An Avro record as plain JSON, the way API users expect it: fields by name, unions as their
 * value (not {@code {"string": ...}}), timestamps as ISO-8601, enums as their symbol.
 */
public final class ArticleJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ArticleJson() {
  }

  /** The record as a JSON object. */
  public static ObjectNode of(IndexedRecord record) {
    ObjectNode node = NODES.objectNode();
    for (Schema.Field field : record.getSchema().getFields()) {
      node.set(field.name(), value(record.get(field.pos())));
    }
    return node;
  }

  private static JsonNode value(Object value) {
    if (value == null) {
      return NODES.nullNode();
    } else if (value instanceof IndexedRecord record) {
      return of(record);
    } else if (value instanceof Collection<?> list) {
      ArrayNode array = NODES.arrayNode();
      list.forEach(item -> array.add(value(item)));
      return array;
    } else if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      map.forEach((k, v) -> object.set(k.toString(), value(v)));
      return object;
    } else if (value instanceof Instant || value instanceof LocalDate) {
      return NODES.textNode(value.toString());
    } else if (value instanceof CharSequence || value instanceof Enum<?>) {
      return NODES.textNode(value.toString());
    } else if (value instanceof Integer i) {
      return NODES.numberNode(i);
    } else if (value instanceof Long l) {
      return NODES.numberNode(l);
    } else if (value instanceof Double d) {
      return NODES.numberNode(d);
    } else if (value instanceof Float f) {
      return NODES.numberNode(f);
    } else if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    } else if (value instanceof ByteBuffer bytes) {
      ByteBuffer copy = bytes.duplicate();
      byte[] raw = new byte[copy.remaining()];
      copy.get(raw);
      return NODES.textNode(Base64.getEncoder().encodeToString(raw));
    }
    return NODES.textNode(value.toString());
  }
}
