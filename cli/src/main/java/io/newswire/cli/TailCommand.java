package io.newswire.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.schemas.serde.AvroDeserializer;
import io.newswire.schemas.serde.AvroSerdeConfig;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newswire tail TOPIC}: prints a topic's records as they arrive, Avro values decoded
 * through the schema registry into JSON, other values as JSON, text or base64. Reads committed
 * records only, and joins no consumer group, so it never disturbs the services.
 */
@Command(name = "tail", mixinStandardHelpOptions = true,
    description = "Print a topic's records, one JSON line each: {topic, partition, offset,"
        + " key, value}. Avro values are decoded through the registry; other values are"
        + " printed as JSON, text or base64.")
final class TailCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Whether a value the registry could not decode has been reported. */
  private boolean warned;

  @Spec
  CommandSpec spec;

  @Mixin
  ConfigOptions config;

  @Parameters(paramLabel = "TOPIC", description = "e.g. newswire.articles.enriched")
  String topic;

  @Option(names = {"-b", "--from-beginning"}, description = "Start at the oldest record, not"
      + " the newest.")
  boolean fromBeginning;

  @Option(names = {"-n", "--max"}, description = "Stop after this many records.")
  Integer max;

  @Option(names = "--idle-seconds", description = "Stop after this long without a record"
      + " (default: never).")
  Integer idleSeconds;

  @Option(names = "--bootstrap", description = "Kafka (bootstrap.servers, default"
      + " 127.0.0.1:9092).")
  String bootstrap;

  @Option(names = "--registry", description = "Schema registry (schema.registry.url, default"
      + " http://127.0.0.1:8081).")
  String registry;

  @Override
  public Integer call() throws Exception {
    Map<String, String> settings = config.load(Map.of());
    Map<String, Object> consumerConfig = new HashMap<>();
    consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap != null ? bootstrap
        : settings.getOrDefault("bootstrap.servers", "127.0.0.1:9092"));
    consumerConfig.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry != null ? registry
        : settings.getOrDefault("schema.registry.url", "http://127.0.0.1:8081"));
    consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    PrintWriter out = spec.commandLine().getOut();
    AvroDeserializer avro = new AvroDeserializer();
    avro.configure(consumerConfig, false);
    try (avro; KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig,
        new StringDeserializer(), new ByteArrayDeserializer())) {
      List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
      if (partitions == null || partitions.isEmpty()) {
        spec.commandLine().getErr().println("No topic " + topic);
        return 1;
      }
      List<TopicPartition> assigned = partitions.stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(assigned);
      if (fromBeginning) {
        consumer.seekToBeginning(assigned);
      } else {
        consumer.seekToEnd(assigned);
      }
      int printed = 0;
      long lastRecord = System.nanoTime();
      while (max == null || printed < max) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          out.printf("{\"topic\":%s,\"partition\":%d,\"offset\":%d,\"key\":%s,\"value\":%s}%n",
              JSON.writeValueAsString(record.topic()), record.partition(), record.offset(),
              JSON.writeValueAsString(record.key()), value(avro, record));
          out.flush();
          lastRecord = System.nanoTime();
          if (max != null && ++printed >= max) {
            break;
          }
        }
        if (idleSeconds != null
            && System.nanoTime() - lastRecord > Duration.ofSeconds(idleSeconds).toNanos()) {
          break;
        }
      }
    }
    return 0;
  }

  /**
   * A record's value as JSON: Avro in the Confluent wire format decoded through the registry;
   * else text that is JSON as it is (the registry's own records), other text as a string, and
   * other bytes as {@code {"base64": ...}}. An Avro record's bytes fields are shown the same
   * way, so that a dead letter's refused article and a raw article's text can be read. The
   * first value the registry cannot decode says why, once, on standard error.
   */
  private String value(AvroDeserializer avro, ConsumerRecord<String, byte[]> record)
      throws JsonProcessingException {
    return record.value() == null ? "null"
        : JSON.writeValueAsString(json(avro, record, record.value()));
  }

  private JsonNode json(AvroDeserializer avro, ConsumerRecord<String, byte[]> record,
      byte[] value) throws JsonProcessingException {
    if (value.length > 5 && value[0] == 0) {
      try {
        Object decoded = avro.deserialize(record.topic(), value);
        // Avro's own JSON form of the record.
        JsonNode json = jsonOrText(String.valueOf(decoded));
        // Bytes fields (a raw article's content, a dead letter's original value) as what they
        // hold, where Avro's own form shows each byte as a character.
        if (decoded instanceof GenericRecord fields && json instanceof ObjectNode object) {
          for (Schema.Field field : fields.getSchema().getFields()) {
            if (fields.get(field.pos()) instanceof ByteBuffer buffer) {
              byte[] bytes = new byte[buffer.remaining()];
              buffer.duplicate().get(bytes);
              object.set(field.name(), json(avro, record, bytes));
            }
          }
        }
        return json;
      } catch (SerializationException e) {
        if (!warned) {
          warned = true;
          spec.commandLine().getErr().println("Not decoded as Avro (partition "
              + record.partition() + ", offset " + record.offset() + "): " + e.getMessage());
        }
      }
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(value)).toString();
    } catch (CharacterCodingException e) {
      return JSON.createObjectNode().put("base64", Base64.getEncoder().encodeToString(value));
    }
    return jsonOrText(text);
  }

  /** {@code text} read as JSON; as a string where it is not JSON (or empty). */
  private static JsonNode jsonOrText(String text) {
    try {
      JsonNode json = JSON.readTree(text);
      return json.isMissingNode() ? JSON.getNodeFactory().textNode(text) : json;
    } catch (JsonProcessingException e) {
      return JSON.getNodeFactory().textNode(text);
    }
  }
}
