package io.newswire.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.newswire.schemas.Topics;
import io.newswire.schemas.config.ThreadPriority;
import io.newswire.sink.internal.ArticleFilter;
import io.newswire.sink.internal.ArticleQueries;
import io.newswire.sink.internal.ArticleStore;
import io.newswire.sink.internal.Database;
import io.newswire.sink.internal.LiveStream;
import io.newswire.sink.internal.SinkRunner;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink: stores enriched articles (PostgreSQL or SQLite) exactly once, and serves them:
 * {@code GET /v1/articles/{id}}, {@code GET /v1/articles}, {@code GET /v1/places} and the live
 * stream {@code GET /v1/stream}.
 */
public final class SinkService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SinkService.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_LIMIT = 100;

  private final Database database;
  private final ArticleQueries queries;
  private final LiveStream live;
  private final SinkRunner runner;
  private final Thread runnerThread;
  private final KafkaProducer<byte[], byte[]> deadLetterProducer;
  private final KafkaClientMetrics consumerMetrics;

  private SinkService(Database database, ArticleQueries queries, LiveStream live,
      SinkRunner runner, KafkaProducer<byte[], byte[]> deadLetterProducer,
      KafkaClientMetrics consumerMetrics, int nice) {
    this.database = database;
    this.queries = queries;
    this.live = live;
    this.runner = runner;
    this.deadLetterProducer = deadLetterProducer;
    this.consumerMetrics = consumerMetrics;
    // Storing can wait; on a shared machine it yields the CPU to intake.
    this.runnerThread = new Thread(() -> {
      ThreadPriority.lowerCurrentThread(nice);
      runner.run();
    }, "sink-runner");
  }

  /** Opens (and migrates) the database and starts consuming the enriched topic. */
  public static SinkService start(Map<String, ?> settings, MeterRegistry meters) {
    SinkConfig config = new SinkConfig(settings);
    Topics topics = Topics.create(config.settings());
    Database database = Database.open(config.databaseUrl(),
        config.getString(SinkConfig.DATABASE_USER), config.databasePassword(),
        config.getInt(SinkConfig.DATABASE_POOL_SIZE),
        config.getInt(SinkConfig.SQLITE_WRITER_CACHE_MIB));
    ArticleQueries queries = new ArticleQueries(database.pool(), database.dialect());
    LiveStream live = new LiveStream(queries, Duration.ofSeconds(15));
    Map<String, Object> consumerConfig = new HashMap<>();
    consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        config.getString(SinkConfig.BOOTSTRAP_SERVERS));
    consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, config.getString(SinkConfig.GROUP_ID));
    consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "newswire-sink");
    consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
        config.getInt(SinkConfig.BATCH_MAX_RECORDS));
    consumerConfig.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
        config.getInt(SinkConfig.BATCH_LINGER_MS));
    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig,
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of(topics.enriched().name()));
    Map<String, Object> producerConfig = new HashMap<>();
    producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        config.getString(SinkConfig.BOOTSTRAP_SERVERS));
    producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "newswire-sink-dlq");
    producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
    producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerConfig.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
    KafkaProducer<byte[], byte[]> deadLetters = new KafkaProducer<>(producerConfig,
        new ByteArraySerializer(), new ByteArraySerializer());
    KafkaClientMetrics consumerMetrics = new KafkaClientMetrics(consumer);
    consumerMetrics.bindTo(meters);
    SinkRunner runner = new SinkRunner(consumer, topics.enriched().valueSerde().deserializer(),
        new ArticleStore(database.writer(), database.dialect(), Clock.systemUTC()), live,
        deadLetters, topics.deadLetters().name(),
        topics.deadLetters().valueSerde().serializer(), config.retryInitial(),
        config.retryMax(), config.getInt(SinkConfig.BATCH_MAX_RECORDS),
        Duration.ofMillis(config.getInt(SinkConfig.BATCH_LINGER_MS)), meters);
    SinkService service = new SinkService(database, queries, live, runner, deadLetters,
        consumerMetrics, config.getInt(SinkConfig.NICE));
    service.runnerThread.start();
    return service;
  }

  /** Ready while the database answers and the last write reached it. */
  public boolean isReady() {
    return runner.databaseUp() && runnerThread.isAlive() && queries.ping();
  }

  /** What health reports for the sink. */
  public Map<String, Object> health() {
    Map<String, Object> health = new LinkedHashMap<>();
    health.put("database", runner.databaseUp() ? "UP" : "DOWN");
    health.put("consumer", runnerThread.isAlive() ? "RUNNING" : "STOPPED");
    health.put("liveSubscribers", live.subscribers());
    return health;
  }

  /** Registers the query API and the live stream. */
  public void registerRoutes(Javalin app) {
    // The database down or out of connections: the client is told to come back, not that the
    // server failed.
    app.exception(SQLException.class, (e, ctx) -> {
      if (database.dialect().isTransient(e)) {
        log.warn("{} {} answered 503: {}", ctx.method(), ctx.path(), e.toString());
        ctx.header("Retry-After", "5");
        error(ctx, 503, "database_unavailable",
            "The article database did not answer; retry in a few seconds", null);
      } else {
        log.error("{} {} failed", ctx.method(), ctx.path(), e);
        error(ctx, 500, "internal_error", "The query failed; the server's log has the cause",
            null);
      }
    });
    app.get("/v1/articles/{id}", ctx -> {
      Optional<String> article = queries.byIdAsJson(ctx.pathParam("id"));
      if (article.isEmpty()) {
        error(ctx, 404, "not_found", "No article " + ctx.pathParam("id"), null);
      } else {
        ctx.contentType("application/json").result(article.get());
      }
    });
    app.get("/v1/articles", ctx -> {
      ArticleFilter filter;
      int limit;
      try {
        filter = filter(ctx);
        limit = limit(ctx, 20);
      } catch (BadParameter e) {
        error(ctx, 400, "bad_request", e.getMessage(), e.parameter);
        return;
      }
      ArticleQueries.Page page;
      try {
        page = queries.search(filter, ctx.queryParam("cursor"), limit);
      } catch (IllegalArgumentException e) {
        error(ctx, 400, "bad_request", e.getMessage(), "cursor");
        return;
      }
      ObjectNode body = JSON.createObjectNode();
      ArrayNode list = body.putArray("articles");
      page.articles().forEach(list::add);
      body.put("nextCursor", page.nextCursor());
      ctx.contentType("application/json").result(body.toString());
    });
    app.get("/v1/places", ctx -> {
      Instant since;
      int limit;
      String country = ctx.queryParam("country");
      try {
        since = time(ctx, "since", false);
        limit = limit(ctx, 50);
        checkCountry(country);
      } catch (BadParameter e) {
        error(ctx, 400, "bad_request", e.getMessage(), e.parameter);
        return;
      }
      ObjectNode body = JSON.createObjectNode();
      ArrayNode list = body.putArray("places");
      queries.places(since, country, limit).forEach(list::add);
      ctx.contentType("application/json").result(body.toString());
    });
    // A plain GET, so that any client (curl -N included) gets the stream, not only those that
    // send Accept: text/event-stream.
    app.get("/v1/stream", ctx -> {
      ArticleFilter filter;
      Long lastEventId;
      try {
        filter = filter(ctx);
        String last = ctx.header("Last-Event-ID");
        if (last == null) {
          last = ctx.queryParam("lastEventId");
        }
        lastEventId = last == null || last.isBlank() ? null : Long.parseLong(last.trim());
      } catch (BadParameter e) {
        error(ctx, 400, "bad_request", e.getMessage(), e.parameter);
        return;
      } catch (NumberFormatException e) {
        error(ctx, 400, "bad_request", "Last-Event-ID must be an event id this stream sent",
            "Last-Event-ID");
        return;
      }
      ctx.contentType("text/event-stream; charset=utf-8");
      ctx.header("Cache-Control", "no-cache");
      ctx.header("X-Accel-Buffering", "no");
      ctx.res().flushBuffer();
      live.subscribe(new SseClient(ctx), filter, lastEventId);
    });
  }

  private static ArticleFilter filter(Context ctx) {
    String place = blankToNull(ctx.queryParam("place"));
    if (place != null && ArticleFilter.isGeonameId(place) && place.length() > 18) {
      throw new BadParameter("place", "place must be a GeoNames id (at most 18 digits) or a"
          + " place name, was '" + place + "'");
    }
    String country = blankToNull(ctx.queryParam("country"));
    checkCountry(country);
    String q = blankToNull(ctx.queryParam("q"));
    if (q != null && q.length() > 500) {
      throw new BadParameter("q", "q is longer than 500 characters");
    }
    return new ArticleFilter(place, country, q, time(ctx, "since", false),
        time(ctx, "until", true));
  }

  private static void checkCountry(String country) {
    if (country != null && !country.matches("[A-Za-z]{2}")) {
      throw new BadParameter("country", "country must be an ISO 3166 two-letter code such as"
          + " IQ, was '" + country + "'");
    }
  }

  private static int limit(Context ctx, int fallback) {
    String value = ctx.queryParam("limit");
    if (value == null) {
      return fallback;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadParameter("limit", "limit must be a whole number from 1 to " + MAX_LIMIT
        + ", was '" + value + "'");
  }

  /** An ISO-8601 instant, or a date (its start; for an upper bound, the next day's start). */
  private static Instant time(Context ctx, String name, boolean upper) {
    String value = blankToNull(ctx.queryParam(name));
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      try {
        LocalDate day = LocalDate.parse(value);
        return (upper ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException again) {
        throw new BadParameter(name, name + " must be an ISO-8601 time or date such as"
            + " 2016-11-01T00:00:00Z or 2016-11-01, was '" + value + "'");
      }
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static void error(Context ctx, int status, String error, String message,
      String field) {
    ObjectNode body = JSON.createObjectNode().put("error", error).put("message", message);
    if (field != null) {
      body.put("field", field);
    }
    ctx.status(status).contentType("application/json").result(body.toString());
  }

  /** A query parameter the API cannot use. */
  private static final class BadParameter extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String parameter;

    BadParameter(String parameter, String message) {
      super(message);
      this.parameter = parameter;
    }
  }

  /** Reads a stored article directly; for tests and tools. */
  public Optional<JsonNode> article(String id) throws SQLException {
    return queries.byId(id);
  }

  @Override
  public void close() {
    runner.stop();
    try {
      runnerThread.join(Duration.ofSeconds(30).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    live.close();
    consumerMetrics.close();
    deadLetterProducer.close(Duration.ofSeconds(5));
    database.close();
    log.info("Sink stopped");
  }
}
