package io.newswire.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Test material: the project's own fixtures (classpath {@code fixtures/}), and the shared seed
 * articles when {@code ../shared} is present (tests that need them skip, saying why, when not).
 */
public final class Fixtures {
  private Fixtures() {
  }

  /** A fixture's bytes. */
  public static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fixture's text (UTF-8). */
  public static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  /** The shared directory, when this checkout has one beside it. */
  public static Optional<Path> sharedDir() {
    String configured = System.getProperty("newswire.shared.dir");
    Path dir = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
    return Files.isDirectory(dir) ? Optional.of(dir.normalize()) : Optional.empty();
  }

  /**
   * The shared seed articles ({@code ../shared/seeds/*.txt}); aborts the calling test with the
   * reason when they are not there.
   */
  public static List<Path> seeds() {
    Optional<Path> seeds = sharedDir().map(d -> d.resolve("seeds")).filter(Files::isDirectory);
    Assumptions.assumeTrue(seeds.isPresent(), "skipped: no ../shared/seeds beside this checkout"
        + " (set -Dnewswire.shared.dir to point at it)");
    try (Stream<Path> files = Files.list(seeds.get())) {
      List<Path> found = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
      Assumptions.assumeFalse(found.isEmpty(), "skipped: ../shared/seeds holds no .txt file");
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
