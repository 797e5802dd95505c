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
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  static StandalonePipeline start(Map<String, String> settings, Lifecycle lifecycle) {
    StandaloneConfig standalone = new StandaloneConfig(settings);
    Path data = standalone.dataDir();
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

    HttpConfig http = new HttpConfig(services);
    PrometheusMeterRegistry meters = HttpHost.newMeterRegistry();
    EnrichStreams enrich = lifecycle.started(EnrichStreams.start(services,
        new GazetteerTagger(new EnrichConfig(services).gazetteer()), meters));
    SinkService sink = lifecycle.started(SinkService.start(services, meters));
    IngestService ingest = lifecycle.started(IngestService.create(services, meters));
    HttpHost host = lifecycle.started(new HttpHost(meters, List.of(Services.hosted(ingest),
        Services.hosted(enrich), Services.hosted(sink)), http.maxRequestBytes())
        .start(http.host(), http.port()));
    ingest.start();
    return new StandalonePipeline(platform, services, host, data, newKey);
  }

  /** The base URL of the HTTP API. */
  String url() {
    return "http://" + new HttpConfig(services).host() + ":" + host.port();
  }
}
