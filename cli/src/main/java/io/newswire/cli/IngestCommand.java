package io.newswire.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newswire.ingest.IngestService;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newswire ingest}: the ingest service alone, against the Kafka and schema registry its
 * settings name ({@code bootstrap.servers}, {@code schema.registry.url}).
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Run the ingest service alone (HTTP push API and feed pollers) against an"
        + " external Kafka and schema registry.")
final class IngestCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ConfigOptions config;

  @Option(names = "--http-port", description = "HTTP port (http.port, default 8080).")
  Integer httpPort;

  private final Lifecycle lifecycle = new Lifecycle("ingest");

  @Override
  public Integer call() throws Exception {
    Map<String, String> flags = new LinkedHashMap<>();
    UpCommand.putIfSet(flags, HttpConfig.PORT, httpPort);
    Map<String, String> settings = config.load(flags);
    HttpConfig http = new HttpConfig(settings);
    PrometheusMeterRegistry meters = HttpHost.newMeterRegistry();
    PrintWriter out = spec.commandLine().getOut();
    try {
      IngestService ingest = lifecycle.started(IngestService.create(settings, meters));
      HttpHost host = lifecycle.started(new HttpHost(meters, List.of(Services.hosted(ingest)),
          http.maxRequestBytes()).start(http.host(), http.port()));
      ingest.start();
      out.printf("Ingest is listening on http://%s:%d (feeds: %s)%n", http.host(), host.port(),
          ingest.feedIds());
      out.flush();
    } catch (RuntimeException e) {
      spec.commandLine().getErr().println("newswire ingest failed: " + e.getMessage());
      lifecycle.stop();
      return 1;
    }
    lifecycle.awaitStop();
    return 0;
  }
}
