package io.newswire.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newswire.enrich.EnrichConfig;
import io.newswire.enrich.EnrichStreams;
import io.newswire.enrich.places.GazetteerTagger;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newswire enrich}: the enrich Streams application alone. Several instances with the same
 * {@code enrich.application.id} share the raw topic's partitions.
 */
@Command(name = "enrich", mixinStandardHelpOptions = true,
    description = "Run the enrich Streams application alone against an external Kafka and"
        + " schema registry; start more instances to share the work.")
final class EnrichCommand extends ServiceCommand {
  @Option(names = "--reprocess", description = "Enrich every article the raw topic still holds"
      + " again, with this start's gazetteer, before new ones. Stop every other instance"
      + " first.")
  boolean reprocess;

  @Override
  Started start(Map<String, String> settings, PrometheusMeterRegistry meters) {
    EnrichStreams enrich = EnrichStreams.start(settings,
        new GazetteerTagger(new EnrichConfig(settings).gazetteer()), meters, reprocess);
    return new Started(Services.hosted(enrich), enrich, "raw articles in, enriched out");
  }
}
