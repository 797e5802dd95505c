package io.newswire.enrich.internal;

import io.newswire.avro.DeadLetter;
import io.newswire.schemas.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Builds dead-letter records: a {@code DeadLetter} value (Avro) holding the original bytes, the
 * stage, the error and where the record came from, the same facts as headers
 * ({@code newswire.dlq.*}) for tools that do not read Avro, and the original key.
 */
public final class DeadLetters {
  public static final String STAGE_DESERIALIZE = "enrich.deserialize";
  public static final String STAGE_PROCESS = "enrich.process";
  public static final String STAGE_PRODUCE = "enrich.produce";

  private final String topic;
  private final Serializer<DeadLetter> serializer;

  DeadLetters(String topic, Serializer<DeadLetter> serializer) {
    this.topic = topic;
    this.serializer = serializer;
  }

  /** From the settings the Streams application was configured with. */
  public static DeadLetters fromSettings(Map<String, ?> settings) {
    Topics topics = Topics.create(settings);
    return new DeadLetters(topics.deadLetters().name(),
        topics.deadLetters().valueSerde().serializer());
  }

  /** The dead-letter record for a record that failed at {@code stage}. */
  public List<ProducerRecord<byte[], byte[]>> of(String stage, ErrorHandlerContext context,
      byte[] key, byte[] value, Exception error) {
    Throwable cause = error;
    while (cause.getCause() != null && cause.getMessage() == null) {
      cause = cause.getCause();
    }
    String articleId = key == null ? null : new String(key, StandardCharsets.UTF_8);
    DeadLetter letter = DeadLetter.newBuilder()
        .setStage(stage)
        .setErrorClass(cause.getClass().getName())
        .setErrorMessage(cause.getMessage())
        .setArticleId(articleId)
        .setSourceTopic(context.topic())
        .setSourcePartition(context.partition())
        .setSourceOffset(context.offset())
        .setOriginalKey(key == null ? null : ByteBuffer.wrap(key))
        .setOriginalValue(value == null ? null : ByteBuffer.wrap(value))
        .setFailedAt(Instant.now())
        .build();
    Headers headers = new RecordHeaders();
    header(headers, "newswire.dlq.stage", stage);
    header(headers, "newswire.dlq.error.class", cause.getClass().getName());
    header(headers, "newswire.dlq.error.message", cause.getMessage());
    header(headers, "newswire.dlq.source.topic", context.topic());
    header(headers, "newswire.dlq.source.partition", Integer.toString(context.partition()));
    header(headers, "newswire.dlq.source.offset", Long.toString(context.offset()));
    return List.of(new ProducerRecord<>(topic, null, key, serializer.serialize(topic, letter),
        headers));
  }

  private static void header(Headers headers, String name, String value) {
    if (value != null) {
      headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
  }
}
