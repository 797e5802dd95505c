package io.newswire.ingest.internal;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newswire.avro.ArticleFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls RSS 2.0 and Atom feeds: conditional GET (ETag, Last-Modified), each new or updated item
 * published as a raw article, items already published (same version, or same content where the
 * feed gives no dates) skipped across restarts. A feed that fails is retried with exponential
 * backoff; its state shows in {@link #statuses()} and in metrics.
 *
 * <p>Feeds are parsed with DOCTYPE declarations refused, which shuts out external entities and
 * entity expansion ("billion laughs") alike.
 */
public final class FeedPoller implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);
  private static final int MAX_FEED_BYTES = 10 * 1024 * 1024;
  private static final int SEEN_PER_FEED = 10_000;
  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);

  /** How a feed is doing. */
  public enum State { PENDING, UP, FAILING }

  /** A feed's state as health and metrics report it. */
  public record Status(String feedId, String url, State state, Instant lastAttempt,
      Instant lastSuccess, String lastError, int consecutiveFailures, long published) {
  }

  private final List<PolledFeed> feeds;
  private final ArticleIntake intake;
  private final PollState state;
  private final HttpClient http;
  private final Duration maxBackoff;
  private final Clock clock;
  private final MeterRegistry meters;
  private final Map<String, Status> statuses = new ConcurrentHashMap<>();
  private final ScheduledExecutorService scheduler;

  public FeedPoller(List<PolledFeed> feeds, ArticleIntake intake, PollState state,
      Duration maxBackoff, Clock clock, MeterRegistry meters) {
    this.feeds = List.copyOf(feeds);
    this.intake = Objects.requireNonNull(intake, "intake");
    this.state = Objects.requireNonNull(state, "state");
    this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.meters = Objects.requireNonNull(meters, "meters");
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "feed-poller");
      thread.setDaemon(true);
      return thread;
    });
    for (PolledFeed feed : feeds) {
      statuses.put(feed.id(), new Status(feed.id(), feed.url().toString(), State.PENDING, null,
          null, null, 0, 0));
      Gauge.builder("newswire.ingest.poller.up", statuses,
              s -> s.get(feed.id()).state() == State.UP ? 1 : 0)
          .description("1 when the feed's last poll succeeded").tag("feed", feed.id())
          .register(meters);
    }
  }

  /** Schedules every feed's first poll now. */
  public void start() {
    for (PolledFeed feed : feeds) {
      scheduler.execute(() -> pollAndReschedule(feed));
    }
  }

  /** Every feed's current state. */
  public List<Status> statuses() {
    return feeds.stream().map(f -> statuses.get(f.id())).toList();
  }

  private void pollAndReschedule(PolledFeed feed) {
    Duration next;
    try {
      pollOnce(feed);
      next = feed.interval();
    } catch (RuntimeException e) {
      int failures = statuses.get(feed.id()).consecutiveFailures();
      long factor = 1L << Math.min(20, Math.max(0, failures - 1));
      next = FIRST_BACKOFF.multipliedBy(factor);
      if (next.compareTo(maxBackoff) > 0) {
        next = maxBackoff;
      }
    }
    if (!scheduler.isShutdown()) {
      scheduler.schedule(() -> pollAndReschedule(feed), next.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Polls one feed now and publishes what is new.
   *
   * @return how many items were published
   * @throws RuntimeException when the poll failed (its status then says why)
   */
  public int pollOnce(PolledFeed feed) {
    Status before = statuses.get(feed.id());
    Instant attempt = clock.instant();
    try {
      int published = fetchAndPublish(feed);
      statuses.put(feed.id(), new Status(feed.id(), before.url(), State.UP, attempt, attempt,
          null, 0, before.published() + published));
      if (before.state() == State.FAILING) {
        log.info("Feed {} recovered after {} failed polls", feed.id(),
            before.consecutiveFailures());
      }
      return published;
    } catch (Exception e) {
      String reason = e instanceof ApiError api ? api.getMessage() : e.toString();
      statuses.put(feed.id(), new Status(feed.id(), before.url(), State.FAILING, attempt,
          before.lastSuccess(), reason, before.consecutiveFailures() + 1, before.published()));
      Counter.builder("newswire.ingest.poller.failures").tag("feed", feed.id())
          .register(meters).increment();
      if (before.state() != State.FAILING) {
        log.warn("Polling feed {} at {} failed: {}", feed.id(), feed.url(), reason);
      } else {
        log.debug("Polling feed {} failed again: {}", feed.id(), reason);
      }
      throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
    }
  }

  private int fetchAndPublish(PolledFeed feed) throws IOException, InterruptedException,
      FeedException {
    PollState.FeedMemory memory = state.feed(feed.id());
    HttpRequest.Builder request = HttpRequest.newBuilder(feed.url())
        .timeout(Duration.ofSeconds(30))
        .header("User-Agent", "Newswire feed poller")
        .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9,"
            + " text/xml;q=0.8, */*;q=0.5");
    if (memory.etag != null) {
      request.header("If-None-Match", memory.etag);
    }
    if (memory.lastModified != null) {
      request.header("If-Modified-Since", memory.lastModified);
    }
    HttpResponse<InputStream> response = http.send(request.GET().build(),
        HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() == 304) {
      response.body().close();
      return 0;
    }
    byte[] body;
    try (InputStream in = response.body()) {
      body = in.readNBytes(MAX_FEED_BYTES + 1);
    }
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode() + " from " + feed.url());
    }
    if (body.length > MAX_FEED_BYTES) {
      throw new IOException("feed is larger than " + MAX_FEED_BYTES + " bytes");
    }
    SyndFeedInput input = new SyndFeedInput();
    input.setAllowDoctypes(false);
    SyndFeed parsed = input.build(new XmlReader(new ByteArrayInputStream(body)));
    ArticleFormat format = parsed.getFeedType() != null && parsed.getFeedType().startsWith("atom")
        ? ArticleFormat.ATOM_ENTRY : ArticleFormat.RSS_ITEM;

    List<CompletableFuture<Acknowledgement>> pending = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    for (SyndEntry entry : parsed.getEntries()) {
      IncomingArticle item = toArticle(entry, format, parsed.getTitle(), feed);
      String id = ArticleIdentity.idOf(feed.id(), item);
      String hash = ArticleIdentity.contentHash(item.identityText());
      PollState.Seen seen = memory.seen.get(id);
      boolean isNew = seen == null || (item.versionTime() != null
          ? item.versionTime().toEpochMilli() > seen.version()
          : !hash.equals(seen.contentHash()));
      if (isNew) {
        pending.add(intake.submit(feed.id(), item));
        hashes.add(hash);
      }
    }
    for (int i = 0; i < pending.size(); i++) {
      Acknowledgement ack = intake.await(pending.get(i));
      memory.remember(ack.id(), new PollState.Seen(ack.version(), hashes.get(i)), SEEN_PER_FEED);
    }
    memory.etag = response.headers().firstValue("ETag").orElse(null);
    memory.lastModified = response.headers().firstValue("Last-Modified").orElse(null);
    state.save();
    if (!pending.isEmpty()) {
      log.info("Feed {}: published {} new or updated item(s)", feed.id(), pending.size());
    }
    return pending.size();
  }

  private static IncomingArticle toArticle(SyndEntry entry, ArticleFormat format,
      String feedTitle, PolledFeed feed) {
    SyndContent content = entry.getContents().isEmpty() ? entry.getDescription()
        : entry.getContents().get(0);
    String html = content == null || content.getValue() == null ? "" : content.getValue();
    boolean plain = content != null && content.getType() != null
        && content.getType().toLowerCase().contains("text") && !content.getType().contains("html");
    String title = entry.getTitle() == null ? "" : entry.getTitle().trim();
    String text = plain ? html : Jsoup.parse(html).text();
    String guid = entry.getUri() != null && !entry.getUri().isBlank() ? entry.getUri()
        : entry.getLink();
    Instant published = entry.getPublishedDate() == null ? null
        : entry.getPublishedDate().toInstant();
    Instant updated = entry.getUpdatedDate() == null ? published
        : entry.getUpdatedDate().toInstant();
    String section = entry.getCategories().stream().map(SyndCategory::getName)
        .filter(Objects::nonNull).findFirst().orElse(null);
    return new IncomingArticle(format,
        (plain ? "text/plain" : "text/html") + "; charset=utf-8",
        html.getBytes(StandardCharsets.UTF_8), title + "\n" + text, guid,
        title.isEmpty() ? null : title, blankToNull(entry.getAuthor()), published,
        entry.getLink(), null, section, null, null, updated,
        feedTitle == null ? Map.of("feedUrl", feed.url().toString())
            : Map.of("feedUrl", feed.url().toString(), "feedTitle", feedTitle));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
