package io.newswire.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.newswire.avro.RawArticle;
import io.newswire.ingest.internal.Acknowledgement;
import io.newswire.ingest.internal.ApiError;
import io.newswire.ingest.internal.ArticleIntake;
import io.newswire.ingest.internal.ArticleParser;
import io.newswire.ingest.internal.ArticlePublisher;
import io.newswire.ingest.internal.Feed;
import io.newswire.ingest.internal.FeedPoller;
import io.newswire.ingest.internal.FeedRegistry;
import io.newswire.ingest.internal.IncomingArticle;
import io.newswire.ingest.internal.MediaType;
import io.newswire.ingest.internal.PollState;
import io.newswire.ingest.internal.PolledFeed;
import io.newswire.ingest.internal.RateLimiter;
import io.newswire.ingest.internal.RecentArticles;
import io.newswire.schemas.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest service: {@code POST /v1/articles} and {@code POST /v1/articles/batch} for feeds
 * that push, pollers for RSS and Atom feeds, all publishing raw articles to Kafka. A 2xx answer
 * is only given once Kafka acknowledged the article ({@code acks=all}, idempotent producer).
 *
 * <p>The service registers its routes on a server its host owns ({@link #registerRoutes}); the
 * host serves health and metrics for every service it runs.
 */
public final class IngestService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IngestService.class);
  private static final List<String> BATCH_TYPES =
      List.of("application/x-ndjson", "application/ndjson", "application/jsonl");

  private final IngestConfig config;
  private final FeedRegistry feeds;
  private final RateLimiter limiter;
  private final ArticleParser parser;
  private final ArticlePublisher publisher;
  private final ArticleIntake intake;
  private final FeedPoller poller;
  private final BooleanSupplier kafkaReachable;
  private final AutoCloseable resources;
  private final MeterRegistry meters;
  private final ObjectMapper json = new ObjectMapper();

  IngestService(IngestConfig config, Map<String, ?> settings, Producer<String, RawArticle> producer,
      String topic, BooleanSupplier kafkaReachable, AutoCloseable resources, Clock clock,
      MeterRegistry meters) {
    this.config = config;
    this.meters = meters;
    this.feeds = FeedRegistry.fromSettings(withFeedsFile(settings, config),
        config.getDouble(IngestConfig.RATE_PER_SECOND), config.getInt(IngestConfig.RATE_BURST));
    this.limiter = new RateLimiter(System::nanoTime);
    this.parser = new ArticleParser(json);
    this.publisher = new ArticlePublisher(producer, topic);
    this.intake = new ArticleIntake(publisher,
        new RecentArticles(config.getInt(IngestConfig.DEDUP_CACHE_SIZE)), clock,
        config.kafkaTimeout(), config.retryAfter(), meters);
    this.poller = new FeedPoller(PolledFeed.fromSettings(settings), intake,
        PollState.load(config.stateDir().resolve("poll-state.json")),
        Duration.ofSeconds(config.getInt(IngestConfig.POLL_MAX_BACKOFF_SECONDS)), clock, meters);
    this.kafkaReachable = kafkaReachable;
    this.resources = resources;
    if (feeds.feeds().isEmpty()) {
      log.warn("No feeds are configured (feed.<id>.key.sha256): every push will be answered"
          + " 401");
    }
  }

  /**
   * The service against the Kafka and registry named in {@code settings}.
   *
   * @throws ConfigException naming the setting at fault
   */
  public static IngestService create(Map<String, ?> settings, MeterRegistry meters) {
    IngestConfig config = new IngestConfig(settings);
    Topics topics = Topics.create(config.settings());
    int timeout = (int) config.kafkaTimeout().toMillis();
    int linger = config.getInt(IngestConfig.LINGER_MS);
    int request = Math.max(1_000, timeout / 2);
    Map<String, Object> producerConfig = new HashMap<>();
    producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        config.getString(IngestConfig.BOOTSTRAP_SERVERS));
    producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "newswire-ingest");
    producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
    producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, linger);
    producerConfig.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
    producerConfig.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, request);
    producerConfig.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
        Math.max(timeout, request + linger));
    producerConfig.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
        Math.max(1024 * 1024, 2 * config.maxBodyBytes() + 64 * 1024));
    KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(producerConfig,
        new StringSerializer(), topics.raw().valueSerde().serializer());
    KafkaClientMetrics producerMetrics = new KafkaClientMetrics(producer);
    producerMetrics.bindTo(meters);
    Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        config.getString(IngestConfig.BOOTSTRAP_SERVERS),
        AdminClientConfig.CLIENT_ID_CONFIG, "newswire-ingest-health"));
    return new IngestService(config, settings, producer, topics.raw().name(),
        () -> reachable(admin), () -> {
          producerMetrics.close();
          admin.close(Duration.ofSeconds(5));
        }, Clock.systemUTC(), meters);
  }

  private static boolean reachable(Admin admin) {
    try {
      return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).nodes()
          .get(3, TimeUnit.SECONDS).isEmpty();
    } catch (Exception e) {
      return false;
    }
  }

  private static Map<String, Object> withFeedsFile(Map<String, ?> settings, IngestConfig config) {
    Map<String, Object> merged = new HashMap<>(settings);
    if (config.feedsFile() != null && Files.exists(config.feedsFile())) {
      Properties file = new Properties();
      try (Reader reader = Files.newBufferedReader(config.feedsFile(), StandardCharsets.UTF_8)) {
        file.load(reader);
      } catch (IOException e) {
        throw new ConfigException(IngestConfig.FEEDS_FILE, config.feedsFile().toString(),
            "cannot be read: " + e.getMessage());
      }
      file.stringPropertyNames().forEach(key -> merged.putIfAbsent(key, file.getProperty(key)));
    }
    return merged;
  }

  /** Starts the feed pollers. */
  public void start() {
    poller.start();
  }

  /** Whether Kafka answers: the service is ready to take articles. */
  public boolean isReady() {
    return kafkaReachable.getAsBoolean();
  }

  /** What health reports for this service: Kafka reachability and each polled feed's state. */
  public Map<String, Object> health() {
    Map<String, Object> health = new LinkedHashMap<>();
    health.put("kafka", isReady() ? "UP" : "DOWN");
    health.put("feeds", feeds.feeds().stream().map(Feed::id).toList());
    health.put("polledFeeds", poller.statuses().stream().map(IngestService::health).toList());
    return health;
  }

  /**
   * A polled feed's state in plain JSON values (times as ISO-8601 text), which any JSON writer
   * prints as they are.
   */
  private static Map<String, Object> health(FeedPoller.Status status) {
    Map<String, Object> health = new LinkedHashMap<>();
    health.put("feedId", status.feedId());
    health.put("url", status.url());
    health.put("state", status.state().name());
    health.put("lastAttempt", Objects.toString(status.lastAttempt(), null));
    health.put("lastSuccess", Objects.toString(status.lastSuccess(), null));
    health.put("lastError", status.lastError());
    health.put("consecutiveFailures", status.consecutiveFailures());
    health.put("published", status.published());
    return health;
  }

  /** Registers {@code POST /v1/articles} and {@code POST /v1/articles/batch}. */
  public void registerRoutes(Javalin app) {
    app.post("/v1/articles", ctx -> counted("article", ctx, () -> pushOne(ctx)));
    app.post("/v1/articles/batch", ctx -> counted("batch", ctx, () -> pushBatch(ctx)));
  }

  private void counted(String endpoint, Context ctx, Runnable handler) {
    try {
      handler.run();
    } catch (ApiError e) {
      error(ctx, e);
    } finally {
      Counter.builder("newswire.ingest.requests").tag("endpoint", endpoint)
          .tag("status", Integer.toString(ctx.statusCode())).register(meters).increment();
    }
  }

  private void pushOne(Context ctx) {
    Feed feed = feeds.authenticate(ctx.header("Authorization"));
    MediaType type = MediaType.parse(ctx.header("Content-Type"));
    if (!ArticleParser.ACCEPTED_TYPES.contains(type.type())) {
      throw ApiError.unsupportedType("Content-Type " + type.type() + " is not accepted; send"
          + " one of " + ArticleParser.ACCEPTED_TYPES
          + (BATCH_TYPES.contains(type.type()) ? " (NDJSON goes to /v1/articles/batch)" : ""));
    }
    if (!feed.accepts(type.type())) {
      throw ApiError.unsupportedType("Feed '" + feed.id() + "' may push "
          + feed.contentTypes() + ", not " + type.type());
    }
    byte[] body = readBody(ctx, config.maxBodyBytes());
    throttle(feed, 1);
    Map<String, String> hints = new HashMap<>();
    for (String hint : List.of("guid", "url", "version")) {
      if (ctx.queryParam(hint) != null) {
        hints.put(hint, ctx.queryParam(hint));
      }
    }
    IncomingArticle incoming = parser.parse(type, body, hints);
    Acknowledgement ack = intake.await(intake.submit(feed.id(), incoming));
    ctx.status(202).header("Location", "/v1/articles/" + ack.id());
    ctx.contentType("application/json").result(acknowledgement(ack).toString());
  }

  private void pushBatch(Context ctx) {
    Feed feed = feeds.authenticate(ctx.header("Authorization"));
    MediaType type = MediaType.parse(ctx.header("Content-Type"));
    if (!BATCH_TYPES.contains(type.type())) {
      throw ApiError.unsupportedType("A batch is NDJSON: send Content-Type "
          + BATCH_TYPES.get(0) + ", one JSON article per line");
    }
    if (!feed.accepts("application/json")) {
      throw ApiError.unsupportedType("Feed '" + feed.id() + "' may not push JSON articles");
    }
    byte[] body = readBody(ctx, config.batchMaxBytes());
    List<String> lines = lines(new String(body, type.charset()));
    long nonBlank = lines.stream().filter(l -> !l.isBlank()).count();
    if (nonBlank > config.batchMaxLines()) {
      throw ApiError.tooLarge("The batch has " + nonBlank + " articles; at most "
          + config.batchMaxLines() + " are accepted in one request");
    }
    MediaType lineType = MediaType.parse("application/json; charset=utf-8");
    List<ObjectNode> results = new ArrayList<>();
    List<CompletableFuture<Acknowledgement>> pending = new ArrayList<>();
    List<ObjectNode> awaiting = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      ObjectNode result = json.createObjectNode().put("line", i + 1);
      results.add(result);
      try {
        byte[] lineBytes = lines.get(i).getBytes(StandardCharsets.UTF_8);
        if (lineBytes.length > config.maxBodyBytes()) {
          throw ApiError.tooLarge("The article is " + lineBytes.length + " bytes; at most "
              + config.maxBodyBytes() + " are accepted");
        }
        IncomingArticle incoming = parser.parse(lineType, lineBytes, Map.of());
        throttle(feed, 1);
        pending.add(intake.submit(feed.id(), incoming));
        awaiting.add(result);
      } catch (ApiError e) {
        describe(result, e);
      }
    }
    for (int i = 0; i < pending.size(); i++) {
      ObjectNode result = awaiting.get(i);
      try {
        result.put("status", 202).setAll(acknowledgement(intake.await(pending.get(i))));
      } catch (ApiError e) {
        describe(result, e);
      }
    }
    long accepted = results.stream().filter(r -> r.path("status").asInt() == 202).count();
    ObjectNode answer = json.createObjectNode()
        .put("accepted", accepted)
        .put("rejected", results.size() - accepted);
    ArrayNode list = answer.putArray("results");
    results.forEach(list::add);
    ctx.status(200).contentType("application/json").result(answer.toString());
  }

  /**
   * The lines of a batch, each without its line break ({@code \n} or {@code \r\n}). Found with
   * {@code indexOf}: splitting on the pattern {@code \r?\n} tried the pattern at every character,
   * about 5 ms for a batch of 100 articles of 5 KB, 50 us of each article's intake.
   */
  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      boolean crlf = end > start && text.charAt(end - 1) == '\r';
      lines.add(text.substring(start, crlf ? end - 1 : end));
      start = end + 1;
    }
    if (start < text.length()) {
      lines.add(text.substring(start));
    }
    return lines;
  }

  private void throttle(Feed feed, int articles) {
    Duration wait = limiter.tryAcquire(feed, articles);
    if (!wait.isZero()) {
      throw ApiError.rateLimited("Feed '" + feed.id() + "' may push " + feed.ratePerSecond()
          + " articles per second (burst " + feed.burst() + "); retry after "
          + retryAfterSeconds(wait) + " s", wait);
    }
  }

  private static byte[] readBody(Context ctx, int limit) {
    long declared = ctx.contentLength();
    if (declared > limit) {
      throw ApiError.tooLarge("The body is " + declared + " bytes; at most " + limit
          + " are accepted");
    }
    byte[] body;
    try (InputStream in = ctx.bodyInputStream()) {
      body = in.readNBytes(limit + 1);
    } catch (IOException e) {
      throw ApiError.badRequest("body", "The body could not be read: " + e.getMessage());
    }
    if (body.length > limit) {
      throw ApiError.tooLarge("The body is larger than " + limit + " bytes");
    }
    return body;
  }

  private ObjectNode acknowledgement(Acknowledgement ack) {
    return json.createObjectNode()
        .put("id", ack.id())
        .put("version", ack.version())
        .put("topic", ack.topic())
        .put("partition", ack.partition())
        .put("offset", ack.offset())
        .put("duplicate", ack.duplicate());
  }

  private void describe(ObjectNode result, ApiError e) {
    result.put("status", e.status()).put("error", e.error()).put("message", e.getMessage());
    if (e.field() != null) {
      result.put("field", e.field());
    }
    if (e.retryAfter() != null) {
      result.put("retryAfterSeconds", retryAfterSeconds(e.retryAfter()));
    }
  }

  private void error(Context ctx, ApiError e) {
    ObjectNode body = json.createObjectNode().put("error", e.error())
        .put("message", e.getMessage());
    if (e.field() != null) {
      body.put("field", e.field());
    }
    if (e.retryAfter() != null) {
      ctx.header("Retry-After", Long.toString(retryAfterSeconds(e.retryAfter())));
    }
    if (e.status() == 401) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"newswire\"");
    }
    ctx.status(e.status()).contentType("application/json").result(body.toString());
  }

  private static long retryAfterSeconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }

  /** The hex SHA-256 of a feed key, as {@code feed.<id>.key.sha256} settings hold it. */
  public static String keyHash(String key) {
    return FeedRegistry.sha256Hex(key);
  }

  /** The configured feeds' ids. */
  public List<String> feedIds() {
    return feeds.feeds().stream().map(Feed::id).toList();
  }

  @Override
  public void close() {
    poller.close();
    publisher.close();
    try {
      resources.close();
    } catch (Exception e) {
      log.warn("Closing ingest's Kafka clients failed: {}", e.toString());
    }
  }
}
