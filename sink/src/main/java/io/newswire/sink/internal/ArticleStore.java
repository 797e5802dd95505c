package io.newswire.sink.internal;

import io.newswire.avro.EnrichedArticle;
import io.newswire.avro.Place;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Writes batches of enriched articles in one transaction: upserts guarded by version (an older
 * version never overwrites a newer one; the same version replaces the stored one only when it
 * was enriched later, as reprocessing does, so a record delivered twice changes nothing), the
 * article's place rows replaced with the new version's, deletes for tombstones. A failed batch
 * is rolled back whole.
 */
public final class ArticleStore {
  /** One change to store: an article, or a tombstone (null article) for {@code id}. */
  public record Change(String id, EnrichedArticle article) {
    public Change {
      Objects.requireNonNull(id, "id");
    }
  }

  /** A change that took effect, with its change number (the live stream's event id). */
  public record Applied(long seq, String id, EnrichedArticle article) {
  }

  private static final String UPSERT = """
      INSERT INTO articles (id, version, seq, feed_id, headline, section, category, language,
        url, summary, body, published_at, received_at, stored_at, sort_at, focus_geoname_id,
        focus_country, record, enriched_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET version = excluded.version, seq = excluded.seq,
        feed_id = excluded.feed_id, headline = excluded.headline, section = excluded.section,
        category = excluded.category, language = excluded.language, url = excluded.url,
        summary = excluded.summary, body = excluded.body, published_at = excluded.published_at,
        received_at = excluded.received_at, stored_at = excluded.stored_at,
        sort_at = excluded.sort_at, focus_geoname_id = excluded.focus_geoname_id,
        focus_country = excluded.focus_country, record = excluded.record,
        enriched_at = excluded.enriched_at
      WHERE articles.version < excluded.version
        OR articles.version = excluded.version
          AND COALESCE(articles.enriched_at, 0) < excluded.enriched_at""";
  private static final String INSERT_PLACE = """
      INSERT INTO article_places (article_id, position, geoname_id, name, country_code,
        admin1_code, admin1_name, feature_class, feature_code, latitude, longitude,
        mention_count, role, confidence, sort_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

  private final DataSource database;
  private final Dialect dialect;
  private final Clock clock;

  public ArticleStore(DataSource database, Dialect dialect, Clock clock) {
    this.database = Objects.requireNonNull(database, "database");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Dialect dialect() {
    return dialect;
  }

  /**
   * Stores a batch in one transaction.
   *
   * @return the changes that took effect (stale versions and repeats of the stored record do
   *     not; the stored version enriched again does)
   * @throws SQLException after rolling back, when any change failed
   */
  public List<Applied> write(List<Change> changes) throws SQLException {
    try (Connection connection = database.getConnection()) {
      connection.setAutoCommit(false);
      try (Statements statements = new Statements(connection, dialect)) {
        List<Applied> applied = new ArrayList<>();
        for (Change change : changes) {
          Applied done = change.article() == null ? delete(connection, statements, change.id())
              : upsert(statements, change.article());
          if (done != null) {
            applied.add(done);
          }
        }
        connection.commit();
        return applied;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  /** The statements a batch uses for every article, prepared once per batch. */
  private static final class Statements implements AutoCloseable {
    private final Connection connection;
    private final Dialect dialect;
    private PreparedStatement nextChange;
    private PreparedStatement upsert;
    private PreparedStatement clearPlaces;
    private PreparedStatement insertPlace;

    Statements(Connection connection, Dialect dialect) {
      this.connection = connection;
      this.dialect = dialect;
    }

    /** The next change number ({@link Dialect#nextChangeQuery}). */
    long nextChange() throws SQLException {
      if (nextChange == null) {
        nextChange = connection.prepareStatement(dialect.nextChangeQuery());
      }
      try (ResultSet next = nextChange.executeQuery()) {
        next.next();
        return next.getLong(1);
      }
    }

    PreparedStatement upsert() throws SQLException {
      if (upsert == null) {
        upsert = connection.prepareStatement(UPSERT);
      }
      return upsert;
    }

    PreparedStatement clearPlaces() throws SQLException {
      if (clearPlaces == null) {
        clearPlaces = connection.prepareStatement(
            "DELETE FROM article_places WHERE article_id = ?");
      }
      return clearPlaces;
    }

    PreparedStatement insertPlace() throws SQLException {
      if (insertPlace == null) {
        insertPlace = connection.prepareStatement(INSERT_PLACE);
      }
      return insertPlace;
    }

    @Override
    public void close() throws SQLException {
      for (PreparedStatement statement : new PreparedStatement[] {nextChange, upsert,
          clearPlaces, insertPlace}) {
        if (statement != null) {
          statement.close();
        }
      }
    }
  }

  private Applied upsert(Statements statements, EnrichedArticle article) throws SQLException {
    long seq = statements.nextChange();
    long now = clock.millis();
    Long published = article.getPublished() == null ? null
        : article.getPublished().toEpochMilli();
    Long received = article.getReceivedAt() == null ? null
        : article.getReceivedAt().toEpochMilli();
    PreparedStatement upsert = statements.upsert();
    int i = 1;
    upsert.setString(i++, article.getId());
    upsert.setLong(i++, article.getVersion());
    upsert.setLong(i++, seq);
    upsert.setString(i++, article.getFeedId());
    upsert.setString(i++, article.getHeadline());
    upsert.setString(i++, article.getSection());
    upsert.setString(i++, article.getCategory());
    upsert.setString(i++, article.getLanguage());
    upsert.setString(i++, article.getUrl());
    upsert.setString(i++, article.getSummary());
    upsert.setString(i++, article.getBody());
    setLong(upsert, i++, published);
    setLong(upsert, i++, received);
    upsert.setLong(i++, now);
    // Newest first by publication, else receipt; the place rows carry it for their indexes.
    long sortAt = published != null ? published : received != null ? received : now;
    upsert.setLong(i++, sortAt);
    setLong(upsert, i++, article.getFocusGeonameId());
    upsert.setString(i++, article.getFocusCountryCode());
    upsert.setString(i++, ArticleJson.text(article));
    // A later enrichment of the same version replaces the stored one (reprocessing); the same
    // record delivered again does not.
    setLong(upsert, i, article.getProvenance() == null ? null
        : article.getProvenance().getEnrichedAt().toEpochMilli());
    int updated = upsert.executeUpdate();
    if (updated == 0) {
      return null;
    }
    PreparedStatement clear = statements.clearPlaces();
    clear.setString(1, article.getId());
    clear.executeUpdate();
    if (!article.getPlaces().isEmpty()) {
      PreparedStatement insert = statements.insertPlace();
      int position = 0;
      for (Place place : article.getPlaces()) {
        int column = 1;
        insert.setString(column++, article.getId());
        insert.setInt(column++, position++);
        setLong(insert, column++, place.getGeonameId());
        insert.setString(column++, place.getName());
        insert.setString(column++, place.getCountryCode());
        insert.setString(column++, place.getAdmin1Code());
        insert.setString(column++, place.getAdmin1Name());
        insert.setString(column++, place.getFeatureClass());
        insert.setString(column++, place.getFeatureCode());
        setDouble(insert, column++, place.getLatitude());
        setDouble(insert, column++, place.getLongitude());
        insert.setInt(column++, place.getMentions().size());
        insert.setString(column++, place.getRole().name());
        insert.setDouble(column++, place.getConfidence());
        insert.setLong(column, sortAt);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    return new Applied(seq, article.getId(), article);
  }

  private Applied delete(Connection connection, Statements statements, String id)
      throws SQLException {
    try (PreparedStatement places = connection.prepareStatement(
        "DELETE FROM article_places WHERE article_id = ?");
        PreparedStatement article = connection.prepareStatement(
            "DELETE FROM articles WHERE id = ?")) {
      places.setString(1, id);
      places.executeUpdate();
      article.setString(1, id);
      if (article.executeUpdate() == 0) {
        return null;
      }
    }
    return new Applied(statements.nextChange(), id, null);
  }

  private static void setLong(PreparedStatement statement, int index, Long value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, value);
    }
  }

  private static void setDouble(PreparedStatement statement, int index, Double value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.DOUBLE);
    } else {
      statement.setDouble(index, value);
    }
  }
}
