package io.newswire.platform;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Apache Kafka and Confluent's own Schema Registry in containers: the production-shaped
 * environment the embedded scenarios also run against where a Docker engine is present.
 */
public final class ContainerEnvironment implements KafkaEnvironment {
  /** Kafka image matching the client version. */
  public static final String KAFKA_IMAGE = "apache/kafka:4.1.0";
  /** Confluent Schema Registry image. */
  public static final String REGISTRY_IMAGE = "confluentinc/cp-schema-registry:7.9.0";

  private final Network network = Network.newNetwork();
  private final KafkaContainer kafka;
  private final GenericContainer<?> registry;

  private ContainerEnvironment() {
    kafka = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE))
        .withNetwork(network)
        .withListener("kafka:19092");
    registry = new GenericContainer<>(DockerImageName.parse(REGISTRY_IMAGE))
        .withNetwork(network)
        .withExposedPorts(8081)
        .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
        .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
        .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
        .dependsOn(kafka)
        .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));
  }

  /** Starts both containers; callers check that Docker is available first. */
  public static ContainerEnvironment start() {
    ContainerEnvironment environment = new ContainerEnvironment();
    try {
      environment.kafka.start();
      environment.registry.start();
      return environment;
    } catch (RuntimeException e) {
      environment.close();
      throw e;
    }
  }

  @Override
  public String bootstrapServers() {
    return kafka.getBootstrapServers();
  }

  @Override
  public String schemaRegistryUrl() {
    return "http://" + registry.getHost() + ":" + registry.getMappedPort(8081);
  }

  @Override
  public void close() {
    registry.stop();
    kafka.stop();
    network.close();
  }
}
