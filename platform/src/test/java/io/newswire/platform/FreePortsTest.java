package io.newswire.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FreePortsTest {

  @Test
  void shouldGiveDifferentPortsThatCanBeBound() throws Exception {
    for (int round = 0; round < 20; round++) {
      int[] ports = FreePorts.pick(8);

      assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(8);
      for (int port : ports) {
        try (ServerSocket socket = new ServerSocket()) {
          socket.bind(new InetSocketAddress("127.0.0.1", port));
        }
      }
    }
  }
}
