package io.newswire.platform.registry;

import static io.newswire.platform.registry.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.platform.kafka.EmbeddedKafkaCluster;
import io.newswire.schemas.registry.CompatibilityLevel;
import io.newswire.schemas.registry.SchemaRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The registry's state lives in Kafka: restarts and second instances see the same ids. */
class SchemaRegistryStoreIT {

  private static String schema(int n) {
    return "{\"type\":\"record\",\"name\":\"R" + n + "\",\"fields\":[{\"name\":\"f\","
        + "\"type\":\"string\"}]}";
  }

  private static SchemaRegistryServer startServer(EmbeddedKafkaCluster kafka, Duration timeout) {
    KafkaRegistryJournal journal = KafkaRegistryJournal.open(kafka.clientConfig(), "_schemas",
        CompatibilityLevel.BACKWARD, timeout);
    return SchemaRegistryServer.start(new SchemaRegistry(journal), journal, "127.0.0.1", 0);
  }

  /** A restarted registry serves every subject, version, id and setting it stored before. */
  @Test
  @Timeout(120)
  void shouldKeepIdsAndSettingsAcrossRestart() {
    try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.builder().build().start()) {
      int id;
      try (SchemaRegistryServer first = startServer(kafka, Duration.ofSeconds(10))) {
        RegistryHttp http = new RegistryHttp(first.port());
        id = http.post("/subjects/a-value/versions", schemaBody(schema(1))).json()
            .get("id").asInt();
        http.post("/subjects/b-value/versions", schemaBody(schema(2)));
        http.put("/config/a-value", "{\"compatibility\":\"FULL\"}");
        http.delete("/subjects/b-value");
      }

      try (SchemaRegistryServer second = startServer(kafka, Duration.ofSeconds(10))) {
        RegistryHttp http = new RegistryHttp(second.port());
        assertThat(http.get("/schemas/ids/" + id).json().get("schema").asText())
            .contains("R1");
        assertThat(http.get("/subjects").json().toString()).isEqualTo("[\"a-value\"]");
        assertThat(http.get("/subjects?deleted=true").json().toString())
            .isEqualTo("[\"a-value\",\"b-value\"]");
        assertThat(http.get("/config/a-value").json().get("compatibilityLevel").asText())
            .isEqualTo("FULL");
        int next = http.post("/subjects/c-value/versions", schemaBody(schema(3))).json()
            .get("id").asInt();
        assertThat(next).as("ids keep increasing after a restart").isEqualTo(id + 2);
      }
    }
  }

  /**
   * Two registries on one cluster, both taking registrations at once, never give one id to two
   * schemas, and each serves what the other registered.
   */
  @Test
  @Timeout(180)
  void shouldNeverGiveOneIdToTwoSchemasAcrossTwoRegistries() throws Exception {
    try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.builder().build().start();
        SchemaRegistryServer left = startServer(kafka, Duration.ofSeconds(20));
        SchemaRegistryServer right = startServer(kafka, Duration.ofSeconds(20))) {
      RegistryHttp leftHttp = new RegistryHttp(left.port());
      RegistryHttp rightHttp = new RegistryHttp(right.port());
      ExecutorService threads = Executors.newFixedThreadPool(2);
      List<Future<Integer>> ids = new ArrayList<>();
      try {
        for (int n = 0; n < 20; n++) {
          RegistryHttp http = n % 2 == 0 ? leftHttp : rightHttp;
          String body = schemaBody(schema(100 + n));
          String subject = "/subjects/s" + n + "-value/versions";
          ids.add(threads.submit(() -> {
            RegistryHttp.Answer answer = http.post(subject, body);
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            return answer.json().get("id").asInt();
          }));
        }
        Set<Integer> distinct = new HashSet<>();
        for (Future<Integer> id : ids) {
          distinct.add(id.get(60, TimeUnit.SECONDS));
        }

        assertThat(distinct).hasSize(20);
        for (int id : distinct) {
          assertThat(leftHttp.get("/schemas/ids/" + id).json().get("schema").asText())
              .isEqualTo(rightHttp.get("/schemas/ids/" + id).json().get("schema").asText());
        }
      } finally {
        threads.shutdownNow();
      }
    }
  }

  /** With Kafka down, a registration fails with 50001 instead of hanging or half-writing. */
  @Test
  @Timeout(120)
  void shouldAnswer50001WhenKafkaIsDown() {
    try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.builder().build().start();
        SchemaRegistryServer server = startServer(kafka, Duration.ofSeconds(3))) {
      RegistryHttp http = new RegistryHttp(server.port());
      int id = http.post("/subjects/up-value/versions", schemaBody(schema(1))).json()
          .get("id").asInt();

      kafka.stop();
      RegistryHttp.Answer down = http.post("/subjects/down-value/versions",
          schemaBody(schema(2)));
      RegistryHttp.Answer cached = http.get("/schemas/ids/" + id);

      assertThat(down.status()).isEqualTo(500);
      assertThat(down.errorCode()).isEqualTo(50001);
      assertThat(down.json().get("message").asText()).contains("backend data store");
      assertThat(cached.status()).as("reads are served from memory").isEqualTo(200);

      kafka.start();
      RegistryHttp.Answer recovered = http.post("/subjects/down-value/versions",
          schemaBody(schema(2)));
      assertThat(recovered.status()).as(recovered.text()).isEqualTo(200);
    }
  }
}
