package io.newswire.schemas.serde;

import io.newswire.schemas.registry.RegistryException;
import io.newswire.schemas.registry.SchemaRegistryClient;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (specific or generic) and Avro primitives in the Confluent wire format,
 * registering or looking up the schema under {@code <topic>-value} or {@code <topic>-key}.
 * A drop-in for Confluent's {@code KafkaAvroSerializer}: same config keys, same bytes.
 *
 * <p>A null datum serializes to null (a tombstone). Thread-safe once configured.
 */
public class AvroSerializer implements Serializer<Object> {
  private SchemaRegistryClient client;
  private boolean ownsClient;
  private boolean isKey;
  private AvroSerdeConfig config;
  private final Map<Schema, DatumWriter<Object>> specificWriters = new ConcurrentHashMap<>();
  private final Map<Schema, DatumWriter<Object>> genericWriters = new ConcurrentHashMap<>();
  /**
   * The size of the last record written, where the next one's buffer starts: records of a topic
   * are much alike, so that most are written without growing the buffer.
   */
  private volatile int sizeHint = 256;

  /** For Kafka's reflective construction; {@link #configure} creates the registry client. */
  public AvroSerializer() {
  }

  /** With a client of the caller's, which {@link #close} leaves open. */
  public AvroSerializer(SchemaRegistryClient client) {
    this.client = client;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.config = new AvroSerdeConfig(configs);
    this.isKey = isKey;
    if (client == null) {
      client = config.newClient();
      ownsClient = true;
    }
  }

  @Override
  public byte[] serialize(String topic, Object datum) {
    if (datum == null) {
      return null;
    }
    if (config == null) {
      throw new IllegalStateException("AvroSerializer used before configure()");
    }
    Schema schema = AvroSchemas.of(datum);
    String subject = topic + (isKey ? "-key" : "-value");
    try {
      if (config.useLatestVersion()) {
        SchemaRegistryClient.Registered latest = client.latest(subject);
        if (!latest.schema().equals(schema)) {
          return frame(latest.id(), latest.schema(), convert(datum, schema, latest.schema()));
        }
        return frame(latest.id(), schema, datum);
      }
      int id = config.autoRegisterSchemas()
          ? client.register(subject, schema)
          : client.idOf(subject, schema);
      return frame(id, schema, datum);
    } catch (RegistryException e) {
      throw new SerializationException("Error " + (config.autoRegisterSchemas()
          ? "registering" : "retrieving") + " Avro schema for subject '" + subject + "' ("
          + e.errorCode() + "): " + e.getMessage(), e);
    }
  }

  private Object convert(Object datum, Schema own, Schema latest) {
    if (config.latestCompatibilityStrict()) {
      SchemaCompatibility.SchemaPairCompatibility pair =
          SchemaCompatibility.checkReaderWriterCompatibility(latest, own);
      if (pair.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
        throw new SerializationException("The latest registered schema cannot read records of "
            + own.getFullName() + ": " + pair.getDescription());
      }
    }
    // Avro schema resolution does the conversion: write with the record's schema, read as latest.
    byte[] ownBytes = encode(own, datum);
    try {
      return new GenericDatumReader<>(own, latest)
          .read(null, DecoderFactory.get().binaryDecoder(ownBytes, null));
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Cannot convert record to the latest schema", e);
    }
  }

  private byte[] frame(int id, Schema schema, Object datum) {
    Output out = new Output(sizeHint);
    out.write(WireFormat.MAGIC_BYTE);
    out.write(id >>> 24);
    out.write(id >>> 16);
    out.write(id >>> 8);
    out.write(id);
    write(schema, datum, out);
    sizeHint = out.size();
    return out.toByteArray();
  }

  private byte[] encode(Schema schema, Object datum) {
    Output out = new Output(sizeHint);
    write(schema, datum, out);
    return out.toByteArray();
  }

  private void write(Schema schema, Object datum, Output out) {
    // Generated classes carry logical-type conversions (Instant for timestamps); generic records
    // hold the raw values, so the two need writers of their own even for one schema.
    DatumWriter<Object> writer = datum instanceof SpecificRecord
        ? specificWriters.computeIfAbsent(schema,
            s -> new SpecificWriter(s, SpecificData.getForSchema(s)))
        : genericWriters.computeIfAbsent(schema, GenericDatumWriter::new);
    Object value = datum instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : datum;
    try {
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      writer.write(value, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Cannot write " + describe(datum) + " as Avro", e);
    }
  }

  /**
   * A writer of generated classes that picks the branch of an optional field's union, null and
   * one other type, by whether the value is null. The generated class's field has that other
   * type, so the branch is the one Avro finds by the value's schema name, which costs a lookup
   * in a map of names for every optional field written. Other unions are left to Avro.
   */
  private static final class SpecificWriter extends SpecificDatumWriter<Object> {
    SpecificWriter(Schema schema, SpecificData data) {
      super(schema, data);
    }

    @Override
    protected int resolveUnion(Schema union, Object datum) {
      List<Schema> types = union.getTypes();
      if (types.size() == 2) {
        boolean nullFirst = types.get(0).getType() == Schema.Type.NULL;
        if (nullFirst || types.get(1).getType() == Schema.Type.NULL) {
          return (datum == null) == nullFirst ? 0 : 1;
        }
      }
      return super.resolveUnion(union, datum);
    }
  }

  /**
   * Bytes written in memory without a lock: the direct encoder writes every varint a byte at a
   * time, and {@link java.io.ByteArrayOutputStream} takes its lock for each.
   */
  private static final class Output extends OutputStream {
    private byte[] bytes;
    private int size;

    /** Room for {@code expected} bytes and a quarter more. */
    Output(int expected) {
      bytes = new byte[Math.max(256, expected + expected / 4)];
    }

    @Override
    public void write(int b) {
      if (size == bytes.length) {
        bytes = Arrays.copyOf(bytes, size * 2);
      }
      bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (size + len > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(size * 2, size + len));
      }
      System.arraycopy(b, off, bytes, size, len);
      size += len;
    }

    int size() {
      return size;
    }

    byte[] toByteArray() {
      return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }
  }

  private static String describe(Object datum) {
    return datum instanceof GenericContainer c
        ? c.getSchema().getFullName() : datum.getClass().getName();
  }

  @Override
  public void close() {
    if (ownsClient && client != null) {
      client.close();
    }
  }
}
