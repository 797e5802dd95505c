package io.newswire.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.avro.RawArticle;
import io.newswire.platform.kafka.EmbeddedKafkaCluster;
import io.newswire.platform.kafka.TopicProvisioner;
import io.newswire.schemas.Articles;
import io.newswire.schemas.Topics;
import io.newswire.schemas.registry.CompatibilityLevel;
import io.newswire.schemas.registry.SchemaRegistry;
import io.newswire.schemas.serde.AvroDeserializer;
import io.newswire.schemas.serde.AvroSerdeConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Articles written through the embedded broker with the Avro serde and the REST registry are
 * read back both as the generated class and generically, the way a downstream consumer
 * configured only by Kafka properties would.
 */
class SerdeThroughKafkaIT {

  @Test
  @Timeout(120)
  void shouldProduceAndConsumeAvroArticlesThroughBrokerAndRegistry() throws Exception {
    try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.builder().build().start()) {
      KafkaRegistryJournal journal = KafkaRegistryJournal.open(kafka.clientConfig(), "_schemas",
          CompatibilityLevel.BACKWARD, Duration.ofSeconds(10));
      try (SchemaRegistryServer registry = SchemaRegistryServer.start(
          new SchemaRegistry(journal), journal, "127.0.0.1", 0);
          Admin admin = Admin.create(kafka.clientConfig())) {
        Map<String, Object> serde = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
            "http://127.0.0.1:" + registry.port());
        Topics topics = Topics.create(serde);
        new TopicProvisioner(admin).provision(topics.specs());
        List<RawArticle> sent = List.of(Articles.raw("id-1", 1), Articles.raw("id-2", 1));

        Map<String, Object> producerConfig = new HashMap<>(kafka.clientConfig());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(producerConfig,
            topics.raw().keySerde().serializer(), topics.raw().valueSerde().serializer())) {
          for (RawArticle article : sent) {
            producer.send(new ProducerRecord<>(topics.raw().name(), article.getId(), article))
                .get(30, TimeUnit.SECONDS);
          }
        }

        Map<String, Object> specific = consumerConfig(kafka, serde, true);
        Map<String, Object> generic = consumerConfig(kafka, serde, false);
        assertThat(readAll(specific, topics.raw().name(), 2)).containsExactlyElementsOf(sent);
        assertThat(readAll(generic, topics.raw().name(), 2))
            .allSatisfy(v -> assertThat(v).isInstanceOf(GenericRecord.class))
            .extracting(v -> ((GenericRecord) v).get("id").toString())
            .containsExactly("id-1", "id-2");
      }
    }
  }

  private static Map<String, Object> consumerConfig(EmbeddedKafkaCluster kafka,
      Map<String, Object> serde, boolean specific) {
    Map<String, Object> config = new HashMap<>(kafka.clientConfig());
    config.putAll(serde);
    config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, specific);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + specific);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class);
    return config;
  }

  private static List<Object> readAll(Map<String, Object> config, String topic, int count) {
    List<Object> values = new ArrayList<>();
    try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (values.size() < count && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
          values.add(record.value());
        }
      }
    }
    values.sort((a, b) -> String.valueOf(((GenericRecord) a).get("id"))
        .compareTo(String.valueOf(((GenericRecord) b).get("id"))));
    return values;
  }
}
