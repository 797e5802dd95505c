package io.newswire.platform.kafka;

import io.newswire.platform.FreePorts;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache Kafka in KRaft mode inside this JVM: one or more combined broker+controller nodes on
 * 127.0.0.1, started and stopped from Java.
 *
 * <p>With a data directory the cluster is persistent: the first start formats each node's log
 * directory, later starts find the same cluster id, topics and records. Without one it lives in
 * a temporary directory that {@link #close()} deletes. Ports are fixed when given, else free
 * ports are chosen when the cluster is built and kept across {@link #restart()}.
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaCluster.class);
  /** Where the brokers and controllers listen. */
  public static final String HOST = "127.0.0.1";
  private static final String CONTROLLER_LISTENER = "CONTROLLER";

  private final int nodeCount;
  private final Path dataDir;
  private final boolean temporary;
  private final int[] brokerPorts;
  private final int[] controllerPorts;
  private final Map<String, String> overrides;
  private final Duration startTimeout;
  private final List<KafkaRaftServer> servers = new ArrayList<>();

  private EmbeddedKafkaCluster(Builder builder) throws IOException {
    this.nodeCount = builder.nodes;
    this.temporary = builder.dataDir == null;
    this.dataDir = temporary ? Files.createTempDirectory("newswire-kafka-") : builder.dataDir;
    // Free ports for both kinds at once, so that none is given twice.
    int[] free = FreePorts.pick(nodeCount * 2);
    this.brokerPorts = ports(builder.brokerPort, free, 0, nodeCount);
    this.controllerPorts = ports(builder.controllerPort, free, nodeCount, nodeCount);
    this.overrides = Map.copyOf(builder.overrides);
    this.startTimeout = builder.startTimeout;
  }

  /** A builder for a one-node cluster in a temporary directory on free ports. */
  public static Builder builder() {
    return new Builder();
  }

  /** Options of the cluster to build. */
  public static final class Builder {
    private int nodes = 1;
    private Path dataDir;
    private int brokerPort;
    private int controllerPort;
    private Duration startTimeout = Duration.ofSeconds(60);
    private final Map<String, String> overrides = new HashMap<>();

    private Builder() {
    }

    /** Number of combined broker+controller nodes, 1 by default. */
    public Builder nodes(int nodes) {
      if (nodes < 1) {
        throw new IllegalArgumentException("nodes must be >= 1, was " + nodes);
      }
      this.nodes = nodes;
      return this;
    }

    /** Keep the cluster's data here across starts; by default a temporary directory. */
    public Builder dataDir(Path dataDir) {
      this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
      return this;
    }

    /** Client port of the first node; the others take the next ones. 0 (default) picks free. */
    public Builder brokerPort(int port) {
      this.brokerPort = checkPort("brokerPort", port);
      return this;
    }

    /** Controller port of the first node; the others take the next ones. 0 picks free ports. */
    public Builder controllerPort(int port) {
      this.controllerPort = checkPort("controllerPort", port);
      return this;
    }

    /** Bound on starting up until every broker is ready, 60 s by default. */
    public Builder startTimeout(Duration timeout) {
      this.startTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** A broker config of the caller's, applied to every node after the defaults. */
    public Builder brokerConfig(String key, String value) {
      overrides.put(key, value);
      return this;
    }

    /** The cluster, not started yet. */
    public EmbeddedKafkaCluster build() {
      try {
        return new EmbeddedKafkaCluster(this);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot create the cluster's data directory", e);
      }
    }

    private static int checkPort(String name, int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException(name + " must be in 0..65535, was " + port);
      }
      return port;
    }
  }

  /**
   * Formats the nodes' directories where needed, starts every node and waits until all brokers
   * are registered. Idempotent.
   *
   * @throws IllegalStateException when the cluster does not come up within the start timeout
   */
  public synchronized EmbeddedKafkaCluster start() {
    if (!servers.isEmpty()) {
      return this;
    }
    String clusterId = existingClusterId().orElseGet(() -> Uuid.randomUuid().toString());
    List<KafkaConfig> configs = new ArrayList<>();
    for (int node = 0; node < nodeCount; node++) {
      Path logDir = nodeDir(node);
      KafkaConfig config = new KafkaConfig(nodeProperties(node, logDir), false);
      if (!Files.exists(logDir.resolve("meta.properties"))) {
        format(node, clusterId, logDir);
      }
      configs.add(config);
    }
    long started = System.nanoTime();
    configs.forEach(config -> servers.add(new KafkaRaftServer(config, Time.SYSTEM)));
    try {
      // The controllers of a multi-node quorum wait for each other: start them together.
      inParallel(servers.stream().<Runnable>map(server -> server::startup).toList())
          .get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
      awaitBrokers();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopServers();
      throw new IllegalStateException("Interrupted while starting Kafka", e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      stopServers();
      throw new IllegalStateException("Kafka did not start: " + e.getMessage(), e);
    }
    log.info("Kafka cluster {} of {} node(s) ready at {} in {} ms (data in {})", clusterId,
        nodeCount, bootstrapServers(), (System.nanoTime() - started) / 1_000_000, dataDir);
    return this;
  }

  /** Stops every node, keeping the data; {@link #start()} brings the cluster back. */
  public synchronized void stop() {
    stopServers();
  }

  /** Stops and starts every node on the same ports and data. */
  public synchronized void restart() {
    stop();
    start();
  }

  /** Whether the nodes are running. */
  public synchronized boolean isRunning() {
    return !servers.isEmpty();
  }

  /** {@code host:port} of every node's client listener, comma-separated. */
  public String bootstrapServers() {
    return IntStream.of(brokerPorts).mapToObj(p -> HOST + ":" + p)
        .collect(Collectors.joining(","));
  }

  /** Number of nodes. */
  public int size() {
    return nodeCount;
  }

  /** Where the nodes keep their data. */
  public Path dataDir() {
    return dataDir;
  }

  /** Client settings for reaching this cluster. */
  public Map<String, Object> clientConfig() {
    return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
  }

  /** Stops the cluster; a temporary one's data is deleted. */
  @Override
  public synchronized void close() {
    stopServers();
    if (temporary) {
      deleteRecursively(dataDir);
    }
  }

  private void stopServers() {
    if (servers.isEmpty()) {
      return;
    }
    long stopping = System.nanoTime();
    // Brokers first, as KafkaRaftServer does internally; all nodes in parallel to keep the
    // quorum until each broker has handed over.
    inParallel(servers.stream().<Runnable>map(server -> () -> {
      server.shutdown();
      server.awaitShutdown();
    }).toList()).join();
    servers.clear();
    log.info("Kafka stopped in {} ms", (System.nanoTime() - stopping) / 1_000_000);
  }

  /** Runs each task on a thread of its own: the common pool may have a single thread. */
  private static CompletableFuture<Void> inParallel(List<Runnable> tasks) {
    ExecutorService threads = Executors.newFixedThreadPool(tasks.size(), task -> {
      Thread thread = new Thread(task, "embedded-kafka-lifecycle");
      thread.setDaemon(true);
      return thread;
    });
    CompletableFuture<?>[] futures = tasks.stream()
        .map(task -> CompletableFuture.runAsync(task, threads))
        .toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(futures).whenComplete((ok, error) -> threads.shutdown());
  }

  private void awaitBrokers() throws InterruptedException, ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + startTimeout.toNanos();
    Map<String, Object> config = new HashMap<>(clientConfig());
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    try (Admin admin = Admin.create(config)) {
      while (true) {
        try {
          int ready = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size();
          if (ready >= nodeCount) {
            return;
          }
        } catch (ExecutionException | TimeoutException e) {
          if (System.nanoTime() > deadline) {
            throw e;
          }
        }
        if (System.nanoTime() > deadline) {
          throw new TimeoutException("brokers not all registered after " + startTimeout);
        }
        Thread.sleep(50);
      }
    }
  }

  private Map<String, Object> nodeProperties(int node, Path logDir) {
    int replication = Math.min(3, nodeCount);
    String voters = IntStream.range(0, nodeCount)
        .mapToObj(n -> (n + 1) + "@" + HOST + ":" + controllerPorts[n])
        .collect(Collectors.joining(","));
    Map<String, Object> props = new HashMap<>();
    props.put("process.roles", "broker,controller");
    props.put("node.id", Integer.toString(node + 1));
    props.put("controller.quorum.voters", voters);
    props.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPorts[node] + ","
        + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPorts[node]);
    props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPorts[node]);
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("controller.listener.names", CONTROLLER_LISTENER);
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("log.dirs", logDir.toString());
    props.put("auto.create.topics.enable", "false");
    props.put("num.partitions", "1");
    props.put("default.replication.factor", Integer.toString(replication));
    props.put("offsets.topic.replication.factor", Integer.toString(replication));
    props.put("offsets.topic.num.partitions", "10");
    props.put("transaction.state.log.replication.factor", Integer.toString(replication));
    props.put("transaction.state.log.min.isr", Integer.toString(Math.max(1, replication - 1)));
    props.put("transaction.state.log.num.partitions", "10");
    props.put("share.coordinator.state.topic.replication.factor", Integer.toString(replication));
    props.put("share.coordinator.state.topic.min.isr",
        Integer.toString(Math.max(1, replication - 1)));
    props.put("group.initial.rebalance.delay.ms", "0");
    // The log cleaner's default 128 MiB dedupe buffer is sized for dedicated brokers.
    props.put("log.cleaner.dedupe.buffer.size", Long.toString(8L * 1024 * 1024));
    if (nodeCount > 1) {
      // The nodes stop together, so there is no leadership to hand over; and a broker that
      // asks the controllers to approve its shutdown after a majority of them stopped waits
      // five minutes for an answer that never comes.
      props.put("controlled.shutdown.enable", "false");
    }
    props.putAll(overrides);
    return props;
  }

  private void format(int node, String clusterId, Path logDir) {
    try {
      Files.createDirectories(logDir);
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setNodeId(node + 1)
          .setClusterId(clusterId)
          .setDirectories(List.of(logDir.toString()))
          .setMetadataLogDirectory(logDir.toString())
          .setControllerListenerName(CONTROLLER_LISTENER)
          .setReleaseVersion(MetadataVersion.latestProduction())
          .run();
      log.info("Formatted {} for node {} of cluster {}", logDir, node + 1, clusterId);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot format Kafka log directory " + logDir, e);
    }
  }

  private Optional<String> existingClusterId() {
    for (int node = 0; node < nodeCount; node++) {
      Path meta = nodeDir(node).resolve("meta.properties");
      if (Files.exists(meta)) {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(meta)) {
          properties.load(in);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read " + meta, e);
        }
        return Optional.ofNullable(properties.getProperty("cluster.id"));
      }
    }
    return Optional.empty();
  }

  private Path nodeDir(int node) {
    return dataDir.resolve("kafka-" + (node + 1));
  }

  /** Ports from {@code first} on, or where it is 0, {@code free[from]} on. */
  private static int[] ports(int first, int[] free, int from, int count) {
    int[] ports = new int[count];
    for (int i = 0; i < count; i++) {
      ports[i] = first == 0 ? free[from + i] : first + i;
    }
    return ports;
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log.warn("Could not delete {}: {}", dir, e.getMessage());
    }
  }
}
