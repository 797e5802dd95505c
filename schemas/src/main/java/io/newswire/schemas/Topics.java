package io.newswire.schemas;

import io.newswire.avro.DeadLetter;
import io.newswire.avro.EnrichedArticle;
import io.newswire.avro.RawArticle;
import io.newswire.schemas.serde.SpecificAvroSerde;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The pipeline's topics, built from config: names and sizes from {@link TopicsConfig}, values in
 * Avro through the registry named by the serde config ({@code schema.registry.url} and the other
 * keys of {@link io.newswire.schemas.serde.AvroSerdeConfig}). Keys are article ids as UTF-8
 * strings, so any client can read them without the registry.
 *
 * @param raw raw articles as ingest accepted them
 * @param enriched enriched articles, compacted by article id
 * @param deadLetters records a stage could not process
 * @param specs how each topic is created
 */
public record Topics(
    Topic<String, RawArticle> raw,
    Topic<String, EnrichedArticle> enriched,
    Topic<String, DeadLetter> deadLetters,
    List<TopicSpec> specs) {

  /** Builds the topics from {@code config}, which holds both topic and serde keys. */
  public static Topics create(Map<String, ?> config) {
    TopicsConfig topics = new TopicsConfig(config);
    return new Topics(
        new Topic<>(topics.rawName(), keys(), values(RawArticle.class, config)),
        new Topic<>(topics.enrichedName(), keys(), values(EnrichedArticle.class, config)),
        new Topic<>(topics.deadLetterName(), keys(), values(DeadLetter.class, config)),
        List.of(topics.rawSpec(), topics.enrichedSpec(), topics.deadLetterSpec()));
  }

  /** The topic specs alone, for provisioning without a registry. */
  public static List<TopicSpec> specs(Map<String, ?> config) {
    TopicsConfig topics = new TopicsConfig(config);
    return List.of(topics.rawSpec(), topics.enrichedSpec(), topics.deadLetterSpec());
  }

  private static Serde<String> keys() {
    return Serdes.String();
  }

  private static <T extends SpecificRecord> Serde<T> values(Class<T> type,
      Map<String, ?> config) {
    return SpecificAvroSerde.configured(type, config, false);
  }
}
