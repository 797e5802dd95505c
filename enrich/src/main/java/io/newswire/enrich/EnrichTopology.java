package io.newswire.enrich;

import io.newswire.enrich.internal.ArticleEnricher;
import io.newswire.enrich.internal.ArticleState;
import io.newswire.enrich.internal.EnrichProcessor;
import io.newswire.enrich.internal.LanguageIdentifier;
import io.newswire.enrich.places.GazetteerTagger;
import io.newswire.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The enrich topology: raw articles in, enriched articles (or tombstones) out, keyed by article
 * id. Dead letters are written by the exception handlers that {@link EnrichStreams} configures.
 */
public final class EnrichTopology {
  static final String SOURCE = "raw-articles";
  static final String PROCESSOR = "enrich";
  static final String SINK = "enriched-articles";

  private EnrichTopology() {
  }

  /** The topology for {@code config}, tagging places with the gazetteer it names. */
  public static Topology build(EnrichConfig config) {
    return build(config, new GazetteerTagger(config.gazetteer()), new LanguageIdentifier());
  }

  /**
   * The topology for {@code config} with a place step and language model built by the caller,
   * who may share them between topologies (they are immutable and thread-safe). The threads
   * that run it keep their priority: {@link EnrichStreams} lowers its own.
   */
  public static Topology build(EnrichConfig config, PlaceTagger places,
      LanguageIdentifier languages) {
    return build(config, places, languages, 0);
  }

  /** {@link #build(EnrichConfig, PlaceTagger, LanguageIdentifier)}, run at {@code nice}. */
  static Topology build(EnrichConfig config, PlaceTagger places, LanguageIdentifier languages,
      int nice) {
    Topics topics = Topics.create(config.settings());
    ArticleEnricher enricher = new ArticleEnricher(languages, places,
        config.getString(EnrichConfig.PIPELINE_VERSION), Clock.systemUTC());
    Duration window = config.dedupWindow();
    Topology topology = new Topology();
    topology.addSource(SOURCE, topics.raw().keySerde().deserializer(),
        topics.raw().valueSerde().deserializer(), topics.raw().name());
    topology.addProcessor(PROCESSOR, () -> new EnrichProcessor(enricher, window, nice), SOURCE);
    topology.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(EnrichProcessor.VERSIONS_STORE),
        Serdes.String(), ArticleState.serde()), PROCESSOR);
    topology.addSink(SINK, topics.enriched().name(), topics.enriched().keySerde().serializer(),
        topics.enriched().valueSerde().serializer(), PROCESSOR);
    return topology;
  }
}
