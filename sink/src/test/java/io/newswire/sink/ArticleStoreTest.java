package io.newswire.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.avro.EnrichedArticle;
import io.newswire.avro.Mention;
import io.newswire.avro.MentionKind;
import io.newswire.avro.Place;
import io.newswire.avro.PlaceRole;
import io.newswire.schemas.Articles;
import io.newswire.sink.internal.ArticleFilter;
import io.newswire.sink.internal.ArticleQueries;
import io.newswire.sink.internal.ArticleStore;
import io.newswire.sink.internal.Database;
import io.newswire.sink.internal.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The writer and the queries, against real SQLite and the real PostgreSQL. */
class ArticleStoreTest {
  @TempDir
  static Path dir;
  private Database database;

  static Stream<String> databases() {
    return Stream.of("sqlite", "postgresql");
  }

  private ArticleStore open(String kind) {
    String url = kind.equals("sqlite") ? TestDatabases.sqlite(dir.resolve(
        "db-" + System.nanoTime())) : TestDatabases.postgresSchema();
    database = TestDatabases.open(url);
    return new ArticleStore(database.pool(), database.dialect(), Clock.systemUTC());
  }

  private ArticleQueries queries() {
    return new ArticleQueries(database.pool(), database.dialect());
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  private static EnrichedArticle article(String id, long version, String headline,
      Instant published, Place... places) {
    EnrichedArticle article = Articles.enriched(id, version);
    article.setHeadline(headline);
    article.setPublished(published);
    article.setPlaces(List.of(places));
    return article;
  }

  private static Place place(long geonameId, String name, String country) {
    return Place.newBuilder().setGeonameId(geonameId).setName(name).setCountryCode(country)
        .setLatitude(36.0).setLongitude(43.0).setConfidence(0.9).setRole(PlaceRole.MENTIONED)
        .setMentions(List.of(Mention.newBuilder().setStart(0).setEnd(name.length())
            .setText(name).setKind(MentionKind.NAME).build())).build();
  }

  private int count(String sql) throws SQLException {
    try (Connection c = database.pool().getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getInt(1);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldKeepNewestVersionWhateverOrderVersionsArriveIn(String kind) throws Exception {
    ArticleStore store = open(kind);
    Instant t = Instant.parse("2016-11-02T08:00:00Z");

    store.write(List.of(new ArticleStore.Change("a", article("a", 2, "Second", t,
        place(99072, "Mosul", "IQ")))));
    List<ArticleStore.Applied> older = store.write(List.of(new ArticleStore.Change("a",
        article("a", 1, "First", t, place(98182, "Baghdad", "IQ")))));
    List<ArticleStore.Applied> same = store.write(List.of(new ArticleStore.Change("a",
        article("a", 2, "Second again", t))));
    List<ArticleStore.Applied> newer = store.write(List.of(new ArticleStore.Change("a",
        article("a", 3, "Third", t, place(99003, "Al Qayyarah", "IQ")))));

    assertThat(older).as("an older version changes nothing").isEmpty();
    assertThat(same).as("re-delivery of the same version changes nothing").isEmpty();
    assertThat(newer).hasSize(1);
    JsonNode stored = queries().byId("a").orElseThrow();
    assertThat(stored.get("headline").asText()).isEqualTo("Third");
    assertThat(stored.get("version").asLong()).isEqualTo(3);
    assertThat(count("SELECT count(*) FROM article_places WHERE article_id = 'a'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM article_places WHERE name = 'Al Qayyarah'"))
        .isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldReplaceAVersionEnrichedAgainButNotWithAnEarlierEnrichment(String kind)
      throws Exception {
    // Reprocessing the raw topic (with a new gazetteer, say) enriches the same version again.
    ArticleStore store = open(kind);
    Instant t = Instant.parse("2016-11-02T08:00:00Z");
    EnrichedArticle first = article("r", 4, "Before", t, place(99072, "Mosul", "IQ"));
    EnrichedArticle again = article("r", 4, "After", t, place(99072, "Mosul", "IQ"),
        place(99003, "Al Qayyarah", "IQ"));
    again.getProvenance().setEnrichedAt(first.getProvenance().getEnrichedAt().plusSeconds(60));
    EnrichedArticle late = article("r", 4, "Late copy of an earlier enrichment", t);
    late.getProvenance().setEnrichedAt(first.getProvenance().getEnrichedAt().minusSeconds(60));

    store.write(List.of(new ArticleStore.Change("r", first)));
    List<ArticleStore.Applied> reenriched = store.write(List.of(
        new ArticleStore.Change("r", again)));
    List<ArticleStore.Applied> earlier = store.write(List.of(new ArticleStore.Change("r", late)));
    List<ArticleStore.Applied> repeated = store.write(List.of(
        new ArticleStore.Change("r", again)));

    assertThat(reenriched).hasSize(1);
    assertThat(earlier).as("an earlier enrichment of the same version").isEmpty();
    assertThat(repeated).as("the same record delivered again").isEmpty();
    assertThat(queries().byId("r").orElseThrow().get("headline").asText()).isEqualTo("After");
    assertThat(count("SELECT count(*) FROM article_places WHERE article_id = 'r'")).isEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldDeleteArticleAndItsPlacesOnTombstone(String kind) throws Exception {
    ArticleStore store = open(kind);
    store.write(List.of(new ArticleStore.Change("w", article("w", 1, "Gone soon",
        Instant.now(), place(99072, "Mosul", "IQ")))));

    List<ArticleStore.Applied> applied = store.write(List.of(new ArticleStore.Change("w",
        null)));
    List<ArticleStore.Applied> again = store.write(List.of(new ArticleStore.Change("w", null)));

    assertThat(applied).singleElement().satisfies(a -> assertThat(a.article()).isNull());
    assertThat(again).isEmpty();
    assertThat(queries().byId("w")).isEmpty();
    assertThat(count("SELECT count(*) FROM article_places")).isZero();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldChangeNothingWhenSameBatchIsDeliveredAgain(String kind) throws Exception {
    ArticleStore store = open(kind);
    List<ArticleStore.Change> batch = List.of(
        new ArticleStore.Change("x", article("x", 1, "X", Instant.now(),
            place(1, "A", "IQ"))),
        new ArticleStore.Change("y", article("y", 5, "Y", Instant.now())),
        new ArticleStore.Change("z", null));

    store.write(batch);
    String before = queries().byId("x").orElseThrow().toString();
    List<ArticleStore.Applied> redelivered = store.write(batch);

    assertThat(redelivered).isEmpty();
    assertThat(queries().byId("x").orElseThrow().toString()).isEqualTo(before);
    assertThat(count("SELECT count(*) FROM articles")).isEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldRollBackWholeBatchWhenOneChangeFails(String kind) throws Exception {
    ArticleStore store = open(kind);
    EnrichedArticle bad = article("bad", 1, "Bad", Instant.now(),
        place(1, "A", "IQ"));
    bad.getPlaces().get(0).setName(null);

    assertThatThrownBy(() -> store.write(List.of(
        new ArticleStore.Change("good", article("good", 1, "Good", Instant.now())),
        new ArticleStore.Change("bad", bad)))).isInstanceOf(SQLException.class);
    assertThat(count("SELECT count(*) FROM articles")).isZero();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldFilterByPlaceCountryTextAndTime(String kind) throws Exception {
    ArticleStore store = open(kind);
    store.write(List.of(
        new ArticleStore.Change("m1", article("m1", 1, "Resistance grows inside Mosul",
            Instant.parse("2016-11-01T10:00:00Z"), place(99072, "Mosul", "IQ"))),
        new ArticleStore.Change("m2", article("m2", 1, "Uprising near Mosul",
            Instant.parse("2016-11-02T10:00:00Z"), place(99072, "Mosul", "IQ"),
            place(99003, "Al Qayyarah", "IQ"))),
        new ArticleStore.Change("k1", article("k1", 1, "Ferry to Kuwait resumes",
            Instant.parse("2017-03-07T10:00:00Z"), place(285787, "Kuwait City", "KW")))));
    ArticleQueries q = queries();

    assertThat(ids(q.search(new ArticleFilter("Mosul", null, null, null, null), null, 10)))
        .containsExactly("m2", "m1");
    assertThat(ids(q.search(new ArticleFilter("99003", null, null, null, null), null, 10)))
        .containsExactly("m2");
    assertThat(ids(q.search(new ArticleFilter(null, "kw", null, null, null), null, 10)))
        .containsExactly("k1");
    assertThat(ids(q.search(new ArticleFilter(null, null, "ferry", null, null), null, 10)))
        .containsExactly("k1");
    assertThat(ids(q.search(new ArticleFilter(null, null, "uprising", null, null), null, 10)))
        .containsExactly("m2");
    assertThat(ids(q.search(new ArticleFilter(null, null, null,
        Instant.parse("2016-11-02T00:00:00Z"), Instant.parse("2017-01-01T00:00:00Z")),
        null, 10))).containsExactly("m2");
    assertThat(q.places(null, "IQ", 10)).extracting(p -> p.get("name").asText() + "="
        + p.get("articles").asInt()).containsExactly("Mosul=2", "Al Qayyarah=1");
    assertThat(q.places(Instant.parse("2016-11-02T00:00:00Z"), null, 10))
        .extracting(p -> p.get("name").asText() + "=" + p.get("articles").asInt())
        .containsExactly("Al Qayyarah=1", "Kuwait City=1", "Mosul=1");
  }

  /**
   * SQLite keeps no statistics here: asked per article, it searched a place's index for every
   * article it read, seconds for a place named in many articles of a large database. Each
   * filter on places asks for the articles' ids once.
   */
  @Test
  void shouldAskForThePlacesOfAFilterOnceNotPerArticle() throws Exception {
    open("sqlite");
    for (ArticleFilter filter : List.of(new ArticleFilter("99072", null, null, null, null),
        new ArticleFilter("Mosul", null, null, null, null),
        new ArticleFilter(null, "IQ", null, null, null),
        new ArticleFilter("Mosul", "IQ", "uprising", null, null))) {
      ArticleFilter.Sql where = filter.toSql(database.dialect());
      StringBuilder plan = new StringBuilder();
      try (Connection c = database.pool().getConnection();
          PreparedStatement s = c.prepareStatement("EXPLAIN QUERY PLAN SELECT a.id"
              + " FROM articles a WHERE " + where.where()
              + " ORDER BY a.sort_at DESC, a.id DESC LIMIT 20")) {
        for (int i = 0; i < where.parameters().size(); i++) {
          s.setObject(i + 1, where.parameters().get(i));
        }
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            plan.append(r.getString("detail")).append('\n');
          }
        }
      }
      assertThat(plan.toString()).as("plan for %s", filter).contains("article_places")
          .doesNotContain("CORRELATED");
    }
  }

  /**
   * A search for a place or a country reads its rows newest first from their index and stops
   * after a page, however many articles name it; so does a page after a cursor, from the cursor
   * on.
   */
  @Test
  void shouldReadAPageOfAPlaceFromItsIndexNewestFirst() throws Exception {
    ArticleStore store = open("sqlite");
    Instant t = Instant.parse("2016-11-01T10:00:00Z");
    store.write(List.of(
        new ArticleStore.Change("m1", article("m1", 1, "Mosul", t, place(99072, "Mosul", "IQ"))),
        new ArticleStore.Change("m2", article("m2", 1, "Mosul", t.plusSeconds(60),
            place(99072, "Mosul", "IQ")))));
    ArticleQueries q = queries();
    String cursor = q.search(ArticleFilter.ALL, null, 1).nextCursor();
    Instant since = Instant.parse("2016-01-01T00:00:00Z");

    for (ArticleFilter filter : List.of(new ArticleFilter("99072", null, null, null, null),
        new ArticleFilter("Mosul", null, null, null, null),
        new ArticleFilter(null, "iq", null, null, null),
        new ArticleFilter("99072", "IQ", "mosul", since, null))) {
      for (String after : new String[] {null, cursor}) {
        String plan = plan(q.searchQuery(filter, after, 20));
        assertThat(plan).as("plan for %s after %s", filter, after).containsPattern(
            "SEARCH p USING (COVERING )?INDEX article_places_(geoname|name|country)")
            .doesNotContain("TEMP B-TREE FOR ORDER BY").doesNotContainPattern("SCAN (p|a)\\b");
      }
    }
    assertThat(plan(q.searchQuery(ArticleFilter.ALL, cursor, 20)))
        .contains("SEARCH a USING INDEX articles_newest (sort_at<?)");
  }

  private String plan(ArticleQueries.Query query) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (Connection c = database.pool().getConnection();
        PreparedStatement s = c.prepareStatement("EXPLAIN QUERY PLAN " + query.sql())) {
      for (int i = 0; i < query.parameters().size(); i++) {
        s.setObject(i + 1, query.parameters().get(i));
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          plan.append(r.getString("detail")).append('\n');
        }
      }
    }
    return plan.toString();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldPageThroughAPlaceOnceForEachArticleThatNamesIt(String kind) throws Exception {
    ArticleStore store = open(kind);
    Instant base = Instant.parse("2020-01-01T00:00:00Z");
    List<ArticleStore.Change> changes = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      // Two places called Georgia in each, and the same minute for two articles at a time.
      changes.add(new ArticleStore.Change("g" + i, article("g" + i, 1, "Georgia " + i,
          base.plusSeconds(i / 2 * 60L), place(614540, "Georgia", "GE"),
          place(4197000, "Georgia", "US"), place(614540, "Georgia", "GE"))));
    }
    changes.add(new ArticleStore.Change("other", article("other", 1, "Tbilisi",
        base.plusSeconds(30), place(611717, "Tbilisi", "GE"))));
    store.write(changes);
    ArticleQueries q = queries();

    for (ArticleFilter filter : List.of(new ArticleFilter("614540", null, null, null, null),
        new ArticleFilter("4197000", null, null, null, null),
        new ArticleFilter("georgia", null, null, null, null),
        new ArticleFilter(null, "US", null, null, null))) {
      List<String> seen = new ArrayList<>();
      String cursor = null;
      do {
        ArticleQueries.Page page = q.search(filter, cursor, 3);
        seen.addAll(ids(page));
        cursor = page.nextCursor();
      } while (cursor != null);
      assertThat(seen).as("%s", filter)
          .containsExactly("g6", "g5", "g4", "g3", "g2", "g1", "g0");
    }
    assertThat(ids(q.search(new ArticleFilter(null, "GE", null, null, null), null, 10)))
        .containsExactly("g6", "g5", "g4", "g3", "g2", "other", "g1", "g0");
    assertThat(ids(q.search(new ArticleFilter("614540", "GE", null,
        base.plusSeconds(60), base.plusSeconds(120)), null, 10))).containsExactly("g3", "g2");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldPageStablyWhileNewArticlesArrive(String kind) throws Exception {
    ArticleStore store = open(kind);
    Instant base = Instant.parse("2020-01-01T00:00:00Z");
    for (int i = 0; i < 10; i++) {
      store.write(List.of(new ArticleStore.Change("p" + i, article("p" + i, 1, "Article " + i,
          base.plusSeconds(i * 60L)))));
    }
    ArticleQueries q = queries();

    ArticleQueries.Page first = q.search(ArticleFilter.ALL, null, 4);
    store.write(List.of(new ArticleStore.Change("late", article("late", 1, "Newest",
        base.plusSeconds(100_000)))));
    List<String> seen = new ArrayList<>(ids(first));
    String cursor = first.nextCursor();
    while (cursor != null) {
      ArticleQueries.Page page = q.search(ArticleFilter.ALL, cursor, 4);
      seen.addAll(ids(page));
      cursor = page.nextCursor();
    }

    assertThat(seen).containsExactly("p9", "p8", "p7", "p6", "p5", "p4", "p3", "p2", "p1",
        "p0");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldSearchTheWordsOfTheLatestVersionOnly(String kind) throws Exception {
    ArticleStore store = open(kind);
    Instant t = Instant.parse("2016-11-02T08:00:00Z");
    EnrichedArticle first = article("w", 1, "Ferry service halted", t);
    first.setBody("Officials in Basra said the U.S. convoy was delayed.");
    store.write(List.of(new ArticleStore.Change("w", first),
        new ArticleStore.Change("x", article("x", 1, "Ferry to Kuwait resumes", t))));
    ArticleQueries q = queries();

    assertThat(ids(q.search(new ArticleFilter(null, null, "ferry basra", null, null), null,
        10))).containsExactly("w");
    assertThat(ids(q.search(new ArticleFilter(null, null, "U.S. convoy", null, null), null,
        10))).containsExactly("w");
    assertThat(ids(q.search(new ArticleFilter(null, null, "ferry", null, null), null, 10)))
        .containsExactlyInAnyOrder("w", "x");

    EnrichedArticle second = article("w", 2, "Ferry service resumes", t);
    second.setBody("Officials in Umm Qasr said the port reopened.");
    store.write(List.of(new ArticleStore.Change("w", second),
        new ArticleStore.Change("x", null)));

    assertThat(ids(q.search(new ArticleFilter(null, null, "basra", null, null), null, 10)))
        .isEmpty();
    assertThat(ids(q.search(new ArticleFilter(null, null, "qasr reopened", null, null), null,
        10))).containsExactly("w");
    assertThat(ids(q.search(new ArticleFilter(null, null, "kuwait", null, null), null, 10)))
        .isEmpty();
  }

  @Test
  void shouldKeepOlderSqliteArticlesSearchableAcrossTheIndexMigration() throws Exception {
    String url = TestDatabases.sqlite(Files.createDirectories(
        dir.resolve("db-" + System.nanoTime())));
    // A database of the first schema, with an article stored through its own triggers.
    Flyway.configure().dataSource(url, "", "").locations("classpath:db/migration/sqlite")
        .target("1").load().migrate();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO articles (id, version, seq, headline, body, stored_at,"
          + " sort_at, record) VALUES ('old', 1, 1, 'Ferry to Kuwait resumes',"
          + " 'Crews in Basra cheered.', 1478073600000, 1478073600000, '{\"id\":\"old\"}')");
    }

    database = TestDatabases.open(url);
    ArticleQueries q = queries();

    assertThat(ids(q.search(new ArticleFilter(null, null, "basra ferry", null, null), null,
        10))).containsExactly("old");
    assertThat(count("SELECT count(*) FROM flyway_schema_history WHERE success"))
        .isGreaterThanOrEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldFindThePlacesOfArticlesStoredBeforeTheirRowsKeptTheirTime(String kind)
      throws Exception {
    String url = kind.equals("sqlite") ? TestDatabases.sqlite(Files.createDirectories(
        dir.resolve("db-" + System.nanoTime()))) : TestDatabases.postgresSchema();
    // The schema before place rows carried their article's time, with a row written then.
    String before = kind.equals("sqlite") ? "2" : "1";
    Flyway.configure().dataSource(url, "", "").locations(Dialect.forUrl(url).migrations())
        .target(before).load().migrate();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO articles (id, version, seq, stored_at, sort_at, record)"
          + " VALUES ('old', 1, 1, 1478080800000, 1478080800000, '{\"id\":\"old\"}')");
      s.executeUpdate("INSERT INTO article_places (article_id, position, geoname_id, name,"
          + " mention_count, role) VALUES ('old', 0, 99072, 'Mosul', 1, 'MENTIONED')");
    }

    database = TestDatabases.open(url);
    ArticleStore store = new ArticleStore(database.pool(), database.dialect(),
        Clock.systemUTC());
    store.write(List.of(new ArticleStore.Change("new", article("new", 1, "Mosul",
        Instant.parse("2016-11-03T10:00:00Z"), place(99072, "Mosul", "IQ")))));
    ArticleQueries q = queries();

    assertThat(ids(q.search(new ArticleFilter("99072", null, null, null, null), null, 10)))
        .containsExactly("new", "old");
    assertThat(ids(q.search(new ArticleFilter("mosul", null, null, null,
        Instant.parse("2016-11-03T00:00:00Z")), null, 10))).containsExactly("old");
  }

  private static List<String> ids(ArticleQueries.Page page) {
    return page.articles().stream().map(a -> a.get("id").asText()).toList();
  }
}
