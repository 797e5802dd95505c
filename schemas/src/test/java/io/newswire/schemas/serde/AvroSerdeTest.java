package io.newswire.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswire.avro.EnrichedArticle;
import io.newswire.avro.Place;
import io.newswire.avro.RawArticle;
import io.newswire.schemas.Articles;
import io.newswire.schemas.registry.MockSchemaRegistry;
import io.newswire.schemas.registry.SchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {
  private static final String TOPIC = "newswire.articles.raw";
  private String scope;
  private Map<String, Object> config;

  @BeforeEach
  void newRegistry() {
    scope = "serde-" + UUID.randomUUID();
    config = new HashMap<>(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope));
  }

  @AfterEach
  void dropRegistry() {
    MockSchemaRegistry.drop(scope);
  }

  private AvroSerializer serializer(Map<String, Object> settings) {
    AvroSerializer serializer = new AvroSerializer();
    serializer.configure(settings, false);
    return serializer;
  }

  private AvroDeserializer deserializer(boolean specific) {
    Map<String, Object> settings = new HashMap<>(config);
    settings.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, specific);
    AvroDeserializer deserializer = new AvroDeserializer();
    deserializer.configure(settings, false);
    return deserializer;
  }

  @Test
  void shouldRoundTripSpecificRecordsIntoTheirGeneratedClass() {
    RawArticle raw = Articles.raw("a-1", 3);
    EnrichedArticle enriched = Articles.enriched("a-1", 3);

    byte[] rawBytes = serializer(config).serialize(TOPIC, raw);
    byte[] enrichedBytes = serializer(config).serialize("newswire.articles.enriched", enriched);

    assertThat(deserializer(true).deserialize(TOPIC, rawBytes)).isEqualTo(raw);
    assertThat(deserializer(true).deserialize("newswire.articles.enriched", enrichedBytes))
        .isEqualTo(enriched);
  }

  @Test
  void shouldRoundTripGenericRecords() {
    Schema schema = new Schema.Parser().parse("""
        {"type":"record","name":"Ping","fields":[{"name":"n","type":"long"},
         {"name":"note","type":["null","string"],"default":null}]}""");
    GenericRecord ping = new GenericData.Record(schema);
    ping.put("n", 42L);
    ping.put("note", "hello");

    Object read = deserializer(false).deserialize("pings",
        serializer(config).serialize("pings", ping));

    assertThat(read).isInstanceOf(GenericRecord.class);
    assertThat(((GenericRecord) read).get("n")).isEqualTo(42L);
    assertThat(((GenericRecord) read).get("note").toString()).isEqualTo("hello");
  }

  @Test
  void shouldReadSpecificRecordGenericallyWhenSpecificReaderIsOff() {
    byte[] bytes = serializer(config).serialize(TOPIC, Articles.raw("a-2", 1));

    Object read = deserializer(false).deserialize(TOPIC, bytes);

    assertThat(read).isInstanceOf(GenericRecord.class);
    assertThat(((GenericRecord) read).get("id").toString()).isEqualTo("a-2");
  }

  @Test
  void shouldFrameRecordsInConfluentWireFormat() throws Exception {
    RawArticle raw = Articles.raw("a-3", 7);

    byte[] bytes = serializer(config).serialize(TOPIC, raw);

    int id = MockSchemaRegistry.scope(scope).lookup(TOPIC + "-value",
        RawArticle.getClassSchema().toString(), false).id();
    assertThat(bytes[0]).as("magic byte").isZero();
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).as("big-endian schema id").isEqualTo(id);
    assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).as("Avro binary body")
        .isEqualTo(avroBinary(raw));
  }

  @Test
  void shouldWriteOptionalFieldsSetAndUnsetAsAvroDoes() throws Exception {
    EnrichedArticle enriched = Articles.enriched("a-4", 2);
    Place unresolved = Place.newBuilder(enriched.getPlaces().get(0)).setGeonameId(null)
        .setCountryCode(null).setLatitude(null).setLongitude(null).build();
    enriched.setPlaces(List.of(enriched.getPlaces().get(0), unresolved));
    enriched.setFeedId("feed-1");
    enriched.setReceivedAt(Instant.parse("2016-11-02T09:00:00Z"));
    enriched.setHeadline(null);

    byte[] bytes = serializer(config).serialize(TOPIC, enriched);

    assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(avroBinary(enriched));
    assertThat(deserializer(true).deserialize(TOPIC, bytes)).isEqualTo(enriched);
  }

  @Test
  void shouldWriteRecordsOfEverySizeInTurnThroughOneSerializer() throws Exception {
    AvroSerializer serializer = serializer(config);
    AvroDeserializer deserializer = deserializer(true);
    // Each record's buffer starts at the size of the one before: bigger, smaller, the same.
    for (int size : new int[] {0, 100_000, 10, 5_000, 5_000, 1_000_000, 1, 6_000}) {
      RawArticle raw = Articles.raw("a-" + size, 1);
      raw.setContent(ByteBuffer.wrap("x".repeat(size).getBytes(StandardCharsets.UTF_8)));

      byte[] bytes = serializer.serialize(TOPIC, raw);

      assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).as("%d bytes", size)
          .isEqualTo(avroBinary(raw));
      assertThat(deserializer.deserialize(TOPIC, bytes)).isEqualTo(raw);
    }
  }

  @Test
  void shouldRegisterUnderTopicNameStrategySubjects() {
    AvroSerializer keys = new AvroSerializer();
    keys.configure(config, true);

    keys.serialize("t", "key-as-avro-string");
    serializer(config).serialize("t", Articles.raw("a", 1));

    assertThat(MockSchemaRegistry.scope(scope).subjects(false))
        .containsExactlyInAnyOrder("t-key", "t-value");
  }

  @Test
  void shouldSerializeNullAsTombstoneAndReadItBack() {
    assertThat(serializer(config).serialize(TOPIC, null)).isNull();
    assertThat(deserializer(true).deserialize(TOPIC, null)).isNull();
  }

  @Test
  void shouldRoundTripAvroPrimitives() {
    AvroSerializer serializer = serializer(config);
    AvroDeserializer deserializer = deserializer(false);

    assertThat(deserializer.deserialize("s", serializer.serialize("s", "text"))).isEqualTo("text");
    assertThat(deserializer.deserialize("l", serializer.serialize("l", 5L))).isEqualTo(5L);
    assertThat(deserializer.deserialize("b", serializer.serialize("b", new byte[] {1, 2})))
        .isEqualTo(ByteBuffer.wrap(new byte[] {1, 2}));
  }

  @Test
  void shouldRefuseUnregisteredSchemaWhenAutoRegisterIsOff() {
    config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false);

    assertThatThrownBy(() -> serializer(config).serialize(TOPIC, Articles.raw("a", 1)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining(TOPIC + "-value")
        .hasMessageContaining("40401");
  }

  @Test
  void shouldUseRegisteredSchemaWhenAutoRegisterIsOff() {
    int id = MockSchemaRegistry.scope(scope).register(TOPIC + "-value",
        RawArticle.getClassSchema().toString());
    config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false);

    byte[] bytes = serializer(config).serialize(TOPIC, Articles.raw("a", 1));

    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
  }

  @Test
  void shouldWriteWithLatestSchemaWhenUseLatestVersionIsOn() {
    Schema old = new Schema.Parser().parse("""
        {"type":"record","name":"Note","fields":[{"name":"text","type":"string"}]}""");
    Schema latest = new Schema.Parser().parse("""
        {"type":"record","name":"Note","fields":[{"name":"text","type":"string"},
         {"name":"lang","type":"string","default":"en"}]}""");
    SchemaRegistry registry = MockSchemaRegistry.scope(scope);
    registry.register("notes-value", old.toString());
    int latestId = registry.register("notes-value", latest.toString());
    config.put(AvroSerdeConfig.USE_LATEST_VERSION, true);
    config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false);
    GenericRecord note = new GenericData.Record(old);
    note.put("text", "hi");

    byte[] bytes = serializer(config).serialize("notes", note);
    GenericRecord read = (GenericRecord) deserializer(false).deserialize("notes", bytes);

    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(latestId);
    assertThat(read.get("lang").toString()).as("filled by Avro resolution").isEqualTo("en");
  }

  @Test
  void shouldReadOlderWriterSchemaIntoCurrentClassWithDefaults() {
    Schema older = new Schema.Parser().parse("""
        {"type":"record","name":"RawArticle","namespace":"io.newswire.avro","fields":[
         {"name":"id","type":"string"},{"name":"version","type":"long"},
         {"name":"feedId","type":"string"},
         {"name":"receivedAt","type":{"type":"long","logicalType":"timestamp-millis"}}]}""");
    GenericRecord record = new GenericData.Record(older);
    record.put("id", "old-1");
    record.put("version", 1L);
    record.put("feedId", "f");
    record.put("receivedAt", 0L);
    config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true);

    RawArticle read = (RawArticle) deserializer(true).deserialize(TOPIC,
        serializer(config).serialize(TOPIC, record));

    assertThat(read.getId()).isEqualTo("old-1");
    assertThat(read.getGuid()).isNull();
    assertThat(read.getFeedFields()).isEmpty();
  }

  @Test
  void shouldRejectBytesWithoutMagicByte() {
    assertThatThrownBy(() -> deserializer(true).deserialize(TOPIC, new byte[] {1, 0, 0, 0, 1, 2}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("magic byte 0x01");
    assertThatThrownBy(() -> deserializer(true).deserialize(TOPIC, new byte[] {0, 1}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("too short");
  }

  @Test
  void shouldRejectUnknownSchemaId() {
    assertThatThrownBy(() -> deserializer(true).deserialize(TOPIC, new byte[] {0, 0, 0, 9, 9, 0}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("40403");
  }

  @Test
  void shouldRejectConfigWithoutRegistryUrlOrWithOtherSubjectStrategy() {
    assertThatThrownBy(() -> new AvroSerializer().configure(Map.of(), false))
        .hasMessageContaining("schema.registry.url");
    assertThatThrownBy(() -> new AvroSerdeConfig(Map.of(
        AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://x",
        AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "com.example.RecordNameStrategy")))
        .hasMessageContaining("TopicNameStrategy");
  }

  @Test
  void shouldRejectValueOfAnotherTypeInSpecificSerde() {
    SpecificAvroSerde<EnrichedArticle> serde =
        SpecificAvroSerde.configured(EnrichedArticle.class, config, false);
    byte[] raw = serializer(config).serialize(TOPIC, Articles.raw("a", 1));

    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, raw))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("EnrichedArticle");
  }

  private static byte[] avroBinary(SpecificRecord record) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<>(record.getSchema(), SpecificData.getForSchema(record.getSchema()))
        .write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
