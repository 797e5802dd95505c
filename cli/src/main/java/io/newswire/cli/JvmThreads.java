package io.newswire.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * CPU time of a JVM's own threads, which no Java API reports as CPU: the JIT compiler's and the
 * garbage collector's, read per thread from Linux's {@code /proc/<pid>/task}. The JVM's
 * compilation time counts how long its compiler threads were busy, waiting for a core
 * included: on busy cores, more than the CPU they got.
 */
final class JvmThreads {
  static final String COMPILER = "JIT compiler";
  static final String COLLECTOR = "garbage collector";
  /** Linux's USER_HZ, the unit of utime and stime in /proc; 100 on every common platform. */
  private static final double TICKS_PER_SECOND = 100;

  private final Path process;

  private JvmThreads(Path process) {
    this.process = process;
  }

  /** The threads of {@code pid}, where /proc can be read (Linux). */
  static Optional<JvmThreads> of(long pid) {
    Path process = Path.of("/proc", Long.toString(pid));
    return Files.isDirectory(process.resolve("task")) ? Optional.of(new JvmThreads(process))
        : Optional.empty();
  }

  /** This JVM's threads, where /proc can be read. */
  static Optional<JvmThreads> self() {
    return of(ProcessHandle.current().pid());
  }

  /**
   * The kind of work a thread does, by the name HotSpot gives its compiler threads and the
   * threads of the G1, Parallel, Z and Shenandoah collectors; null for every other thread, Java
   * threads among them (the Serial collector works in the VM thread, which is none of these).
   */
  static String kind(String threadName) {
    if (threadName.contains("CompilerThre")) {
      return COMPILER;
    }
    if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ")
        || threadName.startsWith("ZGC") || threadName.startsWith("Shenandoah")) {
      return COLLECTOR;
    }
    return null;
  }

  /** CPU time so far: each thread's, by thread id, and the whole process's. */
  Snapshot snapshot() {
    Map<Long, ThreadTicks> threads = new HashMap<>();
    try (Stream<Path> tasks = Files.list(process.resolve("task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          Stat stat = Stat.parse(Files.readString(task.resolve("stat")));
          threads.put(Long.parseLong(task.getFileName().toString()),
              new ThreadTicks(stat.name(), stat.ticks()));
        } catch (NoSuchFileException ended) {
          // The thread ended between the listing and the read.
        }
      }
      return new Snapshot(threads,
          Stat.parse(Files.readString(process.resolve("stat"))).ticks());
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + process + ": " + e.getMessage(), e);
    }
  }

  /** One thread's name and CPU ticks (user and system). */
  record ThreadTicks(String name, long ticks) {
  }

  /** The CPU time of a process and of each of its threads at one moment. */
  record Snapshot(Map<Long, ThreadTicks> threads, long processTicks) {
    /**
     * CPU seconds since {@code before} of the compiler's and the collector's threads, by
     * {@link #kind}; a thread started since counts from zero.
     */
    Map<String, Double> jvmSecondsSince(Snapshot before) {
      Map<String, Double> seconds = secondsSince(before, JvmThreads::kind);
      seconds.putIfAbsent(COMPILER, 0.0);
      seconds.putIfAbsent(COLLECTOR, 0.0);
      return seconds;
    }

    /**
     * CPU seconds since {@code before} by the group {@code group} gives each thread's name
     * (threads it gives null are left out); a thread started since counts from zero.
     */
    Map<String, Double> secondsSince(Snapshot before, Function<String, String> group) {
      Map<String, Double> seconds = new TreeMap<>();
      threads.forEach((id, thread) -> {
        String name = group.apply(thread.name());
        if (name != null) {
          ThreadTicks then = before.threads().get(id);
          long used = thread.ticks() - (then == null ? 0 : then.ticks());
          seconds.merge(name, used / TICKS_PER_SECOND, Double::sum);
        }
      });
      return seconds;
    }

    /** The compiler threads' CPU seconds since {@code before}. */
    double compilerSecondsSince(Snapshot before) {
      return jvmSecondsSince(before).get(COMPILER);
    }

    /** The whole process's CPU seconds since {@code before}, ended threads included. */
    double processSecondsSince(Snapshot before) {
      return (processTicks - before.processTicks()) / TICKS_PER_SECOND;
    }
  }

  /** The fields of a /proc stat line that matter here. */
  record Stat(String name, long ticks) {
    /** Reads "pid (name) state ppid ... utime stime ..."; the name may hold spaces. */
    static Stat parse(String line) {
      int open = line.indexOf('(');
      int close = line.lastIndexOf(')');
      String[] fields = line.substring(close + 2).trim().split(" ");
      // After the name: state is field 3 of proc(5), utime 14 and stime 15.
      return new Stat(line.substring(open + 1, close),
          Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
    }
  }
}
