package io.newswire.cli;

import io.newswire.avro.ArticleFormat;
import io.newswire.avro.EnrichedArticle;
import io.newswire.avro.RawArticle;
import io.newswire.enrich.internal.ArticleEnricher;
import io.newswire.enrich.internal.LanguageIdentifier;
import io.newswire.enrich.places.Gazetteer;
import io.newswire.enrich.places.GazetteerTagger;
import io.newswire.enrich.places.SampleArticles;
import io.newswire.sink.internal.ArticleStore;
import io.newswire.sink.internal.Database;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Measures the sink's writer on what enrich makes of generated 5 KB articles (their places and
 * mentions, ids as ingest makes them), by batch size: each size writes the same articles into a
 * fresh SQLite file, in transactions of that many, and prints the time per article and the
 * file's size. Not a test: run it by hand, see docs/benchmarks.md. Arguments: the number of
 * articles (default 8,000), then the batch sizes (default 10 20 40 100 500).
 */
public final class StoreThroughput {
  private StoreThroughput() {
  }

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 8_000;
    int[] sizes = args.length > 1
        ? Stream.of(args).skip(1).mapToInt(Integer::parseInt).toArray()
        : new int[] {10, 20, 40, 100, 500};
    Gazetteer gazetteer = Gazetteer.builtIn();
    ArticleEnricher enricher = new ArticleEnricher(new LanguageIdentifier(),
        new GazetteerTagger(gazetteer), "bench", Clock.systemUTC());
    SampleArticles sample = new SampleArticles(gazetteer, 42);
    List<EnrichedArticle> articles = new ArrayList<>(count);
    long places = 0;
    for (int i = 0; i < count; i++) {
      String text = sample.next(5_000);
      RawArticle raw = RawArticle.newBuilder().setId("a-" + i).setVersion(1).setFeedId("bench")
          .setReceivedAt(Instant.now()).setFormat(ArticleFormat.TEXT)
          .setContentType("text/plain; charset=utf-8")
          .setContent(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8))).build();
      EnrichedArticle article = enricher.enrich(raw);
      article.setId(UUID.nameUUIDFromBytes(("a-" + i).getBytes(StandardCharsets.UTF_8))
          .toString());
      places += article.getPlaces().size();
      articles.add(article);
    }
    System.out.printf("%,d enriched articles, %.1f places each%n", count,
        places / (double) count);
    // Two rounds: the first also warms the JVM.
    for (int round = 1; round <= 2; round++) {
      for (int size : sizes) {
        Path dir = Files.createTempDirectory("store-throughput");
        try (Database database = Database.open("jdbc:sqlite:" + dir.resolve("newswire.db"), "",
            "", 2)) {
          ArticleStore store = new ArticleStore(database.writer(), database.dialect(),
              Clock.systemUTC());
          long started = System.nanoTime();
          for (int from = 0; from < count; from += size) {
            List<ArticleStore.Change> changes = new ArrayList<>(size);
            for (EnrichedArticle article : articles.subList(from, Math.min(count, from + size))) {
              changes.add(new ArticleStore.Change(article.getId(), article));
            }
            store.write(changes);
          }
          double micros = (System.nanoTime() - started) / 1e3 / count;
          System.out.printf("round %d, batches of %3d: %,6.0f us/article (%,.0f articles/s)%n",
              round, size, micros, 1e6 / micros);
        } finally {
          try (Stream<Path> files = Files.list(dir)) {
            long bytes = 0;
            for (Path file : files.toList()) {
              bytes += Files.size(file);
              Files.delete(file);
            }
            if (round == 2 && size == sizes[sizes.length - 1]) {
              System.out.printf("database file %.0f KiB per article%n", bytes / 1024.0 / count);
            }
          }
          Files.delete(dir);
        }
      }
    }
  }
}
