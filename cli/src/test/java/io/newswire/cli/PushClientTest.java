package io.newswire.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link PushClient} against the JDK's own HTTP server. */
class PushClientTest {
  private HttpServer server;
  private URI base;
  /** The client ports the server saw, one per connection. */
  private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    // Answers with the request's body, its length, its query and its headers; as asked by the
    // path, with a length, chunked, or closing the connection.
    server.createContext("/api/", exchange -> {
      clientPorts.add(exchange.getRemoteAddress().getPort());
      byte[] body = exchange.getRequestBody().readAllBytes();
      String path = exchange.getRequestURI().getPath();
      byte[] answer = (exchange.getRequestMethod() + " " + exchange.getRequestURI().getQuery()
          + " " + exchange.getRequestHeaders().getFirst("Authorization") + " "
          + exchange.getRequestHeaders().getFirst("Content-Type") + " " + body.length + " "
          + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
      if (path.endsWith("/close")) {
        exchange.getResponseHeaders().set("Connection", "close");
      }
      reply(exchange, path.endsWith("/chunked") ? 0 : answer.length, answer);
    });
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static void reply(HttpExchange exchange, long length, byte[] answer)
      throws IOException {
    exchange.sendResponseHeaders(202, length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(answer);
    }
  }

  @Test
  void postsTheBodyAndHeadersAndReadsAnswersWithALength() {
    try (PushClient client = new PushClient(base, 1)) {
      PushClient.Answer answer = client.post("/api/articles?guid=g-1",
          Map.of("Authorization", "Bearer k", "Content-Type", "text/plain; charset=utf-8"),
          "Mosul, Ninawa — über".getBytes(StandardCharsets.UTF_8)).join();

      assertThat(answer.status()).isEqualTo(202);
      assertThat(answer.body()).isEqualTo(
          "POST guid=g-1 Bearer k text/plain; charset=utf-8 23 Mosul, Ninawa — über");
    }
  }

  @Test
  void readsChunkedAnswers() {
    try (PushClient client = new PushClient(base, 1)) {
      String big = "x".repeat(20_000);
      PushClient.Answer answer = client.post("/api/chunked", Map.of(),
          big.getBytes(StandardCharsets.US_ASCII)).join();

      assertThat(answer.body()).isEqualTo("POST null null null 20000 " + big);
      // The connection goes on after a chunked answer.
      assertThat(client.post("/api/chunked", Map.of(), new byte[0]).join().body())
          .isEqualTo("POST null null null 0 ");
      assertThat(clientPorts).hasSize(1);
    }
  }

  @Test
  void keepsOneConnectionPerSenderUnlessTheServerClosesIt() {
    try (PushClient client = new PushClient(base, 1)) {
      for (int i = 0; i < 5; i++) {
        assertThat(client.post("/api/keep", Map.of(), new byte[] {'a'}).join().status())
            .isEqualTo(202);
      }
      assertThat(clientPorts).hasSize(1);

      for (int i = 0; i < 3; i++) {
        assertThat(client.post("/api/close", Map.of(), new byte[] {'a'}).join().status())
            .isEqualTo(202);
      }
      // The first of them went on the open connection; each one after it needed a new one.
      assertThat(clientPorts).hasSize(3);
    }
  }

  @Test
  void sendsFromSeveralSendersAtOnce() {
    try (PushClient client = new PushClient(base, 4)) {
      List<String> bodies = new ArrayList<>();
      List<CompletableFuture<PushClient.Answer>> answers = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        bodies.add("POST null null null " + Integer.toString(i).length() + " " + i);
        answers.add(client.post("/api/many", Map.of(),
            Integer.toString(i).getBytes(StandardCharsets.US_ASCII)));
      }

      assertThat(answers.stream().map(a -> a.join().body()).toList()).isEqualTo(bodies);
      assertThat(clientPorts).hasSizeBetween(1, 4);
    }
  }

  @Test
  void failsAPushAnsweredWithSomethingElseThanHttp() throws Exception {
    try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread answering = new Thread(() -> {
        try (Socket socket = other.accept()) {
          socket.getOutputStream().write("SSH-2.0-OpenSSH\r\n".getBytes(StandardCharsets.UTF_8));
          // Takes the whole push, until the client closes the connection.
          socket.getInputStream().transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
          // the client has gone
        }
      });
      answering.start();
      try (PushClient client = new PushClient(
          URI.create("http://127.0.0.1:" + other.getLocalPort()), 1)) {
        assertThatThrownBy(() -> client.post("/", Map.of(), new byte[] {'a'}).join())
            .hasRootCauseInstanceOf(IOException.class)
            .hasStackTraceContaining("not an HTTP answer: SSH-2.0-OpenSSH");
      }
      answering.join(5_000);
    }
  }

  @Test
  void failsAPushWhoseServerIsGoneAndNeverSendsItTwice() {
    server.stop(0);
    try (PushClient client = new PushClient(base, 1)) {
      assertThatThrownBy(() -> client.post("/api/keep", Map.of(), new byte[] {'a'}).join())
          .isInstanceOf(CompletionException.class).hasRootCauseInstanceOf(IOException.class);
    }
    assertThat(clientPorts).isEmpty();
  }
}
