// A downstream service that follows newswire.articles.enriched.
//
// Run it from the repository, after ./newswire up has built the jar:
//   java -cp 'cli/target/newswire.jar:cli/target/lib/*' examples/EnrichedSubscriber.java
//
// With Confluent's deserializer instead of Newswire's, change the value deserializer class to
// io.confluent.kafka.serializers.KafkaAvroDeserializer: the settings below are the same.

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

public class EnrichedSubscriber {
  public static void main(String[] args) {
    Properties settings = new Properties();
    settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
    settings.put(ConsumerConfig.GROUP_ID_CONFIG, "my-service");
    // Enrich writes in Kafka transactions: read only what it committed.
    settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
        "io.newswire.schemas.serde.AvroDeserializer");
    settings.put("schema.registry.url", "http://127.0.0.1:8081");
    // true: values arrive as io.newswire.avro.EnrichedArticle (newswire-schemas on the
    // classpath); false: as GenericRecord, with no Newswire classes needed.
    settings.put("specific.avro.reader", false);

    try (KafkaConsumer<String, GenericRecord> consumer = new KafkaConsumer<>(settings)) {
      consumer.subscribe(List.of("newswire.articles.enriched"));
      while (true) {
        for (ConsumerRecord<String, GenericRecord> record : consumer.poll(Duration.ofSeconds(1))) {
          if (record.value() == null) {
            System.out.println("withdrawn " + record.key());
          } else {
            System.out.println(record.key() + "  " + record.value().get("headline")
                + "  places=" + record.value().get("places"));
          }
        }
      }
    }
  }
}
