package io.newswire.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ThreadPriorityTest {

  /** Runs {@code task} on a thread of its own and returns what it returned. */
  private static <T> T onOwnThread(Callable<T> task) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        result.complete(task.call());
      } catch (Exception e) {
        result.completeExceptionally(e);
      }
    }, "priority-test");
    thread.start();
    return result.get(30, TimeUnit.SECONDS);
  }

  @Test
  void shouldLowerOnlyTheCallingThread() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/thread-self")), "nice values per thread: Linux");
    int before = ThreadPriority.currentNice();
    assumeTrue(before < 7, "this process already runs at nice 7 or above");

    int[] nices = onOwnThread(() -> {
      boolean lowered = ThreadPriority.lowerCurrentThread(7);
      int after = ThreadPriority.currentNice();
      // Asking for a higher priority than the thread has leaves it where it is.
      ThreadPriority.lowerCurrentThread(3);
      return new int[] {lowered ? 1 : 0, after, ThreadPriority.currentNice()};
    });

    assertThat(nices).containsExactly(1, 7, 7);
    assertThat(ThreadPriority.currentNice()).isEqualTo(before);
    assertThat(onOwnThread(ThreadPriority::currentNice)).isEqualTo(before);
  }

  @Test
  void shouldLeaveTheThreadAloneAtZero() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/thread-self")), "nice values per thread: Linux");
    int before = ThreadPriority.currentNice();

    assertThat(onOwnThread(() -> ThreadPriority.lowerCurrentThread(0)
        && ThreadPriority.currentNice() == before)).isTrue();
  }

  @Test
  void shouldRefuseNiceValuesOutsideTheRange() {
    assertThatThrownBy(() -> ThreadPriority.lowerCurrentThread(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 to 19, not -1");
    assertThatThrownBy(() -> ThreadPriority.lowerCurrentThread(20))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 20");
  }
}
