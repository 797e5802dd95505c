package io.newswire.enrich.internal;

import io.newswire.avro.ArticleFormat;
import io.newswire.avro.Caption;
import io.newswire.avro.RawArticle;
import io.newswire.enrich.PlaceTagger;
import io.newswire.enrich.places.Gazetteer;
import io.newswire.enrich.places.GazetteerTagger;
import io.newswire.enrich.places.SampleArticles;
import io.newswire.schemas.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Articles per second, on one thread, of each enrichment step with the built-in gazetteer:
 * reading the structure and metadata of a text export, tagging places, people and
 * organisations, dates, fingerprints, language, and the whole per-article enrichment (decoding
 * and all of those). Articles are
 * generated (about 5 KB, seed 42) or the seed files of {@code ../shared/seeds} (the project's
 * own fixture in the same shape when those are absent). The warm-up is long because the whole
 * enrichment's code takes the JIT compiler about 20 s to settle on a small, shared machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Threads(1)
public class EnrichBenchmark {
  @Param({"generated", "seeds"})
  public String articles;

  private List<String> texts;
  private List<RawArticle> raws;
  private List<PlaceTagger.ArticleText> parsed;
  private PlaceTagger tagger;
  private ArticleEnricher enricher;
  private LanguageIdentifier languages;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    Gazetteer gazetteer = Gazetteer.builtIn();
    tagger = new GazetteerTagger(gazetteer);
    languages = new LanguageIdentifier();
    enricher = new ArticleEnricher(languages, tagger, "bench", Clock.systemUTC());
    texts = "seeds".equals(articles) ? seeds() : generated(gazetteer);
    raws = new ArrayList<>();
    parsed = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      raws.add(RawArticle.newBuilder().setId("bench-" + i).setVersion(1).setFeedId("bench")
          .setReceivedAt(Instant.now()).setFormat(ArticleFormat.TEXT)
          .setContentType("text/plain; charset=utf-8")
          .setContent(ByteBuffer.wrap(texts.get(i).getBytes(StandardCharsets.UTF_8))).build());
      ArticleStructure structure = TextArticleReader.read(texts.get(i));
      parsed.add(new PlaceTagger.ArticleText(structure.headline(), structure.dateline(),
          structure.captions().stream().map(Caption::getText).toList(),
          structure.subheadings(), structure.body()));
    }
  }

  private static List<String> generated(Gazetteer gazetteer) {
    SampleArticles sample = new SampleArticles(gazetteer, 42);
    List<String> generated = new ArrayList<>();
    for (int i = 0; i < 256; i++) {
      generated.add(sample.next(5_000));
    }
    return generated;
  }

  private static List<String> seeds() {
    List<String> seeds = new ArrayList<>();
    Path dir = Fixtures.sharedDir().map(d -> d.resolve("seeds")).orElse(null);
    if (dir != null && Files.isDirectory(dir)) {
      try (var files = Files.list(dir)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
          seeds.add(Files.readString(file));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (seeds.isEmpty()) {
      seeds.add(Fixtures.text("basra-port.txt"));
    }
    return seeds;
  }

  private int index() {
    next = (next + 1) % texts.size();
    return next;
  }

  @Benchmark
  public ArticleStructure structure() {
    return TextArticleReader.read(texts.get(index()));
  }

  @Benchmark
  public PlaceTagger.PlaceTags tagging() {
    return tagger.tag(parsed.get(index()));
  }

  @Benchmark
  public Object enrichment() {
    return enricher.enrich(raws.get(index()));
  }

  @Benchmark
  public Object sources() {
    return SourceMentions.find(parsed.get(index()).body());
  }

  @Benchmark
  public Object dates() {
    return DateMentions.find(parsed.get(index()).body(), Instant.EPOCH);
  }

  @Benchmark
  public Object fingerprints() {
    PlaceTagger.ArticleText article = parsed.get(index());
    return Fingerprints.of(article.headline(), article.body());
  }

  @Benchmark
  public Object language() {
    return languages.detect(parsed.get(index()).body());
  }
}
