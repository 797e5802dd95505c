package io.newswire.platform.registry;

import static io.newswire.platform.registry.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.platform.kafka.EmbeddedKafkaCluster;
import io.newswire.schemas.registry.CompatibilityLevel;
import io.newswire.schemas.registry.SchemaRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every endpoint of the Confluent Schema Registry REST API that the server offers, and every
 * error code it answers with, against a registry stored in a real Kafka topic.
 */
@Timeout(120)
class SchemaRegistryServerIT {
  private static final String V1 = """
      {"type":"record","name":"Article","namespace":"test","fields":[
        {"name":"headline","type":"string"}]}""";
  /** V1 plus an optional field: compatible both ways. */
  private static final String V2 = """
      {"type":"record","name":"Article","namespace":"test","fields":[
        {"name":"headline","type":"string"},
        {"name":"byline","type":["null","string"],"default":null}]}""";
  /** V1 with the field's type changed: incompatible every way. */
  private static final String INCOMPATIBLE = """
      {"type":"record","name":"Article","namespace":"test","fields":[
        {"name":"headline","type":"int"}]}""";
  private static final AtomicInteger SUBJECTS = new AtomicInteger();

  private static EmbeddedKafkaCluster kafka;
  private static SchemaRegistryServer server;
  private static RegistryHttp http;

  @BeforeAll
  static void startRegistry() {
    kafka = EmbeddedKafkaCluster.builder().build().start();
    KafkaRegistryJournal journal = KafkaRegistryJournal.open(kafka.clientConfig(), "_schemas",
        CompatibilityLevel.BACKWARD, Duration.ofSeconds(10));
    server = SchemaRegistryServer.start(new SchemaRegistry(journal), journal, "127.0.0.1", 0);
    http = new RegistryHttp(server.port());
  }

  @AfterAll
  static void stopRegistry() {
    if (server != null) {
      server.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  private static String newSubject() {
    return "subject-" + SUBJECTS.incrementAndGet() + "-value";
  }

  private static int register(String subject, String schema) {
    RegistryHttp.Answer answer = http.post("/subjects/" + subject + "/versions",
        schemaBody(schema));
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return answer.json().get("id").asInt();
  }

  @Test
  void shouldAnswerRootAndSchemaTypesWithRegistryContentType() {
    RegistryHttp.Answer root = http.get("/");
    RegistryHttp.Answer types = http.get("/schemas/types");

    assertThat(root.status()).isEqualTo(200);
    assertThat(root.contentType()).startsWith("application/vnd.schemaregistry.v1+json");
    assertThat(types.json().toString()).isEqualTo("[\"AVRO\"]");
  }

  @Test
  void shouldReturnSameIdWhenSameSchemaIsRegisteredAgain() {
    String subject = newSubject();

    int first = register(subject, V1);
    int again = register(subject, V1.replace("\n", " ").replace("  ", " "));

    assertThat(again).isEqualTo(first);
    assertThat(http.get("/subjects/" + subject + "/versions").json().toString())
        .isEqualTo("[1]");
  }

  @Test
  void shouldShareOneIdForOneSchemaAcrossSubjects() {
    int inFirst = register(newSubject(), V2);
    int inSecond = register(newSubject(), V2);

    assertThat(inSecond).isEqualTo(inFirst);
  }

  @Test
  void shouldLookUpSchemaUnderSubject() {
    String subject = newSubject();
    int id = register(subject, V1);

    RegistryHttp.Answer found = http.post("/subjects/" + subject, schemaBody(V1));
    RegistryHttp.Answer unknownSubject = http.post("/subjects/nobody-value", schemaBody(V1));
    RegistryHttp.Answer unknownSchema = http.post("/subjects/" + subject, schemaBody(V2));

    assertThat(found.status()).isEqualTo(200);
    assertThat(found.json().get("id").asInt()).isEqualTo(id);
    assertThat(found.json().get("version").asInt()).isEqualTo(1);
    assertThat(found.json().get("subject").asText()).isEqualTo(subject);
    assertThat(unknownSubject.status()).isEqualTo(404);
    assertThat(unknownSubject.errorCode()).isEqualTo(40401);
    assertThat(unknownSchema.status()).isEqualTo(404);
    assertThat(unknownSchema.errorCode()).isEqualTo(40403);
  }

  @Test
  void shouldServeSchemaByIdWithItsSubjectsAndVersions() {
    String subject = newSubject();
    int id = register(subject, V1);

    RegistryHttp.Answer byId = http.get("/schemas/ids/" + id);
    RegistryHttp.Answer rawSchema = http.get("/schemas/ids/" + id + "/schema");
    RegistryHttp.Answer subjects = http.get("/schemas/ids/" + id + "/subjects");
    RegistryHttp.Answer versions = http.get("/schemas/ids/" + id + "/versions");
    RegistryHttp.Answer missing = http.get("/schemas/ids/99999");

    assertThat(byId.json().get("schema").asText()).contains("\"headline\"");
    assertThat(rawSchema.json().get("name").asText()).isEqualTo("Article");
    assertThat(subjects.json().toString()).contains(subject);
    assertThat(versions.json().toString()).contains("{\"subject\":\"" + subject
        + "\",\"version\":1}");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.errorCode()).isEqualTo(40403);
  }

  @Test
  void shouldListSubjectsAndTheirVersions() {
    String subject = newSubject();
    register(subject, V1);
    register(subject, V2);

    RegistryHttp.Answer subjects = http.get("/subjects");
    RegistryHttp.Answer versions = http.get("/subjects/" + subject + "/versions");
    RegistryHttp.Answer unknown = http.get("/subjects/nobody-value/versions");

    assertThat(subjects.json().toString()).contains("\"" + subject + "\"");
    assertThat(versions.json().toString()).isEqualTo("[1,2]");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.errorCode()).isEqualTo(40401);
  }

