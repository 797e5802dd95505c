package io.newswire.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A client for the Confluent Schema Registry REST API: works against Confluent's registry, ours
 * ({@code newswire-platform}) and any other compatible one. It does no caching of its own; wrap it
 * in a {@link CachingSchemaRegistryClient}.
 *
 * <p>With several base URLs, each request tries them in order and moves on when one cannot be
 * reached; an error answer from a registry is final.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {
  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  /**
   * The HTTP clients of every registry client in this JVM, one per connect timeout. A JDK
   * HttpClient keeps a selector thread of its own while it is reachable, and a pipeline
   * configures a serde, each with its registry client, for every task, store and producer: a
   * client each left `newswire up` holding over a hundred idle threads, and pooled no
   * connections between them.
   */
  private static final Map<Duration, HttpClient> SHARED = new ConcurrentHashMap<>();

  private final List<URI> baseUrls;
  private final Duration requestTimeout;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param baseUrls registry base URLs, e.g. {@code http://127.0.0.1:8081}
   * @param connectTimeout bound on opening a connection
   * @param requestTimeout bound on a whole request
   */
  public RestSchemaRegistryClient(List<String> baseUrls, Duration connectTimeout,
      Duration requestTimeout) {
    if (baseUrls.isEmpty()) {
      throw new IllegalArgumentException("baseUrls must not be empty");
    }
    this.baseUrls = baseUrls.stream()
        .map(u -> URI.create(u.endsWith("/") ? u.substring(0, u.length() - 1) : u))
        .toList();
    this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    this.http = SHARED.computeIfAbsent(connectTimeout,
        timeout -> HttpClient.newBuilder().connectTimeout(timeout).build());
  }

  @Override
  public int register(String subject, Schema schema) {
    return send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema))
        .path("id").asInt();
  }

  @Override
  public int idOf(String subject, Schema schema) {
    return send("POST", "/subjects/" + encode(subject), schemaBody(schema)).path("id").asInt();
  }

  @Override
  public Schema schemaById(int id) {
    JsonNode answer = send("GET", "/schemas/ids/" + id, null);
    return new Schema.Parser().parse(answer.path("schema").asText());
  }

  @Override
  public Registered latest(String subject) {
    JsonNode answer = send("GET", "/subjects/" + encode(subject) + "/versions/latest", null);
    return new Registered(subject, answer.path("version").asInt(), answer.path("id").asInt(),
        new Schema.Parser().parse(answer.path("schema").asText()));
  }

  private String schemaBody(Schema schema) {
    ObjectNode body = json.createObjectNode();
    body.put("schema", schema.toString());
    return body.toString();
  }

  private JsonNode send(String method, String path, String body) {
    IOException lastFailure = null;
    for (URI base : baseUrls) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
          .timeout(requestTimeout)
          .header("Accept", CONTENT_TYPE + ", application/json");
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request.header("Content-Type", CONTENT_TYPE)
            .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      }
      HttpResponse<String> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        lastFailure = e;
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RegistryException(RegistryException.STORE_ERROR,
            "Interrupted while calling the schema registry at " + base, e);
      }
      return parse(base, response);
    }
    throw new RegistryException(RegistryException.STORE_ERROR,
        "Schema registry unreachable at " + baseUrls + ": " + lastFailure, lastFailure);
  }

  private JsonNode parse(URI base, HttpResponse<String> response) {
    JsonNode answer;
    try {
      answer = json.readTree(response.body());
    } catch (IOException e) {
      answer = null;
    }
    if (response.statusCode() / 100 == 2 && answer != null) {
      return answer;
    }
    if (answer != null && answer.hasNonNull("error_code")) {
      throw new RegistryException(answer.get("error_code").asInt(),
          answer.path("message").asText("(no message)"));
    }
    int status = response.statusCode();
    throw new RegistryException(status >= 500 ? RegistryException.STORE_ERROR : status * 100,
        "Schema registry at " + base + " answered HTTP " + status + ": " + response.body());
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public void close() {
    // The HTTP client is shared and lives as long as the JVM (see SHARED).
  }
}
