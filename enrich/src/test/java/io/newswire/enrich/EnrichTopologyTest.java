package io.newswire.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.avro.ArticleFormat;
import io.newswire.avro.DeadLetter;
import io.newswire.avro.EnrichedArticle;
import io.newswire.avro.RawArticle;
import io.newswire.enrich.internal.LanguageIdentifier;
import io.newswire.schemas.Fixtures;
import io.newswire.schemas.Topics;
import io.newswire.schemas.registry.MockSchemaRegistry;
import io.newswire.schemas.serde.AvroSerdeConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichTopologyTest {
  private static final Instant T0 = Instant.parse("2016-11-02T10:00:00Z");
  private static LanguageIdentifier languages;

  @TempDir
  Path stateDir;
  private String scope;
  private TopologyTestDriver driver;
  private Topics topics;
  private TestInputTopic<String, RawArticle> raw;
  private TestInputTopic<String, byte[]> rawBytes;
  private TestOutputTopic<String, EnrichedArticle> enriched;
  private TestOutputTopic<String, DeadLetter> deadLetters;

  @BeforeAll
  static void loadLanguageModelOnce() {
    languages = new LanguageIdentifier();
  }

  @BeforeEach
  void startDriver() {
    scope = "enrich-" + UUID.randomUUID();
    Map<String, Object> settings = Map.of(
        AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope,
        EnrichConfig.STATE_DIR, stateDir.toString(),
        EnrichConfig.DEDUP_WINDOW_MS, Duration.ofHours(1).toMillis());
    EnrichConfig config = new EnrichConfig(settings);
    Properties props = EnrichStreams.streamsProperties(config);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(EnrichTopology.build(config, PlaceTagger.none(), languages),
        props);
    topics = Topics.create(settings);
    raw = driver.createInputTopic(topics.raw().name(), new StringSerializer(),
        topics.raw().valueSerde().serializer());
    rawBytes = driver.createInputTopic(topics.raw().name(), new StringSerializer(),
        new ByteArraySerializer());
    enriched = driver.createOutputTopic(topics.enriched().name(), new StringDeserializer(),
        topics.enriched().valueSerde().deserializer());
    deadLetters = driver.createOutputTopic(topics.deadLetters().name(),
        new StringDeserializer(), topics.deadLetters().valueSerde().deserializer());
  }

  @AfterEach
  void stopDriver() {
    driver.close();
    MockSchemaRegistry.drop(scope);
  }

  private static RawArticle article(String id, long version, ArticleFormat format,
      String contentType, byte[] content) {
    return RawArticle.newBuilder().setId(id).setVersion(version).setFeedId("test")
        .setReceivedAt(T0).setFormat(format).setContentType(contentType)
        .setContent(ByteBuffer.wrap(content)).build();
  }

  private static RawArticle text(String id, long version, String body) {
    return article(id, version, ArticleFormat.TEXT, "text/plain; charset=utf-8",
        body.getBytes(StandardCharsets.UTF_8));
  }

  private void pipe(RawArticle article, Instant at) {
    raw.pipeInput(article.getId(), article, at);
  }

  @Test
  void shouldEnrichBothSeedArticlesIntoStructuredRecords() throws Exception {
    List<Path> seeds = Fixtures.seeds();
    for (int i = 0; i < seeds.size(); i++) {
      pipe(text("seed-" + i, 1, Files.readString(seeds.get(i))), T0);
    }

    List<EnrichedArticle> out = enriched.readValuesToList();

    assertThat(out).hasSize(seeds.size());
    for (EnrichedArticle article : out) {
      assertThat(article.getSection()).isEqualTo("Iraq News");
      assertThat(article.getCategory()).isIn("Terrorism", "Security");
      assertThat(article.getHeadline()).contains("Mosul");
      assertThat(article.getBylines()).containsExactly("Khalid al-Taie");
      assertThat(article.getCaptions()).singleElement()
          .satisfies(c -> assertThat(c.getCredit()).startsWith("Photo courtesy of"));
      assertThat(article.getBody()).doesNotContain("Do you like this article", "Comment(s)",
          "Comment Policy", "Photo courtesy");
      assertThat(article.getWordCount()).isGreaterThan(300);
      assertThat(article.getContentHash()).hasSize(64);
      assertThat(article.getProvenance().getEnrichedAt()).isNotNull();
    }
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void shouldEnrichHtmlAndNinjsArticles() {
    pipe(article("html", 1, ArticleFormat.HTML, "text/html; charset=utf-8",
        Fixtures.bytes("article.html")), T0);
    RawArticle ninjs = article("ninjs", 1, ArticleFormat.NINJS, "application/json",
        Fixtures.bytes("ninjs2.json"));
    ninjs.setHeadline("Australian grain due at Basra next month");
    pipe(ninjs, T0);

    Map<String, EnrichedArticle> out = enriched.readKeyValuesToMap();

    EnrichedArticle html = out.get("html");
    assertThat(html.getHeadline()).isEqualTo("Basra airport adds flights to Doha");
    assertThat(html.getBylines()).containsExactly("Omar Saleh");
    assertThat(html.getPublished()).isEqualTo(Instant.parse("2017-03-09T07:45:00Z"));
    assertThat(html.getCaptions()).singleElement().satisfies(c -> assertThat(c.getCredit())
        .isEqualTo("Photo courtesy of the Iraqi Civil Aviation Authority"));
    assertThat(html.getBody()).startsWith("Basra International Airport will add")
        .doesNotContain("Home", "Do you like");
    assertThat(html.getUrl()).isEqualTo("https://news.example.org/basra-airport-doha");
    assertThat(html.getMentionedDates()).extracting(d -> d.getText()).contains("Thursday");
    assertThat(out.get("ninjs").getBody())
        .isEqualTo("Grain shipments from Australia are expected at Basra next month.");
  }

  /**
   * The test driver runs the deserialization handler but does not pass on its dead letters;
   * DeadLetterHandlersTest checks the letter and EnrichExactlyOnceIT its arrival on Kafka.
   */
  @Test
  void shouldSkipUnreadableRecordAndCarryOn() {
    rawBytes.pipeInput("bad-1", "definitely not avro".getBytes(StandardCharsets.UTF_8), T0);
    pipe(text("good-1", 1, "Headline\n\nA body that reads fine."), T0);

    assertThat(enriched.readKeyValue().key).as("the next record still flows")
        .isEqualTo("good-1");
  }

  @Test
  void shouldRouteArticleWhoseEnrichmentFailsToDeadLetterTopic() {
    RawArticle broken = article("broken", 1, ArticleFormat.NINJS, "application/json",
        "{this is not json".getBytes(StandardCharsets.UTF_8));

    pipe(broken, T0);
    pipe(text("fine", 1, "Headline\n\nBody."), T0);

    DeadLetter letter = deadLetters.readValue();
    assertThat(letter.getStage()).isEqualTo("enrich.process");
    assertThat(letter.getArticleId()).isEqualTo("broken");
    assertThat(letter.getErrorClass()).isNotBlank();
    assertThat(letter.getOriginalValue().array()).as("the raw record's own bytes")
        .isEqualTo(topics.raw().valueSerde().serializer().serialize("t", broken));
    assertThat(enriched.readKeyValuesToMap()).containsOnlyKeys("fine");
  }

  @Test
  void shouldRouteArticleWithoutAnyTextToDeadLetterTopic() {
    pipe(text("empty", 1, "   \n  "), T0);

    assertThat(deadLetters.readValue().getErrorMessage()).contains("neither a headline");
    assertThat(enriched.isEmpty()).isTrue();
  }

  @Test
  void shouldReplaceOlderVersionAndDropOneArrivingLate() {
    pipe(text("a", 1, "Headline\n\nFirst version."), T0);
    pipe(text("a", 3, "Headline\n\nThird version."), T0.plusSeconds(1));
    pipe(text("a", 2, "Headline\n\nSecond version, late."), T0.plusSeconds(2));

    List<EnrichedArticle> out = enriched.readValuesToList();

    assertThat(out).extracting(EnrichedArticle::getVersion).containsExactly(1L, 3L);
    assertThat(driver.getAllStateStores()).containsKey("article-versions");
  }

  @Test
  void shouldSuppressRepeatsOfAnArticleAndNewVersionsOfTheSameContentWithinWindow() {
    pipe(text("a", 1, "Headline\n\nSame words."), T0);
    pipe(text("a", 1, "Headline\n\nSame words."), T0.plusSeconds(1));
    pipe(text("a", 2, "Headline\n\nSame   words."), T0.plusSeconds(2));
    pipe(text("a", 3, "Headline\n\nSame words."), T0.plus(Duration.ofHours(2)));
    pipe(text("a", 1, "Headline\n\nSame words."), T0.plus(Duration.ofHours(3)));

    assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getVersion)
        .containsExactly(1L, 3L);
  }

  @Test
  void shouldEnrichAVersionThatGoesBackToEarlierContent() {
    pipe(text("a", 1, "Headline\n\nFirst words."), T0);
    pipe(text("a", 2, "Headline\n\nCorrected words."), T0.plusSeconds(1));
    pipe(text("a", 3, "Headline\n\nFirst words."), T0.plusSeconds(2));

    assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getVersion)
        .containsExactly(1L, 2L, 3L);
  }

  @Test
  void shouldEnrichAnArticlePublishedAgainAfterItsWithdrawal() {
    pipe(text("a", 1, "Headline\n\nSame words."), T0);
    RawArticle withdrawal = text("a", 2, "Headline\n\nSame words.");
    withdrawal.setPubStatus("canceled");
    pipe(withdrawal, T0.plusSeconds(1));
    pipe(text("a", 3, "Headline\n\nSame words."), T0.plusSeconds(2));

    List<KeyValue<String, EnrichedArticle>> out = enriched.readKeyValuesToList();
    assertThat(out).extracting(kv -> kv.value == null ? null : kv.value.getVersion())
        .containsExactly(1L, null, 3L);
  }

  @Test
  void shouldKeepTheSameTextUnderAnotherIdAsAnArticleOfItsOwn() {
    // Another feed's copy of a wire story: acknowledged under its own id, so it is stored too.
    pipe(text("a", 1, "Headline\n\nSame words."), T0);
    pipe(text("b", 1, "Headline\n\nSame   words."), T0.plusSeconds(1));
    pipe(text("b", 2, "Headline\n\nSame words."), T0.plusSeconds(2));

    List<KeyValue<String, EnrichedArticle>> out = enriched.readKeyValuesToList();
    assertThat(out).extracting(kv -> kv.key).containsExactly("a", "b");
    assertThat(out.get(1).value.getContentHash()).isEqualTo(out.get(0).value.getContentHash());
  }

  @Test
  void shouldTurnWithdrawnArticleIntoTombstone() {
    pipe(text("w", 1, "Headline\n\nBody."), T0);
    RawArticle withdrawn = text("w", 2, "Withdrawn.");
    withdrawn.setPubStatus("canceled");
    pipe(withdrawn, T0.plusSeconds(1));

    List<TestRecord<String, EnrichedArticle>> out = enriched.readRecordsToList();

    assertThat(out).hasSize(2);
    assertThat(out.get(1).key()).isEqualTo("w");
    assertThat(out.get(1).value()).isNull();
  }

}
