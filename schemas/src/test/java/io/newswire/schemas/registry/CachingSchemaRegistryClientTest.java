package io.newswire.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CachingSchemaRegistryClientTest {
  private static final Schema SCHEMA = new Schema.Parser().parse(
      "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}");

  /** Counts what reaches the registry behind the cache. */
  private static final class CountingClient implements SchemaRegistryClient {
    private final SchemaRegistryClient delegate = new LocalSchemaRegistryClient(
        new SchemaRegistry(new InMemoryRegistryJournal(CompatibilityLevel.BACKWARD)));
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public int register(String subject, Schema schema) {
      calls.incrementAndGet();
      return delegate.register(subject, schema);
    }

    @Override
    public int idOf(String subject, Schema schema) {
      calls.incrementAndGet();
      return delegate.idOf(subject, schema);
    }

    @Override
    public Schema schemaById(int id) {
      calls.incrementAndGet();
      return delegate.schemaById(id);
    }

    @Override
    public Registered latest(String subject) {
      calls.incrementAndGet();
      return delegate.latest(subject);
    }

    @Override
    public void close() {
    }
  }

  private static final class ManualClock extends Clock {
    long millis;

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }
  }

  @Test
  void shouldAskRegistryOncePerSchemaAndId() {
    CountingClient registry = new CountingClient();
    CachingSchemaRegistryClient client =
        new CachingSchemaRegistryClient(registry, Duration.ofSeconds(-1), Clock.systemUTC());

    int id = client.register("s", SCHEMA);
    for (int i = 0; i < 100; i++) {
      client.register("s", SCHEMA);
      client.idOf("s", SCHEMA);
      client.schemaById(id);
    }

    assertThat(registry.calls.get()).as("one register, one schemaById").isEqualTo(2);
  }

  @Test
  void shouldRefreshLatestVersionAfterTtl() {
    CountingClient registry = new CountingClient();
    ManualClock clock = new ManualClock();
    CachingSchemaRegistryClient client =
        new CachingSchemaRegistryClient(registry, Duration.ofSeconds(10), clock);
    client.register("s", SCHEMA);

    client.latest("s");
    client.latest("s");
    clock.millis += 10_001;
    client.latest("s");

    assertThat(registry.calls.get()).as("register, latest, latest after expiry").isEqualTo(3);
  }
}
