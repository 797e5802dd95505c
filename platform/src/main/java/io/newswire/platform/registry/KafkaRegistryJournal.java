package io.newswire.platform.registry;

import io.newswire.platform.kafka.TopicProvisioner;
import io.newswire.schemas.TopicSpec;
import io.newswire.schemas.registry.CompatibilityLevel;
import io.newswire.schemas.registry.RegistryException;
import io.newswire.schemas.registry.RegistryJournal;
import io.newswire.schemas.registry.RegistryRecord;
import io.newswire.schemas.registry.RegistryState;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A registry journal kept in a compacted, single-partition Kafka topic ({@code _schemas} by
 * default), so that a restarted registry, or a second one on the same cluster, serves the same
 * subjects, versions and ids.
 *
 * <p>A background consumer (read committed) applies every record to the state. A write catches up
 * to the end of the topic, decides its records against that state and appends them in a Kafka
 * transaction under a transactional id shared by every registry of the cluster. A registry that
 * starts writing fences the previous writer, whose next commit then fails and is retried against
 * the newer state: two registries can never hand out one id to two schemas.
 */
public final class KafkaRegistryJournal implements RegistryJournal {
  private static final Logger log = LoggerFactory.getLogger(KafkaRegistryJournal.class);
  private static final long RETRY_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final String topic;
  private final TopicPartition partition;
  private final Duration timeout;
  private final Map<String, Object> clientConfig;
  private final RegistryState state;
  private final Admin admin;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Thread reader;
  private final Object progress = new Object();
  private volatile boolean running = true;
  private long appliedPosition;
  private KafkaProducer<byte[], byte[]> producer;

