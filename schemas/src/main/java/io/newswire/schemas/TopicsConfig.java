package io.newswire.schemas;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Names, sizes and retention of the pipeline's topics. Every service reads the same keys. */
public final class TopicsConfig extends AbstractConfig {
  public static final String RAW_NAME = "topic.raw.name";
  public static final String RAW_PARTITIONS = "topic.raw.partitions";
  public static final String RAW_RETENTION_MS = "topic.raw.retention.ms";
  public static final String ENRICHED_NAME = "topic.enriched.name";
  public static final String ENRICHED_PARTITIONS = "topic.enriched.partitions";
  public static final String DLQ_NAME = "topic.dlq.name";
  public static final String DLQ_PARTITIONS = "topic.dlq.partitions";
  public static final String DLQ_RETENTION_MS = "topic.dlq.retention.ms";
  public static final String MAX_MESSAGE_BYTES = "topic.max.message.bytes";

  public static final ConfigDef DEFINITION = new ConfigDef()
      .define(RAW_NAME, Type.STRING, "newswire.articles.raw", new ConfigDef.NonEmptyString(),
          Importance.MEDIUM, "Topic of raw articles as ingest accepted them.")
      .define(RAW_PARTITIONS, Type.INT, 6, Range.atLeast(1), Importance.MEDIUM,
          "Partitions of the raw topic: the most enrich instances that can share the work.")
      .define(RAW_RETENTION_MS, Type.LONG, Duration.ofDays(7).toMillis(), Range.atLeast(-1),
          Importance.LOW, "How long raw articles are kept for reprocessing; -1 for ever.")
      .define(ENRICHED_NAME, Type.STRING, "newswire.articles.enriched",
          new ConfigDef.NonEmptyString(), Importance.MEDIUM,
          "Compacted topic of enriched articles: the latest version of each, tombstones for"
              + " withdrawn ones.")
      .define(ENRICHED_PARTITIONS, Type.INT, 6, Range.atLeast(1), Importance.MEDIUM,
          "Partitions of the enriched topic.")
      .define(DLQ_NAME, Type.STRING, "newswire.articles.dlq", new ConfigDef.NonEmptyString(),
          Importance.MEDIUM, "Dead-letter topic: records a stage could not process, with why.")
      .define(DLQ_PARTITIONS, Type.INT, 1, Range.atLeast(1), Importance.LOW,
          "Partitions of the dead-letter topic.")
      .define(DLQ_RETENTION_MS, Type.LONG, Duration.ofDays(30).toMillis(), Range.atLeast(-1),
          Importance.LOW, "How long dead letters are kept; -1 for ever.")
      .define(MAX_MESSAGE_BYTES, Type.INT, 8 * 1024 * 1024, Range.atLeast(1024 * 1024),
          Importance.LOW, "Largest record batch the topics take: above Kafka's 1 MiB default,"
              + " since an article may be 2 MiB and a dead letter carries one whole.");

  public TopicsConfig(Map<?, ?> props) {
    super(DEFINITION, props, false);
  }

  public String rawName() {
    return getString(RAW_NAME);
  }

  public String enrichedName() {
    return getString(ENRICHED_NAME);
  }

  public String deadLetterName() {
    return getString(DLQ_NAME);
  }

  /** The raw topic: delete policy, kept for {@code topic.raw.retention.ms}. */
  public TopicSpec rawSpec() {
    return new TopicSpec(rawName(), getInt(RAW_PARTITIONS), Map.of(
        "cleanup.policy", "delete",
        "retention.ms", Long.toString(getLong(RAW_RETENTION_MS)),
        "max.message.bytes", Integer.toString(getInt(MAX_MESSAGE_BYTES))));
  }

  /** The enriched topic: compacted, one latest record per article id. */
  public TopicSpec enrichedSpec() {
    return new TopicSpec(enrichedName(), getInt(ENRICHED_PARTITIONS), Map.of(
        "cleanup.policy", "compact",
        "max.message.bytes", Integer.toString(getInt(MAX_MESSAGE_BYTES))));
  }

  /** The dead-letter topic: delete policy, kept for {@code topic.dlq.retention.ms}. */
  public TopicSpec deadLetterSpec() {
    return new TopicSpec(deadLetterName(), getInt(DLQ_PARTITIONS), Map.of(
        "cleanup.policy", "delete",
        "retention.ms", Long.toString(getLong(DLQ_RETENTION_MS)),
        "max.message.bytes", Integer.toString(getInt(MAX_MESSAGE_BYTES))));
  }
}
