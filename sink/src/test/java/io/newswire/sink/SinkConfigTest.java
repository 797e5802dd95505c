package io.newswire.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SinkConfigTest {

  @Test
  void givesTheSerdesKafkasAndTheRegistrysAddressesWithTheirDefaults() {
    // newswire sink with no settings at all runs against the local defaults.
    assertThat(new SinkConfig(Map.of()).settings())
        .containsEntry("bootstrap.servers", "127.0.0.1:9092")
        .containsEntry("schema.registry.url", "http://127.0.0.1:8081");
  }
}
