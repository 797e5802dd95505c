package io.newswire.schemas.serde;

import io.newswire.schemas.registry.SchemaRegistryClient;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A typed serde for one generated Avro class: reads always use the class's own schema
 * ({@code specific.avro.reader} is forced on), whatever schema the writer used.
 *
 * @param <T> the generated class
 */
public final class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {
  private final Class<T> type;
  private final AvroSerializer serializer;
  private final AvroDeserializer deserializer;

  /** With a registry client made from the serde config in {@link #configure}. */
  public SpecificAvroSerde(Class<T> type) {
    this.type = Objects.requireNonNull(type, "type");
    this.serializer = new AvroSerializer();
    this.deserializer = new AvroDeserializer();
  }

  /** With a client of the caller's. */
  public SpecificAvroSerde(Class<T> type, SchemaRegistryClient client) {
    this.type = Objects.requireNonNull(type, "type");
    this.serializer = new AvroSerializer(client);
    this.deserializer = new AvroDeserializer(client);
  }

  /** A serde of {@code type}, configured with {@code configs} for keys or values. */
  public static <T extends SpecificRecord> SpecificAvroSerde<T> configured(Class<T> type,
      Map<String, ?> configs, boolean isKey) {
    SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type);
    serde.configure(configs, isKey);
    return serde;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    Map<String, Object> specific = new HashMap<>(configs);
    specific.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
    serializer.configure(specific, isKey);
    deserializer.configure(specific, isKey);
  }

  @Override
  public Serializer<T> serializer() {
    return serializer::serialize;
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, data) -> {
      Object datum = deserializer.deserialize(topic, data);
      if (datum != null && !type.isInstance(datum)) {
        throw new SerializationException("Expected " + type.getName() + " on topic '" + topic
            + "' but the record's schema is " + datum.getClass().getName());
      }
      return type.cast(datum);
    };
  }

  @Override
  public void close() {
    serializer.close();
    deserializer.close();
  }
}
