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
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Per raw article: drops versions older than the one already enriched and repeats (the same
 * version again, or a new version whose content is the same as one within the dedup window),
 * turns a withdrawn article into a tombstone, and enriches the rest. Enrichment runs before any
 * state changes, so an article whose enrichment throws leaves no trace but its dead letter.
 */
public final class EnrichProcessor
    implements Processor<String, RawArticle, String, EnrichedArticle> {
  public static final String VERSIONS_STORE = "article-versions";
  public static final String HASHES_STORE = "content-hashes";

  private final ArticleEnricher enricher;
  private final Duration dedupWindow;
  private final int nice;
  private ProcessorContext<String, EnrichedArticle> context;
  private KeyValueStore<String, Long> versions;
  private WindowStore<String, String> hashes;
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
    this.hashes = context.getStateStore(HASHES_STORE);
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
    Long seen = versions.get(id);
    if (seen != null && raw.getVersion() < seen) {
      stale.record();
      return;
    }
    if (seen != null && raw.getVersion() == seen) {
      duplicates.record();
      return;
    }
    if ("canceled".equalsIgnoreCase(raw.getPubStatus())) {
      versions.put(id, raw.getVersion());
      withdrawn.record();
      context.forward(new Record<String, EnrichedArticle>(id, null, record.timestamp()));
      return;
    }
    EnrichedArticle enriched = enricher.enrich(raw);
    String hash = enriched.getContentHash();
    long now = record.timestamp();
    if (seen != null && sameContentWithinWindow(hash, id, now)) {
      versions.put(id, raw.getVersion());
      duplicates.record();
      return;
    }
    versions.put(id, raw.getVersion());
    hashes.put(hash, id, now);
    context.forward(new Record<>(id, enriched, record.timestamp()));
  }

  /**
   * Whether article {@code id} had content {@code hash} within the dedup window before
   * {@code now}. Another article with the same text is not a repeat of this one: it is kept
   * under its own id, with the same content hash for readers to group them.
   */
  private boolean sameContentWithinWindow(String hash, String id, long now) {
    // By milliseconds: the Instant form checks its arguments by formatting a message first.
    try (WindowStoreIterator<String> earlier = hashes.fetch(hash,
        Math.max(0, now - dedupWindow.toMillis()), now)) {
      while (earlier.hasNext()) {
        if (id.equals(earlier.next().value)) {
          return true;
        }
      }
      return false;
    }
  }
}
