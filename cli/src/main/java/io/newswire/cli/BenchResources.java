package io.newswire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * CPU time per stage and memory of the pipeline during the full-speed phase, grouped into
 * stages by thread name: in this JVM (the bench started the pipeline) per Java thread, for
 * another process ({@code --pid}) per thread from /proc, with its resident memory. Both add the
 * CPU of the JVM's compiler and collector threads ({@link JvmThreads}) and the whole process's.
 */
final class BenchResources {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Long pid;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private Map<Long, Long> cpuAtStart = new HashMap<>();
  private final Optional<JvmThreads> jvmThreads;
  private JvmThreads.Snapshot jvmAtStart;
  private long gcMillisAtStart;

  BenchResources(Long pid) {
    this.pid = pid;
    this.jvmThreads = pid == null ? JvmThreads.self() : JvmThreads.of(pid);
    if (pid != null && jvmThreads.isEmpty()) {
      throw new IllegalArgumentException("Cannot read /proc/" + pid + " (--pid needs Linux)");
    }
  }

  void start() {
    jvmAtStart = jvmThreads.map(JvmThreads::snapshot).orElse(null);
    if (pid == null) {
      cpuAtStart = threadCpu();
      gcMillisAtStart = gcMillis();
      ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }
  }

  ObjectNode stop(int articles) {
    ObjectNode node = JSON.createObjectNode();
    double perThousand = 1000.0 / Math.max(1, articles);
    JvmThreads.Snapshot jvmNow = jvmAtStart == null ? null : jvmThreads.get().snapshot();
    // For another process, the stages come from the names Linux keeps of its threads, cut to
    // 15 characters: the producers' network threads ("kafka-producer-") count as Kafka's there.
    Map<String, Double> stages = pid == null ? javaThreadSeconds()
        : jvmNow.secondsSince(jvmAtStart,
            name -> JvmThreads.kind(name) == null ? stage(name) : null);
    ObjectNode cpu = node.putObject("cpuSecondsPer1000Articles");
    stages.forEach((stage, seconds) -> cpu.put(stage,
        BenchCommand.round(seconds * perThousand, 2)));
    if (jvmNow != null) {
      // The compiler's and the collector's threads, which are not Java threads.
      ObjectNode jvm = node.putObject("jvmThreadsCpuSecondsPer1000Articles");
      jvmNow.jvmSecondsSince(jvmAtStart).forEach((kind, seconds) -> jvm.put(kind,
          BenchCommand.round(seconds * perThousand, 2)));
      node.put("processCpuSecondsPer1000Articles",
          BenchCommand.round(jvmNow.processSecondsSince(jvmAtStart) * perThousand, 2));
    }
    if (pid == null) {
      // Wall time the pipeline stood still; the collector's work in them is in its CPU above.
      node.put("gcPauseSecondsPer1000Articles",
          BenchCommand.round((gcMillis() - gcMillisAtStart) / 1e3 * perThousand, 2));
      long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP)
          .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
      node.put("peakHeapMiB", peakHeap >> 20);
      memory(node, Path.of("/proc/self/status"));
      node.put("scope", "the bench's JVM: pipeline, broker, registry and the load generator");
    } else {
      memory(node, Path.of("/proc", pid.toString(), "status"));
      node.put("scope", "process " + pid + ", its threads by the names Linux keeps of them");
    }
    return node;
  }

  /** CPU seconds of this JVM's Java threads since {@link #start}, by stage. */
  private Map<String, Double> javaThreadSeconds() {
    Map<String, Double> stages = new TreeMap<>();
    Map<Long, Long> now = threadCpu();
    for (ThreadInfo info : threads.getThreadInfo(now.keySet().stream()
        .mapToLong(Long::longValue).toArray())) {
      if (info != null) {
        long used = now.get(info.getThreadId())
            - cpuAtStart.getOrDefault(info.getThreadId(), 0L);
        stages.merge(stage(info.getThreadName()), used / 1e9, Double::sum);
      }
    }
    return stages;
  }

  /** The stage a thread works for, by the names the services and clients give their threads. */
  static String stage(String threadName) {
    String name = threadName.toLowerCase(Locale.ROOT);
    // The bench runs on the JVM's main thread: generating, pushing, reading back.
    if (name.contains("bench") || name.equals("main")) {
      return "bench client";
    }
    if (name.contains("enrich")) {
      return "enrich";
    }
    if (name.contains("sink")) {
      return "sink";
    }
    if (name.contains("ingest") || name.contains("jetty") || name.contains("qtp")
        || name.contains("javalin")) {
      return "ingest + HTTP";
    }
    return "kafka + registry + other";
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
  }

  private Map<Long, Long> threadCpu() {
    Map<Long, Long> cpu = new HashMap<>();
    for (long id : threads.getAllThreadIds()) {
      long time = threads.getThreadCpuTime(id);
      if (time >= 0) {
        cpu.put(id, time);
      }
    }
    return cpu;
  }

  private static void memory(ObjectNode node, Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          node.put("peakRssMiB", kib(line) >> 10);
        } else if (line.startsWith("VmRSS:")) {
          node.put("rssMiB", kib(line) >> 10);
        }
      }
    } catch (IOException e) {
      node.put("rss", "not readable: " + e.getMessage());
    }
  }

  private static long kib(String line) {
    return Long.parseLong(line.replaceAll("\\D", ""));
  }
}
