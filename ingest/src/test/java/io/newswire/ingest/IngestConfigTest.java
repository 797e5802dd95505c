package io.newswire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestConfigTest {

  @Test
  void givesTheSerdesKafkasAndTheRegistrysAddressesWithTheirDefaults() {
    // newswire ingest with no addresses runs against the local defaults.
    assertThat(new IngestConfig(Map.of()).settings())
        .containsEntry("bootstrap.servers", "127.0.0.1:9092")
        .containsEntry("schema.registry.url", "http://127.0.0.1:8081");
  }
}
