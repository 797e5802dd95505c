package io.newswire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code newswire push} against an ingest API that first answers 429 with Retry-After. */
class PushCommandTest {
  @TempDir
  Path dir;

  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/articles", exchange -> {
      exchange.getRequestBody().readAllBytes();
      boolean limited = requests.incrementAndGet() == 1;
      String body = limited
          ? "{\"error\":\"rate_limited\",\"message\":\"Feed 'local' may push 1.0 articles per"
              + " second\"}"
          : "{\"id\":\"a-1\",\"version\":5,\"partition\":2,\"offset\":9,\"duplicate\":false}";
      if (limited) {
        exchange.getResponseHeaders().add("Retry-After", "1");
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(limited ? 429 : 202, bytes.length);
      try (OutputStream stream = exchange.getResponseBody()) {
        stream.write(bytes);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private int push(String... options) throws Exception {
    Path file = Files.writeString(dir.resolve("article.txt"), "Headline\n\nBody.\n");
    CommandLine line = new CommandLine(new PushCommand());
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    String[] args = new String[options.length + 5];
    System.arraycopy(new String[] {"--key", "k", "--url",
        "http://127.0.0.1:" + server.getAddress().getPort(), file.toString()}, 0, args, 0, 5);
    System.arraycopy(options, 0, args, 5, options.length);
    return line.execute(args);
  }

  @Test
  void sendsAgainAfterTheRetryAfterOfA429() throws Exception {
    assertThat(push()).isZero();

    assertThat(requests).hasValue(2);
    assertThat(err.toString()).contains("429  " + dir.resolve("article.txt")
        + "  retrying in 1 s");
    assertThat(out.toString()).contains("202  " + dir.resolve("article.txt")
        + "  id=a-1 version=5 partition=2 offset=9");
  }

  @Test
  void reportsA429AtOnceWithNoRetries() throws Exception {
    assertThat(push("--retries", "0")).isEqualTo(1);

    assertThat(requests).hasValue(1);
    assertThat(out.toString()).contains("429  " + dir.resolve("article.txt")
        + "  rate_limited: Feed 'local' may push 1.0 articles per second");
  }
}
