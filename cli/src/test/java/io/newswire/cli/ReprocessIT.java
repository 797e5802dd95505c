package io.newswire.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswire.enrich.EnrichStreams;
import io.newswire.enrich.PlaceTagger;
import io.newswire.platform.FreePorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code up --reprocess}: a new gazetteer reaches the articles already stored. The pipeline
 * stores an article whose village the built-in gazetteer lacks, stops, and starts again with a
 * GeoNames dump that has it: the article is enriched again and the stored one replaced, the
 * same version with the new place.
 */
class ReprocessIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String ARTICLE = "Iraq News\nSecurity\n\nTroops advance south of Mosul"
      + "\n\nBy Test Desk\n\nIraqi forces liberated al-Qayyara on Thursday and pushed north"
      + " towards Mosul, officials in Nineveh said.\n\nResidents of al-Qayyarah began to return"
      + " to their homes, the officials said.\n";
  /** GeoNames' line for Al Qayyarah (cities500), a village the built-in gazetteer lacks. */
  private static final String QAYYARAH = String.join("\t", "99003", "Al Qayyārah",
      "Al Qayyarah", "Al Qaiyara,Al Qayyarah,Qayyarah", "35.79933", "43.29447", "P", "PPLA3",
      "IQ", "", "15", "9166649", "", "", "0", "", "183", "Asia/Baghdad", "2020-06-10");

  @Test
  @Timeout(300)
  void shouldEnrichStoredArticlesAgainWithANewGazetteer(@TempDir Path dir) throws Exception {
    int[] kafka = FreePorts.pick(2);
    Map<String, String> settings = new HashMap<>(Map.of(
        StandaloneConfig.DATA_DIR, dir.resolve("data").toString(),
        StandaloneConfig.KAFKA_PORT, String.valueOf(kafka[0]),
        StandaloneConfig.KAFKA_CONTROLLER_PORT, String.valueOf(kafka[1]),
        "registry.port", "0",
        HttpConfig.PORT, "0"));
    String id;
    JsonNode before;
    Lifecycle first = new Lifecycle("first");
    try {
      StandalonePipeline pipeline = StandalonePipeline.start(settings, first);
      id = push(pipeline.url(), pipeline.newKey().orElseThrow());
      before = awaitStored(pipeline.url(), id, article -> true);
    } finally {
      first.stop();
    }
    assertThat(geonameIds(before)).contains(99072L).doesNotContain(99003L);

    Path dump = Files.writeString(dir.resolve("qayyarah.txt"), QAYYARAH + "\n");
    settings.put("enrich.gazetteer", "builtin," + dump);
    Lifecycle second = new Lifecycle("second");
    try {
      StandalonePipeline pipeline = StandalonePipeline.start(settings, second, true);
      JsonNode after = awaitStored(pipeline.url(), id,
          article -> geonameIds(article).contains(99003L));

      assertThat(after.get("version").asLong()).isEqualTo(before.get("version").asLong());
      assertThat(geonameIds(after)).contains(99072L, 99003L);
      assertThat(after.at("/provenance/gazetteerId").asText()).contains("qayyarah");
      assertThat(JSON.readTree(get(pipeline.url() + "/v1/articles?place=99003").body())
          .path("articles")).singleElement()
          .satisfies(a -> assertThat(a.get("id").asText()).isEqualTo(id));

      // While enrich runs, a second rewind would pull the offsets from under it: refused.
      assertThatThrownBy(() -> EnrichStreams.start(Map.of(
          "bootstrap.servers", pipeline.platform().bootstrapServers(),
          "schema.registry.url", pipeline.platform().schemaRegistryUrl(),
          "enrich.state.dir", dir.resolve("other").toString(),
          // How long it waits for members to time out: a running one never does.
          "session.timeout.ms", "6000"),
          PlaceTagger.none(), new SimpleMeterRegistry(), true))
          .hasMessageContaining("Cannot reprocess while enrich runs")
          .hasMessageContaining("1 member(s)");
    } finally {
      second.stop();
    }
  }

  private static String push(String url, String key) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
            URI.create(url + "/v1/articles"))
        .header("Authorization", "Bearer " + key)
        .header("Content-Type", "text/plain; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(ARTICLE)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return JSON.readTree(response.body()).get("id").asText();
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The stored article once it is there and {@code ready} holds of it. */
  private static JsonNode awaitStored(String url, String id, Predicate<JsonNode> ready)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = get(url + "/v1/articles/" + id);
      if (response.statusCode() == 200) {
        last = JSON.readTree(response.body());
        if (ready.test(last)) {
          return last;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("article " + id + " not stored as expected in time; last: " + last);
  }

  private static List<Long> geonameIds(JsonNode article) {
    List<Long> ids = new ArrayList<>();
    article.path("places").forEach(p -> ids.add(p.path("geonameId").asLong()));
    return ids;
  }
}
