package io.newswire.sink.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.sse.SseClient;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-Sent Events of stored articles. Each event's id is the article's change number, so a
 * client that reconnects with {@code Last-Event-ID} first gets what it missed from the database,
 * then the live events. The sink only hands events over ({@link #publish}) and never waits for a
 * subscriber: a subscriber whose backlog grows past its bound is disconnected, and catches up
 * from the database when it reconnects.
 */
public final class LiveStream implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LiveStream.class);
  private static final int BACKLOG = 1_000;
  private static final int CATCH_UP_PAGE = 500;

  /** An event to send: an article (null for a withdrawal) with its change number. */
  public record Event(long seq, String id, JsonNode article) {
  }

  private final class Subscriber {
    private final SseClient client;
    private final ArticleFilter filter;
    private final Queue<Event> backlog = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile long lastSent;

    Subscriber(SseClient client, ArticleFilter filter, long lastSent) {
      this.client = client;
      this.filter = filter;
      this.lastSent = lastSent;
    }

    void offer(Event event) {
      if (size.incrementAndGet() > BACKLOG) {
        log.info("Live-stream subscriber fell {} events behind; disconnecting it", BACKLOG);
        subscribers.remove(this);
        client.close();
        return;
      }
      backlog.add(event);
      drainLater();
    }

    void drainLater() {
      if (draining.compareAndSet(false, true)) {
        senders.execute(this::drain);
      }
    }

    private void drain() {
      try {
        Event event;
        while ((event = backlog.poll()) != null) {
          size.decrementAndGet();
          if (event.seq() > lastSent) {
            send(event);
          }
        }
      } catch (RuntimeException e) {
        subscribers.remove(this);
      } finally {
        draining.set(false);
        if (!backlog.isEmpty()) {
          drainLater();
        }
      }
    }

    private void send(Event event) {
      if (event.article() == null) {
        client.sendEvent("withdrawn", "{\"id\":\"" + event.id() + "\"}",
            Long.toString(event.seq()));
      } else {
        client.sendEvent("article", event.article().toString(), Long.toString(event.seq()));
      }
      lastSent = event.seq();
    }
  }

  private final ArticleQueries queries;
  private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
  private final ExecutorService senders;
  private final ScheduledExecutorService heartbeats;

  public LiveStream(ArticleQueries queries, Duration heartbeat) {
    this.queries = queries;
    this.senders = Executors.newFixedThreadPool(4, daemon("live-stream-sender"));
    this.heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("live-stream-heartbeat"));
    heartbeats.scheduleAtFixedRate(this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private static ThreadFactory daemon(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * Serves one subscriber until it disconnects: what it missed since {@code lastEventId} (when
   * given), then live events matching {@code filter}. Returns when the client is gone.
   */
  public void subscribe(SseClient client, ArticleFilter filter, Long lastEventId) {
    Subscriber subscriber = new Subscriber(client, filter, -1);
    client.onClose(() -> subscribers.remove(subscriber));
    // Live events queue up, unsent, until the catch-up below has been sent on this thread.
    subscriber.draining.set(true);
    // Registered before catching up, so nothing stored meanwhile is missed; the change
    // numbers keep what both paths deliver from being sent twice.
    subscribers.add(subscriber);
    if (lastEventId != null) {
      try {
        long after = lastEventId;
        List<ArticleQueries.StoredChange> page;
        do {
          page = queries.changesAfter(after, filter, CATCH_UP_PAGE);
          for (ArticleQueries.StoredChange change : page) {
            subscriber.send(new Event(change.seq(), change.id(), change.article()));
            after = change.seq();
          }
        } while (page.size() == CATCH_UP_PAGE);
      } catch (SQLException e) {
        log.warn("Live-stream catch-up failed: {}", e.toString());
        subscribers.remove(subscriber);
        client.close();
        return;
      }
    }
    subscriber.draining.set(false);
    subscriber.drainLater();
    // Holds the request open until the client leaves; events flow from the sender threads.
    client.keepAlive();
  }

  /** Hands stored changes to the subscribers whose filters match. Never blocks. */
  public void publish(List<ArticleStore.Applied> applied) {
    if (subscribers.isEmpty()) {
      return;
    }
    for (ArticleStore.Applied change : applied) {
      Event event = new Event(change.seq(), change.id(),
          change.article() == null ? null : ArticleJson.of(change.article()));
      for (Subscriber subscriber : subscribers) {
        if (change.article() == null || subscriber.filter.matches(change.article())) {
          subscriber.offer(event);
        }
      }
    }
  }

  /** How many clients are subscribed. */
  public int subscribers() {
    return subscribers.size();
  }

  private void heartbeat() {
    for (Subscriber subscriber : subscribers) {
      senders.execute(() -> {
        try {
          subscriber.client.sendComment("heartbeat");
        } catch (RuntimeException e) {
          subscribers.remove(subscriber);
        }
      });
    }
  }

  @Override
  public void close() {
    heartbeats.shutdownNow();
    senders.shutdownNow();
    subscribers.forEach(s -> s.client.close());
    subscribers.clear();
  }
}
