package io.newswire.platform;

import java.util.Map;

/**
 * Where a Kafka cluster and a Confluent-compatible schema registry can be reached: the embedded
 * {@link EmbeddedPlatform}, or external ones (containers, production). Services and test
 * scenarios take this and do not care which.
 */
public interface KafkaEnvironment extends AutoCloseable {

  /** Kafka's {@code bootstrap.servers}. */
  String bootstrapServers();

  /** The registry's base URL, for {@code schema.registry.url}. */
  String schemaRegistryUrl();

  /** Client settings for both: {@code bootstrap.servers} and {@code schema.registry.url}. */
  default Map<String, Object> clientConfig() {
    return Map.of("bootstrap.servers", bootstrapServers(),
        "schema.registry.url", schemaRegistryUrl());
  }

  @Override
  void close();
}
