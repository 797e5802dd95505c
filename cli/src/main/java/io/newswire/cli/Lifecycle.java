package io.newswire.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a long-running command started, closed last-first on Ctrl-C, SIGTERM or {@link #stop()}.
 */
final class Lifecycle {
  private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);

  private final Deque<AutoCloseable> running = new ArrayDeque<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final String name;

  Lifecycle(String name) {
    this.name = name;
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, name + "-shutdown"));
  }

  /** Registers something started, to be closed before what was started earlier. */
  synchronized <T extends AutoCloseable> T started(T component) {
    running.push(component);
    return component;
  }

  /** Blocks until {@link #stop()} ran. */
  void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /** Closes everything started, last first. Safe to call more than once. */
  synchronized void stop() {
    if (!running.isEmpty()) {
      log.info("Stopping {}", name);
      while (!running.isEmpty()) {
        AutoCloseable component = running.pop();
        try {
          component.close();
        } catch (Exception e) {
          log.warn("Error while stopping {}: {}", component.getClass().getSimpleName(),
              e.toString());
        }
      }
      log.info("{} stopped", name);
    }
    stopped.countDown();
  }
}
