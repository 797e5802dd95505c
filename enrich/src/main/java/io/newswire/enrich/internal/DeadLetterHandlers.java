package io.newswire.enrich.internal;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.newswire.schemas.registry.RegistryException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three Streams exception handlers. Each one resumes processing and hands Streams a record
 * for the dead-letter topic, which it writes in the same transaction as the task's output: a
 * poison record never stops the application and is never dropped without trace.
 */
public final class DeadLetterHandlers {
  private static final Logger log = LoggerFactory.getLogger(DeadLetterHandlers.class);

  private DeadLetterHandlers() {
  }

  static boolean registryUnreachable(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof RegistryException r && r.errorCode() >= RegistryException.STORE_ERROR) {
        return true;
      }
    }
    return false;
  }

  /**
   * A raw record that cannot be deserialized. CONTINUE: the record goes to the dead-letter topic
   * with its original bytes.
   */
  public static final class Deserialization implements DeserializationExceptionHandler {
    private DeadLetters letters;

    @Override
    public void configure(Map<String, ?> configs) {
      letters = DeadLetters.fromSettings(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context,
        ConsumerRecord<byte[], byte[]> record, Exception exception) {
      log.warn("Unreadable record {}-{}@{} to the dead-letter topic: {}", context.topic(),
          context.partition(), context.offset(), exception.toString());
      return Response.resume(letters.of(DeadLetters.STAGE_DESERIALIZE, context, record.key(),
          record.value(), exception));
    }
  }

  /**
   * An article whose enrichment threw. CONTINUE: the original raw record goes to the
   * dead-letter topic.
   */
  public static final class Processing implements ProcessingExceptionHandler {
    private DeadLetters letters;

    @Override
    public void configure(Map<String, ?> configs) {
      letters = DeadLetters.fromSettings(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record,
        Exception exception) {
      log.warn("Enrichment of {}-{}@{} failed, to the dead-letter topic: {}", context.topic(),
          context.partition(), context.offset(), exception.toString());
      return Response.resume(letters.of(DeadLetters.STAGE_PROCESS, context,
          context.sourceRawKey(), context.sourceRawValue(), exception));
    }
  }

  /**
   * An enriched record Kafka refuses for good (too large, say) or that cannot be serialized.
   * Retriable errors are retried; for the rest CONTINUE: the original raw record goes to the
   * dead-letter topic.
   */
  public static final class Production implements ProductionExceptionHandler {
    private DeadLetters letters;

    @Override
    public void configure(Map<String, ?> configs) {
      letters = DeadLetters.fromSettings(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context,
        ProducerRecord<byte[], byte[]> record, Exception exception) {
      if (exception instanceof RetriableException) {
        return Response.retry();
      }
      log.warn("Writing the enrichment of {}-{}@{} failed, to the dead-letter topic: {}",
          context.topic(), context.partition(), context.offset(), exception.toString());
      return Response.resume(letters.of(DeadLetters.STAGE_PRODUCE, context,
          context.sourceRawKey(), context.sourceRawValue(), exception));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record,
        Exception exception, SerializationExceptionOrigin origin) {
      if (registryUnreachable(exception)) {
        // Not the record's fault: fail the task so it is retried from its last commit.
        log.error("Schema registry unreachable while writing {}-{}@{}: {}", context.topic(),
            context.partition(), context.offset(), exception.toString());
        return Response.fail();
      }
      log.warn("Serializing the enrichment of {}-{}@{} failed, to the dead-letter topic: {}",
          context.topic(), context.partition(), context.offset(), exception.toString());
      return Response.resume(letters.of(DeadLetters.STAGE_PRODUCE, context,
          context.sourceRawKey(), context.sourceRawValue(), exception));
    }
  }
}
