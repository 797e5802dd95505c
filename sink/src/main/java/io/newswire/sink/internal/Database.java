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

/**
 * Pooled connections to the sink's database, migrated to the current schema on open. SQLite
 * takes one writer at a time: there the sink writes through a connection of its own, with a
 * larger page cache than the readers' (see {@link #writer}).
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final HikariDataSource pool;
  private final HikariDataSource writer;
  private final Dialect dialect;

  private Database(HikariDataSource pool, HikariDataSource writer, Dialect dialect) {
    this.pool = pool;
    this.writer = writer;
    this.dialect = dialect;
  }

  /** {@link #open(String, String, String, int, int)} with the default writer's cache. */
  public static Database open(String url, String user, String password, int poolSize) {
    return open(url, user, password, poolSize, SinkConfig.DEFAULT_SQLITE_WRITER_CACHE_MIB);
  }

  /**
   * Opens the database and applies pending migrations.
   *
   * @param writerCacheMib the page cache of SQLite's writing connection
   * @throws RuntimeException when it cannot be reached or migrated
   */
  public static Database open(String url, String user, String password, int poolSize,
      int writerCacheMib) {
    Dialect dialect = Dialect.forUrl(url);
    boolean sqlite = dialect instanceof SqliteDialect;
    if (sqlite) {
      createParent(url.substring("jdbc:sqlite:".length()));
    }
    HikariDataSource pool = new HikariDataSource(config(url, user, password, sqlite,
        "newswire-sink", poolSize));
    HikariDataSource writer = null;
    try {
      var result = Flyway.configure().dataSource(pool).locations(dialect.migrations())
          .load().migrate();
      log.info("Database {} at schema version {} ({} migration(s) applied)",
          SinkConfig.redact(url),
          result.targetSchemaVersion, result.migrationsExecuted);
      if (sqlite) {
        HikariConfig writing = config(url, user, password, true, "newswire-sink-writer", 1);
        // Negative: KiB. Each row's full-text index entries reach pages all over the index,
        // which outgrew the default 2 MiB cache; the readers keep the default.
        writing.addDataSourceProperty("cache_size", String.valueOf(-1024L * writerCacheMib));
        writer = new HikariDataSource(writing);
      }
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new Database(pool, writer, dialect);
  }

  private static HikariConfig config(String url, String user, String password, boolean sqlite,
      String name, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    if (!user.isEmpty()) {
      config.setUsername(user);
    }
    if (!password.isEmpty()) {
      config.setPassword(password);
    }
    config.setPoolName(name);
    config.setMaximumPoolSize(size);
    config.setConnectionTimeout(5_000);
    config.setInitializationFailTimeout(-1);
    if (sqlite) {
      // WAL lets queries read while the sink writes; busy_timeout waits out the other side.
      config.addDataSourceProperty("journal_mode", "WAL");
      config.addDataSourceProperty("busy_timeout", "5000");
      config.addDataSourceProperty("synchronous", "NORMAL");
    }
    return config;
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

  /** The connections that read (and migrate). */
  public HikariDataSource pool() {
    return pool;
  }

  /** The connections that write: SQLite's one writer, else the pool. */
  public HikariDataSource writer() {
    return writer != null ? writer : pool;
  }

  public Dialect dialect() {
    return dialect;
  }

  @Override
  public void close() {
    if (writer != null) {
      writer.close();
    }
    pool.close();
  }
}
