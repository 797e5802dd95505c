package io.newswire.ingest.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** A token bucket per feed: {@code rate} tokens a second, at most {@code burst} saved up. */
public final class RateLimiter {
  private final LongSupplier nanoClock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  private static final class Bucket {
    private final double rate;
    private final double capacity;
    private double tokens;
    private long updatedNanos;

    Bucket(double rate, int burst, long now) {
      this.rate = rate;
      this.capacity = burst;
      this.tokens = burst;
      this.updatedNanos = now;
    }

    synchronized Duration take(double count, long now) {
      tokens = Math.min(capacity, tokens + (now - updatedNanos) / 1e9 * rate);
      updatedNanos = now;
      if (tokens >= count) {
        tokens -= count;
        return Duration.ZERO;
      }
      return Duration.ofNanos((long) Math.ceil((count - tokens) / rate * 1e9));
    }
  }

  /**
   * Takes {@code count} tokens from the feed's bucket.
   *
   * @return zero when granted, else how long until they would be
   */
  public Duration tryAcquire(Feed feed, int count) {
    Bucket bucket = buckets.computeIfAbsent(feed.id(),
        id -> new Bucket(feed.ratePerSecond(), feed.burst(), nanoClock.getAsLong()));
    return bucket.take(count, nanoClock.getAsLong());
  }
}
