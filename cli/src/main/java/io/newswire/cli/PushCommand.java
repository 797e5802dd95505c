package io.newswire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newswire push FILE|DIR...}: sends article files to the ingest API with the
 * Content-Type their extension names, one result line per file.
 */
@Command(name = "push", mixinStandardHelpOptions = true,
    description = {"Send article files to the ingest API, one result line per file.",
        "By extension: .txt as text/plain, .json as application/json, .html/.htm as text/html,"
            + " .ndjson/.jsonl as a batch. Directories are walked in name order."})
final class PushCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_RETRY_AFTER_SECONDS = 60;
  private static final Map<String, String> TYPES = Map.of(
      "txt", "text/plain; charset=utf-8",
      "json", "application/json",
      "html", "text/html; charset=utf-8",
      "htm", "text/html; charset=utf-8",
      "ndjson", "application/x-ndjson",
      "jsonl", "application/x-ndjson");

  @Spec
  CommandSpec spec;

  @Mixin
  ConfigOptions config;

  @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Articles to send.")
  List<Path> paths;

  @Option(names = "--feed", defaultValue = "local", description = "Feed whose key file"
      + " (<data dir>/feeds/<feed>.key) to use; default ${DEFAULT-VALUE}.")
  String feed;

  @Option(names = "--retries", defaultValue = "5", description = "How often to send a file"
      + " again that was answered 429 (the feed's rate) or 503 (Kafka out of reach), after the"
      + " Retry-After the answer gives (at most 60 s); 0 reports them at once. Default"
      + " ${DEFAULT-VALUE}.")
  int retries;

  @Option(names = "--key", description = "Feed key to use instead of a key file"
      + " (or NEWSWIRE_FEED_KEY).")
  String key;

  @Option(names = "--url", description = "Ingest API base URL (default http://127.0.0.1:8080).")
  String url;

  @Option(names = "--data-dir", description = "Data directory holding the key files"
      + " (data.dir, default .newswire).")
  String dataDir;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> settings = config.load(Map.of());
    Path data = Path.of(dataDir != null ? dataDir
        : settings.getOrDefault(StandaloneConfig.DATA_DIR, ".newswire"));
    String feedKey = key != null ? key : System.getenv("NEWSWIRE_FEED_KEY");
    if (feedKey == null) {
      feedKey = LocalFeed.readKey(data, feed).orElse(null);
    }
    if (feedKey == null) {
      err.printf("No key for feed '%s': %s does not exist. Start ./newswire up once, or pass"
          + " --key.%n", feed, LocalFeed.keyFile(data, feed));
      return 2;
    }
    String base = url != null ? url : "http://" + settings.getOrDefault(HttpConfig.HOST,
        "127.0.0.1") + ":" + settings.getOrDefault(HttpConfig.PORT, "8080");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    int failures = 0;
    for (Path file : files()) {
      if (!Files.isRegularFile(file)) {
        out.printf("---  %s  no such file%n", file);
        failures++;
        continue;
      }
      String type = contentType(file);
      if (type == null) {
        out.printf("---  %s  skipped: unknown extension (expected %s)%n", file,
            String.join(", ", TYPES.keySet().stream().sorted().toList()));
        continue;
      }
      boolean batch = type.startsWith("application/x-ndjson");
      HttpRequest request = HttpRequest.newBuilder(URI.create(base
              + (batch ? "/v1/articles/batch" : "/v1/articles")))
          .header("Content-Type", type)
          .header("Authorization", "Bearer " + feedKey)
          .timeout(Duration.ofSeconds(60))
          .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString());
        // The feed's rate, or Kafka out of reach: the answer says when to try again, and a
        // retry keeps the article's id.
        for (int attempt = 0; attempt < retries && retryAfter(response) >= 0; attempt++) {
          long seconds = Math.min(retryAfter(response), MAX_RETRY_AFTER_SECONDS);
          err.printf("%d  %s  retrying in %d s%n", response.statusCode(), file, seconds);
          err.flush();
          Thread.sleep(seconds * 1000);
          response = http.send(request, HttpResponse.BodyHandlers.ofString());
        }
      } catch (IOException e) {
        err.printf("Cannot reach the ingest API at %s: %s. Is newswire up running? If it"
            + " listens elsewhere, pass its HTTP address with --url.%n", base, e);
        return 1;
      }
      if (!report(out, file, response, batch)) {
        failures++;
      }
    }
    out.flush();
    return failures == 0 ? 0 : 1;
  }

  /**
   * The seconds a 429 or 503 answer asks the client to wait before it tries again, or -1 for
   * any other answer.
   */
  static long retryAfter(HttpResponse<?> response) {
    if (response.statusCode() != 429 && response.statusCode() != 503) {
      return -1;
    }
    try {
      return response.headers().firstValue("Retry-After").map(Long::parseLong)
          .filter(seconds -> seconds >= 0).orElse(-1L);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static boolean report(PrintWriter out, Path file, HttpResponse<String> response,
      boolean batch) throws IOException {
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      out.printf("%d  %s  %s%n", response.statusCode(), file, response.body());
      return false;
    }
    if (response.statusCode() == 202) {
      out.printf("202  %s  id=%s version=%d partition=%d offset=%d%s%n", file,
          body.path("id").asText(), body.path("version").asLong(),
          body.path("partition").asInt(), body.path("offset").asLong(),
          body.path("duplicate").asBoolean() ? " duplicate" : "");
      return true;
    }
    if (batch && response.statusCode() == 200) {
      out.printf("200  %s  accepted=%d rejected=%d%n", file, body.path("accepted").asInt(),
          body.path("rejected").asInt());
      for (JsonNode line : body.path("results")) {
        if (line.path("status").asInt() != 202) {
          out.printf("     line %d: %d %s: %s%n", line.path("line").asInt(),
              line.path("status").asInt(), line.path("error").asText(),
              line.path("message").asText());
        }
      }
      return body.path("rejected").asInt() == 0;
    }
    out.printf("%d  %s  %s: %s%s%n", response.statusCode(), file, body.path("error").asText(),
        body.path("message").asText(), body.hasNonNull("field")
            ? " (field " + body.get("field").asText() + ")" : "");
    return false;
  }

  private List<Path> files() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
      } else {
        files.add(path);
      }
    }
    return files;
  }

  /** The Content-Type a file is sent as, by its extension; null where none is known. */
  static String contentType(Path file) {
    return TYPES.get(extension(file));
  }

  private static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
