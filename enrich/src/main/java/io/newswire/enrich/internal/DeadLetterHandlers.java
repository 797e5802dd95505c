package io.newswire.enrich.internal;

import java.util.List;
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

  /** What the three handlers share: the dead-letter builder, and logging then resuming. */
  private abstract static class Handler {
    private DeadLetters letters;

    public void configure(Map<String, ?> configs) {
      letters = DeadLetters.fromSettings(configs);
    }

    List<ProducerRecord<byte[], byte[]>> deadLetter(String stage, ErrorHandlerContext context,
        byte[] key, byte[] value, Exception exception) {
      log.warn("{}-{}@{} to the dead-letter topic ({}): {}", context.topic(),
          context.partition(), context.offset(), stage, exception.toString());
      return letters.of(stage, context, key, value, exception);
    }
  }

  /**
   * A raw record that cannot be deserialized. CONTINUE: the record goes to the dead-letter topic
   * with its original bytes.
   */
  public static final class Deserialization extends Handler
      implements DeserializationExceptionHandler {
    @Override
    public Response handleError(ErrorHandlerContext context,
        ConsumerRecord<byte[], byte[]> record, Exception exception) {
      return Response.resume(deadLetter(DeadLetters.STAGE_DESERIALIZE, context, record.key(),
          record.value(), exception));
    }
  }

  /**
   * An article whose enrichment threw. CONTINUE: the original raw record goes to the
   * dead-letter topic.
   */
  public static final class Processing extends Handler implements ProcessingExceptionHandler {
    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record,
        Exception exception) {
      return Response.resume(deadLetter(DeadLetters.STAGE_PROCESS, context,
          context.sourceRawKey(), context.sourceRawValue(), exception));
    }
  }

  /**
   * An enriched record Kafka refuses for good (too large, say) or that cannot be serialized.
   * Retriable errors are retried, and an unreachable schema registry fails the task (to retry
   * from its last commit); for the rest CONTINUE: the original raw record goes to the
   * dead-letter topic.
   */
  public static final class Production extends Handler implements ProductionExceptionHandler {
    @Override
    public Response handleError(ErrorHandlerContext context,
        ProducerRecord<byte[], byte[]> record, Exception exception) {
      if (exception instanceof RetriableException) {
        return Response.retry();
      }
      return Response.resume(deadLetter(DeadLetters.STAGE_PRODUCE, context,
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
      return Response.resume(deadLetter(DeadLetters.STAGE_PRODUCE, context,
          context.sourceRawKey(), context.sourceRawValue(), exception));
    }
  }
}