  @Test
  void shouldGetVersionsByNumberAndLatest() {
    String subject = newSubject();
    register(subject, V1);
    int id2 = register(subject, V2);

    RegistryHttp.Answer first = http.get("/subjects/" + subject + "/versions/1");
    RegistryHttp.Answer latest = http.get("/subjects/" + subject + "/versions/latest");
    RegistryHttp.Answer minusOne = http.get("/subjects/" + subject + "/versions/-1");
    RegistryHttp.Answer latestSchema = http.get("/subjects/" + subject
        + "/versions/latest/schema");
    RegistryHttp.Answer referencedBy = http.get("/subjects/" + subject
        + "/versions/1/referencedby");
    RegistryHttp.Answer missingVersion = http.get("/subjects/" + subject + "/versions/7");
    RegistryHttp.Answer badVersion = http.get("/subjects/" + subject + "/versions/abc");
    RegistryHttp.Answer zeroVersion = http.get("/subjects/" + subject + "/versions/0");
    RegistryHttp.Answer unknownSubject = http.get("/subjects/nobody-value/versions/1");

    assertThat(first.json().get("version").asInt()).isEqualTo(1);
    assertThat(latest.json().get("version").asInt()).isEqualTo(2);
    assertThat(latest.json().get("id").asInt()).isEqualTo(id2);
    assertThat(minusOne.json().get("version").asInt()).isEqualTo(2);
    assertThat(latestSchema.json().get("fields")).hasSize(2);
    assertThat(referencedBy.json().toString()).isEqualTo("[]");
    assertThat(missingVersion.status()).isEqualTo(404);
    assertThat(missingVersion.errorCode()).isEqualTo(40402);
    assertThat(badVersion.status()).isEqualTo(422);
    assertThat(badVersion.errorCode()).isEqualTo(42202);
    assertThat(zeroVersion.errorCode()).isEqualTo(42202);
    assertThat(unknownSubject.errorCode()).isEqualTo(40401);
  }

  @Test
  void shouldRejectInvalidSchemasWith42201() {
    String subject = newSubject();

    RegistryHttp.Answer notAvro = http.post("/subjects/" + subject + "/versions",
        schemaBody("{\"type\":\"record\",\"name\":\"X\"}"));
    RegistryHttp.Answer notJson = http.post("/subjects/" + subject + "/versions",
        schemaBody("not a schema"));
    RegistryHttp.Answer protobuf = http.post("/subjects/" + subject + "/versions",
        "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}");
    RegistryHttp.Answer noSchema = http.post("/subjects/" + subject + "/versions", "{}");
    RegistryHttp.Answer malformedBody = http.post("/subjects/" + subject + "/versions", "{");

    assertThat(notAvro.status()).isEqualTo(422);
    assertThat(notAvro.errorCode()).isEqualTo(42201);
    assertThat(notJson.errorCode()).isEqualTo(42201);
    assertThat(protobuf.errorCode()).isEqualTo(42201);
    assertThat(protobuf.json().get("message").asText()).contains("PROTOBUF");
    assertThat(noSchema.errorCode()).isEqualTo(42201);
    assertThat(malformedBody.status()).isEqualTo(400);
  }

