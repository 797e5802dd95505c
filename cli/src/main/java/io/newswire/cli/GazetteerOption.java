package io.newswire.cli;

import io.newswire.enrich.places.Gazetteer;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --gazetteer}: which gazetteer the tagging commands load, and what it costs. */
final class GazetteerOption {
  @Option(names = "--gazetteer", split = ",", paramLabel = "SOURCE",
      description = "'builtin' (the default) and/or paths of GeoNames dumps: cities500.txt,"
          + " allCountries.txt.gz, alternateNamesV2.txt ... Repeat or separate with commas.")
  List<String> sources = List.of(Gazetteer.BUILT_IN);

  /** Loads the gazetteer. */
  Gazetteer load() {
    return Gazetteer.load(sources);
  }

  /** Loads the gazetteer and reports its build time and the heap it holds on to. */
  Gazetteer loadAndReport(PrintWriter out) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = retainedHeap(memory);
    long started = System.nanoTime();
    Gazetteer gazetteer = load();
    long buildMillis = (System.nanoTime() - started) / 1_000_000;
    long heap = retainedHeap(memory) - before;
    out.printf("gazetteer %s%n  %,d places, %,d names, built in %,d ms, %,d MiB of heap%n",
        gazetteer.id(), gazetteer.size(), gazetteer.nameCount(), buildMillis, heap >> 20);
    return gazetteer;
  }

  private static long retainedHeap(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
