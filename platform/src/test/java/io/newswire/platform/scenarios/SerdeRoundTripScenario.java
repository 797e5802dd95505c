package io.newswire.platform.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.avro.RawArticle;
import io.newswire.platform.KafkaEnvironment;
import io.newswire.platform.kafka.TopicProvisioner;
import io.newswire.schemas.Articles;
import io.newswire.schemas.Topics;
import io.newswire.schemas.serde.AvroDeserializer;
import io.newswire.schemas.serde.AvroSerdeConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
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
 * Articles written with the Avro serde through a real broker and registry are read back both as
 * the generated class and generically, the way a downstream consumer configured only by Kafka
 * properties reads them. Runs against every {@link KafkaEnvironment} a subclass provides.
 */
public abstract class SerdeRoundTripScenario {

  /** The environment to run against, started. */
  protected abstract KafkaEnvironment environment();

  @Test
  @Timeout(120)
  void shouldProduceAndConsumeAvroArticlesThroughBrokerAndRegistry() throws Exception {
    KafkaEnvironment env = environment();
    Map<String, Object> serde = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
        env.schemaRegistryUrl());
    Topics topics = Topics.create(serde);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", env.bootstrapServers()))) {
      new TopicProvisioner(admin).provision(topics.specs());
    }
    List<RawArticle> sent = List.of(Articles.raw("id-1", 1), Articles.raw("id-2", 1));

    Map<String, Object> producerConfig = new HashMap<>();
    producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env.bootstrapServers());
    producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
    producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(producerConfig,
        topics.raw().keySerde().serializer(), topics.raw().valueSerde().serializer())) {
      for (RawArticle article : sent) {
        producer.send(new ProducerRecord<>(topics.raw().name(), article.getId(), article))
            .get(30, TimeUnit.SECONDS);
      }
    }

    assertThat(readAll(env, topics.raw().name(), true, 2)).containsExactlyElementsOf(sent);
    assertThat(readAll(env, topics.raw().name(), false, 2))
        .allSatisfy(v -> assertThat(v).isInstanceOf(GenericRecord.class))
        .extracting(v -> ((GenericRecord) v).get("id").toString())
        .containsExactly("id-1", "id-2");
  }

  private static List<Object> readAll(KafkaEnvironment env, String topic, boolean specific,
      int count) {
    Map<String, Object> config = new HashMap<>(env.clientConfig());
    config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, specific);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + specific);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class);
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
    values.sort(Comparator.comparing(v -> String.valueOf(((GenericRecord) v).get("id"))));
    return values;
  }
}
