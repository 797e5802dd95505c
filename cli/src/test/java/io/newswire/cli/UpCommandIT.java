package io.newswire.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.newswire.platform.FreePorts;
import io.newswire.schemas.Fixtures;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.tools.TopicCommand;
import org.apache.kafka.tools.consumer.ConsoleConsumer;
import org.apache.kafka.tools.consumer.ConsoleConsumerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code newswire up} as a user runs it: it reports ready, {@code newswire status} and Kafka's own
 * command-line tools see its topics, and a second start finds the registry's schemas again.
 */
class UpCommandIT {
  private static final Pattern REGISTRY = Pattern.compile("Schema registry\\s+(http://\\S+)");
  private static final Pattern HTTP = Pattern.compile("HTTP\\s+(http://\\S+)");

  private record Running(UpCommand command, CompletableFuture<Integer> exit, StringWriter out) {
    String registryUrl() {
      return find(REGISTRY);
    }

    String httpUrl() {
      return find(HTTP);
    }

    private String find(Pattern pattern) {
      Matcher m = pattern.matcher(out.toString());
      assertThat(m.find()).as(out.toString()).isTrue();
      return m.group(1);
    }

    int stop() throws Exception {
      command.stop();
      return exit.get();
    }
  }

  private static Running up(Path dataDir, int kafkaPort, int controllerPort) {
    UpCommand command = new UpCommand();
    StringWriter out = new StringWriter();
    CommandLine line = new CommandLine(command);
    line.setOut(new PrintWriter(out, true));
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> line.execute(
        "--data-dir", dataDir.toString(), "--kafka-port", Integer.toString(kafkaPort),
        "-D", "kafka.controller.port=" + controllerPort, "--registry-port", "0",
        "--http-port", "0"));
    await().atMost(Duration.ofSeconds(60))
        .until(() -> out.toString().contains("Newswire is ready") || exit.isDone());
    assertThat(exit).as(out.toString()).isNotDone();
    return new Running(command, exit, out);
  }

  @Test
  @Timeout(180)
  void shouldStartPipelineThatKafkaToolsAndStatusCanInspectAndKeepDataAcrossRestart(
      @TempDir Path dataDir) throws Exception {
    int[] ports = FreePorts.pick(2);
    int kafkaPort = ports[0];
    int controllerPort = ports[1];
    String bootstrap = "127.0.0.1:" + kafkaPort;

    Running first = up(dataDir, kafkaPort, controllerPort);
    String registered = post(first.registryUrl() + "/subjects/smoke-value/versions",
        "{\"schema\":\"{\\\"type\\\":\\\"string\\\"}\"}");
    String topics = captureStdout(() -> TopicCommand.main(
        "--bootstrap-server", bootstrap, "--list"));
    String schemaRecords = captureStdout(() -> ConsoleConsumer.run(new ConsoleConsumerOptions(
        new String[] {"--bootstrap-server", bootstrap, "--topic", "_schemas",
            "--from-beginning", "--max-messages", "2", "--timeout-ms", "20000"})));
    Path article = dataDir.resolve("article.txt");
    Files.write(article, Fixtures.bytes("basra-port.txt"));
    String pushed = run(new PushCommand(), "--data-dir", dataDir.toString(), "--url",
        first.httpUrl(), article.toString(), dataDir.resolve("missing.txt").toString());
    String ready = get(first.httpUrl() + "/health/ready");
    String metrics = get(first.httpUrl() + "/metrics");
    String status = runStatus(bootstrap, first.registryUrl());
    if (Files.isDirectory(Path.of("/proc/self/task"))) {
      // Enriching and storing yield the CPU to intake: enrich.nice and sink.nice, 10.
      await().atMost(Duration.ofSeconds(60)).until(() -> niceOfThreads("sink-runner")
          .contains(10) && niceOfThreads("newswire-enrich").contains(10));
    }
    assertThat(first.stop()).isZero();

    Running second = up(dataDir, kafkaPort, controllerPort);
    String afterRestart = get(second.registryUrl() + "/subjects/smoke-value/versions/1");
    assertThat(second.stop()).isZero();

    assertThat(first.out().toString()).contains("Kafka            " + bootstrap);
    assertThat(registered).isEqualTo("{\"id\":1}");
    assertThat(topics).contains("newswire.articles.raw", "newswire.articles.enriched",
        "newswire.articles.dlq", "_schemas");
    assertThat(schemaRecords).contains("\"subject\":\"smoke-value\"");
    assertThat(first.out().toString()).contains("Feed 'local'     key nw_");
    assertThat(pushed).containsPattern("202  \\S+article.txt  id=\\S+ version=\\d+ partition=\\d"
        + " offset=0").contains("missing.txt  no such file");
    assertThat(ready).contains("\"status\":\"UP\"", "\"kafka\":\"UP\"");
    assertThat(metrics).contains("newswire_ingest_articles_accepted_total{feed=\"local\"} 1.0",
        "jvm_memory_used_bytes");
    assertThat(status).contains("newswire.articles.raw", "smoke-value", "[1]",
        "newswire.articles.raw-value");
    assertThat(afterRestart).contains("\"id\":1");
  }

  /**
   * The nice values of this process's threads whose names, as Linux keeps them (15 characters),
   * start with {@code prefix}.
   */
  private static List<Integer> niceOfThreads(String prefix) throws IOException {
    List<Integer> nices = new ArrayList<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      for (Path task : tasks) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (NoSuchFileException e) {
          continue;
        }
        int close = stat.lastIndexOf(')');
        if (stat.substring(stat.indexOf('(') + 1, close).startsWith(prefix)) {
          // Fields from the third on follow the name; the nice value is the 19th.
          nices.add(Integer.parseInt(stat.substring(close + 2).split(" ")[19 - 3]));
        }
      }
    }
    return nices;
  }

  private static String runStatus(String bootstrap, String registry) {
    StringWriter out = new StringWriter();
    CommandLine line = new CommandLine(new StatusCommand());
    line.setOut(new PrintWriter(out, true));
    int exit = line.execute("--bootstrap", bootstrap, "--registry", registry);
    assertThat(exit).as(out.toString()).isZero();
    return out.toString();
  }

  /** Runs a command, returning what it printed; its exit code is not checked. */
  private static String run(Object command, String... args) {
    StringWriter out = new StringWriter();
    CommandLine line = new CommandLine(command);
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(out, true));
    line.execute(args);
    return out.toString();
  }

  /**
   * Kafka's tools print to System.out and end with {@code Exit.exit}: capture the one, and turn
   * the other into an exception when the code is not 0.
   */
  private static String captureStdout(ThrowingRunnable action) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    Exit.setExitProcedure((code, message) -> {
      if (code != 0) {
        throw new IllegalStateException("Kafka tool exited with " + code + ": " + message);
      }
    });
    try {
      action.run();
    } finally {
      Exit.resetExitProcedure();
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  private static String post(String url, String body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private static String get(String url) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

}
