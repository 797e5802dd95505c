package io.newswire.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswire.schemas.Articles;
import io.newswire.sink.internal.ArticleQueries;
import io.newswire.sink.internal.ArticleStore;
import io.newswire.sink.internal.Database;
import io.newswire.sink.internal.LiveStream;
import io.newswire.sink.internal.SinkRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the sink's loop makes transactions of what it polls: the records of several polls in one,
 * up to the most records a transaction takes, and offsets committed after the rows. The
 * database is a real SQLite file; Kafka is Kafka's own mock consumer, whose polls return at once.
 */
class SinkRunnerTest {
  private static final TopicPartition PARTITION = new TopicPartition("enriched", 0);

  @TempDir
  Path dir;

  private Database database;
  private LiveStream live;
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final List<Map<TopicPartition, OffsetAndMetadata>> commits = new ArrayList<>();
  private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest") {
    @Override
    public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
      commits.add(Map.copyOf(offsets));
      super.commitSync(offsets);
    }
  };
  private long nextOffset;

  @BeforeEach
  void open() {
    database = TestDatabases.open(TestDatabases.sqlite(dir));
    live = new LiveStream(new ArticleQueries(database.pool(), database.dialect()),
        Duration.ofSeconds(15));
    consumer.assign(List.of(PARTITION));
    consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
  }

  @AfterEach
  void close() {
    live.close();
    database.close();
  }

  private SinkRunner runner(int maxRecords, Duration linger) {
    return new SinkRunner(consumer,
        (topic, data) -> Articles.enriched(new String(data, StandardCharsets.UTF_8), 1),
        new ArticleStore(database.writer(), database.dialect(), Clock.systemUTC()), live,
        new MockProducer<>(), "dead-letters", (topic, letter) -> new byte[0],
        Duration.ofMillis(10), Duration.ofMillis(100), maxRecords, linger, meters);
  }

  /** On its next poll, the consumer returns {@code count} new articles. */
  private void arrive(int count) {
    consumer.schedulePollTask(() -> {
      for (int i = 0; i < count; i++) {
        long offset = nextOffset++;
        byte[] id = ("article-" + offset).getBytes(StandardCharsets.UTF_8);
        consumer.addRecord(new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), offset,
            id, id));
      }
    });
  }

  private DistributionSummary transactions() {
    return meters.get("newswire.sink.batch.records").summary();
  }

  private int rows() throws SQLException {
    try (Connection c = database.pool().getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM articles")) {
      r.next();
      return r.getInt(1);
    }
  }

  @Test
  void shouldStoreTheRecordsOfSeveralPollsInOneTransactionWithinTheLinger() throws Exception {
    SinkRunner runner = runner(5, Duration.ofMinutes(1));
    arrive(2);
    arrive(0);
    arrive(3);
    consumer.schedulePollTask(runner::stop);

    runner.run();

    assertThat(transactions().count()).as("transactions").isEqualTo(1);
    assertThat(transactions().totalAmount()).isEqualTo(5);
    assertThat(rows()).isEqualTo(5);
    assertThat(commits).containsExactly(Map.of(PARTITION, new OffsetAndMetadata(5)));
  }

  @Test
  void shouldSplitWhatItPolledIntoTransactionsOfTheMostRecordsAtMost() throws Exception {
    SinkRunner runner = runner(3, Duration.ofMinutes(1));
    arrive(2);
    arrive(5);
    consumer.schedulePollTask(runner::stop);

    runner.run();

    assertThat(transactions().count()).as("transactions of 3, 3 and 1").isEqualTo(3);
    assertThat(transactions().max()).isEqualTo(3);
    assertThat(rows()).isEqualTo(7);
    assertThat(commits).containsExactly(Map.of(PARTITION, new OffsetAndMetadata(7)));
  }

  @Test
  void shouldStoreEachPollAloneWithoutALinger() throws Exception {
    SinkRunner runner = runner(500, Duration.ZERO);
    arrive(2);
    arrive(3);
    consumer.schedulePollTask(runner::stop);

    runner.run();

    assertThat(transactions().count()).isEqualTo(2);
    assertThat(rows()).isEqualTo(5);
    assertThat(commits).containsExactly(Map.of(PARTITION, new OffsetAndMetadata(2)),
        Map.of(PARTITION, new OffsetAndMetadata(5)));
  }

  @Test
  void shouldCommitNothingItWasStoppedBeforeStoring() throws Exception {
    SinkRunner runner = runner(5, Duration.ofMinutes(1));
    arrive(2);
    // Stopped while it waits for more: what it holds is read again after a restart.
    consumer.schedulePollTask(runner::stop);

    runner.run();

    assertThat(rows()).isZero();
    assertThat(commits).isEmpty();
  }
}
