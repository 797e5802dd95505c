package io.newswire.ingest.internal;

import io.newswire.avro.RawArticle;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * Writes raw articles keyed by id and completes when Kafka acknowledged them. The producer must
 * be idempotent with {@code acks=all}: an acknowledgement then means the article is on every
 * in-sync replica.
 */
public final class ArticlePublisher implements AutoCloseable {
  private final Producer<String, RawArticle> producer;
  private final String topic;

  public ArticlePublisher(Producer<String, RawArticle> producer, String topic) {
    this.producer = Objects.requireNonNull(producer, "producer");
    this.topic = Objects.requireNonNull(topic, "topic");
  }

  /**
   * Sends one article.
   *
   * @return completes with where it was stored, or exceptionally when Kafka did not take it
   *     (timeouts included: the producer's {@code delivery.timeout.ms} bounds the wait)
   */
  public CompletableFuture<Acknowledgement> publish(RawArticle article) {
    CompletableFuture<Acknowledgement> acked = new CompletableFuture<>();
    try {
      producer.send(new ProducerRecord<>(topic, article.getId(), article), (metadata, error) -> {
        if (error != null) {
          acked.completeExceptionally(error);
        } else {
          acked.complete(new Acknowledgement(article.getId(), article.getVersion(),
              metadata.topic(), metadata.partition(), metadata.offset(), false));
        }
      });
    } catch (KafkaException e) {
      // send() itself fails when metadata does not arrive within max.block.ms, or the value
      // cannot be serialized (registry unreachable).
      acked.completeExceptionally(e);
    }
    return acked;
  }

  /** The topic articles go to. */
  public String topic() {
    return topic;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
