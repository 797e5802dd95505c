package io.newswire.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newswire.enrich.EnrichConfig;
import io.newswire.enrich.EnrichStreams;
import io.newswire.enrich.places.GazetteerTagger;
import io.newswire.ingest.IngestConfig;
import io.newswire.ingest.IngestService;
import io.newswire.platform.EmbeddedPlatform;
import io.newswire.platform.kafka.EmbeddedKafkaCluster;
import io.newswire.platform.registry.RegistryServerConfig;
import io.newswire.schemas.Topics;
import io.newswire.sink.SinkConfig;
import io.newswire.sink.SinkService;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline in this JVM, as {@code newswire up} and {@code newswire bench} run it: an
 * embedded Kafka broker and schema registry, then enrich, sink and ingest behind one HTTP host.
 * Everything started is registered with the caller's lifecycle, which stops it.
 *
 * @param services the settings the services run with (Kafka and registry addresses filled in)
 * @param newKey the local feed's key when this start created it
 */
record StandalonePipeline(EmbeddedPlatform platform, Map<String, Object> services, HttpHost host,
    Path data, Optional<String> newKey) {

  private static final Logger log = LoggerFactory.getLogger(StandalonePipeline.class);
  /** Seconds each admin call at start may take. */
  private static final long ADMIN_TIMEOUT = 30;

  static StandalonePipeline start(Map<String, String> settings, Lifecycle lifecycle) {
    return start(settings, lifecycle, false);
  }

  /**
   * {@link #start(Map, Lifecycle)}; with {@code reprocess}, enrich first goes back to the oldest
   * article of the raw topic and enriches every one again (with the gazetteer of
   * {@code settings}), and the sink replaces what it stored.
   */
  static StandalonePipeline start(Map<String, String> settings, Lifecycle lifecycle,
      boolean reprocess) {
    StandaloneConfig standalone = new StandaloneConfig(settings);
    Path data = standalone.dataDir();
    checkPortsFree(settings);
    sayFatalExits();
    EmbeddedPlatform platform = lifecycle.started(EmbeddedPlatform.start(
        EmbeddedKafkaCluster.builder()
            .dataDir(data.resolve("kafka"))
            .brokerPort(standalone.kafkaPort())
            .controllerPort(standalone.controllerPort())
            .build(),
        new RegistryServerConfig(settings), Topics.specs(settings)));

    Optional<String> newKey = LocalFeed.ensure(data);
    Map<String, Object> services = new LinkedHashMap<>(settings);
    services.put(IngestConfig.BOOTSTRAP_SERVERS, platform.bootstrapServers());
    services.put(IngestConfig.SCHEMA_REGISTRY_URL, platform.schemaRegistryUrl());
    services.putIfAbsent(IngestConfig.FEEDS_FILE, LocalFeed.settingsFile(data).toString());
    services.putIfAbsent(IngestConfig.STATE_DIR, data.resolve("ingest").toString());
    services.putIfAbsent(EnrichConfig.STATE_DIR, data.resolve("enrich").toString());
    services.putIfAbsent(SinkConfig.DATABASE_URL, "jdbc:sqlite:" + data.resolve("newswire.db"));

    releaseGroupsOfLastRun(platform.bootstrapServers(), List.of(
        new EnrichConfig(services).getString(EnrichConfig.APPLICATION_ID),
        new SinkConfig(services).getString(SinkConfig.GROUP_ID)));

    HttpConfig http = new HttpConfig(services);
    PrometheusMeterRegistry meters = HttpHost.newMeterRegistry();
    EnrichStreams enrich = lifecycle.started(EnrichStreams.start(services,
        new GazetteerTagger(new EnrichConfig(services).gazetteer()), meters, reprocess));
    SinkService sink = lifecycle.started(SinkService.start(services, meters));
    IngestService ingest = lifecycle.started(IngestService.create(services, meters));
    HttpHost host = lifecycle.started(new HttpHost(meters, List.of(Services.hosted(ingest),
        Services.hosted(enrich), Services.hosted(sink)), http.maxRequestBytes())
        .start(http.host(), http.port()));
    ingest.start();
    return new StandalonePipeline(platform, services, host, data, newKey);
  }

  /**
   * Removes the members that enrich's and the sink's groups still list when the broker has just
   * started. They are the consumers of an earlier run that ended without leaving (killed, or the
   * machine went down): the broker would keep their partitions from this run's enrich and sink
   * until their sessions timed out, so that nothing flowed for the first 45 s. A member of
   * another process (an enrich instance started against this broker) rejoins at once.
   */
  static void releaseGroupsOfLastRun(String bootstrap, List<String> groups) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        AdminClientConfig.CLIENT_ID_CONFIG, "newswire-up"))) {
      for (var described : admin.describeConsumerGroups(groups).describedGroups().entrySet()) {
        ConsumerGroupDescription group;
        try {
          group = described.getValue().get(ADMIN_TIMEOUT, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (e.getCause() instanceof GroupIdNotFoundException) {
            continue;  // the first start
          }
          throw e;
        }
        if (!group.members().isEmpty()) {
          RemoveMembersFromConsumerGroupOptions all = new RemoveMembersFromConsumerGroupOptions();
          all.reason("the process of these members ended without leaving the group");
          admin.removeMembersFromConsumerGroup(described.getKey(), all).all()
              .get(ADMIN_TIMEOUT, TimeUnit.SECONDS);
          log.info("Removed {} member(s) that an earlier run left in group {}",
              group.members().size(), described.getKey());
        }
      }
    } catch (ExecutionException | TimeoutException e) {
      // Only a delay is at stake: the members time out on their own.
      log.warn("Could not remove earlier members from groups {}; they time out by themselves",
          groups, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting", e);
    }
  }

  /**
   * Fails, before anything starts, with one message naming each fixed port of {@code settings}
   * that something else holds (0 picks a free one): the embedded broker, finding its port
   * taken, would end the process through Kafka's fatal-fault handling with nothing said on the
   * console.
   */
  static void checkPortsFree(Map<String, String> settings) {
    StandaloneConfig standalone = new StandaloneConfig(settings);
    RegistryServerConfig registry = new RegistryServerConfig(settings);
    HttpConfig http = new HttpConfig(settings);
    Map<String, InetSocketAddress> ports = new LinkedHashMap<>();
    String kafka = EmbeddedKafkaCluster.HOST;
    ports.put(StandaloneConfig.KAFKA_PORT, new InetSocketAddress(kafka, standalone.kafkaPort()));
    ports.put(StandaloneConfig.KAFKA_CONTROLLER_PORT,
        new InetSocketAddress(kafka, standalone.controllerPort()));
    ports.put(RegistryServerConfig.PORT,
        new InetSocketAddress(registry.host(), registry.port()));
    ports.put(HttpConfig.PORT, new InetSocketAddress(http.host(), http.port()));
    List<String> taken = new ArrayList<>();
    ports.forEach((setting, address) -> {
      if (address.getPort() != 0 && !canBind(address)) {
        taken.add(address.getHostString() + ":" + address.getPort() + " (" + setting + ")");
      }
    });
    if (!taken.isEmpty()) {
      throw new IllegalStateException(String.join(", ", taken)
          + (taken.size() == 1 ? " is" : " are") + " in use. Is another newswire up running?"
          + " Stop it, or give this one other ports: --kafka-port, --registry-port,"
          + " --http-port, -D kafka.controller.port=PORT.");
    }
  }

  private static boolean canBind(InetSocketAddress address) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(address);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The embedded broker ends the process on a fatal fault (a log directory it cannot write, for
   * one) by Kafka's {@link Exit}, which prints nothing: the console says so first, and where the
   * log with the cause is.
   */
  private static void sayFatalExits() {
    Exit.setExitProcedure((code, message) -> {
      System.err.println(fatal(code, message));
      System.exit(code);
    });
    Exit.setHaltProcedure((code, message) -> {
      System.err.println(fatal(code, message));
      Runtime.getRuntime().halt(code);
    });
  }

  private static String fatal(int code, String message) {
    return "newswire: the embedded Kafka broker stopped the process (exit " + code + ")"
        + (message == null ? "" : ": " + message) + "; the cause is in the log ("
        + System.getProperty("newswire.log.dir", ".newswire/logs") + "/newswire.log)";
  }

  /** The base URL of the HTTP API. */
  String url() {
    return "http://" + new HttpConfig(services).host() + ":" + host.port();
  }
}
