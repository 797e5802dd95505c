package io.newswire.sink.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/** The read side: one article, filtered pages of articles, places with counts, changes. */
public final class ArticleQueries {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DataSource database;
  private final Dialect dialect;

  public ArticleQueries(DataSource database, Dialect dialect) {
    this.database = database;
    this.dialect = dialect;
  }

  /** A page of articles, newest first, and the cursor of the next page (null at the end). */
  public record Page(List<JsonNode> articles, String nextCursor) {
  }

  /** A stored change, for the live stream's catch-up. */
  public record StoredChange(long seq, String id, JsonNode article) {
  }

  /** The stored record of an article, with {@code storedAt}: when this version was written. */
  public Optional<JsonNode> byId(String id) throws SQLException {
    return byIdAsJson(id).map(ArticleQueries::parse);
  }

  /**
   * {@link #byId} as JSON text, spliced rather than parsed and written again: the record is
   * stored as a JSON object, and reading an article back is the API's most frequent call.
   */
  public Optional<String> byIdAsJson(String id) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement s = c.prepareStatement(
            "SELECT record, stored_at FROM articles WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        String record = r.getString(1).strip();
        String storedAt = "\"storedAt\":\"" + Instant.ofEpochMilli(r.getLong(2)) + "\"";
        String rest = record.substring(1).strip();
        return Optional.of("{" + storedAt + (rest.equals("}") ? "" : ",") + rest);
      }
    }
  }

  /** A query's SQL and its parameters, in order. */
  public record Query(String sql, List<Object> parameters) {
  }

  /**
   * Articles matching {@code filter}, newest first (by publication, else receive time), after
   * {@code cursor}. Keyset paging: articles stored meanwhile never shift a later page.
   *
   * @throws IllegalArgumentException when the cursor is not one this API handed out
   */
  public Page search(ArticleFilter filter, String cursor, int limit) throws SQLException {
    Query query = searchQuery(filter, cursor, limit);
    List<JsonNode> articles = new ArrayList<>();
    String next = null;
    long lastSortAt = 0;
    String lastId = null;
    try (Connection c = database.getConnection();
        PreparedStatement s = c.prepareStatement(query.sql())) {
      bind(s, query.parameters());
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          if (articles.size() == limit) {
            next = encodeCursor(lastSortAt, lastId);
            break;
          }
          articles.add(parse(r.getString(1)));
          lastSortAt = r.getLong(2);
          lastId = r.getString(3);
        }
      }
    }
    return new Page(articles, next);
  }

  /**
   * The query of {@link #search}: {@code limit + 1} rows, to tell whether a next page exists.
   * After a cursor, the bound on the time alone lets the index start at the cursor, where the
   * condition on time and id together has it read every newer row first.
   *
   * @throws IllegalArgumentException when the cursor is not one this API handed out
   */
  public Query searchQuery(ArticleFilter filter, String cursor, int limit) {
    ArticleFilter.Search search = filter.toSearch(dialect);
    List<Object> parameters = new ArrayList<>(search.parameters());
    String at = search.sortAt();
    String id = search.id();
    StringBuilder sql = new StringBuilder("SELECT a.record, ").append(at).append(", ")
        .append(id).append(" FROM ").append(search.from()).append(" WHERE ")
        .append(search.where());
    if (cursor != null) {
      String[] position = decodeCursor(cursor);
      long sortAt = Long.parseLong(position[0]);
      sql.append(" AND ").append(at).append(" <= ? AND (").append(at).append(" < ? OR (")
          .append(at).append(" = ? AND ").append(id).append(" < ?))");
      parameters.addAll(List.of(sortAt, sortAt, sortAt, position[1]));
    }
    sql.append(" ORDER BY ").append(at).append(" DESC, ").append(id).append(" DESC LIMIT ?");
    parameters.add(limit + 1);
    return new Query(sql.toString(), parameters);
  }

  /**
   * Places with how many articles name them, most first. With {@code since}, the recent
   * articles' ids come first from the index of their times, and their places by article id:
   * the work grows with the articles of that time, not with all the places ever stored.
   */
  public List<ObjectNode> places(Instant since, String country, int limit) throws SQLException {
    List<Object> parameters = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT p.geoname_id, p.name, p.country_code,"
        + " p.admin1_name, p.latitude, p.longitude, count(DISTINCT p.article_id) AS articles"
        + " FROM article_places p WHERE 1 = 1");
    if (since != null) {
      sql.append(" AND p.article_id IN (SELECT a.id FROM articles a WHERE a.sort_at >= ?)");
      parameters.add(since.toEpochMilli());
    }
    if (country != null) {
      sql.append(" AND p.country_code = ?");
      parameters.add(country.toUpperCase(Locale.ROOT));
    }
    sql.append(" GROUP BY p.geoname_id, p.name, p.country_code, p.admin1_name, p.latitude,"
        + " p.longitude ORDER BY articles DESC, p.name LIMIT ?");
    parameters.add(limit);
    List<ObjectNode> places = new ArrayList<>();
    try (Connection c = database.getConnection();
        PreparedStatement s = c.prepareStatement(sql.toString())) {
      bind(s, parameters);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          ObjectNode place = JsonNodeFactory.instance.objectNode();
          long geonameId = r.getLong(1);
          if (r.wasNull()) {
            place.putNull("geonameId");
          } else {
            place.put("geonameId", geonameId);
          }
          place.put("name", r.getString(2)).put("countryCode", r.getString(3))
              .put("admin1Name", r.getString(4));
          double lat = r.getDouble(5);
          if (!r.wasNull()) {
            place.put("latitude", lat).put("longitude", r.getDouble(6));
          }
          place.put("articles", r.getLong(7));
          places.add(place);
        }
      }
    }
    return places;
  }

  /** Stored articles changed after change number {@code seq}, in change order. */
  public List<StoredChange> changesAfter(long seq, ArticleFilter filter, int limit)
      throws SQLException {
    ArticleFilter.Sql where = filter.toSql(dialect);
    List<Object> parameters = new ArrayList<>(where.parameters());
    parameters.add(0, seq);
    parameters.add(limit);
    List<StoredChange> changes = new ArrayList<>();
    try (Connection c = database.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT a.seq, a.id, a.record FROM articles a"
            + " WHERE a.seq > ? AND " + where.where() + " ORDER BY a.seq LIMIT ?")) {
      bind(s, parameters);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          changes.add(new StoredChange(r.getLong(1), r.getString(2), parse(r.getString(3))));
        }
      }
    }
    return changes;
  }

  /** Whether the database answers. */
  public boolean ping() {
    try (Connection c = database.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT 1");
        ResultSet r = s.executeQuery()) {
      return r.next();
    } catch (SQLException e) {
      return false;
    }
  }

  private static void bind(PreparedStatement statement, List<Object> parameters)
      throws SQLException {
    for (int i = 0; i < parameters.size(); i++) {
      statement.setObject(i + 1, parameters.get(i));
    }
  }

  static String encodeCursor(long sortAt, String id) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(
        (sortAt + ":" + id).getBytes(StandardCharsets.UTF_8));
  }

  private static String[] decodeCursor(String cursor) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(cursor),
          StandardCharsets.UTF_8).split(":", 2);
      Long.parseLong(parts[0]);
      if (parts.length != 2) {
        throw new IllegalArgumentException("cursor");
      }
      return parts;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cursor is not one this API handed out");
    }
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("Stored record is not JSON", e);
    }
  }
}
