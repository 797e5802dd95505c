package io.newswire.platform.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.newswire.schemas.registry.CompatibilityLevel;
import io.newswire.schemas.registry.RegistryException;
import io.newswire.schemas.registry.SchemaRegistry;
import io.newswire.schemas.registry.SchemaVersion;
import io.newswire.schemas.text.JsonProblems;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Confluent Schema Registry REST API over a {@link SchemaRegistry}: what Confluent's
 * serializers, Kafka UIs and other registry clients call. Avro only; answers are
 * {@code application/vnd.schemaregistry.v1+json} and errors {@code {error_code, message}}.
 */
public final class SchemaRegistryServer implements AutoCloseable {
  /** The content type of every JSON answer. */
  public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final Logger log = LoggerFactory.getLogger(SchemaRegistryServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Marks a response the registry wrote itself, so the 404 page does not replace it. */
  private static final String ANSWERED = "newswire.registry.answered";

  private final SchemaRegistry registry;
  private final AutoCloseable owned;
  private final Javalin app;

  private SchemaRegistryServer(SchemaRegistry registry, AutoCloseable owned) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.owned = owned;
    this.app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.startupWatcherEnabled = false;
    });
    routes();
  }

  /**
   * Serves {@code registry} on {@code host:port} (port 0 picks a free one).
   *
   * @param owned closed with the server (the registry's journal, typically), or null
   */
  public static SchemaRegistryServer start(SchemaRegistry registry, AutoCloseable owned,
      String host, int port) {
    SchemaRegistryServer server = new SchemaRegistryServer(registry, owned);
    server.app.start(host, port);
    log.info("Schema registry listening on http://{}:{}", host, server.port());
    return server;
  }

  /** The port the server listens on. */
  public int port() {
    return app.port();
  }

  private void routes() {
    app.get("/", ctx -> json(ctx, JSON.createObjectNode()));
    app.get("/schemas/types", ctx -> json(ctx, JSON.createArrayNode().add("AVRO")));
    app.get("/mode", ctx -> json(ctx, JSON.createObjectNode().put("mode", "READWRITE")));
    app.get("/mode/{subject}", ctx -> json(ctx,
        JSON.createObjectNode().put("mode", "READWRITE")));

    app.get("/schemas/ids/{id}", ctx ->
        json(ctx, JSON.createObjectNode().put("schema", registry.schemaById(id(ctx)))));
    app.get("/schemas/ids/{id}/schema", ctx -> raw(ctx, registry.schemaById(id(ctx))));
    app.get("/schemas/ids/{id}/subjects", ctx -> {
      ArrayNode subjects = JSON.createArrayNode();
      registry.versionsWithId(id(ctx), flag(ctx, "deleted")).stream()
          .map(SchemaVersion::subject).distinct().forEach(subjects::add);
      json(ctx, subjects);
    });
    app.get("/schemas/ids/{id}/versions", ctx -> {
      ArrayNode versions = JSON.createArrayNode();
      registry.versionsWithId(id(ctx), flag(ctx, "deleted")).forEach(v -> versions.addObject()
          .put("subject", v.subject()).put("version", v.version()));
      json(ctx, versions);
    });

    app.get("/subjects", ctx -> {
      ArrayNode subjects = JSON.createArrayNode();
      registry.subjects(flag(ctx, "deleted")).forEach(subjects::add);
      json(ctx, subjects);
    });
    app.post("/subjects/{subject}", ctx -> json(ctx, describe(
        registry.lookup(subject(ctx), schemaOf(ctx), flag(ctx, "deleted")))));
    app.delete("/subjects/{subject}", ctx -> {
      ArrayNode versions = JSON.createArrayNode();
      registry.deleteSubject(subject(ctx), flag(ctx, "permanent")).forEach(versions::add);
      json(ctx, versions);
    });
    app.get("/subjects/{subject}/versions", ctx -> {
      ArrayNode versions = JSON.createArrayNode();
      registry.versionNumbers(subject(ctx), flag(ctx, "deleted")).forEach(versions::add);
      json(ctx, versions);
    });
    app.post("/subjects/{subject}/versions", ctx -> json(ctx, JSON.createObjectNode()
        .put("id", registry.register(subject(ctx), schemaOf(ctx)))));
    app.get("/subjects/{subject}/versions/{version}", ctx -> json(ctx, describe(
        registry.version(subject(ctx), ctx.pathParam("version"), flag(ctx, "deleted")))));
    app.get("/subjects/{subject}/versions/{version}/schema", ctx -> raw(ctx,
        registry.version(subject(ctx), ctx.pathParam("version"), flag(ctx, "deleted"))
            .schema()));
    app.get("/subjects/{subject}/versions/{version}/referencedby", ctx -> {
      registry.version(subject(ctx), ctx.pathParam("version"), false);
      json(ctx, JSON.createArrayNode());
    });
    app.delete("/subjects/{subject}/versions/{version}", ctx -> json(ctx,
        JSON.getNodeFactory().numberNode(registry.deleteVersion(subject(ctx),
            ctx.pathParam("version"), flag(ctx, "permanent")))));

    app.get("/config", ctx -> json(ctx, level(registry.globalLevel())));
    app.put("/config", ctx -> json(ctx, JSON.createObjectNode().put("compatibility",
        registry.setGlobalLevel(levelOf(ctx)).name())));
    app.get("/config/{subject}", ctx -> {
      String subject = subject(ctx);
      CompatibilityLevel own = registry.subjectLevel(subject).orElse(null);
      if (own == null && flag(ctx, "defaultToGlobal")) {
        own = registry.globalLevel();
      }
      if (own == null) {
        throw new RegistryException(
            RegistryException.SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED,
            "Subject '" + subject + "' does not have subject-level compatibility configured");
      }
      json(ctx, level(own));
    });
    app.put("/config/{subject}", ctx -> json(ctx, JSON.createObjectNode().put("compatibility",
        registry.setSubjectLevel(subject(ctx), levelOf(ctx)).name())));
    app.delete("/config/{subject}", ctx ->
        json(ctx, level(registry.deleteSubjectLevel(subject(ctx)))));

    app.post("/compatibility/subjects/{subject}/versions", ctx ->
        compatibility(ctx, null));
    app.post("/compatibility/subjects/{subject}/versions/{version}", ctx ->
        compatibility(ctx, ctx.pathParam("version")));

    app.exception(RegistryException.class, (e, ctx) -> {
      if (e.errorCode() >= RegistryException.STORE_ERROR) {
        log.warn("{} {} failed: {}", ctx.method(), ctx.path(), e.getMessage());
      }
      error(ctx, e.httpStatus(), e.errorCode(), e.getMessage());
    });
    app.exception(MalformedRequest.class, (e, ctx) -> error(ctx, 400, 400, e.getMessage()));
    app.exception(Exception.class, (e, ctx) -> {
      log.error("{} {} failed", ctx.method(), ctx.path(), e);
      error(ctx, 500, 50001, "Error in the backend data store: " + e);
    });
    app.error(404, ctx -> {
      if (ctx.attribute(ANSWERED) == null) {
        error(ctx, 404, 404, "HTTP 404 Not Found");
      }
    });
    app.error(405, ctx -> error(ctx, 405, 405, "HTTP 405 Method Not Allowed"));
  }

  private void compatibility(Context ctx, String version) {
    SchemaRegistry.CompatibilityResult result =
        registry.testCompatibility(subject(ctx), version, schemaOf(ctx));
    ObjectNode answer = JSON.createObjectNode().put("is_compatible", result.compatible());
    if (flag(ctx, "verbose")) {
      ArrayNode messages = answer.putArray("messages");
      result.messages().forEach(messages::add);
    }
    json(ctx, answer);
  }

  private static ObjectNode describe(SchemaVersion v) {
    return JSON.createObjectNode()
        .put("subject", v.subject())
        .put("version", v.version())
        .put("id", v.id())
        .put("schema", v.schema());
  }

  private static ObjectNode level(CompatibilityLevel level) {
    return JSON.createObjectNode().put("compatibilityLevel", level.name());
  }

  private static String subject(Context ctx) {
    return ctx.pathParam("subject");
  }

  private static int id(Context ctx) {
    String text = ctx.pathParam("id");
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new RegistryException(RegistryException.SCHEMA_NOT_FOUND,
          "Schema " + text + " not found.");
    }
  }

  private static boolean flag(Context ctx, String name) {
    return Boolean.parseBoolean(ctx.queryParam(name));
  }

  /** The Avro schema text of a request body {@code {"schema": ..., "schemaType": ...}}. */
  private static String schemaOf(Context ctx) {
    JsonNode body = body(ctx);
    String type = body.path("schemaType").asText("AVRO");
    if (!"AVRO".equalsIgnoreCase(type)) {
      throw new RegistryException(RegistryException.INVALID_SCHEMA,
          "Invalid schema: schemaType " + type + " is not supported; this registry holds AVRO");
    }
    JsonNode references = body.path("references");
    if (references.isArray() && !references.isEmpty()) {
      throw new RegistryException(RegistryException.INVALID_SCHEMA,
          "Invalid schema: schema references are not supported");
    }
    JsonNode schema = body.get("schema");
    if (schema == null || !schema.isTextual()) {
      throw new RegistryException(RegistryException.INVALID_SCHEMA,
          "Invalid schema: the body needs a \"schema\" field holding the schema as a string");
    }
    return schema.asText();
  }

  private static CompatibilityLevel levelOf(Context ctx) {
    JsonNode value = body(ctx).get("compatibility");
    return CompatibilityLevel.parse(value == null || value.isNull() ? null : value.asText());
  }

  private static JsonNode body(Context ctx) {
    try {
      JsonNode body = JSON.readTree(ctx.body());
      if (body == null || !body.isObject()) {
        throw new MalformedRequest("The request body must be a JSON object");
      }
      return body;
    } catch (JsonProcessingException e) {
      throw new MalformedRequest("Malformed JSON in the request body at "
          + JsonProblems.describe(e));
    }
  }

  private static void json(Context ctx, JsonNode body) {
    ctx.attribute(ANSWERED, Boolean.TRUE);
    ctx.contentType(CONTENT_TYPE).result(body.toString());
  }

  private static void raw(Context ctx, String schema) {
    ctx.contentType(CONTENT_TYPE).result(schema);
  }

  private static void error(Context ctx, int status, int code, String message) {
    ctx.status(status);
    json(ctx, JSON.createObjectNode().put("error_code", code).put("message", message));
  }

  /** A request the registry cannot read at all. */
  private static final class MalformedRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedRequest(String message) {
      super(message);
    }
  }

  @Override
  public void close() {
    app.stop();
    if (owned != null) {
      try {
        owned.close();
      } catch (Exception e) {
        log.warn("Closing the registry's store failed", e);
      }
    }
  }
}
