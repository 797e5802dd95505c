package io.newswire.enrich.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.avro.DeadLetter;
import io.newswire.schemas.Topics;
import io.newswire.schemas.registry.MockSchemaRegistry;
import io.newswire.schemas.registry.RegistryException;
import io.newswire.schemas.serde.AvroSerdeConfig;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadLetterHandlersTest {
  private final String scope = "dlq-" + UUID.randomUUID();
  private final Map<String, Object> settings =
      Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);
  private final byte[] key = "article-1".getBytes(StandardCharsets.UTF_8);
  private final byte[] value = {0, 1, 2, 3};

  @AfterEach
  void dropRegistry() {
    MockSchemaRegistry.drop(scope);
  }

  private final ErrorHandlerContext context = new ErrorHandlerContext() {
    @Override
    public String topic() {
      return "newswire.articles.raw";
    }

    @Override
    public int partition() {
      return 4;
    }

    @Override
    public long offset() {
      return 42;
    }

    @Override
    public Headers headers() {
      return new RecordHeaders();
    }

    @Override
    public String processorNodeId() {
      return "raw-articles";
    }

    @Override
    public TaskId taskId() {
      return new TaskId(0, 4);
    }

    @Override
    public long timestamp() {
      return 0;
    }

    @Override
    public byte[] sourceRawKey() {
      return key;
    }

    @Override
    public byte[] sourceRawValue() {
      return value;
    }
  };

  private DeadLetter letterOf(ProducerRecord<byte[], byte[]> record) {
    return Topics.create(settings).deadLetters().valueSerde().deserializer()
        .deserialize(record.topic(), record.value());
  }

  private static String header(ProducerRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  @Test
  void shouldResumeWithDeadLetterHoldingOriginalBytesWhenRecordCannotBeRead() {
    DeadLetterHandlers.Deserialization handler = new DeadLetterHandlers.Deserialization();
    handler.configure(settings);

    var response = handler.handleError(context, new ConsumerRecord<>("newswire.articles.raw", 4,
        42, key, value), new SerializationException("Unknown magic byte 0x64"));

    assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(record -> {
      assertThat(record.topic()).isEqualTo("newswire.articles.dlq");
      assertThat(record.key()).isEqualTo(key);
      DeadLetter letter = letterOf(record);
      assertThat(letter.getStage()).isEqualTo("enrich.deserialize");
      assertThat(letter.getErrorClass()).endsWith("SerializationException");
      assertThat(letter.getErrorMessage()).contains("magic byte");
      assertThat(letter.getArticleId()).isEqualTo("article-1");
      assertThat(letter.getSourcePartition()).isEqualTo(4);
      assertThat(letter.getSourceOffset()).isEqualTo(42);
      assertThat(letter.getOriginalValue().array()).isEqualTo(value);
      assertThat(header(record, "newswire.dlq.stage")).isEqualTo("enrich.deserialize");
      assertThat(header(record, "newswire.dlq.source.offset")).isEqualTo("42");
    });
  }

  @Test
  void shouldRetryRetriableProductionErrorsAndDeadLetterTheRest() {
    DeadLetterHandlers.Production handler = new DeadLetterHandlers.Production();
    handler.configure(settings);
    ProducerRecord<byte[], byte[]> out = new ProducerRecord<>("newswire.articles.enriched",
        key, new byte[10]);

    var retriable = handler.handleError(context, out, new NotEnoughReplicasException("isr"));
    var tooLarge = handler.handleError(context, out, new RecordTooLargeException("too big"));

    assertThat(retriable.result()).isEqualTo(ProductionExceptionHandler.Result.RETRY);
    assertThat(tooLarge.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
    assertThat(letterOf(tooLarge.deadLetterQueueRecords().get(0)).getStage())
        .isEqualTo("enrich.produce");
  }

  @Test
  void shouldFailRatherThanDeadLetterWhenRegistryIsUnreachable() {
    DeadLetterHandlers.Production handler = new DeadLetterHandlers.Production();
    handler.configure(settings);

    var response = handler.handleSerializationError(context,
        new ProducerRecord<>("newswire.articles.enriched", "k", "v"),
        new SerializationException("registry", new RegistryException(50001, "down")),
        ProductionExceptionHandler.SerializationExceptionOrigin.VALUE);

    assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.FAIL);
    assertThat(response.deadLetterQueueRecords()).isEmpty();
  }
}
