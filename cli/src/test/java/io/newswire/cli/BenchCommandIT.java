package io.newswire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code newswire bench} on a small load, as a user runs it: it starts its own pipeline, runs
 * every phase, and passes its exactly-once check only when every accepted article was stored.
 */
class BenchCommandIT {
  @Test
  @Timeout(240)
  void shouldRunEveryPhaseAndFindEveryAcceptedArticleStoredOnce(@TempDir Path dir)
      throws Exception {
    Path results = dir.resolve("results.json");
    StringWriter out = new StringWriter();
    StringWriter progress = new StringWriter();
    CommandLine line = new CommandLine(new BenchCommand());
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(progress, true));

    // Many repeats: some of a story first pushed in a batch, as JSON, then alone, as text.
    int exit = line.execute("--articles", "60", "--warmup", "20", "--size", "1500",
        "--rate", "100", "--pipeline-rate", "100", "--duplicates", "0.2",
        "--out", results.toString());

    // What each phase waited for, in the test's output: a wait that gives up shows there.
    System.err.print(progress);
    assertThat(exit).as(progress.toString()).isZero();
    JsonNode figures = new ObjectMapper().readTree(results.toFile());
    JsonNode check = figures.path("exactlyOnce");
    assertThat(check.path("passed").asBoolean()).as(check.toString()).isTrue();
    assertThat(check.path("missing").asInt()).isZero();
    assertThat(check.path("rowsInDatabase").asLong())
        .isEqualTo(check.path("acceptedArticles").asLong());
    // Warm-ups and the measured phases: 20 + 60 + 60 pushes through ingest, 20 + 60 + 60 more
    // through the pipeline phase, a share of them malformed or repeated.
    assertThat(check.path("acceptedArticles").asInt()).isBetween(150, 280);
    JsonNode fullSpeed = figures.path("pipeline").path("fullSpeed");
    assertThat(fullSpeed.path("missing").asInt()).isZero();
    assertThat(fullSpeed.path("stored").asInt()).isPositive();
    assertThat(fullSpeed.path("endToEndMsP50").asDouble()).isPositive();
    // A repeat whose row an earlier push wrote has that push's times, from another phase: no
    // latency of a phase is longer than the phase, from its first push to its last row.
    for (JsonNode phase : figures.path("pipeline")) {
      assertThat(phase.path("endToEndMsMax").asDouble())
          .isLessThanOrEqualTo(phase.path("seconds").asDouble() * 1000 + 100);
    }
    assertThat(figures.path("baseline").path("recordsPerSecond").asDouble()).isPositive();
    // The pipeline runs in the bench's JVM, so what its JIT compiler and collector took counts.
    assertThat(figures.path("ingest").path("single").path("jitCompilerShareOfCore").asDouble())
        .isGreaterThanOrEqualTo(0);
    assertThat(figures.path("resources").has("gcPauseSecondsPer1000Articles")).isTrue();
    if (Files.isDirectory(Path.of("/proc/self/task"))) {
      JsonNode jvm = figures.path("resources").path("jvmThreadsCpuSecondsPer1000Articles");
      assertThat(jvm.path("JIT compiler").isNumber()).isTrue();
      assertThat(jvm.path("garbage collector").isNumber()).isTrue();
      assertThat(figures.path("resources").path("processCpuSecondsPer1000Articles").asDouble())
          .isPositive();
    }
    assertThat(out.toString()).contains("pipeline/baseline").contains("exactly once")
        .contains("JIT compiler");
  }
}
