package io.newswire.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newswire.sink.SinkConfig;
import io.newswire.sink.SinkService;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code newswire sink}: the sink alone: stores enriched articles in the database
 * {@code sink.database.url} names and serves the query API and live stream.
 */
@Command(name = "sink", mixinStandardHelpOptions = true,
    description = "Run the sink alone: store enriched articles in PostgreSQL or SQLite"
        + " (sink.database.url) and serve the query API and the live stream.")
final class SinkCommand extends ServiceCommand {
  @Override
  Started start(Map<String, String> settings, PrometheusMeterRegistry meters) {
    SinkService sink = SinkService.start(settings, meters);
    return new Started(Services.hosted(sink), sink, "storing to "
        + new SinkConfig(settings).databaseUrlForDisplay());
  }
}
