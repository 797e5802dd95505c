package io.newswire.enrich.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.avro.ArticleFormat;
import io.newswire.avro.Caption;
import io.newswire.avro.EnrichedArticle;
import io.newswire.avro.RawArticle;
import io.newswire.enrich.EnrichConfig;
import io.newswire.enrich.EnrichStreams;
import io.newswire.enrich.EnrichTopology;
import io.newswire.enrich.PlaceTagger;
import io.newswire.enrich.places.Gazetteer;
import io.newswire.enrich.places.GazetteerTagger;
import io.newswire.enrich.places.SampleArticles;
import io.newswire.schemas.Topics;
import io.newswire.schemas.serde.AvroSerdeConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Measures the enrich topology in a TopologyTestDriver (serdes and state stores included, no
 * broker) over articles in the seeds' shape, then times each enrichment step alone, and each
 * step as the enricher runs them one after another on every article. Not a test: run it by
 * hand, see docs/benchmarks.md. Arguments: article files, or JSONL corpora (files ending in
 * {@code .jsonl}, one {@code {"text"}} per line, as in {@code ../shared/eval}); none for 256
 * generated 5 KB articles.
 */
public final class EnrichThroughput {
  private EnrichThroughput() {
  }

  public static void main(String[] args) throws Exception {
    List<String> seeds = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String arg : args) {
      if (arg.endsWith(".jsonl")) {
        for (String line : Files.readAllLines(Path.of(arg))) {
          if (!line.isBlank()) {
            seeds.add(json.readTree(line).path("text").asText());
          }
        }
      } else {
        seeds.add(Files.readString(Path.of(arg)));
      }
    }
    Gazetteer gazetteer = Gazetteer.builtIn();
    if (seeds.isEmpty()) {
      SampleArticles sample = new SampleArticles(gazetteer, 42);
      for (int i = 0; i < 256; i++) {
        seeds.add(sample.next(5_000));
      }
    }
    int warmup = 2_000;
    int measured = 5_000;
    List<RawArticle> articles = new ArrayList<>();
    for (int i = 0; i < warmup + measured; i++) {
      String text = seeds.get(i % seeds.size()).replaceFirst("\n\n", "\n\nEdition " + i + " ");
      articles.add(RawArticle.newBuilder().setId("a-" + i).setVersion(1).setFeedId("bench")
          .setReceivedAt(Instant.now()).setFormat(ArticleFormat.TEXT)
          .setContentType("text/plain; charset=utf-8")
          .setContent(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8))).build());
    }
    Map<String, Object> settings = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://bench",
        EnrichConfig.STATE_DIR, Files.createTempDirectory("enrich-bench").toString());
    EnrichConfig config = new EnrichConfig(settings);
    Properties props = EnrichStreams.streamsProperties(config);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    LanguageIdentifier languages = new LanguageIdentifier();
    PlaceTagger places = new GazetteerTagger(gazetteer);
    Topics topics = Topics.create(settings);
    try (TopologyTestDriver driver = new TopologyTestDriver(
        EnrichTopology.build(config, places, languages), props)) {
      TestInputTopic<String, RawArticle> in = driver.createInputTopic(topics.raw().name(),
          new StringSerializer(), topics.raw().valueSerde().serializer());
      TestOutputTopic<String, EnrichedArticle> out = driver.createOutputTopic(
          topics.enriched().name(), new StringDeserializer(),
          topics.enriched().valueSerde().deserializer());
      for (int i = 0; i < warmup; i++) {
        in.pipeInput(articles.get(i).getId(), articles.get(i));
      }
      out.readValuesToList();
      long start = System.nanoTime();
      for (int i = warmup; i < warmup + measured; i++) {
        in.pipeInput(articles.get(i).getId(), articles.get(i));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      int enriched = out.readValuesToList().size();
      System.out.printf("topology (TopologyTestDriver, serdes and stores): %d articles in %.2f s"
          + " = %.0f articles/s on one thread%n", enriched, seconds, enriched / seconds);
    }

    ArticleEnricher enricher = new ArticleEnricher(languages, places, "bench",
        Clock.systemUTC());
    List<String> texts = articles.stream().map(a -> new String(a.getContent().array(),
        StandardCharsets.UTF_8)).toList();
    time("whole enrichment", measured, i -> enricher.enrich(articles.get(i)));
    // The topology's other steps: the Avro serdes of the record in and the record out.
    var rawSerde = topics.raw().valueSerde();
    var enrichedSerde = topics.enriched().valueSerde();
    List<byte[]> rawBytes = articles.stream()
        .map(a -> rawSerde.serializer().serialize(topics.raw().name(), a)).toList();
    List<EnrichedArticle> enrichedArticles = articles.stream().map(enricher::enrich).toList();
    time("Avro: raw article in", measured,
        i -> rawSerde.deserializer().deserialize(topics.raw().name(), rawBytes.get(i)));
    time("Avro: enriched article out", measured, i -> enrichedSerde.serializer()
        .serialize(topics.enriched().name(), enrichedArticles.get(i)));
    time("structure (text reader)", measured, i -> TextArticleReader.read(texts.get(i)));
    time("place tagging", measured, i -> places.tag(new PlaceTagger.ArticleText(null, null,
        List.of(), List.of(), texts.get(i))));
    time("language detection", measured, i -> languages.detect(texts.get(i)));
    time("sources (people, organisations)", measured, i -> SourceMentions.find(texts.get(i)));
    time("dates", measured, i -> DateMentions.find(texts.get(i), Instant.now()));
    time("fingerprints (SHA-256, SimHash)", measured,
        i -> Fingerprints.of(null, texts.get(i)));
    inSequence(texts, measured, places, languages);
  }

  /**
   * Times each step where the enricher runs it, between the others on the same article: each
   * finds the processor's caches as the steps before it left them.
   */
  private static void inSequence(List<String> texts, int count, PlaceTagger places,
      LanguageIdentifier languages) {
    String[] steps = {"structure (text reader)", "language detection",
        "sources (people, organisations)", "place tagging", "fingerprints (SHA-256, SimHash)",
        "dates"};
    long[] nanos = new long[steps.length];
    for (int pass = 0; pass < 2; pass++) {
      Arrays.fill(nanos, 0);
      for (int i = 0; i < count; i++) {
        nanos[0] -= System.nanoTime();
        ArticleStructure structure = TextArticleReader.read(texts.get(i));
        String headline = structure.headline();
        String body = structure.body();
        String text = (headline == null ? "" : headline + "\n\n") + body;
        lap(nanos, 0);
        sink = languages.detect(text);
        lap(nanos, 1);
        sink = SourceMentions.find(body);
        lap(nanos, 2);
        sink = places.tag(new PlaceTagger.ArticleText(headline, structure.dateline(),
            structure.captions().stream().map(Caption::getText).toList(),
            structure.subheadings(), body));
        lap(nanos, 3);
        sink = Fingerprints.of(headline, body);
        lap(nanos, 4);
        sink = DateMentions.find(text, structure.published());
        nanos[5] += System.nanoTime();
      }
    }
    System.out.println("each step in sequence, as the enricher runs them:");
    for (int k = 0; k < steps.length; k++) {
      double micros = nanos[k] / 1e3 / count;
      System.out.printf("  %-34s %8.1f us/article  (%,.0f/s)%n", steps[k], micros, 1e6 / micros);
    }
  }

  /** Ends step {@code k}'s lap and starts the next one's. */
  private static void lap(long[] nanos, int k) {
    long now = System.nanoTime();
    nanos[k] += now;
    nanos[k + 1] -= now;
  }

  /** Where results go, so that no step is optimised away. */
  private static volatile Object sink;

  private interface Step {
    Object run(int i);
  }

  private static void time(String name, int count, Step step) {
    for (int i = 0; i < count; i++) {
      step.run(i);
    }
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      step.run(i);
    }
    double micros = (System.nanoTime() - start) / 1e3 / count;
    System.out.printf("  %-34s %8.1f us/article  (%,.0f/s)%n", name, micros, 1e6 / micros);
  }
}
