package io.newswire.platform.scenarios;

import io.newswire.platform.EmbeddedPlatform;
import io.newswire.platform.KafkaEnvironment;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The serde round trip on the embedded broker and our registry. */
class EmbeddedSerdeRoundTripIT extends SerdeRoundTripScenario {
  private static EmbeddedPlatform platform;

  @BeforeAll
  static void start() {
    platform = EmbeddedPlatform.startForTests(List.of());
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @Override
  protected KafkaEnvironment environment() {
    return platform;
  }
}
