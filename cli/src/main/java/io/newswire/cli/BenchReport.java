package io.newswire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/** The bench's figures as a table, one row per phase. */
final class BenchReport {
  private BenchReport() {
  }

  static void print(PrintWriter out, JsonNode results) {
    JsonNode baseline = results.path("baseline");
    JsonNode single = results.path("ingest").path("single");
    JsonNode batch = results.path("ingest").path("batch");
    JsonNode full = results.path("pipeline").path("fullSpeed");
    JsonNode fixed = results.path("pipeline").path("fixedRate");
    JsonNode resources = results.path("resources");
    JsonNode check = results.path("exactlyOnce");
    out.println();
    row(out, "phase", "figures");
    row(out, "-----", "-------");
    row(out, "baseline (Kafka)", String.format("%,.0f records/s produce+EOS+consume"
        + " (%,.0f/s produced), %,d records", baseline.path("recordsPerSecond").asDouble(),
        baseline.path("producedPerSecond").asDouble(), baseline.path("records").asInt()));
    row(out, "ingest single", String.format("%,.0f accepted/s; ack p50 %.1f ms, p99 %.1f ms,"
        + " max %.1f ms", single.path("acceptedPerSecond").asDouble(),
        single.path("ackMsP50").asDouble(), single.path("ackMsP99").asDouble(),
        single.path("ackMsMax").asDouble()));
    row(out, "ingest batch (100)", String.format("%,.0f accepted/s; batch p50 %.1f ms,"
        + " p99 %.1f ms", batch.path("acceptedPerSecond").asDouble(),
        batch.path("ackMsP50").asDouble(), batch.path("ackMsP99").asDouble()));
    row(out, "pipeline full speed", String.format("%,.0f stored/s; end-to-end p50 %,.0f ms,"
        + " p99 %,.0f ms, max %,.0f ms", full.path("storedPerSecond").asDouble(),
        full.path("endToEndMsP50").asDouble(), full.path("endToEndMsP99").asDouble(),
        full.path("endToEndMsMax").asDouble()));
    row(out, "pipeline/baseline", String.format("%.2f", full.path("ratioToBaseline")
        .asDouble()));
    row(out, "pipeline at " + fixed.path("rate").asInt() + "/s", String.format("%,.0f stored/s;"
        + " end-to-end p50 %,.0f ms, p99 %,.0f ms, max %,.0f ms",
        fixed.path("storedPerSecond").asDouble(), fixed.path("endToEndMsP50").asDouble(),
        fixed.path("endToEndMsP99").asDouble(), fixed.path("endToEndMsMax").asDouble()));
    StringBuilder cpu = new StringBuilder();
    resources.path("cpuSecondsPer1000Articles").fields().forEachRemaining(e -> cpu
        .append(cpu.length() == 0 ? "" : ", ").append(e.getKey()).append(' ')
        .append(e.getValue().asDouble()));
    row(out, "CPU s/1000 articles", cpu.toString());
    row(out, "memory", String.format("peak heap %s MiB, peak RSS %s MiB",
        resources.path("peakHeapMiB").asText("n/a"), resources.path("peakRssMiB").asText()));
    row(out, "exactly once", String.format("%s: %,d accepted, %,d stored, %,d missing,"
        + " %,d malformed rejected, %,d unexpected answers%s",
        check.path("passed").asBoolean() ? "PASSED" : "FAILED",
        check.path("acceptedArticles").asInt(), check.path("storedArticles").asInt(),
        check.path("missing").asInt(), check.path("malformedRejected").asInt(),
        check.path("unexpectedAnswers").asInt(), check.has("rowsInDatabase")
            ? String.format(", %,d rows", check.path("rowsInDatabase").asLong()) : ""));
    out.println();
  }

  private static void row(PrintWriter out, String phase, String figures) {
    out.printf("%-22s %s%n", phase, figures);
  }
}
