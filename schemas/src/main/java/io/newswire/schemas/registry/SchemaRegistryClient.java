package io.newswire.schemas.registry;

import java.io.Closeable;
import org.apache.avro.Schema;

/**
 * What the serde needs from a schema registry. Implementations: {@link RestSchemaRegistryClient}
 * (any Confluent-compatible registry over HTTP), {@link LocalSchemaRegistryClient} (an in-process
 * {@link SchemaRegistry}, as behind {@code mock://} URLs), and {@link CachingSchemaRegistryClient}
 * in front of either.
 *
 * <p>Every method throws {@link RegistryException} with the registry's error code when the registry
 * answers with an error, and with {@link RegistryException#STORE_ERROR} when it cannot be reached.
 */
public interface SchemaRegistryClient extends Closeable {

  /** A subject version as the registry reports it. */
  record Registered(String subject, int version, int id, Schema schema) {
  }

  /** Registers the schema under the subject (or finds it there) and returns its id. */
  int register(String subject, Schema schema);

  /** The id of a schema already registered under the subject; 40401/40403 when it is not. */
  int idOf(String subject, Schema schema);

  /** The schema with this id; 40403 when there is none. */
  Schema schemaById(int id);

  /** The subject's latest live version; 40401 when there is none. */
  Registered latest(String subject);

  @Override
  void close();
}
