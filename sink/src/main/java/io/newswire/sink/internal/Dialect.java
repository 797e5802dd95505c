package io.newswire.sink.internal;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * What differs between the databases the sink writes to; everything else is one SQL path.
 * Like kafka-connect-jdbc's dialects: small, and chosen by the JDBC URL.
 */
public interface Dialect {

  /** Flyway migration location for this database. */
  String migrations();

  /**
   * A query that takes the next change number inside the writing transaction: one row, one
   * column. A batch prepares it once and runs it for each article.
   */
  String nextChangeQuery();

  /**
   * A condition on {@code articles a} matching full-text {@code query}, with its one parameter
   * (the search text, prepared for the database's query syntax).
   */
  String fullTextCondition();

  /** The parameter value for {@link #fullTextCondition()}. */
  String fullTextParameter(String query);

  /**
   * Whether an error is the database's state (down, busy, out of connections: retry the same
   * batch later) rather than the data's (constraint, value out of range: the record is at
   * fault). When in doubt, the database's: a stall is visible and loses nothing.
   */
  boolean isTransient(SQLException error);

  /** The dialect of a JDBC URL. */
  static Dialect forUrl(String jdbcUrl) {
    String url = jdbcUrl.toLowerCase(Locale.ROOT);
    if (url.startsWith("jdbc:sqlite:")) {
      return new SqliteDialect();
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return new PostgresDialect();
    }
    throw new IllegalArgumentException("Unsupported database URL " + jdbcUrl
        + ": use jdbc:sqlite:<file> or jdbc:postgresql://...");
  }

  /** The words of a search, for databases that take them one by one. */
  static List<String> words(String query) {
    return List.of(query.trim().split("[^\\p{L}\\p{N}]+")).stream()
        .filter(w -> !w.isEmpty()).toList();
  }
}
