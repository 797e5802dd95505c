package io.newswire.enrich;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.newswire.enrich.internal.DeadLetterHandlers;
import io.newswire.enrich.internal.LanguageIdentifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enrich application: {@link EnrichTopology} run by {@link KafkaStreams} with
 * {@code exactly_once_v2}, the three dead-letter exception handlers, and a failed stream thread
 * replaced rather than the application stopped. Instances with the same application id share the
 * raw topic's partitions.
 */
public final class EnrichStreams implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EnrichStreams.class);

  private final KafkaStreams streams;
  private final KafkaStreamsMetrics metrics;

  private EnrichStreams(KafkaStreams streams, KafkaStreamsMetrics metrics) {
    this.streams = streams;
    this.metrics = metrics;
  }

  /** The Streams settings for {@code config}: delivery guarantees and handlers spelled out. */
  public static Properties streamsProperties(EnrichConfig config) {
    Properties props = new Properties();
    props.putAll(config.settings());
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.getString(EnrichConfig.APPLICATION_ID));
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
        config.getString(EnrichConfig.BOOTSTRAP_SERVERS));
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, config.getString(EnrichConfig.STATE_DIR));
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.getInt(EnrichConfig.THREADS));
    props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG,
        config.getInt(EnrichConfig.STANDBY_REPLICAS));
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
        config.getInt(EnrichConfig.COMMIT_INTERVAL_MS));
    props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterHandlers.Deserialization.class);
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterHandlers.Processing.class);
    props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterHandlers.Production.class);
    props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
        8 * 1024 * 1024);
    return props;
  }

  /**
   * Gives Kafka Streams' state store metrics one tag for the store, {@code state.id}, whatever
   * its kind. Streams tags a key-value store's metrics {@code rocksdb-state-id} and a window
   * store's {@code rocksdb-window-state-id} under the same names, and Prometheus drops every
   * meter of a name whose tag keys differ from the first one's: without this, the RocksDB
   * metrics of all but one kind of store never reach {@code /metrics}. Configure it on the
   * registry before any meter is bound.
   */
  public static MeterFilter storeMetricTags() {
    return new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        if (!id.getName().startsWith("kafka.stream.state.")) {
          return id;
        }
        List<Tag> tags = new ArrayList<>();
        boolean renamed = false;
        for (Tag tag : id.getTagsAsIterable()) {
          boolean store = tag.getKey().endsWith("state.id") && !tag.getKey().equals("state.id");
          tags.add(store ? Tag.of("state.id", tag.getValue()) : tag);
          renamed |= store;
        }
        return renamed ? id.replaceTags(tags) : id;
      }
    };
  }

  /** Builds and starts the application. */
  public static EnrichStreams start(Map<String, ?> settings, PlaceTagger places,
      MeterRegistry meters) {
    EnrichConfig config = new EnrichConfig(settings);
    KafkaStreams streams = new KafkaStreams(
        EnrichTopology.build(config, places, new LanguageIdentifier(),
            config.getInt(EnrichConfig.NICE)),
        streamsProperties(config));
    streams.setUncaughtExceptionHandler(error -> {
      log.error("Enrich stream thread failed; replacing it", error);
      return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    streams.setStateListener((now, before) -> log.info("Enrich {} -> {}", before, now));
    KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(streams);
    metrics.bindTo(meters);
    streams.start();
    return new EnrichStreams(streams, metrics);
  }

  /** Ready while running or rebalancing. */
  public boolean isReady() {
    KafkaStreams.State state = streams.state();
    return state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
  }

  /** What health reports: the application's state. */
  public Map<String, Object> health() {
    Map<String, Object> health = new LinkedHashMap<>();
    health.put("state", streams.state().name());
    health.put("threads", streams.metadataForLocalThreads().size());
    return health;
  }

  /** The running application, for tests and tools. */
  public KafkaStreams streams() {
    return streams;
  }

  @Override
  public void close() {
    metrics.close();
    streams.close(Duration.ofSeconds(30));
  }
}
