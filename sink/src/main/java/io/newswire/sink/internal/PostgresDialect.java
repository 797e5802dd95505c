package io.newswire.sink.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** PostgreSQL: a sequence for change numbers, tsvector full-text search. */
final class PostgresDialect implements Dialect {

  @Override
  public String migrations() {
    return "classpath:db/migration/postgresql";
  }

  @Override
  public long nextChange(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet next = statement.executeQuery("SELECT nextval('article_changes')")) {
      next.next();
      return next.getLong(1);
    }
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
    if (state == null) {
      return true;
    }
    // 08 connection, 53 resources, 57 operator intervention (shutdown, terminated), 40 rollback
    // (serialization, deadlock), 58 system error.
    return state.startsWith("08") || state.startsWith("53") || state.startsWith("57")
        || state.startsWith("40") || state.startsWith("58") || state.startsWith("28");
  }
}
