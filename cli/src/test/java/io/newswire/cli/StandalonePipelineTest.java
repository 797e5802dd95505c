package io.newswire.cli;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswire.platform.FreePorts;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code up} says before it starts anything. */
class StandalonePipelineTest {

  @Test
  void namesEveryFixedPortThatIsTakenBeforeStartingAnything() throws Exception {
    int[] free = FreePorts.pick(2);
    try (ServerSocket kafka = new ServerSocket(); ServerSocket http = new ServerSocket()) {
      kafka.bind(new InetSocketAddress("127.0.0.1", 0));
      http.bind(new InetSocketAddress("127.0.0.1", 0));
      Map<String, String> settings = Map.of(
          StandaloneConfig.KAFKA_PORT, String.valueOf(kafka.getLocalPort()),
          StandaloneConfig.KAFKA_CONTROLLER_PORT, String.valueOf(free[0]),
          "registry.port", String.valueOf(free[1]),
          HttpConfig.PORT, String.valueOf(http.getLocalPort()));

      assertThatThrownBy(() -> StandalonePipeline.checkPortsFree(settings))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("127.0.0.1:" + kafka.getLocalPort() + " (kafka.port), 127.0.0.1:"
              + http.getLocalPort() + " (http.port) are in use. Is another newswire up running?"
              + " Stop it, or give this one other ports: --kafka-port, --registry-port,"
              + " --http-port, -D kafka.controller.port=PORT.");
    }
  }

  @Test
  void portsThatAreFreeOrChosenFreshPass() {
    int[] free = FreePorts.pick(2);
    Map<String, String> settings = Map.of(
        StandaloneConfig.KAFKA_PORT, String.valueOf(free[0]),
        StandaloneConfig.KAFKA_CONTROLLER_PORT, String.valueOf(free[1]),
        "registry.port", "0",
        HttpConfig.PORT, "0");

    assertThatCode(() -> StandalonePipeline.checkPortsFree(settings)).doesNotThrowAnyException();
  }
}
