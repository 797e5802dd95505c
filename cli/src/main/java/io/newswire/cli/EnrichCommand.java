package io.newswire.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newswire.enrich.EnrichStreams;
import io.newswire.enrich.PlaceTagger;
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
 * {@code newswire enrich}: the enrich Streams application alone. Several instances with the same
 * {@code enrich.application.id} share the raw topic's partitions.
 */
@Command(name = "enrich", mixinStandardHelpOptions = true,
    description = "Run the enrich Streams application alone against an external Kafka and"
        + " schema registry; start more instances to share the work.")
final class EnrichCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ConfigOptions config;

  @Option(names = "--http-port", description = "Health and metrics port (http.port,"
      + " default 8080).")
  Integer httpPort;

  private final Lifecycle lifecycle = new Lifecycle("enrich");

  @Override
  public Integer call() throws Exception {
    Map<String, String> flags = new LinkedHashMap<>();
    UpCommand.putIfSet(flags, HttpConfig.PORT, httpPort);
    Map<String, String> settings = config.load(flags);
    HttpConfig http = new HttpConfig(settings);
    PrometheusMeterRegistry meters = HttpHost.newMeterRegistry();
    PrintWriter out = spec.commandLine().getOut();
    try {
      EnrichStreams enrich = lifecycle.started(EnrichStreams.start(settings, PlaceTagger.none(),
          meters));
      HttpHost host = lifecycle.started(new HttpHost(meters, List.of(Services.hosted(enrich)),
          http.maxRequestBytes()).start(http.host(), http.port()));
      out.printf("Enrich is running (health and metrics on http://%s:%d)%n", http.host(),
          host.port());
      out.flush();
    } catch (RuntimeException e) {
      spec.commandLine().getErr().println("newswire enrich failed: " + e.getMessage());
      lifecycle.stop();
      return 1;
    }
    lifecycle.awaitStop();
    return 0;
  }
}
