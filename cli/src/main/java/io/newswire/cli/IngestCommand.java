package io.newswire.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newswire.ingest.IngestService;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code newswire ingest}: the ingest service alone, against the Kafka and schema registry its
 * settings name ({@code bootstrap.servers}, {@code schema.registry.url}).
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Run the ingest service alone (HTTP push API and feed pollers) against an"
        + " external Kafka and schema registry.")
final class IngestCommand extends ServiceCommand {
  @Override
  Started start(Map<String, String> settings, PrometheusMeterRegistry meters) {
    IngestService ingest = IngestService.create(settings, meters);
    ingest.start();
    return new Started(Services.hosted(ingest), ingest, "feeds " + ingest.feedIds());
  }
}
