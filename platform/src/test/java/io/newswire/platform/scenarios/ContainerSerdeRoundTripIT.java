package io.newswire.platform.scenarios;

import io.newswire.platform.ContainerEnvironment;
import io.newswire.platform.KafkaEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The serde round trip on Apache Kafka and Confluent's Schema Registry in containers: proves the
 * serde speaks Confluent's registry. Skipped, with the reason in the report, where no Docker
 * engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerSerdeRoundTripIT extends SerdeRoundTripScenario {
  private static ContainerEnvironment environment;

  @BeforeAll
  static void start() {
    environment = ContainerEnvironment.start();
  }

  @AfterAll
  static void stop() {
    if (environment != null) {
      environment.close();
    }
  }

  @Override
  protected KafkaEnvironment environment() {
    return environment;
  }
}
