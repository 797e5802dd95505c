package io.newswire.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A command that runs one service alone against the Kafka, schema registry (and database) its
 * settings name, with health and metrics on the HTTP server, until Ctrl-C or SIGTERM.
 */
abstract class ServiceCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ConfigOptions config;

  @Option(names = "--http-port", description = "HTTP port for the API, health and metrics"
      + " (http.port, default 8080).")
  Integer httpPort;

  /** A started service: how the host shows it, and what to close. */
  record Started(HttpHost.Hosted hosted, AutoCloseable service, String description) {
  }

  /** Starts the service from the merged settings. */
  abstract Started start(Map<String, String> settings, PrometheusMeterRegistry meters);

  @Override
  public final Integer call() throws Exception {
    String name = spec.name();
    Lifecycle lifecycle = new Lifecycle(name);
    Map<String, String> flags = new LinkedHashMap<>();
    UpCommand.putIfSet(flags, HttpConfig.PORT, httpPort);
    Map<String, String> settings = config.load(flags);
    HttpConfig http = new HttpConfig(settings);
    PrometheusMeterRegistry meters = HttpHost.newMeterRegistry();
    PrintWriter out = spec.commandLine().getOut();
    try {
      Started started = start(settings, meters);
      lifecycle.started(started.service());
      HttpHost host = lifecycle.started(new HttpHost(meters, List.of(started.hosted()),
          http.maxRequestBytes()).start(http.host(), http.port()));
      out.printf("%s is running: %s; HTTP on http://%s:%d%n", name, started.description(),
          http.host(), host.port());
      out.flush();
    } catch (RuntimeException e) {
      spec.commandLine().getErr().println("newswire " + name + " failed: " + e.getMessage());
      lifecycle.stop();
      return 1;
    }
    lifecycle.awaitStop();
    return 0;
  }
}
