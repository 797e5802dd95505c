package io.newswire.schemas.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the CPU priority of the calling thread, so that work that can wait (enriching and
 * storing articles) yields the processor to work that someone is waiting for (acknowledging a
 * push) when both compete for the same cores.
 *
 * <p>On Linux each thread has a nice value of its own, which threads it starts inherit; a thread
 * may raise it without privileges, but Java has no call for it, so the thread runs {@code renice}
 * on its own thread id, read from {@code /proc/thread-self}. Elsewhere the thread keeps its
 * priority, and says so; where {@code renice} is missing or refuses, a warning says so.
 */
public final class ThreadPriority {
  private static final Logger log = LoggerFactory.getLogger(ThreadPriority.class);
  private static final Path THREAD_SELF = Path.of("/proc/thread-self");
  /** The highest nice value, the lowest priority. */
  public static final int MAX_NICE = 19;

  private ThreadPriority() {
  }

  /**
   * Sets the calling thread's nice value to {@code nice} where it is lower; 0 leaves the thread
   * as it is.
   *
   * @return whether the thread now runs at {@code nice} or lower priority
   * @throws IllegalArgumentException when {@code nice} is outside 0 to {@link #MAX_NICE}
   */
  public static boolean lowerCurrentThread(int nice) {
    if (nice < 0 || nice > MAX_NICE) {
      throw new IllegalArgumentException("A nice value is from 0 to " + MAX_NICE + ", not "
          + nice);
    }
    if (nice == 0) {
      return true;
    }
    String thread = Thread.currentThread().getName();
    if (!Files.isDirectory(THREAD_SELF)) {
      log.info("Thread {} keeps its priority: nice values per thread need Linux", thread);
      return false;
    }
    try {
      // The link reads "<pid>/task/<tid>".
      String tid = Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
      if (currentNice() >= nice) {
        return true;
      }
      // Without -n the value is absolute, for util-linux and BusyBox alike.
      Process renice = new ProcessBuilder("renice", Integer.toString(nice), "-p", tid)
          .redirectErrorStream(true).start();
      String output = new String(renice.getInputStream().readAllBytes(),
          StandardCharsets.UTF_8).trim();
      if (!renice.waitFor(10, TimeUnit.SECONDS)) {
        renice.destroyForcibly();
      }
      int now = currentNice();
      if (now < nice) {
        log.warn("Thread {} keeps nice {}: renice {} did not take: {}", thread, now, nice,
            output);
        return false;
      }
      log.debug("Thread {} (task {}) runs at nice {}", thread, tid, now);
      return true;
    } catch (IOException e) {
      log.warn("Thread {} keeps its priority: could not run renice: {}", thread, e.toString());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The calling thread's nice value, from /proc/thread-self/stat (Linux only). */
  static int currentNice() throws IOException {
    String stat = Files.readString(THREAD_SELF.resolve("stat"), StandardCharsets.UTF_8);
    // The command name, in parentheses, may hold spaces: count fields after its closing one.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Integer.parseInt(fields[19 - 3]);
  }
}
