package io.newswire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.avro.ArticleFormat;
import io.newswire.avro.RawArticle;
import io.newswire.schemas.Fixtures;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class IngestApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TEXT = "text/plain; charset=utf-8";

  @TempDir
  Path stateDir;
  private IngestHarness ingest;

  @BeforeEach
  void start() {
    ingest = new IngestHarness(true, stateDir, Map.of());
  }

  @AfterEach
  void stop() {
    ingest.close();
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  private RawArticle lastSent() {
    return ingest.producer.history().get(ingest.producer.history().size() - 1).value();
  }

  @Test
  void shouldAcceptTextArticleAndAnswerWithWhereKafkaStoredIt() {
    byte[] article = Fixtures.bytes("basra-port.txt");

    HttpResponse<String> response = ingest.post("/v1/articles", TEXT, article, IngestHarness.KEY);

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode body = json(response);
    assertThat(body.get("id").asText()).hasSize(36);
    assertThat(body.get("topic").asText()).isEqualTo("newswire.articles.raw");
    assertThat(body.get("partition").asInt()).isGreaterThanOrEqualTo(0);
    assertThat(body.get("offset").asLong()).isGreaterThanOrEqualTo(0);
    assertThat(body.get("duplicate").asBoolean()).isFalse();
    assertThat(response.headers().firstValue("Location")).hasValue("/v1/articles/"
        + body.get("id").asText());
    RawArticle sent = lastSent();
    assertThat(sent.getId()).isEqualTo(body.get("id").asText());
    assertThat(sent.getFeedId()).isEqualTo("newsroom");
    assertThat(sent.getFormat()).isEqualTo(ArticleFormat.TEXT);
    assertThat(sent.getContentType()).isEqualToIgnoringCase(TEXT);
    assertThat(sent.getContent().array()).isEqualTo(article);
    assertThat(ingest.producer.history().get(0).key()).isEqualTo(sent.getId());
  }

  @Test
  void shouldAcceptBothSeedArticlesAsTheyAre() throws Exception {
    for (Path seed : Fixtures.seeds()) {
      byte[] article = Files.readAllBytes(seed);

      HttpResponse<String> response = ingest.post("/v1/articles", TEXT, article,
          IngestHarness.KEY);

      assertThat(response.statusCode()).as(seed + ": " + response.body()).isEqualTo(202);
      assertThat(lastSent().getContent().array()).isEqualTo(article);
    }
    assertThat(ingest.producer.history()).hasSize(Fixtures.seeds().size());
  }

  @Test
  void shouldGiveSameArticleSameIdAndReportRepeatAsDuplicate() {
    byte[] article = Fixtures.bytes("basra-port.txt");

    JsonNode first = json(ingest.post("/v1/articles", TEXT, article, IngestHarness.KEY));
    JsonNode again = json(ingest.post("/v1/articles", TEXT, article, IngestHarness.KEY));

    assertThat(again.get("id").asText()).isEqualTo(first.get("id").asText());
    assertThat(again.get("version").asLong()).isEqualTo(first.get("version").asLong());
    assertThat(again.get("offset").asLong()).isEqualTo(first.get("offset").asLong());
    assertThat(again.get("duplicate").asBoolean()).isTrue();
    assertThat(ingest.producer.history()).as("a repeat is not written again").hasSize(1);
  }

  @Test
  void shouldAcceptNinjsOfEveryMajorVersionAndSimpleJson() {
    for (String name : new String[] {"ninjs1.json", "ninjs2.json", "ninjs3.json"}) {
      HttpResponse<String> response = ingest.post("/v1/articles", "application/json",
          Fixtures.bytes(name), IngestHarness.KEY);
      assertThat(response.statusCode()).as(name + ": " + response.body()).isEqualTo(202);
      assertThat(lastSent().getFormat()).isEqualTo(ArticleFormat.NINJS);
    }
    HttpResponse<String> simple = ingest.post("/v1/articles", "application/json",
        Fixtures.bytes("simple.json"), IngestHarness.KEY);
    assertThat(simple.statusCode()).isEqualTo(202);
    assertThat(lastSent().getFormat()).isEqualTo(ArticleFormat.SIMPLE_JSON);
    assertThat(lastSent().getUrl()).isEqualTo("https://news.example.org/port-volumes");
  }

  @Test
  void shouldAcceptHtmlPageAndKeepItsBytesAndType() {
    byte[] page = Fixtures.bytes("article.html");

    HttpResponse<String> response = ingest.post("/v1/articles", "text/html; charset=utf-8",
        page, IngestHarness.KEY);

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(lastSent().getFormat()).isEqualTo(ArticleFormat.HTML);
    assertThat(lastSent().getContent().array()).isEqualTo(page);
    assertThat(lastSent().getGuid()).isEqualTo("https://news.example.org/basra-airport-doha");
  }

  @Test
  void shouldAnswer400NamingTheFieldAtFault() {
    HttpResponse<String> malformed = ingest.post("/v1/articles", "application/json",
        "{\"headline\": ".getBytes(StandardCharsets.UTF_8), IngestHarness.KEY);
    HttpResponse<String> wrongType = ingest.post("/v1/articles", "application/json",
        "{\"headline\": 5, \"body\": \"x\"}".getBytes(StandardCharsets.UTF_8), IngestHarness.KEY);
    HttpResponse<String> empty = ingest.post("/v1/articles", "application/json",
        "{\"byline\": \"Someone\"}".getBytes(StandardCharsets.UTF_8), IngestHarness.KEY);
    HttpResponse<String> badDate = ingest.post("/v1/articles", "application/json",
        "{\"body\": \"x\", \"published\": \"yesterday\"}".getBytes(StandardCharsets.UTF_8),
        IngestHarness.KEY);
    HttpResponse<String> blankText = ingest.post("/v1/articles", TEXT,
        "  \n ".getBytes(StandardCharsets.UTF_8), IngestHarness.KEY);
    HttpResponse<String> badUtf8 = ingest.post("/v1/articles", TEXT,
        new byte[] {(byte) 0xc3, (byte) 0x28}, IngestHarness.KEY);

    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(json(malformed).get("error").asText()).isEqualTo("bad_request");
    assertThat(json(malformed).get("message").asText())
        .startsWith("Malformed JSON at line 1, column ").doesNotContain("Source");
    assertThat(json(wrongType).get("field").asText()).isEqualTo("headline");
    assertThat(json(wrongType).get("message").asText()).contains("must be a string");
    assertThat(json(empty).get("field").asText()).isEqualTo("body");
    assertThat(json(badDate).get("field").asText()).isEqualTo("published");
    assertThat(json(blankText).get("message").asText()).contains("empty");
    assertThat(json(badUtf8).get("message").asText()).contains("not valid UTF-8");
    assertThat(ingest.producer.history()).isEmpty();
  }

  @Test
  void shouldAnswer401WithoutValidKeyAnd403ForDisabledFeed() {
    byte[] article = Fixtures.bytes("basra-port.txt");

    HttpResponse<String> missing = ingest.post("/v1/articles", TEXT, article, null);
    HttpResponse<String> unknown = ingest.post("/v1/articles", TEXT, article, "guess");
    HttpResponse<String> disabled = ingest.post("/v1/articles", TEXT, article,
        IngestHarness.DISABLED_KEY);

    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(json(missing).get("error").asText()).isEqualTo("unauthorized");
    assertThat(json(missing).get("message").asText()).contains("Bearer");
    assertThat(missing.headers().firstValue("WWW-Authenticate")).isPresent();
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(disabled.statusCode()).isEqualTo(403);
    assertThat(json(disabled).get("message").asText()).contains("'off'", "disabled");
    assertThat(ingest.producer.history()).isEmpty();
  }

  @Test
  void shouldAnswer413ForArticleOverTheSizeLimit() {
    byte[] huge = "x".repeat(70_000).getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> response = ingest.post("/v1/articles", TEXT, huge, IngestHarness.KEY);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(json(response).get("error").asText()).isEqualTo("payload_too_large");
    assertThat(json(response).get("message").asText()).contains("65536");
  }

  @Test
  void shouldAnswer415NamingAcceptedTypes() {
    HttpResponse<String> xml = ingest.post("/v1/articles", "application/xml",
        "<a/>".getBytes(StandardCharsets.UTF_8), IngestHarness.KEY);
    HttpResponse<String> none = ingest.post("/v1/articles", null,
        "x".getBytes(StandardCharsets.UTF_8), IngestHarness.KEY);
    HttpResponse<String> notAllowed = ingest.post("/v1/articles", "application/json",
        Fixtures.bytes("simple.json"), IngestHarness.TEXT_ONLY_KEY);

    assertThat(xml.statusCode()).isEqualTo(415);
    assertThat(json(xml).get("message").asText())
        .contains("text/plain", "application/json", "text/html");
    assertThat(json(xml).get("field").asText()).isEqualTo("Content-Type");
    assertThat(none.statusCode()).isEqualTo(415);
    assertThat(notAllowed.statusCode()).isEqualTo(415);
    assertThat(json(notAllowed).get("message").asText()).contains("'plain'");
  }

  @Test
  void shouldAnswer429WithRetryAfterOnceFeedExceedsItsRate() {
    byte[] article = Fixtures.bytes("simple.json");

    HttpResponse<String> first = ingest.post("/v1/articles", "application/json", article,
        IngestHarness.SLOW_KEY);
    HttpResponse<String> second = ingest.post("/v1/articles", "application/json", article,
        IngestHarness.SLOW_KEY);

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(json(second).get("error").asText()).isEqualTo("rate_limited");
    assertThat(second.headers().firstValue("Retry-After").map(Integer::parseInt))
        .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1, 10));
  }

  @Test
  void shouldAcceptGoodLinesOfBatchAndReportEachBadLine() {
    String batch = new String(Fixtures.bytes("simple.json"), StandardCharsets.UTF_8)
        .replace("\n", "") + "\n"
        + "{not json}\n"
        + "\n"
        + "{\"headline\": \"Only a headline\", \"guid\": \"h-1\"}\n"
        + "{\"byline\": \"nobody\"}\n";

    HttpResponse<String> response = ingest.post("/v1/articles/batch", "application/x-ndjson",
        batch.getBytes(StandardCharsets.UTF_8), IngestHarness.KEY);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.get("accepted").asInt()).isEqualTo(2);
    assertThat(body.get("rejected").asInt()).isEqualTo(2);
    JsonNode results = body.get("results");
    assertThat(results).hasSize(4);
    assertThat(results.get(0).get("line").asInt()).isEqualTo(1);
    assertThat(results.get(0).get("status").asInt()).isEqualTo(202);
    assertThat(results.get(0).get("offset").asLong()).isGreaterThanOrEqualTo(0);
    assertThat(results.get(1).get("line").asInt()).isEqualTo(2);
    assertThat(results.get(1).get("status").asInt()).isEqualTo(400);
    assertThat(results.get(2).get("line").asInt()).isEqualTo(4);
    assertThat(results.get(2).get("status").asInt()).isEqualTo(202);
    assertThat(results.get(3).get("field").asText()).isEqualTo("body");
    assertThat(ingest.producer.history()).hasSize(2);
  }

  @Test
  void shouldReadBatchLinesEndedByCrLfAsByLf() {
    String batch = "{\"headline\": \"First\", \"guid\": \"crlf-1\"}\r\n"
        + "\r\n"
        + "{\"headline\": \"Second\", \"guid\": \"crlf-2\"}\r\n"
        + "{\"headline\": \"Third, no line break\", \"guid\": \"crlf-3\"}";

    HttpResponse<String> response = ingest.post("/v1/articles/batch", "application/x-ndjson",
        batch.getBytes(StandardCharsets.UTF_8), IngestHarness.KEY);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode results = json(response).get("results");
    assertThat(results).extracting(r -> r.get("line").asInt()).containsExactly(1, 3, 4);
    assertThat(results).extracting(r -> r.get("status").asInt()).containsOnly(202);
    assertThat(ingest.producer.history()).extracting(r -> r.value().getHeadline())
        .containsExactly("First", "Second", "Third, no line break");
  }

  @Test
  void shouldSplitBatchIntoLinesAsTheLineBreaksGo() {
    assertThat(IngestService.lines("a\nb\r\n\nc")).containsExactly("a", "b", "", "c");
    assertThat(IngestService.lines("a\n")).containsExactly("a");
    assertThat(IngestService.lines("\r\na\r")).containsExactly("", "a\r");
    assertThat(IngestService.lines("")).isEmpty();
  }

  @Test
  void shouldRefuseBatchWithMoreLinesThanAllowed() {
    String line = "{\"headline\": \"h\", \"body\": \"b\"}\n";

    HttpResponse<String> response = ingest.post("/v1/articles/batch", "application/x-ndjson",
        line.repeat(6).getBytes(StandardCharsets.UTF_8), IngestHarness.KEY);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(json(response).get("message").asText()).contains("6 articles", "at most 5");
  }

  @Test
  void shouldAnswer503WithRetryAfterAndNo2xxWhenKafkaFails(@TempDir Path other) throws Exception {
    try (IngestHarness manual = new IngestHarness(false, other, Map.of())) {
      CompletableFuture<HttpResponse<String>> pending = CompletableFuture.supplyAsync(() ->
          manual.post("/v1/articles", TEXT, Fixtures.bytes("basra-port.txt"),
              IngestHarness.KEY));
      while (manual.producer.history().isEmpty()) {
        Thread.sleep(10);
      }
      assertThat(pending).as("no answer before Kafka acknowledges").isNotDone();

      manual.producer.errorNext(new TimeoutException("Expiring 1 record(s)"));
      HttpResponse<String> response = pending.get(10, TimeUnit.SECONDS);

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
      assertThat(json(response).get("error").asText()).isEqualTo("kafka_unavailable");
      assertThat(json(response).get("message").asText()).contains("Expiring 1 record(s)");
    }
  }

  @Test
  void shouldAnswer202OnlyAfterKafkaAcknowledges(@TempDir Path other) throws Exception {
    try (IngestHarness manual = new IngestHarness(false, other, Map.of())) {
      CompletableFuture<HttpResponse<String>> pending = CompletableFuture.supplyAsync(() ->
          manual.post("/v1/articles", "application/json", Fixtures.bytes("simple.json"),
              IngestHarness.KEY));
      while (manual.producer.history().isEmpty()) {
        Thread.sleep(10);
      }
      Thread.sleep(200);
      assertThat(pending).isNotDone();

      manual.producer.completeNext();

      assertThat(pending.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
    }
  }

  @Test
  void shouldAnswer503WhenKafkaDoesNotAnswerWithinTimeout(@TempDir Path other) {
    try (IngestHarness manual = new IngestHarness(false, other, Map.of())) {
      long started = System.nanoTime();

      HttpResponse<String> response = manual.post("/v1/articles", "application/json",
          Fixtures.bytes("simple.json"), IngestHarness.KEY);

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat((System.nanoTime() - started) / 1e9).as("bounded by the Kafka timeout")
          .isLessThan(10);
    }
  }
}
