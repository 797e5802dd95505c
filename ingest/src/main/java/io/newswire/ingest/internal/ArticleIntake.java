package io.newswire.ingest.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newswire.avro.RawArticle;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Turns an incoming article into a {@link RawArticle} with its id and version, answers a repeat
 * of a recently stored article with the first acknowledgement, and publishes the rest.
 */
public final class ArticleIntake {
  private final ArticlePublisher publisher;
  private final RecentArticles recent;
  private final Clock clock;
  private final Duration ackTimeout;
  private final Duration retryAfter;
  private final MeterRegistry meters;
  private final Timer produceLatency;

  public ArticleIntake(ArticlePublisher publisher, RecentArticles recent, Clock clock,
      Duration ackTimeout, Duration retryAfter, MeterRegistry meters) {
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.recent = Objects.requireNonNull(recent, "recent");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ackTimeout = Objects.requireNonNull(ackTimeout, "ackTimeout");
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    this.meters = Objects.requireNonNull(meters, "meters");
    this.produceLatency = Timer.builder("newswire.ingest.produce.latency")
        .description("Time from handing an article to the producer to Kafka's acknowledgement")
        .publishPercentiles(0.5, 0.99)
        .publishPercentileHistogram()
        .register(meters);
  }

  /**
   * Starts storing one article.
   *
   * @return completes with where Kafka stored it (or the earlier copy, for a repeat)
   */
  public CompletableFuture<Acknowledgement> submit(String feedId, IncomingArticle incoming) {
    Instant receivedAt = clock.instant();
    String id = ArticleIdentity.idOf(feedId, incoming);
    String contentHash = ArticleIdentity.contentHash(incoming.identityText());
    Long explicitVersion = incoming.feedVersion() != null ? incoming.feedVersion()
        : incoming.versionTime() != null ? Long.valueOf(incoming.versionTime().toEpochMilli())
        : null;
    Acknowledgement earlier = recent.duplicateOf(id, contentHash, explicitVersion);
    if (earlier != null) {
      counter("newswire.ingest.articles.duplicate", feedId).increment();
      return CompletableFuture.completedFuture(earlier);
    }
    RawArticle article = rawArticle(id, feedId, receivedAt, incoming);
    long started = System.nanoTime();
    return publisher.publish(article).thenApply(ack -> {
      produceLatency.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
      recent.remember(contentHash, ack);
      counter("newswire.ingest.articles.accepted", feedId).increment();
      return ack;
    });
  }

  /**
   * The raw article that {@link #submit} publishes for an incoming one: its id, feed and receive
   * time, the version {@link ArticleIdentity#versionOf} gives it, the bytes as sent and what the
   * parser read beside them.
   */
  public static RawArticle rawArticle(String id, String feedId, Instant receivedAt,
      IncomingArticle incoming) {
    return RawArticle.newBuilder()
        .setId(id)
        .setVersion(ArticleIdentity.versionOf(incoming, receivedAt))
        .setFeedId(feedId)
        .setReceivedAt(receivedAt)
        .setFormat(incoming.format())
        .setContentType(incoming.contentType())
        .setContent(ByteBuffer.wrap(incoming.content()))
        .setGuid(incoming.guid())
        .setUrl(incoming.url())
        .setHeadline(incoming.headline())
        .setByline(incoming.byline())
        .setLanguage(incoming.language())
        .setSection(incoming.section())
        .setPublished(incoming.published())
        .setPubStatus(incoming.pubStatus())
        .setFeedFields(incoming.fields())
        .build();
  }

  /**
   * Waits for an acknowledgement, bounded by the configured Kafka timeout.
   *
   * @throws ApiError 503 with Retry-After when Kafka did not acknowledge in time, or the schema
   *     registry could not be reached; 413 when Kafka refused the record for its size
   */
  public Acknowledgement await(CompletableFuture<Acknowledgement> pending) {
    try {
      return pending.get(ackTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw failure(e.getCause());
    } catch (TimeoutException e) {
      throw failure(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiError.kafkaUnavailable("Interrupted while waiting for Kafka", retryAfter);
    }
  }

  /** The API error a failed write is answered with. */
  public ApiError failure(Throwable cause) {
    counter("newswire.ingest.articles.failed", "all").increment();
    if (cause instanceof RecordTooLargeException) {
      return ApiError.tooLarge("Kafka refused the article as too large: " + cause.getMessage());
    }
    if (cause instanceof SerializationException) {
      return ApiError.kafkaUnavailable("The schema registry could not be reached, so the"
          + " article was not written: " + cause.getMessage(), retryAfter);
    }
    return ApiError.kafkaUnavailable("Kafka did not acknowledge the article within "
        + ackTimeout.toSeconds() + " s (" + cause + "); retry it: a repeat keeps its id",
        retryAfter);
  }

  private Counter counter(String name, String feedId) {
    return Counter.builder(name).tag("feed", feedId).register(meters);
  }
}
