package io.newswire.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class FeedRegistryTest {

  @Test
  void shouldReadFeedsWithTheirLimitsAndTypes() {
    FeedRegistry registry = FeedRegistry.fromSettings(Map.of(
        "feed.afp.key.sha256", FeedRegistry.sha256Hex("k1"),
        "feed.afp.rate", "5",
        "feed.afp.content.types", "text/plain, application/json"), 100, 200);

    Feed afp = registry.authenticate("Bearer k1");

    assertThat(afp.id()).isEqualTo("afp");
    assertThat(afp.ratePerSecond()).isEqualTo(5);
    assertThat(afp.burst()).isEqualTo(200);
    assertThat(afp.accepts("text/plain")).isTrue();
    assertThat(afp.accepts("text/html")).isFalse();
  }

  @Test
  void shouldNameTheSettingAtFault() {
    assertThatThrownBy(() -> FeedRegistry.fromSettings(Map.of("feed.afp.rate", "5"), 1, 1))
        .isInstanceOf(ConfigException.class).hasMessageContaining("feed.afp.key.sha256");
    assertThatThrownBy(() -> FeedRegistry.fromSettings(Map.of(
        "feed.afp.key.sha256", FeedRegistry.sha256Hex("k"),
        "feed.afp.content.types", "application/pdf"), 1, 1))
        .isInstanceOf(ConfigException.class).hasMessageContaining("feed.afp.content.types");
  }

  @Test
  void shouldRefuseMalformedAuthorization() {
    FeedRegistry registry = FeedRegistry.fromSettings(Map.of(
        "feed.afp.key.sha256", FeedRegistry.sha256Hex("k1")), 1, 1);

    assertThatThrownBy(() -> registry.authenticate("Basic abc"))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status()).isEqualTo(401));
    assertThatThrownBy(() -> registry.authenticate("Bearer "))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status()).isEqualTo(401));
  }

  @Test
  void shouldRefillTokensAtTheFeedsRate() {
    AtomicLong now = new AtomicLong();
    RateLimiter limiter = new RateLimiter(now::get);
    Feed feed = new Feed("f", "0".repeat(64), 2, 2, java.util.Set.of(), true);

    assertThat(limiter.tryAcquire(feed, 1)).isZero();
    assertThat(limiter.tryAcquire(feed, 1)).isZero();
    Duration wait = limiter.tryAcquire(feed, 1);
    now.addAndGet(Duration.ofMillis(500).toNanos());

    assertThat(wait).isEqualTo(Duration.ofMillis(500));
    assertThat(limiter.tryAcquire(feed, 1)).isZero();
  }
}
