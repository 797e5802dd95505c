package io.newswire.sink;

import io.newswire.avro.EnrichedArticle;
import io.newswire.avro.Mention;
import io.newswire.avro.MentionKind;
import io.newswire.avro.Place;
import io.newswire.avro.PlaceRole;
import io.newswire.schemas.Articles;
import io.newswire.sink.internal.ArticleStore;
import io.newswire.sink.internal.Database;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rows per second of the sink's writer: batches of 500 articles of about 5 KB with three places
 * each, one transaction per batch, into SQLite (WAL) and the local PostgreSQL (a schema of its
 * own, as the tests use; {@code NEWSWIRE_TEST_POSTGRES_URL} points elsewhere). With
 * {@code fullText=false} the full-text index is taken out after the migrations, to tell what it
 * costs of each row.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class StoreBenchmark {
  private static final int BATCH = 500;
  /** Bodies of about 5 KB: words drawn, commonest first, from a vocabulary of 20,000. */
  private static final int BODIES = 64;

  @Param({"sqlite", "postgresql"})
  public String database;

  @Param({"true", "false"})
  public boolean fullText;

  private String url;
  private Database opened;
  private ArticleStore store;
  private long next;
  private final List<String> bodies = new ArrayList<>();

  @Setup(Level.Trial)
  public void open() throws Exception {
    // The full-text index's cost grows with the distinct words of each article and of all of
    // them: the bodies are prose-like, not one sentence repeated.
    Random random = new Random(42);
    List<String> vocabulary = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      StringBuilder word = new StringBuilder();
      for (int k = 2 + random.nextInt(8); k > 0; k--) {
        word.append((char) ('a' + random.nextInt(26)));
      }
      vocabulary.add(word.toString());
    }
    for (int b = 0; b < BODIES; b++) {
      StringBuilder body = new StringBuilder();
      while (body.length() < 5_000) {
        double r = random.nextDouble();
        body.append(vocabulary.get((int) (vocabulary.size() * r * r * r))).append(' ');
      }
      bodies.add(body.toString());
    }
    url = "sqlite".equals(database)
        ? "jdbc:sqlite:" + Files.createTempDirectory("store-bench").resolve("bench.db")
        : TestDatabases.postgresSchema();
    opened = TestDatabases.open(url);
    store = new ArticleStore(opened.writer(), opened.dialect(), Clock.systemUTC());
    if (!fullText) {
      try (Connection c = opened.pool().getConnection(); Statement s = c.createStatement()) {
        if ("sqlite".equals(database)) {
          for (String change : List.of("insert", "update", "delete")) {
            s.execute("DROP TRIGGER articles_fts_" + change);
          }
        } else {
          s.execute("ALTER TABLE articles DROP COLUMN search");
        }
      }
    }
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    opened.close();
    int at = url.indexOf("currentSchema=");
    if (at >= 0) {
      try (Connection c = DriverManager.getConnection(url.substring(0, at - 1));
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA " + url.substring(at + "currentSchema=".length()) + " CASCADE");
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public List<ArticleStore.Applied> batchUpsert() throws Exception {
    List<ArticleStore.Change> changes = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      String id = "bench-" + next++;
      EnrichedArticle article = Articles.enriched(id, 1);
      article.setBody(bodies.get((int) (next % BODIES)) + id);
      article.setPublished(Instant.now());
      article.setPlaces(List.of(place("Mosul", 99072), place("Iraq", 99237),
          place("Nineveh", 92877)));
      changes.add(new ArticleStore.Change(id, article));
    }
    return store.write(changes);
  }

  private static Place place(String name, long id) {
    return Place.newBuilder().setGeonameId(id).setName(name).setCountryCode("IQ")
        .setLatitude(36.3).setLongitude(43.1).setConfidence(0.9).setRole(PlaceRole.MENTIONED)
        .setMentions(List.of(Mention.newBuilder().setStart(0).setEnd(name.length())
            .setText(name).setKind(MentionKind.NAME).build())).build();
  }
}
