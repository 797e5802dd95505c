package io.newswire.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JvmThreadsTest {

  @Test
  void readsTheNameAndTheUserAndSystemTicksOfAStatLine() {
    // proc(5): utime and stime are fields 14 and 15; a name may hold spaces and parentheses.
    JvmThreads.Stat stat = JvmThreads.Stat.parse("4242 (C2 CompilerThre) S 1 4200 4200 0 -1 "
        + "4194368 1200 0 0 0 731 42 0 0 20 0 1 0 5000 0 0 18446744073709551615");
    assertThat(stat.name()).isEqualTo("C2 CompilerThre");
    assertThat(stat.ticks()).isEqualTo(773);
    assertThat(JvmThreads.Stat.parse("7 (a (b) c) R 1 7 7 0 -1 0 0 0 0 0 3 4 0 0").name())
        .isEqualTo("a (b) c");
  }

  @Test
  void tellsTheCompilerAndCollectorThreadsFromTheOthers() {
    assertThat(JvmThreads.kind("C1 CompilerThre")).isEqualTo(JvmThreads.COMPILER);
    assertThat(JvmThreads.kind("C2 CompilerThre")).isEqualTo(JvmThreads.COMPILER);
    assertThat(JvmThreads.kind("GC Thread#1")).isEqualTo(JvmThreads.COLLECTOR);
    assertThat(JvmThreads.kind("G1 Conc#0")).isEqualTo(JvmThreads.COLLECTOR);
    assertThat(JvmThreads.kind("G1 Refine#0")).isEqualTo(JvmThreads.COLLECTOR);
    assertThat(JvmThreads.kind("VM Thread")).isNull();
    assertThat(JvmThreads.kind("sink-runner")).isNull();
    assertThat(JvmThreads.kind("main")).isNull();
  }

  @Test
  void countsEachKindSinceTheSnapshotBeforeAndNewThreadsFromZero() {
    JvmThreads.Snapshot before = new JvmThreads.Snapshot(Map.of(
        1L, new JvmThreads.ThreadTicks("C2 CompilerThre", 500),
        2L, new JvmThreads.ThreadTicks("GC Thread#0", 100),
        3L, new JvmThreads.ThreadTicks("main", 900)), 2_000);
    JvmThreads.Snapshot after = new JvmThreads.Snapshot(Map.of(
        1L, new JvmThreads.ThreadTicks("C2 CompilerThre", 750),
        2L, new JvmThreads.ThreadTicks("GC Thread#0", 110),
        3L, new JvmThreads.ThreadTicks("main", 1_900),
        4L, new JvmThreads.ThreadTicks("GC Thread#1", 30)), 3_500);
    assertThat(after.jvmSecondsSince(before)).containsExactlyInAnyOrderEntriesOf(Map.of(
        JvmThreads.COMPILER, 2.5, JvmThreads.COLLECTOR, 0.4));
    assertThat(after.compilerSecondsSince(before)).isEqualTo(2.5);
    assertThat(after.processSecondsSince(before)).isEqualTo(15.0);
  }

  @Test
  void groupsTheOtherThreadsByStageFromTheNamesLinuxKeeps() {
    // Linux keeps 15 characters of a thread's name.
    JvmThreads.Snapshot before = new JvmThreads.Snapshot(Map.of(
        1L, new JvmThreads.ThreadTicks("newswire-enrich", 100),
        2L, new JvmThreads.ThreadTicks("sink-runner", 100)), 1_000);
    JvmThreads.Snapshot after = new JvmThreads.Snapshot(Map.of(
        1L, new JvmThreads.ThreadTicks("newswire-enrich", 300),
        2L, new JvmThreads.ThreadTicks("sink-runner", 250),
        3L, new JvmThreads.ThreadTicks("JettyServerThre", 40),
        4L, new JvmThreads.ThreadTicks("data-plane-kafk", 60),
        5L, new JvmThreads.ThreadTicks("C2 CompilerThre", 500)), 2_000);
    assertThat(after.secondsSince(before,
        name -> JvmThreads.kind(name) == null ? BenchResources.stage(name) : null))
        .containsExactlyInAnyOrderEntriesOf(Map.of("enrich", 2.0, "sink", 1.5,
            "ingest + HTTP", 0.4, "kafka + registry + other", 0.6));
  }

  @Test
  void readsThisJvmsThreadsWhereProcCanBeRead() {
    assumeThat(JvmThreads.self()).isPresent();
    JvmThreads.Snapshot now = JvmThreads.self().get().snapshot();
    assertThat(now.threads().values()).anyMatch(t -> JvmThreads.COMPILER.equals(
        JvmThreads.kind(t.name())));
    assertThat(now.processTicks()).isPositive();
  }
}
