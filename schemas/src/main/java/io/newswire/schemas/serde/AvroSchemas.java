package io.newswire.schemas.serde;

import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.common.errors.SerializationException;

/** The Avro schema of a datum the serializer accepts: a record or one of Avro's primitives. */
final class AvroSchemas {
  private static final Schema NULL = Schema.create(Schema.Type.NULL);
  private static final Schema BOOLEAN = Schema.create(Schema.Type.BOOLEAN);
  private static final Schema INT = Schema.create(Schema.Type.INT);
  private static final Schema LONG = Schema.create(Schema.Type.LONG);
  private static final Schema FLOAT = Schema.create(Schema.Type.FLOAT);
  private static final Schema DOUBLE = Schema.create(Schema.Type.DOUBLE);
  private static final Schema STRING = Schema.create(Schema.Type.STRING);
  private static final Schema BYTES = Schema.create(Schema.Type.BYTES);

  private AvroSchemas() {
  }

  static Schema of(Object datum) {
    if (datum == null) {
      return NULL;
    } else if (datum instanceof GenericContainer container) {
      return container.getSchema();
    } else if (datum instanceof Boolean) {
      return BOOLEAN;
    } else if (datum instanceof Integer) {
      return INT;
    } else if (datum instanceof Long) {
      return LONG;
    } else if (datum instanceof Float) {
      return FLOAT;
    } else if (datum instanceof Double) {
      return DOUBLE;
    } else if (datum instanceof CharSequence) {
      return STRING;
    } else if (datum instanceof byte[] || datum instanceof ByteBuffer) {
      return BYTES;
    }
    throw new SerializationException("Unsupported Avro type " + datum.getClass().getName()
        + ": expected a record (SpecificRecord, GenericRecord) or an Avro primitive");
  }
}
