package io.newswire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What {@code newswire bench} says of options it cannot run with, before it starts anything. */
class BenchCommandTest {

  private static String refused(String... args) {
    StringWriter err = new StringWriter();
    CommandLine line = new CommandLine(new BenchCommand());
    line.setOut(new PrintWriter(new StringWriter(), true));
    line.setErr(new PrintWriter(err, true));
    assertThat(line.execute(args)).as(err.toString()).isEqualTo(2);
    return err.toString();
  }

  @Test
  void namesACorpusItCannotRead(@TempDir Path dir) throws Exception {
    assertThat(refused("--corpus", dir.resolve("missing.jsonl").toString()))
        .contains("Cannot read the corpus").contains("missing.jsonl");
    Path noText = Files.writeString(dir.resolve("ids.jsonl"), "{\"id\":\"a\"}\n");
    assertThat(refused("--corpus", noText.toString()))
        .contains("ids.jsonl holds no lines with a \"text\"");
  }

  @Test
  void namesAProcessItCannotMeasure() {
    assertThat(refused("--url", "http://127.0.0.1:1", "--bootstrap", "127.0.0.1:1",
        "--key", "k", "--pid", Long.toString(Long.MAX_VALUE)))
        .contains("--pid " + Long.MAX_VALUE);
  }

  @Test
  void needsTheRunningPipelinesKafkaWithItsUrl() {
    assertThat(refused("--url", "http://127.0.0.1:1")).contains("--url needs --bootstrap");
  }
}
