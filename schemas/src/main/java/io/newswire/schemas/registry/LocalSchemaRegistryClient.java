package io.newswire.schemas.registry;

import java.util.Objects;
import org.apache.avro.Schema;

/** A client that calls an in-process {@link SchemaRegistry} directly, without HTTP. */
public final class LocalSchemaRegistryClient implements SchemaRegistryClient {
  private final SchemaRegistry registry;

  public LocalSchemaRegistryClient(SchemaRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public int register(String subject, Schema schema) {
    return registry.register(subject, schema.toString());
  }

  @Override
  public int idOf(String subject, Schema schema) {
    return registry.lookup(subject, schema.toString(), false).id();
  }

  @Override
  public Schema schemaById(int id) {
    return new Schema.Parser().parse(registry.schemaById(id));
  }

  @Override
  public Registered latest(String subject) {
    SchemaVersion v = registry.version(subject, "latest", false);
    return new Registered(subject, v.version(), v.id(), new Schema.Parser().parse(v.schema()));
  }

  @Override
  public void close() {
    // the registry belongs to whoever made it
  }
}
