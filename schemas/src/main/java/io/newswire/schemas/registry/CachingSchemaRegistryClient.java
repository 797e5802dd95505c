package io.newswire.schemas.registry;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Caches what a registry answered so that the serde calls it once per schema, not per record.
 *
 * <p>Ids and schemas never change once registered, so they are cached for the life of the client.
 * The latest version of a subject can change; it is cached for {@code latestTtl} (zero disables,
 * a negative duration keeps it for ever, as Confluent's {@code latest.cache.ttl.sec=-1}).
 */
public final class CachingSchemaRegistryClient implements SchemaRegistryClient {
  private record SubjectSchema(String subject, Schema schema) {
  }

  private record Timed<T>(T value, long expiresAtMillis) {
  }

  private final SchemaRegistryClient delegate;
  private final Duration latestTtl;
  private final Clock clock;
  private final Map<SubjectSchema, Integer> registered = new ConcurrentHashMap<>();
  private final Map<SubjectSchema, Integer> looked = new ConcurrentHashMap<>();
  private final Map<Integer, Schema> byId = new ConcurrentHashMap<>();
  private final Map<String, Timed<Registered>> latest = new ConcurrentHashMap<>();

  public CachingSchemaRegistryClient(SchemaRegistryClient delegate, Duration latestTtl,
      Clock clock) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.latestTtl = Objects.requireNonNull(latestTtl, "latestTtl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public int register(String subject, Schema schema) {
    return registered.computeIfAbsent(new SubjectSchema(subject, schema),
        k -> delegate.register(subject, schema));
  }

  @Override
  public int idOf(String subject, Schema schema) {
    Integer known = registered.get(new SubjectSchema(subject, schema));
    if (known != null) {
      return known;
    }
    return looked.computeIfAbsent(new SubjectSchema(subject, schema),
        k -> delegate.idOf(subject, schema));
  }

  @Override
  public Schema schemaById(int id) {
    return byId.computeIfAbsent(id, delegate::schemaById);
  }

  @Override
  public Registered latest(String subject) {
    long now = clock.millis();
    Timed<Registered> cached = latest.get(subject);
    if (cached != null && (latestTtl.isNegative() || now < cached.expiresAtMillis())) {
      return cached.value();
    }
    Registered fresh = delegate.latest(subject);
    if (!latestTtl.isZero()) {
      long expiry = latestTtl.isNegative() ? Long.MAX_VALUE : now + latestTtl.toMillis();
      latest.put(subject, new Timed<>(fresh, expiry));
    }
    return fresh;
  }

  @Override
  public void close() {
    delegate.close();
  }
}
