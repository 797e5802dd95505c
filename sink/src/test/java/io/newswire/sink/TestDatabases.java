package io.newswire.sink;

import io.newswire.sink.internal.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the sink tests run against: a SQLite file in a temporary directory, and the
 * PostgreSQL server at 127.0.0.1:5432 (or {@code NEWSWIRE_TEST_POSTGRES_URL}), each test in a
 * schema of its own. Where PostgreSQL is absent its tests skip and say why, unless
 * {@code NEWSWIRE_REQUIRE_POSTGRES=true} (as in CI), which makes its absence a failure.
 */
public final class TestDatabases {
  private TestDatabases() {
  }

  /** The PostgreSQL URL for tests. */
  public static String postgresUrl() {
    String url = System.getenv("NEWSWIRE_TEST_POSTGRES_URL");
    return url != null ? url : "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
  }

  /** A SQLite database URL in {@code dir}. */
  public static String sqlite(Path dir) {
    return "jdbc:sqlite:" + dir.resolve("newswire.db");
  }

  /**
   * A fresh PostgreSQL schema, as a URL whose connections use it; skips or fails the calling test
   * when no server answers.
   */
  public static String postgresSchema() {
    String base = postgresUrl();
    String schema = "nw_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(base);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      String reason = "PostgreSQL at " + base + " is not reachable (" + e.getMessage() + ")";
      if ("true".equalsIgnoreCase(System.getenv("NEWSWIRE_REQUIRE_POSTGRES"))) {
        throw new IllegalStateException(reason + " and NEWSWIRE_REQUIRE_POSTGRES is set", e);
      }
      Assumptions.abort("skipped: " + reason);
    }
    return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /** Opens a migrated database. */
  public static Database open(String url) {
    return Database.open(url, "", "", 4);
  }
}
