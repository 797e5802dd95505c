package io.newswire.sink.internal;

import java.sql.SQLException;
import java.util.stream.Collectors;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** SQLite: a counter row for change numbers, FTS5 full-text search. */
final class SqliteDialect implements Dialect {

  @Override
  public String migrations() {
    return "classpath:db/migration/sqlite";
  }

  @Override
  public String nextChangeQuery() {
    return "UPDATE article_changes SET value = value + 1 WHERE id = 1 RETURNING value";
  }

  @Override
  public String fullTextCondition() {
    return "a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)";
  }

  /** Each word quoted, so that FTS5 reads the search as words, never as query syntax. */
  @Override
  public String fullTextParameter(String query) {
    return Dialect.words(query).stream().map(w -> "\"" + w + "\"")
        .collect(Collectors.joining(" "));
  }

  @Override
  public boolean isTransient(SQLException error) {
    if (error instanceof SQLiteException sqlite) {
      SQLiteErrorCode code = sqlite.getResultCode();
      // Only TOOBIG, CONSTRAINT, MISMATCH and RANGE are the record's fault; BUSY, LOCKED,
      // READONLY, IOERR, FULL and the rest pause and retry.
      return switch (code.code & 0xff) {
        case 18, 19, 20, 25 -> false;
        default -> true;
      };
    }
    return true;
  }
}
