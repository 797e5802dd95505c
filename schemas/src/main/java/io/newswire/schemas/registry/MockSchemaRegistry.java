package io.newswire.schemas.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory registries named by scope, behind {@code mock://<scope>} URLs, for unit tests: a
 * serializer and a deserializer configured with the same {@code mock://} URL share one registry,
 * as with Confluent's own mock registry.
 *
 * <p>Kafka instantiates serdes reflectively from config, so the only way for two of them to meet
 * is a process-wide table; it is the one piece of static state in the project and holds test data
 * only. Tests that need isolation use a unique scope or call {@link #drop(String)}.
 */
public final class MockSchemaRegistry {
  /** The URL scheme that selects an in-memory registry. */
  public static final String SCHEME = "mock://";

  private static final Map<String, SchemaRegistry> SCOPES = new ConcurrentHashMap<>();

  private MockSchemaRegistry() {
  }

  /** The registry of a scope, created empty (global level BACKWARD) on first use. */
  public static SchemaRegistry scope(String scope) {
    return SCOPES.computeIfAbsent(scope,
        s -> new SchemaRegistry(new InMemoryRegistryJournal(CompatibilityLevel.BACKWARD)));
  }

  /** Forgets a scope and everything registered in it. */
  public static void drop(String scope) {
    SCOPES.remove(scope);
  }

  /** The scope named by a {@code mock://scope} URL. */
  public static String scopeOf(String url) {
    return url.substring(SCHEME.length());
  }
}
