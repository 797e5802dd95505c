package io.newswire.platform;

import io.newswire.platform.kafka.EmbeddedKafkaCluster;
import io.newswire.platform.kafka.TopicProvisioner;
import io.newswire.platform.registry.KafkaRegistryJournal;
import io.newswire.platform.registry.RegistryServerConfig;
import io.newswire.platform.registry.SchemaRegistryServer;
import io.newswire.schemas.TopicSpec;
import io.newswire.schemas.registry.SchemaRegistry;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.admin.Admin;

/**
 * The infrastructure of the single-machine default, in this JVM: an embedded Kafka cluster with
 * the pipeline's topics, and the schema registry stored in it. {@code newswire up} and the
 * integration tests start it the same way.
 */
public final class EmbeddedPlatform implements KafkaEnvironment {
  private final EmbeddedKafkaCluster kafka;
  private final SchemaRegistryServer registry;
  private final String registryUrl;

  private EmbeddedPlatform(EmbeddedKafkaCluster kafka, SchemaRegistryServer registry,
      String host) {
    this.kafka = kafka;
    this.registry = registry;
    this.registryUrl = "http://" + host + ":" + registry.port();
  }

  /**
   * Starts the cluster, provisions {@code topics}, and starts the registry on it.
   *
   * @param kafka a cluster not started yet; it is closed with the platform
   * @param registryConfig where the registry listens and stores
   * @throws IllegalStateException when any part fails to start (what did start is stopped)
   */
  public static EmbeddedPlatform start(EmbeddedKafkaCluster kafka,
      RegistryServerConfig registryConfig, List<TopicSpec> topics) {
    Objects.requireNonNull(kafka, "kafka");
    try {
      kafka.start();
      try (Admin admin = Admin.create(kafka.clientConfig())) {
        new TopicProvisioner(admin).provision(topics);
      }
      KafkaRegistryJournal journal = KafkaRegistryJournal.open(kafka.clientConfig(),
          registryConfig.storeTopic(), registryConfig.defaultLevel(),
          registryConfig.storeTimeout());
      SchemaRegistryServer registry;
      try {
        registry = SchemaRegistryServer.start(new SchemaRegistry(journal), journal,
            registryConfig.host(), registryConfig.port());
      } catch (RuntimeException e) {
        journal.close();
        throw e;
      }
      return new EmbeddedPlatform(kafka, registry, registryConfig.host());
    } catch (RuntimeException e) {
      kafka.close();
      throw e;
    }
  }

  /** A one-node platform in a temporary directory on free ports, for tests. */
  public static EmbeddedPlatform startForTests(List<TopicSpec> topics) {
    return start(EmbeddedKafkaCluster.builder().build(),
        new RegistryServerConfig(Map.of(RegistryServerConfig.PORT, "0")), topics);
  }

  /** The embedded cluster, to stop or restart it. */
  public EmbeddedKafkaCluster kafka() {
    return kafka;
  }

  @Override
  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  @Override
  public String schemaRegistryUrl() {
    return registryUrl;
  }

  /** Stops the registry, then the cluster. */
  @Override
  public void close() {
    try {
      registry.close();
    } finally {
      kafka.close();
    }
  }
}
