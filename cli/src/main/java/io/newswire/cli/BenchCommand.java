package io.newswire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.enrich.places.Gazetteer;
import io.newswire.platform.FreePorts;
import io.newswire.schemas.TopicsConfig;
import io.newswire.sink.SinkConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newswire bench}: the pipeline measured against what Kafka itself does with the same
 * records on the same machine, in the same run. Phases: baseline (produce, exactly-once
 * pass-through, consume), ingest (single pushes at a fixed rate, batches at full speed), pipeline
 * (full speed and a fixed rate, until every article is stored), resources; then a check that
 * every accepted article was stored exactly once.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Measure the pipeline against Kafka's own ceiling on this machine: baseline,"
        + " ingest, pipeline and resource phases, each after a warm-up; prints a table and"
        + " writes the figures as JSON.",
        "Without --url it starts the whole pipeline itself, in a fresh temporary data"
            + " directory on free ports, with the settings of -c, NEWSWIRE_* and -D."})
final class BenchCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Where {@code ./newswire up} keeps its data and the local feed's key by default. */
  private static final Path LOCAL_DATA = Path.of(".newswire");
  /** The most single pushes in flight at once ({@link #pushSingles}). */
  private static final int PUSH_SENDERS = 64;

  @Spec
  CommandSpec spec;

  @Mixin
  ConfigOptions config;

  @Option(names = "--url", paramLabel = "URL",
      description = "A running pipeline's HTTP API (needs --bootstrap and a feed key).")
  String url;

  @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
      description = "The running pipeline's Kafka, for the baseline phase.")
  String bootstrap;

  @Option(names = "--key", paramLabel = "KEY", description = "Feed key for --url (default:"
      + " the local feed's key under .newswire).")
  String key;

  @Option(names = "--articles", defaultValue = "5000",
      description = "Articles per measured phase (default ${DEFAULT-VALUE}).")
  int articles;

  @Option(names = "--warmup", defaultValue = "2000",
      description = "Articles pushed before each phase and not measured (default"
          + " ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--size", defaultValue = "5000",
      description = "Bytes per generated article (default ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--corpus", paramLabel = "FILE.jsonl",
      description = "Real texts instead of generated ones: lines {\"id\",\"text\"[,\"title\"]}.")
  Path corpus;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated"
      + " articles and of the mix (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--duplicates", defaultValue = "0.02",
      description = "Share of pushes that repeat an earlier article (default ${DEFAULT-VALUE}).")
  double duplicates;

  @Option(names = "--malformed", defaultValue = "0.01",
      description = "Share of pushes that are malformed (default ${DEFAULT-VALUE}).")
  double malformed;

  @Option(names = "--rate", defaultValue = "500",
      description = "Single pushes per second in the ingest phase (default ${DEFAULT-VALUE}).")
  int rate;

  @Option(names = "--pipeline-rate", defaultValue = "1000", description = "Single pushes per"
      + " second in the fixed-rate pipeline phase (default ${DEFAULT-VALUE}).")
  int pipelineRate;

  @Option(names = "--pid", description = "With --url: the pipeline's process, for its CPU"
      + " time and resident memory (Linux).")
  Long pid;

  @Option(names = "--phases", split = ",", defaultValue = "baseline,ingest,pipeline",
      description = "Which phases to run (default ${DEFAULT-VALUE}); resources are measured"
          + " in the pipeline phase.")
  List<String> phases;

  @Option(names = "--out", defaultValue = "bench-results.json",
      description = "Where the figures go as JSON (default ${DEFAULT-VALUE}).")
  Path out;

  private PrintWriter progress;
  /** Runs the HTTP clients' work; each series of pushes has a client of its own. */
  private ExecutorService executor;
  private HttpClient http;
  private String apiUrl;
  private String feedKey;
  /** Every accepted article's id and version, in the order they were acknowledged. */
  private final Map<String, Long> acceptedIds = Collections.synchronizedMap(
      new LinkedHashMap<>());
  private final AtomicInteger expectedRejections = new AtomicInteger();
  private final AtomicInteger unexpected = new AtomicInteger();
  /** The unexpected answers by kind: "HTTP 503 kafka_unavailable", an exception, ... */
  private final Map<String, Unexpected> unexpectedKinds = new ConcurrentHashMap<>();
  /** The SQLite file of the pipeline the bench started itself; null with {@code --url}. */
  private Path database;

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    progress = spec.commandLine().getErr();
    String invalid = url != null && bootstrap == null
        ? "--url needs --bootstrap (the pipeline's Kafka) too"
        : articles < 1 || warmup < 0 ? "--articles must be at least 1 and --warmup at least 0"
        : rate < 1 || pipelineRate < 1 ? "--rate and --pipeline-rate must be at least 1 per second"
        : size < 200 ? "--size must be at least 200 bytes"
        : duplicates < 0 || malformed < 0 || duplicates + malformed > 0.5
            ? "--duplicates and --malformed are shares from 0 that add up to at most 0.5"
        : !List.of("baseline", "ingest", "pipeline").containsAll(phases)
            ? "--phases takes baseline, ingest and pipeline, not " + phases
        : url != null && pid != null && JvmThreads.of(pid).isEmpty()
            ? "--pid " + pid + ": no such process in /proc (it needs Linux)"
        : url != null && key == null && LocalFeed.readKey(LOCAL_DATA, LocalFeed.ID).isEmpty()
            ? "no --key, and no key for feed '" + LocalFeed.ID + "' in "
                + LocalFeed.keyFile(LOCAL_DATA, LocalFeed.ID)
        : null;
    if (invalid != null) {
      progress.println("newswire bench: " + invalid);
      return 2;
    }
    String run = "bench-" + Long.toString(System.currentTimeMillis(), 36);
    Gazetteer gazetteer;
    BenchWorkload workload;
    try {
      gazetteer = corpus == null ? Gazetteer.builtIn() : null;
      workload = new BenchWorkload(gazetteer, corpus, size, seed, duplicates, malformed, run);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      progress.println("newswire bench: " + e.getMessage());
      return 2;
    }
    Lifecycle lifecycle = new Lifecycle("Newswire bench");
    Path temp = null;
    executor = Executors.newFixedThreadPool(8, r -> {
      Thread thread = new Thread(r, "bench-http");
      thread.setDaemon(true);
      return thread;
    });
    try {
      String kafka;
      ObjectNode results = JSON.createObjectNode();
      results.put("started", Instant.now().toString());
      results.set("machine", machine());
      if (url == null) {
        temp = Files.createTempDirectory("newswire-bench");
        say("starting the pipeline in " + temp);
        // The pipeline as configured (-c, NEWSWIRE_*, -D), on its own data and ports.
        Map<String, String> settings = new LinkedHashMap<>(config.load(Map.of()));
        settings.put(StandaloneConfig.DATA_DIR, temp.toString());
        int[] ports = FreePorts.pick(4);
        settings.put(StandaloneConfig.KAFKA_PORT, Integer.toString(ports[0]));
        settings.put(StandaloneConfig.KAFKA_CONTROLLER_PORT, Integer.toString(ports[1]));
        settings.put("registry.port", Integer.toString(ports[2]));
        settings.put(HttpConfig.PORT, Integer.toString(ports[3]));
        StandalonePipeline pipeline = StandalonePipeline.start(settings, lifecycle);
        apiUrl = pipeline.url();
        kafka = pipeline.platform().bootstrapServers();
        feedKey = LocalFeed.readKey(temp, LocalFeed.ID).orElseThrow();
        database = settings.containsKey(SinkConfig.DATABASE_URL) ? null
            : temp.resolve("newswire.db");
        results.put("target", "standalone (started by the bench)");
      } else {
        apiUrl = url.replaceAll("/+$", "");
        kafka = bootstrap;
        feedKey = key != null ? key : LocalFeed.readKey(LOCAL_DATA, LocalFeed.ID).orElseThrow();
        results.put("target", apiUrl);
      }
      http = newHttpClient();
      results.set("workload", JSON.createObjectNode()
          .put("articles", articles).put("warmup", warmup)
          .put("source", corpus == null ? "generated, " + size + " bytes" : corpus.toString())
          .put("seed", seed).put("duplicates", duplicates).put("malformed", malformed));

      BenchBaseline.Result baseline = null;
      if (phases.contains("baseline")) {
        baseline = new BenchBaseline(kafka, new TopicsConfig(Map.of()).rawName(), progress)
            .run(new BenchWorkload(gazetteer, corpus, size, seed, 0, 0, run), articles, warmup,
                run);
        results.set("baseline", baseline.toJson());
      }

      if (phases.contains("ingest")) {
        ObjectNode ingest = JSON.createObjectNode();
        warmUp("ingest", () -> pushSingles(workload.next(warmup), rate, "ingest warm-up"));
        ingest.set("single", pushSingles(workload.next(articles), rate, "ingest single")
            .toJson().put("rate", rate));
        awaitStored(acceptedInOrder(), "settling");
        ingest.set("batch", pushBatches(workload.next(articles), "ingest batch").toJson());
        results.set("ingest", ingest);
      }

      if (phases.contains("pipeline")) {
        BenchResources resources = new BenchResources(url == null ? null : pid);
        // Through the whole pipeline, enrich and sink too: without it a run of this phase alone
        // measured the JIT compiler, which took half a core, as much as the pipeline.
        ObjectNode pipelinePhase = JSON.createObjectNode();
        warmUp("pipeline", () -> pushBatches(workload.next(warmup), "pipeline warm-up"));
        // Made before the count starts: the resources are the pipeline's, not the generator's.
        List<BenchWorkload.Push> measured = workload.next(articles);
        resources.start();
        Outcome full = pushBatches(measured, "pipeline full speed");
        Stored fullStored = awaitStored(full.ids, "pipeline full speed");
        ObjectNode fullJson = fullStored.toJson(full.startedMillis);
        if (baseline != null) {
          fullJson.put("ratioToBaseline", round(fullStored.perSecond(full.startedMillis)
              / baseline.recordsPerSecond(), 3));
        }
        pipelinePhase.set("fullSpeed", fullJson);
        results.set("resources", resources.stop(fullStored.count()));
        Outcome fixed = pushSingles(workload.next(articles), pipelineRate,
            "pipeline fixed rate");
        Stored fixedStored = awaitStored(fixed.ids, "pipeline fixed rate");
        ObjectNode fixedJson = fixedStored.toJson(fixed.startedMillis);
        fixedJson.put("rate", pipelineRate);
        pipelinePhase.set("fixedRate", fixedJson);
        results.set("pipeline", pipelinePhase);
      }

      results.set("exactlyOnce", exactlyOnce());
      results.put("finished", Instant.now().toString());
      Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
      BenchReport.print(stdout, results);
      stdout.printf("Figures written to %s%n", out.toAbsolutePath());
      stdout.flush();
      return results.path("exactlyOnce").path("passed").asBoolean() ? 0 : 1;
    } finally {
      lifecycle.stop();
      executor.shutdownNow();
      if (temp != null) {
        deleteTree(temp);
      }
    }
  }

  /** The warm-up pushes of a phase. */
  private interface Warmup {
    void push() throws Exception;
  }

  /**
   * Warms a phase up with {@code pushes}, then waits until they are all stored, so that the
   * measurement starts with nothing left to enrich and store from the phase before.
   */
  private void warmUp(String phase, Warmup pushes) throws Exception {
    say(phase + ": warm-up");
    pushes.push();
    awaitStored(acceptedInOrder(), "settling");
  }

  /**
   * The CPU of this JVM's threads now, where the pipeline runs in it and /proc can be read;
   * null otherwise.
   */
  private JvmThreads.Snapshot jvmThreads() {
    return url != null ? null : JvmThreads.self().map(JvmThreads::snapshot).orElse(null);
  }

  /**
   * The JIT compiler's CPU since {@code before} as a share of one core over the {@code nanos}
   * since then, or null. A measurement taken while it is high counts the compiler too: with a
   * broker, Streams and HTTP server in one JVM, it compiles for minutes after a start (see
   * docs/benchmarks.md).
   */
  private Double compilerShare(JvmThreads.Snapshot before, long nanos) {
    JvmThreads.Snapshot now = jvmThreads();
    return before == null || now == null ? null
        : round(now.compilerSecondsSince(before) / (nanos / 1e9), 2);
  }

  private void say(String line) {
    progress.println("bench: " + line);
    progress.flush();
  }

  /** What a phase of pushes got back. */
  static final class Outcome {
    final List<String> ids = Collections.synchronizedList(new ArrayList<>());
    final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger accepted = new AtomicInteger();
    final AtomicInteger repeats = new AtomicInteger();
    final AtomicInteger rejected = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    long startedMillis;
    long startedNanos;
    long endedNanos;
    JvmThreads.Snapshot jvmAtStart;
    /** {@link #compilerShare} over the pushes. */
    Double compilerShare;

    ObjectNode toJson() {
      double seconds = (endedNanos - startedNanos) / 1e9;
      ObjectNode node = JSON.createObjectNode()
          .put("accepted", accepted.get()).put("duplicates", repeats.get())
          .put("rejected", rejected.get()).put("failed", failed.get())
          .put("seconds", round(seconds))
          .put("acceptedPerSecond", round((accepted.get() + repeats.get()) / seconds));
      node.setAll(percentiles("ackMs", latencies));
      if (compilerShare != null) {
        node.put("jitCompilerShareOfCore", compilerShare);
      }
      return node;
    }
  }

  /**
   * A client with no connections yet. Each series of pushes starts with one: a connection left
   * idle since an earlier phase may be closed by the server (Jetty closes them after 30 s) just
   * as a push is sent on it, and a POST that fails that way is not sent again.
   */
  private HttpClient newHttpClient() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  /**
   * Single pushes at {@code perSecond}; latency counted from each push's planned start. They go
   * over {@link PushClient}'s persistent connections, from at most {@link #PUSH_SENDERS} at once:
   * the JDK's HTTP client took about 0.6 CPU-ms of the pipeline's two cores per push.
   */
  private Outcome pushSingles(List<BenchWorkload.Push> pushes, int perSecond, String phase)
      throws InterruptedException {
    say(phase + ": " + pushes.size() + " single pushes at " + perSecond + "/s");
    Outcome outcome = new Outcome();
    List<CompletableFuture<?>> pending = new ArrayList<>();
    URI base = URI.create(apiUrl);
    Map<String, String> headers = Map.of("Authorization", "Bearer " + feedKey,
        "Content-Type", "text/plain; charset=utf-8");
    try (PushClient client = new PushClient(base, PUSH_SENDERS)) {
      outcome.startedMillis = System.currentTimeMillis();
      outcome.startedNanos = System.nanoTime();
      outcome.jvmAtStart = jvmThreads();
      long interval = 1_000_000_000L / perSecond;
      Progress shown = new Progress(phase, pushes.size());
      for (int i = 0; i < pushes.size(); i++) {
        BenchWorkload.Push push = pushes.get(i);
        long due = outcome.startedNanos + i * interval;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        pending.add(client.post(base.getRawPath() + "/v1/articles?guid=" + push.guid(), headers,
                push.text().getBytes(StandardCharsets.UTF_8))
            .whenComplete((answer, error) -> {
              outcome.latencies.add((System.nanoTime() - due) / 1e6);
              Throwable cause = error instanceof CompletionException && error.getCause() != null
                  ? error.getCause() : error;
              record(outcome, push, error == null ? answer.status() : -1,
                  error == null ? answer.body() : (cause instanceof UncheckedIOException io
                      ? io.getCause() : cause).toString());
            }));
        shown.update(i + 1);
      }
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
          .exceptionally(e -> null).join();
      outcome.endedNanos = System.nanoTime();
      outcome.compilerShare = compilerShare(outcome.jvmAtStart,
          outcome.endedNanos - outcome.startedNanos);
      shown.done();
    }
    return outcome;
  }

  /** Batches of 100 NDJSON lines from four senders at once, as fast as they are answered. */
  private Outcome pushBatches(List<BenchWorkload.Push> pushes, String phase) {
    say(phase + ": " + pushes.size() + " articles in batches of 100, 4 at a time");
    Outcome outcome = new Outcome();
    List<List<BenchWorkload.Push>> batches = new ArrayList<>();
    for (int i = 0; i < pushes.size(); i += 100) {
      batches.add(pushes.subList(i, Math.min(pushes.size(), i + 100)));
    }
    AtomicInteger nextBatch = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    Progress shown = new Progress(phase, pushes.size());
    URI base = URI.create(apiUrl);
    Map<String, String> headers = Map.of("Authorization", "Bearer " + feedKey,
        "Content-Type", "application/x-ndjson");
    // The same load generator as the single pushes: with the JDK's HTTP client, its code was
    // still being compiled by the JIT during the measured phase.
    PushClient client = new PushClient(base, 4);
    outcome.startedMillis = System.currentTimeMillis();
    outcome.startedNanos = System.nanoTime();
    outcome.jvmAtStart = jvmThreads();
    List<Thread> senders = new ArrayList<>();
    for (int s = 0; s < 4; s++) {
      Thread sender = new Thread(() -> {
        int b;
        while ((b = nextBatch.getAndIncrement()) < batches.size()) {
          List<BenchWorkload.Push> batch = batches.get(b);
          StringBuilder body = new StringBuilder();
          batch.forEach(p -> body.append(p.jsonLine()).append('\n'));
          long started = System.nanoTime();
          try {
            PushClient.Answer response = client.post(base.getRawPath() + "/v1/articles/batch",
                headers, body.toString().getBytes(StandardCharsets.UTF_8)).join();
            outcome.latencies.add((System.nanoTime() - started) / 1e6);
            JsonNode answer = response.status() == 200 ? JSON.readTree(response.body()) : null;
            for (int i = 0; i < batch.size(); i++) {
              JsonNode result = answer == null ? null : answer.path("results").path(i);
              record(outcome, batch.get(i), result == null ? response.status()
                  : result.path("status").asInt(), result == null ? response.body()
                  : result.toString());
            }
          } catch (CompletionException | IOException e) {
            Throwable cause = e.getCause() instanceof UncheckedIOException io ? io.getCause()
                : e.getCause() != null ? e.getCause() : e;
            batch.forEach(p -> record(outcome, p, -1, cause.toString()));
          }
          shown.update(done.addAndGet(batch.size()));
        }
      }, "bench-sender-" + s);
      sender.start();
      senders.add(sender);
    }
    for (Thread sender : senders) {
      try {
        sender.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    client.close();
    outcome.endedNanos = System.nanoTime();
    outcome.compilerShare = compilerShare(outcome.jvmAtStart,
        outcome.endedNanos - outcome.startedNanos);
    shown.done();
    return outcome;
  }

  /**
   * Counts one answer: {@code status} is the HTTP status or -1 where no answer came, {@code body}
   * the answer's body or what went wrong.
   */
  private void record(Outcome outcome, BenchWorkload.Push push, int status, String body) {
    if (status == 202 && body != null) {
      try {
        JsonNode ack = JSON.readTree(body);
        if (ack.path("duplicate").asBoolean()) {
          outcome.repeats.incrementAndGet();
        } else {
          outcome.accepted.incrementAndGet();
          outcome.ids.add(ack.path("id").asText());
          acceptedIds.put(ack.path("id").asText(), ack.path("version").asLong());
        }
        if (push.malformed()) {
          unexpected("202 for a malformed push", "");
        }
        return;
      } catch (IOException e) {
        // counted as a failure below
      }
    }
    if (status == 400 && push.malformed()) {
      outcome.rejected.incrementAndGet();
      expectedRejections.incrementAndGet();
    } else {
      outcome.failed.incrementAndGet();
      unexpected(status < 0 ? String.valueOf(body) : "HTTP " + status, status < 0 ? "" : body);
    }
  }

  /**
   * Counts an unexpected answer under its kind ("HTTP 503 kafka_unavailable", an exception),
   * with the message of the first of its kind as an example.
   */
  private void unexpected(String kind, String body) {
    unexpected.incrementAndGet();
    String example = "";
    try {
      JsonNode error = body == null || body.isEmpty() ? null : JSON.readTree(body);
      if (error != null && error.hasNonNull("error")) {
        kind += " " + error.path("error").asText();
        example = error.path("message").asText();
      }
    } catch (IOException e) {
      example = body.length() > 160 ? body.substring(0, 160) + "…" : body;
    }
    String shown = example.isEmpty() ? kind : kind + " (for example: " + example + ")";
    unexpectedKinds.computeIfAbsent(kind, k -> new Unexpected(shown)).count.incrementAndGet();
  }

  /** One kind of unexpected answer: how many, and the first one as it was. */
  private record Unexpected(String first, AtomicInteger count) {
    Unexpected(String first) {
      this(first, new AtomicInteger());
    }
  }

  /**
   * Stored articles of a phase, with their end-to-end latencies; {@code earlier} of them were
   * repeats whose row an earlier push wrote (see {@link Found#stored}), without a latency.
   */
  record Stored(int count, int missing, int earlier, long lastStoredMillis,
      List<Double> latencies) {
    double perSecond(long startedMillis) {
      return count / Math.max(0.001, (lastStoredMillis - startedMillis) / 1000.0);
    }

    ObjectNode toJson(long startedMillis) {
      ObjectNode node = JSON.createObjectNode().put("stored", count).put("missing", missing)
          .put("storedByEarlierPush", earlier)
          .put("seconds", round((lastStoredMillis - startedMillis) / 1000.0))
          .put("storedPerSecond", round(perSecond(startedMillis)));
      node.setAll(percentiles("endToEndMs", latencies));
      return node;
    }
  }

  /**
   * Waits until the articles {@code ids} are stored, or for a minute without progress; the
   * latency of each is {@code storedAt - receivedAt}, both stamped by the pipeline, where the
   * row is of the version acknowledged. Read from
   * the database where the bench started the pipeline itself: one query per round for the rows
   * written since the one before, so that the measured pipeline shares its two cores with as
   * little of the bench as it can. Reading every article back through the API instead, as with
   * {@code --url}, cost the client and the API about 3 CPU-ms per stored article, as much as
   * the pipeline's own work.
   */
  private Stored awaitStored(List<String> ids, String phase) throws Exception {
    return database != null ? awaitStoredInDatabase(ids, phase) : awaitStoredThroughApi(ids,
        phase);
  }

  private Stored awaitStoredInDatabase(List<String> ids, String phase) throws Exception {
    Set<String> pending = new HashSet<>(ids);
    // Rows are numbered in the order they were written (seq, as /v1/stream reads them); one
    // stored before the wait began is found by the first round, which reads from the start.
    long[] after = {0};
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
        PreparedStatement written = c.prepareStatement("SELECT seq, id, version, received_at,"
            + " stored_at FROM articles WHERE seq > ? ORDER BY seq")) {
      // An article is stored once it has a row, whatever its version, as through the API: a
      // repeat acknowledged as a new version is suppressed by enrich when its content is the
      // same, and leaves the row as it was.
      return await(ids, phase, pending, found -> {
        written.setLong(1, after[0]);
        try (ResultSet rows = written.executeQuery()) {
          while (rows.next()) {
            after[0] = rows.getLong(1);
            String id = rows.getString(2);
            if (pending.remove(id)) {
              found.stored(id, rows.getLong(3), rows.getLong(4), rows.getLong(5));
            }
          }
        }
      });
    }
  }

  /** {@link #awaitStored} through the API: each article read back as a consumer reads it. */
  private Stored awaitStoredThroughApi(List<String> ids, String phase) throws Exception {
    Map<String, Boolean> pending = new LinkedHashMap<>();
    ids.forEach(id -> pending.put(id, true));
    return await(ids, phase, pending.keySet(), found -> {
      int misses = 0;
      // Ids in acknowledgement order: the pipeline stores them in about that order, so a
      // round stops at the first run of ids not stored yet.
      for (var it = pending.keySet().iterator(); it.hasNext() && misses < 100; ) {
        String id = it.next();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(apiUrl
            + "/v1/articles/" + id)).timeout(Duration.ofSeconds(10)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          misses++;
          continue;
        }
        JsonNode article = JSON.readTree(response.body());
        found.stored(id, article.path("version").asLong(),
            receivedMillis(article.path("receivedAt")),
            Instant.parse(article.path("storedAt").asText()).toEpochMilli());
        it.remove();
      }
    });
  }

  /** One look for stored articles: takes those it finds out of the pending ones. */
  private interface Look {
    void round(Found found) throws Exception;
  }

  /** What the looks of one wait have found. */
  private final class Found {
    final List<Double> latencies = new ArrayList<>();
    int earlier;
    long lastStored;
    long lastProgress = System.nanoTime();

    /**
     * The row of article {@code id}, at {@code version}. A repeat that ingest took for a new
     * version (the same story pushed as text, then as JSON) is dropped by enrich as the same
     * content, and leaves the row of the earlier push: stored, but its received and stored times
     * are that push's, from another phase, and make no latency of this one.
     */
    void stored(String id, long version, long receivedMillis, long storedMillis) {
      lastProgress = System.nanoTime();
      Long acknowledged = acceptedIds.get(id);
      if (acknowledged != null && version < acknowledged) {
        earlier++;
        return;
      }
      latencies.add((double) (storedMillis - receivedMillis));
      lastStored = Math.max(lastStored, storedMillis);
    }
  }

  /** Looks every 200 ms until nothing is {@code pending}, or for a minute without progress. */
  private Stored await(List<String> ids, String phase, Collection<String> pending, Look look)
      throws Exception {
    Found found = new Found();
    Progress shown = new Progress(phase + " stored", ids.size());
    while (!pending.isEmpty()
        && System.nanoTime() - found.lastProgress < Duration.ofSeconds(60).toNanos()) {
      look.round(found);
      shown.update(ids.size() - pending.size());
      if (!pending.isEmpty()) {
        Thread.sleep(200);
      }
    }
    shown.done();
    if (!pending.isEmpty()) {
      say(phase + ": nothing more stored for a minute; not stored: " + pending.size()
          + ", for example " + pending.stream().limit(5).map(id -> id + " (version "
              + acceptedIds.get(id) + ")").toList());
    }
    return new Stored(ids.size() - pending.size(), pending.size(), found.earlier,
        found.lastStored, found.latencies);
  }

  private List<String> acceptedInOrder() {
    synchronized (acceptedIds) {
      return new ArrayList<>(acceptedIds.keySet());
    }
  }

  private static long receivedMillis(JsonNode value) {
    return value.isNumber() ? value.asLong() : Instant.parse(value.asText()).toEpochMilli();
  }

  /**
   * Every accepted article stored once, with the version acknowledged; no row more. Every one
   * is read back through the API, as a consumer would, whoever started the pipeline.
   */
  private ObjectNode exactlyOnce() throws Exception {
    say("checking that every accepted article was stored exactly once");
    Stored all = awaitStoredThroughApi(acceptedInOrder(), "all phases");
    ObjectNode check = JSON.createObjectNode()
        .put("acceptedArticles", acceptedIds.size())
        .put("storedArticles", all.count())
        .put("missing", all.missing())
        .put("malformedRejected", expectedRejections.get())
        .put("unexpectedAnswers", unexpected.get());
    ObjectNode kinds = check.putObject("unexpected");
    unexpectedKinds.values().forEach(kind -> kinds.put(kind.first(), kind.count().get()));
    boolean passed = all.missing() == 0 && unexpected.get() == 0;
    if (database != null) {
      long rows = countRows(database);
      check.put("rowsInDatabase", rows);
      passed &= rows == acceptedIds.size();
    }
    return check.put("passed", passed);
  }

  private static long countRows(Path database) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
        ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM articles")) {
      r.next();
      return r.getLong(1);
    }
  }

  static ObjectNode percentiles(String name, List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Comparator.naturalOrder());
    ObjectNode node = JSON.createObjectNode();
    if (sorted.isEmpty()) {
      return node;
    }
    node.put(name + "P50", round(sorted.get((int) (sorted.size() * 0.50))));
    node.put(name + "P99", round(sorted.get(Math.min(sorted.size() - 1,
        (int) Math.ceil(sorted.size() * 0.99) - 1))));
    node.put(name + "Max", round(sorted.get(sorted.size() - 1)));
    return node;
  }

  static double round(double value) {
    return round(value, 1);
  }

  static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }

  private static ObjectNode machine() {
    ObjectNode node = JSON.createObjectNode()
        .put("cores", Runtime.getRuntime().availableProcessors())
        .put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20)
        .put("java", System.getProperty("java.vm.name") + " "
            + System.getProperty("java.version"))
        .put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    try {
      Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name")).findFirst()
          .ifPresent(l -> node.put("cpu", l.replaceFirst("^model name\\s*:\\s*", "")));
      Files.readAllLines(Path.of("/proc/meminfo")).stream()
          .filter(l -> l.startsWith("MemTotal")).findFirst()
          .ifPresent(l -> node.put("memoryMiB",
              Long.parseLong(l.replaceAll("\\D", "")) >> 10));
    } catch (IOException e) {
      // not Linux: the JVM's view above is all there is
    }
    return node;
  }

  /** Deletes a temporary directory; what cannot be deleted the system cleans up later. */
  static void deleteTree(Path root) {
    try (var paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory; the system cleans it up eventually
    }
  }

  /** A progress line on standard error, at most once a second. */
  private final class Progress {
    private final String phase;
    private final int total;
    private long shownAt;

    Progress(String phase, int total) {
      this.phase = phase;
      this.total = total;
    }

    synchronized void update(int count) {
      long now = System.nanoTime();
      if (now - shownAt > 1_000_000_000L) {
        shownAt = now;
        progress.printf("bench: %s %,d/%,d%n", phase, count, total);
        progress.flush();
      }
    }

    void done() {
      progress.printf("bench: %s done%n", phase);
      progress.flush();
    }
  }
}
