package io.newswire.sink.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newswire.avro.DeadLetter;
import io.newswire.avro.EnrichedArticle;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls enriched articles and stores them in batches, one transaction each; offsets are committed
 * only after the database committed. A batch waits up to the linger for more records, up to the
 * most records of a transaction: a busy sink writes fewer, bigger transactions, and each row's
 * share of a commit's pages shrinks (the pages of the place indexes above all). While the
 * database is unavailable it pauses, retries the same batch with bounded backoff and reports
 * not-ready, logging once per change of state; it never skips a record or commits ahead. A batch
 * the database refuses for its content is retried one record at a time; a record refused alone
 * goes to the dead-letter topic with the reason.
 */
public final class SinkRunner implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(SinkRunner.class);

  private final Consumer<byte[], byte[]> consumer;
  private final Deserializer<EnrichedArticle> articles;
  private final ArticleStore store;
  private final LiveStream live;
  private final Producer<byte[], byte[]> deadLetterProducer;
  private final String deadLetterTopic;
  private final Serializer<DeadLetter> deadLetters;
  private final Duration retryInitial;
  private final Duration retryMax;
  private final Counter rows;
  private final Counter databaseErrors;
  private final Counter deadLettered;
  private final Timer batchLatency;
  private final DistributionSummary batchRecords;
  private final int maxRecords;
  private final Duration linger;
  private volatile boolean running = true;
  private volatile boolean databaseUp = true;

  public SinkRunner(Consumer<byte[], byte[]> consumer, Deserializer<EnrichedArticle> articles,
      ArticleStore store, LiveStream live, Producer<byte[], byte[]> deadLetterProducer,
      String deadLetterTopic, Serializer<DeadLetter> deadLetters, Duration retryInitial,
      Duration retryMax, int maxRecords, Duration linger, MeterRegistry meters) {
    if (maxRecords < 1) {
      throw new IllegalArgumentException("maxRecords must be at least 1, not " + maxRecords);
    }
    this.consumer = consumer;
    this.articles = articles;
    this.store = store;
    this.live = live;
    this.deadLetterProducer = deadLetterProducer;
    this.deadLetterTopic = deadLetterTopic;
    this.deadLetters = deadLetters;
    this.retryInitial = retryInitial;
    this.retryMax = retryMax;
    this.maxRecords = maxRecords;
    this.linger = linger;
    this.rows = Counter.builder("newswire.sink.rows.written")
        .description("Article changes stored (upserts that took effect and deletes)")
        .register(meters);
    this.databaseErrors = Counter.builder("newswire.sink.database.errors")
        .description("Batch writes the database failed").register(meters);
    this.deadLettered = Counter.builder("newswire.sink.dead.letters")
        .description("Records the database refused, sent to the dead-letter topic")
        .register(meters);
    this.batchLatency = Timer.builder("newswire.sink.batch.latency")
        .description("Time to store one batch").publishPercentiles(0.5, 0.99)
        .register(meters);
    this.batchRecords = DistributionSummary.builder("newswire.sink.batch.records")
        .description("Records per batch: one transaction each").publishPercentiles(0.5, 0.99)
        .register(meters);
  }

  /** Whether the last write reached the database. */
  public boolean databaseUp() {
    return databaseUp;
  }

  @Override
  public void run() {
    try {
      while (running) {
        ConsumerRecords<byte[], byte[]> polled = consumer.poll(Duration.ofMillis(200));
        if (polled.isEmpty()) {
          continue;
        }
        List<ConsumerRecord<byte[], byte[]>> polledRecords = new ArrayList<>();
        polled.forEach(polledRecords::add);
        fill(polledRecords);
        boolean stored = true;
        for (int from = 0; stored && from < polledRecords.size(); from += maxRecords) {
          List<ConsumerRecord<byte[], byte[]>> batch =
              polledRecords.subList(from, Math.min(polledRecords.size(), from + maxRecords));
          long started = System.nanoTime();
          stored = storeUntilDone(batch);
          if (stored) {
            batchLatency.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            batchRecords.record(batch.size());
          }
        }
        if (stored) {
          commit(polledRecords);
        }
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /** Stops the loop; the current batch is finished or left uncommitted. */
  public void stop() {
    running = false;
    consumer.wakeup();
  }

  /**
   * Polls on for at most the linger while the records are fewer than a transaction takes.
   * Polls return what the consumer has fetched at once, so a backlog fills the batch without a
   * wait; only a sink that has caught up waits, and then for at most the linger.
   */
  private void fill(List<ConsumerRecord<byte[], byte[]>> records) {
    long deadline = System.nanoTime() + linger.toNanos();
    while (running && records.size() < maxRecords) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      consumer.poll(Duration.ofNanos(left)).forEach(records::add);
    }
  }

  /** Stores a batch, retrying while the database is unavailable; false if stopped first. */
  private boolean storeUntilDone(List<ConsumerRecord<byte[], byte[]>> batch) {
    Duration wait = retryInitial;
    while (running) {
      try {
        List<ArticleStore.Change> changes = new ArrayList<>();
        List<ConsumerRecord<byte[], byte[]>> readable = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : batch) {
          ArticleStore.Change change = decode(record);
          if (change != null) {
            changes.add(change);
            readable.add(record);
          }
        }
        List<ArticleStore.Applied> applied;
        try {
          applied = store.write(changes);
        } catch (SQLException e) {
          if (store.dialect().isTransient(e)) {
            throw e;
          }
          applied = storeOneByOne(readable);
        }
        databaseState(true, null);
        rows.increment(applied.size());
        live.publish(applied);
        return true;
      } catch (SQLException e) {
        databaseErrors.increment();
        databaseState(false, e);
        pauseFor(wait);
        wait = wait.multipliedBy(2).compareTo(retryMax) > 0 ? retryMax : wait.multipliedBy(2);
      }
    }
    return false;
  }

  /** The batch again, one transaction per record: the ones refused go to the dead letters. */
  private List<ArticleStore.Applied> storeOneByOne(List<ConsumerRecord<byte[], byte[]>> batch)
      throws SQLException {
    List<ArticleStore.Applied> applied = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : batch) {
      try {
        applied.addAll(store.write(List.of(decode(record))));
      } catch (SQLException e) {
        if (store.dialect().isTransient(e)) {
          throw e;
        }
        deadLetter(record, "sink.store", e);
      }
    }
    return applied;
  }

  private ArticleStore.Change decode(ConsumerRecord<byte[], byte[]> record) {
    String id = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    try {
      EnrichedArticle article = articles.deserialize(record.topic(), record.value());
      if (id == null) {
        id = article == null ? null : article.getId();
      }
      if (id == null) {
        throw new IllegalArgumentException("record has neither a key nor an article id");
      }
      return new ArticleStore.Change(id, article);
    } catch (RuntimeException e) {
      deadLetter(record, "sink.deserialize", e);
      return null;
    }
  }

  private void deadLetter(ConsumerRecord<byte[], byte[]> record, String stage, Exception e) {
    log.warn("Record {}-{}@{} to the dead-letter topic ({}): {}", record.topic(),
        record.partition(), record.offset(), stage, e.toString());
    DeadLetter letter = DeadLetter.newBuilder()
        .setStage(stage)
        .setErrorClass(e.getClass().getName())
        .setErrorMessage(e.getMessage())
        .setArticleId(record.key() == null ? null
            : new String(record.key(), StandardCharsets.UTF_8))
        .setSourceTopic(record.topic())
        .setSourcePartition(record.partition())
        .setSourceOffset(record.offset())
        .setOriginalKey(record.key() == null ? null : ByteBuffer.wrap(record.key()))
        .setOriginalValue(record.value() == null ? null : ByteBuffer.wrap(record.value()))
        .setFailedAt(Instant.now())
        .build();
    try {
      deadLetterProducer.send(new ProducerRecord<>(deadLetterTopic, record.key(),
          deadLetters.serialize(deadLetterTopic, letter))).get(30, TimeUnit.SECONDS);
      deadLettered.increment();
    } catch (Exception sendFailure) {
      // Not committing past a record that is neither stored nor dead-lettered.
      throw new IllegalStateException("Cannot write to the dead-letter topic", sendFailure);
    }
  }

  private void databaseState(boolean up, SQLException error) {
    if (up && !databaseUp) {
      log.info("Database is back; storing resumes");
      consumer.resume(consumer.paused());
    } else if (!up && databaseUp) {
      log.warn("Database unavailable, pausing and retrying the batch: {}", error.toString());
    }
    databaseUp = up;
  }

  /** Waits while keeping the consumer in its group; paused partitions return nothing. */
  private void pauseFor(Duration wait) {
    consumer.pause(consumer.assignment());
    long until = System.nanoTime() + wait.toNanos();
    while (running && System.nanoTime() < until) {
      ConsumerRecords<byte[], byte[]> unexpected = consumer.poll(Duration.ofMillis(
          Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000))));
      // Partitions assigned by a rebalance meanwhile are not paused: rewind what they returned
      // so that it is read again, not skipped.
      for (TopicPartition partition : unexpected.partitions()) {
        consumer.seek(partition, unexpected.records(partition).get(0).offset());
        consumer.pause(List.of(partition));
      }
    }
  }

  private void commit(List<ConsumerRecord<byte[], byte[]>> batch) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : batch) {
      offsets.merge(new TopicPartition(record.topic(), record.partition()),
          new OffsetAndMetadata(record.offset() + 1),
          (a, b) -> a.offset() >= b.offset() ? a : b);
    }
    try {
      consumer.commitSync(offsets);
    } catch (CommitFailedException e) {
      // The partitions moved to another member, which re-reads from the last commit; storing is
      // idempotent, so the re-read changes nothing.
      log.info("Offsets not committed after a rebalance: {}", e.getMessage());
    }
  }
}
