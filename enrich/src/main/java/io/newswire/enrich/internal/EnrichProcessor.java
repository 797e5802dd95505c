package io.newswire.enrich.internal;

import io.newswire.avro.EnrichedArticle;
import io.newswire.avro.RawArticle;
import io.newswire.schemas.config.ThreadPriority;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per raw article: drops versions older than the one already taken and repeats (the same version
 * again, or a new version whose content is that of the latest enriched one, within the dedup
 * window), turns a withdrawn article into a tombstone, and enriches the rest. What it remembers
 * of each article is one {@link ArticleState} in the versions store. Enrichment runs before any
 * state changes, so an article whose enrichment throws leaves no trace but its dead letter.
 */
public final class EnrichProcessor
    implements Processor<String, RawArticle, String, EnrichedArticle> {
  public static final String VERSIONS_STORE = "article-versions";

  private final ArticleEnricher enricher;
  private final Duration dedupWindow;
  private final int nice;
  private ProcessorContext<String, EnrichedArticle> context;
  private KeyValueStore<String, ArticleState> versions;
  private Sensor stale;
  private Sensor duplicates;
  private Sensor withdrawn;

  /**
   * A processor that lowers the priority of the thread that runs it to {@code nice} (0 for
   * none, see {@link ThreadPriority}).
   */
  public EnrichProcessor(ArticleEnricher enricher, Duration dedupWindow, int nice) {
    this.enricher = enricher;
    this.dedupWindow = dedupWindow;
    this.nice = nice;
  }

  @Override
  public void init(ProcessorContext<String, EnrichedArticle> context) {
    // Enriching can wait; on a shared machine the stream thread yields the CPU to intake.
    ThreadPriority.lowerCurrentThread(nice);
    this.context = context;
    this.versions = context.getStateStore(VERSIONS_STORE);
    this.stale = counter("stale-versions", "Older versions dropped after a newer one");
    this.duplicates = counter("duplicates", "Repeated articles suppressed");
    this.withdrawn = counter("withdrawn", "Withdrawn articles turned into tombstones");
  }

  private Sensor counter(String name, String description) {
    String task = context.taskId().toString();
    Sensor sensor = context.metrics().addSensor("newswire-enrich-" + name + "-" + task,
        Sensor.RecordingLevel.INFO);
    sensor.add(new MetricName("newswire-enrich-" + name + "-total", "newswire-enrich",
        description, Map.of("task-id", task)), new CumulativeSum());
    return sensor;
  }

  @Override
  public void process(Record<String, RawArticle> record) {
    RawArticle raw = record.value();
    if (raw == null) {
      return;
    }
    String id = raw.getId();
    long version = raw.getVersion();
    ArticleState seen = versions.get(id);
    if (seen != null && version < seen.version()) {
      stale.record();
      return;
    }
    if (seen != null && version == seen.version()) {
      duplicates.record();
      return;
    }
    if ("canceled".equalsIgnoreCase(raw.getPubStatus())) {
      versions.put(id, ArticleState.versionOnly(version));
      withdrawn.record();
      context.forward(new Record<String, EnrichedArticle>(id, null, record.timestamp()));
      return;
    }
    EnrichedArticle enriched = enricher.enrich(raw);
    String hash = enriched.getContentHash();
    long now = record.timestamp();
    if (seen != null && seen.sameContent(hash, now, dedupWindow.toMillis())) {
      versions.put(id, seen.repeatedAt(version));
      duplicates.record();
      return;
    }
    versions.put(id, new ArticleState(version, hash, now));
    context.forward(new Record<>(id, enriched, record.timestamp()));
  }
}
