package io.newswire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/** The bench's figures as a table, one row per phase that ran. */
final class BenchReport {
  private BenchReport() {
  }

  static void print(PrintWriter out, JsonNode results) {
    out.println();
    row(out, "phase", "figures");
    row(out, "-----", "-------");
    JsonNode baseline = results.path("baseline");
    if (!baseline.isMissingNode()) {
      row(out, "baseline (Kafka)", String.format("%,.0f records/s produce+EOS+consume"
          + " (%,.0f/s produced), %,d records", baseline.path("recordsPerSecond").asDouble(),
          baseline.path("producedPerSecond").asDouble(), baseline.path("records").asInt()));
    }
    JsonNode single = results.path("ingest").path("single");
    if (!single.isMissingNode()) {
      JsonNode batch = results.path("ingest").path("batch");
      row(out, "ingest single @" + single.path("rate").asInt() + "/s", String.format(
          "%,.0f accepted/s; ack p50 %.1f ms, p99 %.1f ms, max %.1f ms%s",
          single.path("acceptedPerSecond").asDouble(), single.path("ackMsP50").asDouble(),
          single.path("ackMsP99").asDouble(), single.path("ackMsMax").asDouble(),
          compiler(single)));
      row(out, "ingest batch (100)", String.format("%,.0f accepted/s; batch p50 %.1f ms,"
          + " p99 %.1f ms%s", batch.path("acceptedPerSecond").asDouble(),
          batch.path("ackMsP50").asDouble(), batch.path("ackMsP99").asDouble(),
          compiler(batch)));
    }
    JsonNode full = results.path("pipeline").path("fullSpeed");
    if (!full.isMissingNode()) {
      JsonNode fixed = results.path("pipeline").path("fixedRate");
      row(out, "pipeline full speed", latencies(full));
      if (full.has("ratioToBaseline")) {
        row(out, "pipeline/baseline", String.format("%.2f",
            full.path("ratioToBaseline").asDouble()));
      }
      row(out, "pipeline @" + fixed.path("rate").asInt() + "/s", latencies(fixed));
      JsonNode resources = results.path("resources");
      StringBuilder cpu = new StringBuilder();
      resources.path("cpuSecondsPer1000Articles").fields().forEachRemaining(e -> cpu
          .append(cpu.length() == 0 ? "" : ", ").append(e.getKey()).append(' ')
          .append(e.getValue().asDouble()));
      JsonNode jvm = resources.path("jvmThreadsCpuSecondsPer1000Articles");
      if (!jvm.isMissingNode()) {
        cpu.append("; the JVM's own threads: ");
        int at = cpu.length();
        jvm.fields().forEachRemaining(e -> cpu.append(cpu.length() == at ? "" : ", ")
            .append(e.getKey()).append(' ').append(e.getValue().asDouble()));
      }
      if (resources.has("processCpuSecondsPer1000Articles")) {
        cpu.append("; whole process ")
            .append(resources.path("processCpuSecondsPer1000Articles").asDouble());
      }
      if (resources.has("gcPauseSecondsPer1000Articles")) {
        cpu.append("; GC pauses ")
            .append(resources.path("gcPauseSecondsPer1000Articles").asDouble());
      }
      row(out, "CPU s/1000 articles", cpu.toString());
      row(out, "memory", String.format("peak heap %s, peak RSS %s MiB",
          resources.has("peakHeapMiB") ? resources.path("peakHeapMiB").asText() + " MiB"
              : "n/a", resources.path("peakRssMiB").asText()));
    }
    JsonNode check = results.path("exactlyOnce");
    row(out, "exactly once", String.format("%s: %,d accepted, %,d stored, %,d missing,"
        + " %,d malformed rejected, %,d unexpected answers%s",
        check.path("passed").asBoolean() ? "PASSED" : "FAILED",
        check.path("acceptedArticles").asInt(), check.path("storedArticles").asInt(),
        check.path("missing").asInt(), check.path("malformedRejected").asInt(),
        check.path("unexpectedAnswers").asInt(), check.has("rowsInDatabase")
            ? String.format(", %,d rows", check.path("rowsInDatabase").asLong()) : ""));
    check.path("unexpected").fields().forEachRemaining(e -> row(out, "",
        String.format("%,d x %s", e.getValue().asInt(), e.getKey())));
    out.println();
  }

  /** What the JIT compiler took during a series of pushes, where the bench could see it. */
  private static String compiler(JsonNode phase) {
    return phase.has("jitCompilerShareOfCore") ? String.format("; JIT compiler %.0f%% of a core",
        phase.path("jitCompilerShareOfCore").asDouble() * 100) : "";
  }

  private static String latencies(JsonNode phase) {
    return String.format("%,.0f stored/s; end-to-end p50 %,.0f ms, p99 %,.0f ms, max %,.0f ms",
        phase.path("storedPerSecond").asDouble(), phase.path("endToEndMsP50").asDouble(),
        phase.path("endToEndMsP99").asDouble(), phase.path("endToEndMsMax").asDouble())
        + earlier(phase.path("storedByEarlierPush").asInt());
  }

  private static String earlier(int repeats) {
    return repeats == 0 ? "" : String.format(" (%,d %s stored by an earlier push, without a"
        + " latency)", repeats, repeats == 1 ? "repeat" : "repeats");
  }

  private static void row(PrintWriter out, String phase, String figures) {
    out.printf("%-22s %s%n", phase, figures);
  }
}
