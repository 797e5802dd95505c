package io.newswire.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class RestSchemaRegistryClientTest {

  private static long selectorThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("HttpClient-") && t.getName().endsWith("Manager"))
        .count();
  }

  @Test
  void shouldShareOneHttpClientBetweenRegistryClients() throws Exception {
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/subjects/", exchange -> {
      byte[] answer = "{\"id\":7}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", RestSchemaRegistryClient.CONTENT_TYPE);
      exchange.sendResponseHeaders(200, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      Schema schema = Schema.create(Schema.Type.STRING);
      long before = selectorThreads();
      // A serde per task, store and producer: each has a registry client of its own.
      List<RestSchemaRegistryClient> clients = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(List.of(url),
            Duration.ofSeconds(7), Duration.ofSeconds(5));
        assertThat(client.idOf("articles-value", schema)).isEqualTo(7);
        clients.add(client);
      }
      assertThat(selectorThreads() - before).isLessThanOrEqualTo(1);
      clients.forEach(RestSchemaRegistryClient::close);
      assertThat(new RestSchemaRegistryClient(List.of(url), Duration.ofSeconds(7),
          Duration.ofSeconds(5)).register("articles-value", schema)).isEqualTo(7);
    } finally {
      server.stop(0);
    }
  }
}