  private KafkaRegistryJournal(Map<String, Object> clientConfig, String topic,
      CompatibilityLevel defaultLevel, Duration timeout) {
    this.clientConfig = Map.copyOf(clientConfig);
    this.topic = topic;
    this.partition = new TopicPartition(topic, 0);
    this.timeout = timeout;
    this.state = new RegistryState(defaultLevel);
    Map<String, Object> adminConfig = new HashMap<>(clientConfig);
    adminConfig.put("request.timeout.ms", (int) Math.min(timeout.toMillis(), 30_000));
    adminConfig.put("default.api.timeout.ms", (int) timeout.toMillis());
    this.admin = Admin.create(adminConfig);
    Map<String, Object> consumerConfig = new HashMap<>(clientConfig);
    consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "newswire-registry-reader");
    this.consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
    this.reader = new Thread(this::readLoop, "schema-registry-reader");
    this.reader.setDaemon(true);
  }

  /**
   * Opens the journal: creates the topic if it is missing, then reads it to the end before
   * returning, so the first request already sees every stored schema.
   *
   * @param clientConfig Kafka client settings ({@code bootstrap.servers} and any security)
   * @param topic the store topic, {@code _schemas} by default
   * @param defaultLevel the global compatibility level until one is set
   * @param timeout bound on each store operation
   * @throws IllegalStateException when Kafka cannot be reached within {@code timeout}
   */
  public static KafkaRegistryJournal open(Map<String, Object> clientConfig, String topic,
      CompatibilityLevel defaultLevel, Duration timeout) {
    Objects.requireNonNull(topic, "topic");
    KafkaRegistryJournal journal =
        new KafkaRegistryJournal(clientConfig, topic, defaultLevel, timeout);
    try {
      new TopicProvisioner(journal.admin).provision(List.of(new TopicSpec(topic, 1,
          Map.of("cleanup.policy", "compact"))));
      journal.consumer.assign(List.of(journal.partition));
      journal.consumer.seekToBeginning(List.of(journal.partition));
      journal.reader.start();
      journal.awaitApplied(journal.endOffset(), System.nanoTime() + timeout.toNanos());
      log.info("Schema store {} loaded: {} subjects, highest id {}", topic,
          journal.state.subjects(true).size(), journal.state.maxId());
      return journal;
    } catch (RuntimeException e) {
      journal.close();
      throw new IllegalStateException("Cannot open schema store " + topic + ": "
          + e.getMessage(), e);
    }
  }

  @Override
  public RegistryState state() {
    return state;
  }

  @Override
  public synchronized <T> T write(Function<RegistryState, Mutation<T>> mutation) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        // Fence any other writer first, then catch up: a commit of ours can then only succeed
        // if nobody committed between our catching up and our commit.
        if (producer == null) {
          producer = newProducer();
        }
        awaitApplied(endOffset(), deadline);
        Mutation<T> m = mutation.apply(state);
        if (m.records().isEmpty()) {
          return m.result();
        }
        long last = append(m.records());
        awaitApplied(last + 1, deadline);
        return m.result();
      } catch (KafkaException | ExecutionException | TimeoutException e) {
        // Fenced by another registry, or its fencing cut our commit short: either way the
        // mutation is decided again against the records now in the topic, so retrying is safe.
        discardProducer();
        if (System.nanoTime() + RETRY_BACKOFF_NANOS > deadline) {
          throw storeError("cannot write to " + topic, e);
        }
        log.info("Schema store write failed ({}); retrying", e.toString());
        pause();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        discardProducer();
        throw storeError("interrupted while writing to " + topic, e);
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(20, 100));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw storeError("interrupted while writing", e);
    }
  }

  private long append(List<RegistryRecord> records)
      throws InterruptedException, ExecutionException, TimeoutException {
    producer.beginTransaction();
    List<Future<RecordMetadata>> sends = new ArrayList<>(records.size());
    for (RegistryRecord record : records) {
      RegistryRecordCodec.Encoded encoded = RegistryRecordCodec.encode(record);
      sends.add(producer.send(new ProducerRecord<>(topic, 0, encoded.key(), encoded.value())));
    }
    producer.commitTransaction();
    long last = -1;
    for (Future<RecordMetadata> send : sends) {
      last = Math.max(last, send.get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset());
    }
    return last;
  }

  private KafkaProducer<byte[], byte[]> newProducer() {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "newswire-schema-registry:" + topic);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "newswire-registry-writer");
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
    int request = (int) Math.max(1_000, timeout.toMillis() / 2);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, request);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(request,
        timeout.toMillis()));
    KafkaProducer<byte[], byte[]> created = new KafkaProducer<>(config,
        new ByteArraySerializer(), new ByteArraySerializer());
    try {
      created.initTransactions();
    } catch (RuntimeException e) {
      created.close(Duration.ZERO);
      throw e;
    }
    return created;
  }

  private void discardProducer() {
    if (producer != null) {
      producer.close(Duration.ZERO);
      producer = null;
    }
  }

  private long endOffset() {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        return admin.listOffsets(Map.of(partition, OffsetSpec.latest()),
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
            .partitionResult(partition).get(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .offset();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw storeError("interrupted while reading the end of " + topic, e);
      } catch (ExecutionException e) {
        // A topic just created may not be in every broker's metadata yet: that passes.
        if (!(e.getCause() instanceof RetriableException)
            || System.nanoTime() + RETRY_BACKOFF_NANOS > deadline) {
          throw storeError("cannot read the end of " + topic, e);
        }
        pause();
      } catch (TimeoutException e) {
        throw storeError("cannot read the end of " + topic, e);
      }
    }
  }

  private void awaitApplied(long offset, long deadlineNanos) {
    synchronized (progress) {
      while (appliedPosition < offset) {
        long waitMillis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        if (waitMillis <= 0 || !running) {
          throw storeError("timed out reading " + topic + " up to offset " + offset
              + " (at " + appliedPosition + ")", null);
        }
        try {
          progress.wait(waitMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw storeError("interrupted while reading " + topic, e);
        }
      }
    }
  }

  private void readLoop() {
    try {
      while (running) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          apply(record);
        }
        long position;
        try {
          position = consumer.position(partition, Duration.ofMillis(500));
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
          continue;
        }
        synchronized (progress) {
          appliedPosition = position;
          progress.notifyAll();
        }
      }
    } catch (WakeupException e) {
      if (running) {
        log.error("Schema store reader woken up unexpectedly", e);
      }
    } catch (RuntimeException e) {
      log.error("Schema store reader stopped: registry is now read-only and stale", e);
    } finally {
      running = false;
      consumer.close(Duration.ZERO);
      synchronized (progress) {
        progress.notifyAll();
      }
    }
  }

  private void apply(ConsumerRecord<byte[], byte[]> record) {
    if (record.key() == null) {
      return;
    }
    try {
      RegistryRecordCodec.decode(record.key(), record.value()).ifPresent(state::apply);
    } catch (IOException | RuntimeException e) {
      log.warn("Skipping unreadable record at {}-{} offset {}: {}", record.topic(),
          record.partition(), record.offset(), e.toString());
    }
  }

  private static RegistryException storeError(String what, Throwable cause) {
    String reason = cause == null ? "" : ": " + cause;
    return new RegistryException(RegistryException.STORE_ERROR,
        "Error in the backend data store: " + what + reason, cause);
  }

  @Override
  public void close() {
    running = false;
    if (reader.getState() == Thread.State.NEW) {
      consumer.close(Duration.ZERO);
    } else {
      consumer.wakeup();
      try {
        reader.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      discardProducer();
    }
    admin.close(Duration.ofSeconds(5));
  }
}
