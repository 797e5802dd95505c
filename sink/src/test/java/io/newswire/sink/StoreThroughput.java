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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures batch upserts (the sink's writer, batches of 500 articles of about 5 KB with three
 * places each) into SQLite and PostgreSQL. Not a test: run it by hand, see the README.
 */
public final class StoreThroughput {
  private StoreThroughput() {
  }

  public static void main(String[] args) throws Exception {
    String body = "The port handled more ships this week, officials in Basra said. ".repeat(75);
    run("SQLite", "jdbc:sqlite:" + Files.createTempDirectory("store-bench")
        .resolve("bench.db"), body);
    run("PostgreSQL", TestDatabases.postgresSchema(), body);
  }

  private static void run(String name, String url, String body) throws Exception {
    try (Database database = TestDatabases.open(url)) {
      ArticleStore store = new ArticleStore(database.pool(), database.dialect(),
          Clock.systemUTC());
      int batch = 500;
      int batches = 40;
      for (int round = 0; round < 2; round++) {
        long started = System.nanoTime();
        for (int b = 0; b < batches; b++) {
          List<ArticleStore.Change> changes = new ArrayList<>();
          for (int i = 0; i < batch; i++) {
            String id = "r" + round + "-" + b + "-" + i;
            EnrichedArticle article = Articles.enriched(id, 1);
            article.setBody(body + id);
            article.setPublished(Instant.now());
            article.setPlaces(List.of(place("Mosul", 99072), place("Iraq", 99237),
                place("Nineveh", 92877)));
            changes.add(new ArticleStore.Change(id, article));
          }
          store.write(changes);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%s %s: %d articles in %.2f s = %.0f rows/s%n", name,
            round == 0 ? "warm-up" : "measured", batch * batches, seconds,
            batch * batches / seconds);
      }
    }
  }

  private static Place place(String name, long id) {
    return Place.newBuilder().setGeonameId(id).setName(name).setCountryCode("IQ")
        .setLatitude(36.3).setLongitude(43.1).setConfidence(0.9).setRole(PlaceRole.MENTIONED)
        .setMentions(List.of(Mention.newBuilder().setStart(0).setEnd(name.length())
            .setText(name).setKind(MentionKind.NAME).build())).build();
  }
}
