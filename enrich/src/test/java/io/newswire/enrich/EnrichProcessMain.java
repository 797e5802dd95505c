package io.newswire.enrich;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;

/** Runs enrich in a process of its own, so a test can kill it without warning. */
public final class EnrichProcessMain {
  private EnrichProcessMain() {
  }

  /** Arguments: bootstrap servers, registry URL, state directory. */
  public static void main(String[] args) throws InterruptedException {
    EnrichStreams streams = EnrichStreams.start(Map.of(
        EnrichConfig.BOOTSTRAP_SERVERS, args[0],
        EnrichConfig.SCHEMA_REGISTRY_URL, args[1],
        EnrichConfig.STATE_DIR, args[2],
        EnrichConfig.THREADS, "2",
        // A killed member's partitions move on after this, not Kafka's default 45 s.
        "session.timeout.ms", "10000",
        "heartbeat.interval.ms", "2000"), PlaceTagger.none(), new SimpleMeterRegistry());
    Runtime.getRuntime().addShutdownHook(new Thread(streams::close));
    System.out.println("enrich started");
    Thread.currentThread().join();
  }
}
