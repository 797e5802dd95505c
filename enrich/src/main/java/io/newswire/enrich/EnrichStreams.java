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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.streams.CloseOptions;
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
  /** Seconds each admin call of {@link #rewind} may take. */
  private static final long ADMIN_TIMEOUT = 30;
  private static final String SESSION_TIMEOUT_MS = ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG;

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
    return start(settings, places, meters, false);
  }

  /**
   * Builds and starts the application; with {@code reprocess}, over every article the raw topic
   * still holds, as on its first start ({@link #rewind}), for example with a new gazetteer.
   */
  public static EnrichStreams start(Map<String, ?> settings, PlaceTagger places,
      MeterRegistry meters, boolean reprocess) {
    EnrichConfig config = new EnrichConfig(settings);
    Properties props = streamsProperties(config);
    KafkaStreams streams = new KafkaStreams(
        EnrichTopology.build(config, places, new LanguageIdentifier(),
            config.getInt(EnrichConfig.NICE)),
        props);
    if (reprocess) {
      try {
        rewind(props);
      } catch (RuntimeException e) {
        streams.close();
        throw e;
      }
      // The stores' local copies, which would otherwise outlive their changelogs.
      streams.cleanUp();
    }
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

  /**
   * Makes the application's next start read the raw topic from its oldest article, with empty
   * stores: the group's committed offsets and the stores' changelog topics are deleted (their
   * local copies are the caller's to clean up), so that no article is taken for a repeat of its
   * earlier self. Every instance of the application must be stopped: a member that stays in
   * the group past its session timeout (a running instance) makes this fail and change
   * nothing.
   */
  static void rewind(Properties props) {
    String application = props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
    Map<String, Object> adminConfig = new StreamsConfig(props).getAdminConfigs(
        application + "-rewind");
    try (Admin admin = Admin.create(adminConfig)) {
      int members = members(admin, application);
      if (members > 0) {
        // An instance that stopped without leaving (killed, say) holds its place in the group
        // until its session times out; a running one never lets go.
        long patience = sessionTimeoutMs(props) + 5_000;
        log.info("Waiting up to {} s for the {} member(s) of group {} to leave or time out",
            patience / 1000, members, application);
        long deadline = System.nanoTime() + patience * 1_000_000;
        while (members > 0 && System.nanoTime() < deadline) {
          Thread.sleep(1_000);
          members = members(admin, application);
        }
      }
      if (members > 0) {
        throw new IllegalStateException("Cannot reprocess while enrich runs: group "
            + application + " has " + members + " member(s); stop every enrich instance"
            + " (newswire enrich, or the up that runs it) first");
      }
      // The group first: the broker deletes it only while it has no members, so an instance
      // that joined since leaves everything as it was.
      try {
        admin.deleteConsumerGroups(List.of(application)).all()
            .get(ADMIN_TIMEOUT, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof GroupIdNotFoundException)) {
          throw e;
        }
      }
      List<String> internal = admin.listTopics().names().get(ADMIN_TIMEOUT, TimeUnit.SECONDS)
          .stream().filter(name -> name.startsWith(application + "-")
              && (name.endsWith("-changelog") || name.endsWith("-repartition")))
          .sorted().toList();
      admin.deleteTopics(internal).all().get(ADMIN_TIMEOUT, TimeUnit.SECONDS);
      log.info("Enrich reprocesses the raw topic from its oldest article: deleted the offsets of"
          + " group {} and the topics {}", application, internal);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Could not rewind enrich to the start of the raw topic: "
          + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while rewinding enrich", e);
    }
  }

  /** How long the group keeps a member that stopped without leaving, as these settings say. */
  private static long sessionTimeoutMs(Properties props) {
    for (String key : List.of(StreamsConfig.mainConsumerPrefix(SESSION_TIMEOUT_MS),
        StreamsConfig.consumerPrefix(SESSION_TIMEOUT_MS), SESSION_TIMEOUT_MS)) {
      Object value = props.get(key);
      if (value != null) {
        return Long.parseLong(value.toString().trim());
      }
    }
    return 45_000;
  }

  /** The members of a consumer group; 0 where there is no such group. */
  private static int members(Admin admin, String group)
      throws ExecutionException, InterruptedException, TimeoutException {
    try {
      return admin.describeConsumerGroups(List.of(group)).all()
          .get(ADMIN_TIMEOUT, TimeUnit.SECONDS).get(group).members().size();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GroupIdNotFoundException) {
        return 0;
      }
      throw e;
    }
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

  /**
   * Stops the application. Its members leave the group, so that other instances take their
   * partitions over at once and a reprocessing start need not wait for their sessions to end.
   */
  @Override
  public void close() {
    metrics.close();
    streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
        .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
  }
}
