package io.newswire.schemas.serde;

import io.newswire.schemas.registry.RegistryException;
import io.newswire.schemas.registry.SchemaRegistryClient;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads records in the Confluent wire format, fetching the writer's schema by id from the
 * registry (once per id). With {@code specific.avro.reader=true} it returns instances of the
 * generated class named by the writer schema, resolved to the class's own schema, so a consumer
 * compiled against an older or newer schema still reads; otherwise a {@code GenericRecord} (or
 * the primitive) in the writer's schema. A drop-in for Confluent's {@code KafkaAvroDeserializer}.
 *
 * <p>Null bytes deserialize to null. Thread-safe once configured.
 */
public class AvroDeserializer implements Deserializer<Object> {
  private SchemaRegistryClient client;
  private boolean ownsClient;
  private boolean specific;
  private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();

  /** For Kafka's reflective construction; {@link #configure} creates the registry client. */
  public AvroDeserializer() {
  }

  /** With a client of the caller's, which {@link #close} leaves open. */
  public AvroDeserializer(SchemaRegistryClient client) {
    this.client = client;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    AvroSerdeConfig config = new AvroSerdeConfig(configs);
    this.specific = config.specificAvroReader();
    if (client == null) {
      client = config.newClient();
      ownsClient = true;
    }
  }

  @Override
  public Object deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (client == null) {
      throw new IllegalStateException("AvroDeserializer used before configure()");
    }
    ByteBuffer buffer = ByteBuffer.wrap(data);
    int id = WireFormat.readHeader(buffer);
    DatumReader<Object> reader;
    try {
      reader = readers.computeIfAbsent(id, this::readerFor);
    } catch (RegistryException e) {
      throw new SerializationException("Error retrieving Avro schema id " + id + " for topic '"
          + topic + "' (" + e.errorCode() + "): " + e.getMessage(), e);
    }
    try {
      Object datum = reader.read(null, DecoderFactory.get().binaryDecoder(
          data, buffer.position(), buffer.remaining(), null));
      return datum instanceof Utf8 utf8 ? utf8.toString() : datum;
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Error deserializing Avro record with schema id " + id
          + " from topic '" + topic + "': " + e.getMessage(), e);
    }
  }

  private DatumReader<Object> readerFor(int id) {
    Schema writer = client.schemaById(id);
    if (!specific || writer.getType() != Schema.Type.RECORD) {
      return new GenericDatumReader<>(writer, writer);
    }
    Class<?> type = SpecificData.get().getClass(writer);
    if (type == null) {
      throw new SerializationException("specific.avro.reader is set but no generated class "
          + writer.getFullName() + " is on the classpath (schema id " + id + ")");
    }
    SpecificData model = SpecificData.getForClass(type);
    return new SpecificDatumReader<>(writer, model.getSchema(type), model);
  }

  @Override
  public void close() {
    if (ownsClient && client != null) {
      client.close();
    }
  }
}
