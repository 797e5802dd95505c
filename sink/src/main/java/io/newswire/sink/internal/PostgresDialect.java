package io.newswire.sink.internal;

import java.sql.SQLException;

/** PostgreSQL: a sequence for change numbers, tsvector full-text search. */
final class PostgresDialect implements Dialect {

  @Override
  public String migrations() {
    return "classpath:db/migration/postgresql";
  }

  @Override
  public String nextChangeQuery() {
    return "SELECT nextval('article_changes')";
  }

  @Override
  public String fullTextCondition() {
    return "a.search @@ websearch_to_tsquery('english', ?)";
  }

  @Override
  public String fullTextParameter(String query) {
    return query;
  }

  @Override
  public boolean isTransient(SQLException error) {
    String state = error.getSQLState();
    // Only data exceptions (22) and integrity violations (23) are the record's fault; anything
    // else (connection, resources, shutdown, even our own SQL) pauses and retries rather than
    // dead-letter records that are fine.
    return state == null || !(state.startsWith("22") || state.startsWith("23"));
  }
}
