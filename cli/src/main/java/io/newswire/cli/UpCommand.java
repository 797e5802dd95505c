package io.newswire.cli;

import io.newswire.platform.EmbeddedPlatform;
import io.newswire.platform.registry.RegistryServerConfig;
import io.newswire.schemas.TopicSpec;
import io.newswire.sink.SinkConfig;
import io.newswire.schemas.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newswire up}: the whole pipeline in this JVM on the embedded default. Stops cleanly on
 * Ctrl-C or SIGTERM; the next start finds all its data again.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
    description = {"Run the pipeline on this machine: an embedded Kafka broker (KRaft), the"
        + " schema registry and the services, with data under --data-dir.",
        "Stops cleanly on Ctrl-C or SIGTERM; a restart keeps all data."})
final class UpCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(UpCommand.class);

  @Spec
  CommandSpec spec;

  @Mixin
  ConfigOptions config;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory"
      + " (data.dir, default .newswire).")
  String dataDir;

  @Option(names = "--kafka-port", description = "Kafka client port (kafka.port, default 9092).")
  Integer kafkaPort;

  @Option(names = "--registry-port",
      description = "Schema registry port (registry.port, default 8081).")
  Integer registryPort;

  @Option(names = "--http-port",
      description = "Port of the ingest and query API (http.port, default 8080).")
  Integer httpPort;

  @Option(names = "--reprocess", description = "Enrich every article the raw topic still holds"
      + " again (kept 7 days by default), with this start's gazetteer, before new ones; the"
      + " stored articles are replaced.")
  boolean reprocess;

  private final Lifecycle lifecycle = new Lifecycle("Newswire");

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    Map<String, String> flags = new LinkedHashMap<>();
    putIfSet(flags, StandaloneConfig.DATA_DIR, dataDir);
    putIfSet(flags, StandaloneConfig.KAFKA_PORT, kafkaPort);
    putIfSet(flags, RegistryServerConfig.PORT, registryPort);
    putIfSet(flags, HttpConfig.PORT, httpPort);
    Map<String, String> settings = config.load(flags);
    StandaloneConfig standalone = new StandaloneConfig(settings);
    Path data = standalone.dataDir();
    List<TopicSpec> topics = Topics.specs(settings);

    PrintWriter out = spec.commandLine().getOut();
    try {
      StandalonePipeline pipeline = StandalonePipeline.start(settings, lifecycle, reprocess);
      EmbeddedPlatform platform = pipeline.platform();
      HttpConfig http = new HttpConfig(pipeline.services());
      Map<String, Object> services = pipeline.services();
      Optional<String> newKey = pipeline.newKey();

      // The banner in one write: it never interleaves with log lines, and whoever waits for
      // "Newswire is ready" sees the addresses with it.
      StringWriter text = new StringWriter();
      PrintWriter banner = new PrintWriter(text);
      banner.printf("Newswire is ready (%.1f s).%n", (System.nanoTime() - start) / 1e9);
      banner.printf("  Kafka            %s%n", platform.bootstrapServers());
      banner.printf("  Schema registry  %s%n", platform.schemaRegistryUrl());
      banner.printf("  HTTP             http://%s:%d  (POST and GET /v1/articles, /v1/places,"
          + " /v1/stream, /health/ready, /metrics)%n", http.host(), pipeline.host().port());
      banner.printf("  Database         %s%n", new SinkConfig(services).databaseUrlForDisplay());
      banner.printf("  Topics           %s%n",
          String.join(", ", topics.stream().map(TopicSpec::name).toList()));
      banner.printf("  Data             %s%n", data.toAbsolutePath().normalize());
      if (newKey.isPresent()) {
        banner.printf("  Feed 'local'     key %s%n", newKey.get());
        banner.printf("                   (saved in %s; ./newswire push uses it)%n",
            LocalFeed.keyFile(data, LocalFeed.ID));
      } else {
        banner.printf("  Feed 'local'     key in %s%n", LocalFeed.keyFile(data, LocalFeed.ID));
      }
      banner.println("Press Ctrl-C to stop.");
      banner.flush();
      out.print(text);
      out.flush();
    } catch (RuntimeException e) {
      // The trace goes to the log file; the console has the message, once, below.
      log.error("Newswire could not start", e);
      spec.commandLine().getErr().println("newswire up failed: " + e.getMessage());
      lifecycle.stop();
      return 1;
    }
    lifecycle.awaitStop();
    return 0;
  }

  /** Stops what {@link #call} started and lets it return. */
  void stop() {
    lifecycle.stop();
  }

  static void putIfSet(Map<String, String> flags, String key, Object value) {
    if (value != null) {
      flags.put(key, value.toString());
    }
  }
}
