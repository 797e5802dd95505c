package io.newswire.schemas.serde;

import io.newswire.schemas.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** {@link AvroSerializer} and {@link AvroDeserializer} as one Kafka {@link Serde}. */
public class AvroSerde implements Serde<Object> {
  private final AvroSerializer serializer;
  private final AvroDeserializer deserializer;

  /** For Kafka's reflective construction. */
  public AvroSerde() {
    this.serializer = new AvroSerializer();
    this.deserializer = new AvroDeserializer();
  }

  /** With a client of the caller's. */
  public AvroSerde(SchemaRegistryClient client) {
    this.serializer = new AvroSerializer(client);
    this.deserializer = new AvroDeserializer(client);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public Serializer<Object> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<Object> deserializer() {
    return deserializer;
  }

  @Override
  public void close() {
    serializer.close();
    deserializer.close();
  }
}
