package io.newswire.sink.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.newswire.sink.SinkConfig;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A pooled connection to the sink's database, migrated to the current schema on open. */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final HikariDataSource pool;
  private final Dialect dialect;

  private Database(HikariDataSource pool, Dialect dialect) {
    this.pool = pool;
    this.dialect = dialect;
  }

  /**
   * Opens the database and applies pending migrations.
   *
   * @throws RuntimeException when it cannot be reached or migrated
   */
  public static Database open(String url, String user, String password, int poolSize) {
    Dialect dialect = Dialect.forUrl(url);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    if (!user.isEmpty()) {
      config.setUsername(user);
    }
    if (!password.isEmpty()) {
      config.setPassword(password);
    }
    config.setPoolName("newswire-sink");
    config.setMaximumPoolSize(poolSize);
    config.setConnectionTimeout(5_000);
    config.setInitializationFailTimeout(-1);
    if (dialect instanceof SqliteDialect) {
      createParent(url.substring("jdbc:sqlite:".length()));
      // WAL lets queries read while the sink writes; busy_timeout waits out the other side.
      config.addDataSourceProperty("journal_mode", "WAL");
      config.addDataSourceProperty("busy_timeout", "5000");
      config.addDataSourceProperty("synchronous", "NORMAL");
    }
    HikariDataSource pool = new HikariDataSource(config);
    try {
      var result = Flyway.configure().dataSource(pool).locations(dialect.migrations())
          .load().migrate();
      log.info("Database {} at schema version {} ({} migration(s) applied)",
          SinkConfig.redact(url),
          result.targetSchemaVersion, result.migrationsExecuted);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new Database(pool, dialect);
  }

  private static void createParent(String file) {
    if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
      return;
    }
    Path parent = Path.of(file).toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + parent, e);
    }
  }

  public HikariDataSource pool() {
    return pool;
  }

  public Dialect dialect() {
    return dialect;
  }

  @Override
  public void close() {
    pool.close();
  }
}
