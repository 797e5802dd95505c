package io.newswire.cli;

import io.newswire.platform.EmbeddedPlatform;
import io.newswire.platform.kafka.EmbeddedKafkaCluster;
import io.newswire.platform.registry.RegistryServerConfig;
import io.newswire.schemas.TopicSpec;
import io.newswire.schemas.Topics;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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

  private final Deque<AutoCloseable> running = new ArrayDeque<>();
  private final CountDownLatch stopped = new CountDownLatch(1);

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    Map<String, String> flags = new LinkedHashMap<>();
    if (dataDir != null) {
      flags.put(StandaloneConfig.DATA_DIR, dataDir);
    }
    if (kafkaPort != null) {
      flags.put(StandaloneConfig.KAFKA_PORT, kafkaPort.toString());
    }
    if (registryPort != null) {
      flags.put(RegistryServerConfig.PORT, registryPort.toString());
    }
    Map<String, String> settings = config.load(flags);
    StandaloneConfig standalone = new StandaloneConfig(settings);
    RegistryServerConfig registryConfig = new RegistryServerConfig(settings);
    List<TopicSpec> topics = Topics.specs(settings);

    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "newswire-shutdown"));
    try {
      EmbeddedPlatform platform = EmbeddedPlatform.start(EmbeddedKafkaCluster.builder()
              .dataDir(standalone.dataDir().resolve("kafka"))
              .brokerPort(standalone.kafkaPort())
              .controllerPort(standalone.controllerPort())
              .build(),
          registryConfig, topics);
      running.push(platform);

      PrintWriter out = spec.commandLine().getOut();
      out.printf("Newswire is ready (%.1f s).%n", (System.nanoTime() - start) / 1e9);
      out.printf("  Kafka            %s%n", platform.bootstrapServers());
      out.printf("  Schema registry  %s%n", platform.schemaRegistryUrl());
      out.printf("  Topics           %s%n",
          String.join(", ", topics.stream().map(TopicSpec::name).toList()));
      out.printf("  Data             %s%n", standalone.dataDir().toAbsolutePath().normalize());
      out.println("Press Ctrl-C to stop.");
      out.flush();
    } catch (RuntimeException e) {
      log.error("Newswire could not start: {}", e.getMessage(), e);
      spec.commandLine().getErr().println("newswire up failed: " + e.getMessage());
      stop();
      return 1;
    }
    stopped.await();
    return 0;
  }

  /** Closes what was started, last first, and lets {@link #call} return. Safe to call twice. */
  synchronized void stop() {
    if (running.isEmpty()) {
      stopped.countDown();
      return;
    }
    log.info("Stopping Newswire");
    while (!running.isEmpty()) {
      AutoCloseable component = running.pop();
      try {
        component.close();
      } catch (Exception e) {
        log.warn("Error while stopping {}: {}", component.getClass().getSimpleName(),
            e.toString());
      }
    }
    log.info("Newswire stopped");
    stopped.countDown();
  }
}
