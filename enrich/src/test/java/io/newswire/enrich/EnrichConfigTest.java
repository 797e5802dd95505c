package io.newswire.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnrichConfigTest {

  @Test
  void givesTheSerdesKafkasAndTheRegistrysAddressesWithTheirDefaults() {
    // newswire enrich with no settings at all runs against the local defaults.
    assertThat(new EnrichConfig(Map.of()).settings())
        .containsEntry("bootstrap.servers", "127.0.0.1:9092")
        .containsEntry("schema.registry.url", "http://127.0.0.1:8081");
    assertThat(new EnrichConfig(Map.of("schema.registry.url", "http://registry:8081",
        "topic.raw.name", "raw")).settings())
        .containsEntry("schema.registry.url", "http://registry:8081")
        .containsEntry("topic.raw.name", "raw");
  }
}
