package io.newswire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.platform.kafka.TopicProvisioner;
import io.newswire.schemas.TopicSpec;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Kafka's own ceiling for the bench's records: the same number of records of the same sizes,
 * produced as ingest produces (acks=all, idempotent), passed through a Kafka Streams application
 * that does nothing, with exactly-once as enrich runs, and consumed read-committed as the sink
 * consumes; on topics with the raw topic's partitions, made as the pipeline's topics are
 * ({@link TopicProvisioner}). Records/s from the first send to the last record consumed.
 */
final class BenchBaseline {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Result(int records, int partitions, double producedPerSecond, double recordsPerSecond,
      double seconds) {
    ObjectNode toJson() {
      return JSON.createObjectNode().put("records", records).put("partitions", partitions)
          .put("producedPerSecond", BenchCommand.round(producedPerSecond))
          .put("recordsPerSecond", BenchCommand.round(recordsPerSecond))
          .put("seconds", BenchCommand.round(seconds));
    }
  }

  private final String bootstrap;
  private final String rawTopic;
  private final PrintWriter progress;

  BenchBaseline(String bootstrap, String rawTopic, PrintWriter progress) {
    this.bootstrap = bootstrap;
    this.rawTopic = rawTopic;
    this.progress = progress;
  }

  Result run(BenchWorkload workload, int count, int warmup, String run) throws Exception {
    List<byte[]> values = new ArrayList<>();
    while (values.size() < count + warmup) {
      BenchWorkload.Push push = workload.next();
      if (!push.malformed() && !push.duplicate()) {
        values.add(push.text().getBytes(StandardCharsets.UTF_8));
      }
    }
    String in = "newswire.bench." + run + ".in";
    String out = "newswire.bench." + run + ".out";
    Path state = Files.createTempDirectory("newswire-bench-streams");
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrap))) {
      TopicDescription raw = admin.describeTopics(List.of(rawTopic)).allTopicNames()
          .get(30, TimeUnit.SECONDS).get(rawTopic);
      int partitions = raw.partitions().size();
      // As the pipeline's own topics are made: ready to be written when provisioning returns.
      new TopicProvisioner(admin).provision(List.of(new TopicSpec(in, partitions, Map.of()),
          new TopicSpec(out, partitions, Map.of())));
      progress.printf("bench: baseline: %,d records through %d partitions (+%,d warm-up)%n",
          count, partitions, warmup);
      progress.flush();
      KafkaStreams streams = passThrough(in, out, run, state);
      try (KafkaProducer<byte[], byte[]> producer = producer();
          KafkaConsumer<byte[], byte[]> consumer = consumer()) {
        List<TopicPartition> assigned = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
          assigned.add(new TopicPartition(out, p));
        }
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
        send(producer, in, values.subList(0, warmup));
        consume(consumer, warmup);
        long started = System.nanoTime();
        send(producer, in, values.subList(warmup, warmup + count));
        long produced = System.nanoTime();
        consume(consumer, count);
        long ended = System.nanoTime();
        return new Result(count, partitions, count / ((produced - started) / 1e9),
            count / ((ended - started) / 1e9), (ended - started) / 1e9);
      } finally {
        streams.close(Duration.ofSeconds(30));
        streams.cleanUp();
        admin.deleteTopics(List.of(in, out)).all().get(30, TimeUnit.SECONDS);
      }
    } finally {
      BenchCommand.deleteTree(state);
    }
  }

  private KafkaStreams passThrough(String in, String out, String run, Path state) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(in).to(out);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "newswire-" + run);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
    props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
    props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    KafkaStreams streams = new KafkaStreams(builder.build(), props);
    streams.start();
    return streams;
  }

  private KafkaProducer<byte[], byte[]> producer() {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.LINGER_MS_CONFIG, 5),
        new ByteArraySerializer(), new ByteArraySerializer());
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    return new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, String topic,
      List<byte[]> values) throws Exception {
    AtomicReference<Exception> failure = new AtomicReference<>();
    int i = 0;
    for (byte[] value : values) {
      byte[] key = ("k" + i++).getBytes(StandardCharsets.UTF_8);
      producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
        if (error != null) {
          failure.compareAndSet(null, error);
        }
      });
    }
    producer.flush();
    if (failure.get() != null) {
      throw failure.get();
    }
  }

  private void consume(KafkaConsumer<byte[], byte[]> consumer, int count) {
    int seen = 0;
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    long shownAt = System.nanoTime();
    while (seen < count) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("The baseline pass-through delivered " + seen + " of "
            + count + " records in 5 minutes");
      }
      seen += consumer.poll(Duration.ofMillis(200)).count();
      if (System.nanoTime() - shownAt > 1_000_000_000L) {
        shownAt = System.nanoTime();
        progress.printf("bench: baseline %,d/%,d%n", seen, count);
        progress.flush();
      }
    }
  }
}