  @Test
  void shouldRejectIncompatibleSchemaWith409() {
    String subject = newSubject();
    register(subject, V1);

    RegistryHttp.Answer answer = http.post("/subjects/" + subject + "/versions",
        schemaBody(INCOMPATIBLE));

    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.errorCode()).isEqualTo(409);
    assertThat(answer.json().get("message").asText()).contains("incompatible", "headline");
    assertThat(http.get("/subjects/" + subject + "/versions").json().toString())
        .isEqualTo("[1]");
  }

  @Test
  void shouldSoftDeleteThenPermanentlyDeleteSubject() {
    String subject = newSubject();
    int id = register(subject, V1);
    register(subject, V2);

    RegistryHttp.Answer permanentFirst = http.delete("/subjects/" + subject + "?permanent=true");
    RegistryHttp.Answer soft = http.delete("/subjects/" + subject);
    RegistryHttp.Answer afterSoft = http.get("/subjects/" + subject + "/versions");
    RegistryHttp.Answer withDeleted = http.get("/subjects/" + subject
        + "/versions?deleted=true");
    RegistryHttp.Answer softAgain = http.delete("/subjects/" + subject);
    RegistryHttp.Answer idAfterSoft = http.get("/schemas/ids/" + id);
    RegistryHttp.Answer permanent = http.delete("/subjects/" + subject + "?permanent=true");
    RegistryHttp.Answer afterPermanent = http.get("/subjects/" + subject
        + "/versions?deleted=true");
    RegistryHttp.Answer unknown = http.delete("/subjects/" + subject);

    assertThat(permanentFirst.status()).isEqualTo(404);
    assertThat(permanentFirst.errorCode()).isEqualTo(40405);
    assertThat(soft.json().toString()).isEqualTo("[1,2]");
    assertThat(afterSoft.errorCode()).isEqualTo(40401);
    assertThat(withDeleted.json().toString()).isEqualTo("[1,2]");
    assertThat(softAgain.errorCode()).isEqualTo(40404);
    assertThat(idAfterSoft.status()).as("soft-deleted schemas still decode old records")
        .isEqualTo(200);
    assertThat(permanent.json().toString()).isEqualTo("[1,2]");
    assertThat(afterPermanent.errorCode()).isEqualTo(40401);
    assertThat(unknown.errorCode()).isEqualTo(40401);
  }

  @Test
  void shouldSoftDeleteThenPermanentlyDeleteOneVersion() {
    String subject = newSubject();
    register(subject, V1);
    register(subject, V2);

    RegistryHttp.Answer permanentFirst = http.delete("/subjects/" + subject
        + "/versions/1?permanent=true");
    RegistryHttp.Answer soft = http.delete("/subjects/" + subject + "/versions/1");
    RegistryHttp.Answer softAgain = http.delete("/subjects/" + subject + "/versions/1");
    RegistryHttp.Answer remaining = http.get("/subjects/" + subject + "/versions");
    RegistryHttp.Answer permanent = http.delete("/subjects/" + subject
        + "/versions/1?permanent=true");
    RegistryHttp.Answer missing = http.delete("/subjects/" + subject + "/versions/9");
    RegistryHttp.Answer invalid = http.delete("/subjects/" + subject + "/versions/x");

    assertThat(permanentFirst.errorCode()).isEqualTo(40407);
    assertThat(soft.status()).isEqualTo(200);
    assertThat(soft.text()).isEqualTo("1");
    assertThat(softAgain.errorCode()).isEqualTo(40406);
    assertThat(remaining.json().toString()).isEqualTo("[2]");
    assertThat(permanent.text()).isEqualTo("1");
    assertThat(missing.errorCode()).isEqualTo(40402);
    assertThat(invalid.errorCode()).isEqualTo(42202);
  }

  @Test
  void shouldGetAndSetGlobalCompatibility() {
    RegistryHttp.Answer initial = http.get("/config");
    RegistryHttp.Answer set = http.put("/config", "{\"compatibility\":\"FULL\"}");
    RegistryHttp.Answer after = http.get("/config");
    RegistryHttp.Answer invalid = http.put("/config", "{\"compatibility\":\"SIDEWAYS\"}");
    http.put("/config", "{\"compatibility\":\"BACKWARD\"}");

    assertThat(initial.json().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    assertThat(set.json().get("compatibility").asText()).isEqualTo("FULL");
    assertThat(after.json().get("compatibilityLevel").asText()).isEqualTo("FULL");
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.errorCode()).isEqualTo(42203);
  }

  @Test
  void shouldGetSetAndDeleteSubjectCompatibility() {
    String subject = newSubject();
    register(subject, V1);

    RegistryHttp.Answer none = http.get("/config/" + subject);
    RegistryHttp.Answer fallback = http.get("/config/" + subject + "?defaultToGlobal=true");
    RegistryHttp.Answer set = http.put("/config/" + subject, "{\"compatibility\":\"NONE\"}");
    RegistryHttp.Answer own = http.get("/config/" + subject);
    int incompatibleId = register(subject, INCOMPATIBLE);
    RegistryHttp.Answer deleted = http.delete("/config/" + subject);
    RegistryHttp.Answer afterDelete = http.get("/config/" + subject);
    RegistryHttp.Answer invalid = http.put("/config/" + subject, "{\"compatibility\":\"x\"}");

    assertThat(none.status()).isEqualTo(404);
    assertThat(none.errorCode()).isEqualTo(40408);
    assertThat(fallback.json().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    assertThat(set.json().get("compatibility").asText()).isEqualTo("NONE");
    assertThat(own.json().get("compatibilityLevel").asText()).isEqualTo("NONE");
    assertThat(incompatibleId).as("NONE accepts any change").isPositive();
    assertThat(deleted.json().get("compatibilityLevel").asText()).isEqualTo("NONE");
    assertThat(afterDelete.errorCode()).isEqualTo(40408);
    assertThat(invalid.errorCode()).isEqualTo(42203);
  }

  @Test
  void shouldTestCompatibilityAgainstOneVersionAndLatest() {
    String subject = newSubject();
    register(subject, V1);

    RegistryHttp.Answer compatible = http.post("/compatibility/subjects/" + subject
        + "/versions/latest", schemaBody(V2));
    RegistryHttp.Answer incompatible = http.post("/compatibility/subjects/" + subject
        + "/versions/1?verbose=true", schemaBody(INCOMPATIBLE));
    RegistryHttp.Answer allVersions = http.post("/compatibility/subjects/" + subject
        + "/versions", schemaBody(V2));
    RegistryHttp.Answer unknownSubject = http.post("/compatibility/subjects/nobody-value"
        + "/versions/latest", schemaBody(V2));
    RegistryHttp.Answer unknownVersion = http.post("/compatibility/subjects/" + subject
        + "/versions/5", schemaBody(V2));
    RegistryHttp.Answer invalidVersion = http.post("/compatibility/subjects/" + subject
        + "/versions/x", schemaBody(V2));
    RegistryHttp.Answer invalidSchema = http.post("/compatibility/subjects/" + subject
        + "/versions/latest", schemaBody("{"));

    assertThat(compatible.json().get("is_compatible").asBoolean()).isTrue();
    assertThat(incompatible.json().get("is_compatible").asBoolean()).isFalse();
    assertThat(incompatible.json().get("messages")).isNotEmpty();
    assertThat(allVersions.json().get("is_compatible").asBoolean()).isTrue();
    assertThat(unknownSubject.errorCode()).isEqualTo(40401);
    assertThat(unknownVersion.errorCode()).isEqualTo(40402);
    assertThat(invalidVersion.errorCode()).isEqualTo(42202);
    assertThat(invalidSchema.errorCode()).isEqualTo(42201);
  }

  @Test
  void shouldAcceptTheQueryParametersConfluentClientsSend() {
    String subject = newSubject();

    RegistryHttp.Answer registered = http.post("/subjects/" + subject
        + "/versions?normalize=false", schemaBody(V1));
    int id = registered.json().get("id").asInt();
    RegistryHttp.Answer fetched = http.get("/schemas/ids/" + id + "?fetchMaxId=false&subject="
        + subject);
    RegistryHttp.Answer lookedUp = http.post("/subjects/" + subject
        + "?normalize=false&deleted=false", schemaBody(V1));

    assertThat(fetched.status()).isEqualTo(200);
    assertThat(lookedUp.json().get("id").asInt()).isEqualTo(id);
  }

  @Test
  void shouldAnswerUnknownPathsWithJsonError() {
    RegistryHttp.Answer answer = http.get("/no/such/endpoint");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.errorCode()).isEqualTo(404);
  }
}
