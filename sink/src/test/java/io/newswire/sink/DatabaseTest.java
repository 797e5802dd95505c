package io.newswire.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.sink.internal.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

  @Test
  void shouldWriteSqliteThroughOneConnectionWithItsOwnPageCache(@TempDir Path dir)
      throws Exception {
    try (Database database = Database.open(TestDatabases.sqlite(dir), "", "", 4, 48)) {
      assertThat(database.writer()).isNotSameAs(database.pool());
      assertThat(database.writer().getMaximumPoolSize()).isEqualTo(1);
      assertThat(pragma(database.writer(), "cache_size")).isEqualTo(-48 * 1024);
      assertThat(pragma(database.pool(), "cache_size")).isEqualTo(-2000);
      assertThat(pragma(database.writer(), "journal_mode")).isEqualTo("wal");
    }
  }

  private static Object pragma(DataSource source, String name) throws SQLException {
    try (Connection c = source.getConnection();
        ResultSet r = c.createStatement().executeQuery("PRAGMA " + name)) {
      r.next();
      return r.getObject(1);
    }
  }
}
