package io.newswire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newswire.enrich.EnrichStreams;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP server of a process: the services it runs register their routes on it, and it
 * serves {@code /health/live}, {@code /health/ready} (ready when every service is) and
 * {@code /metrics} (Prometheus) for all of them.
 */
final class HttpHost implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpHost.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A service as the host sees it. */
  record Hosted(String name, Consumer<Javalin> routes, BooleanSupplier ready,
      Supplier<Map<String, Object>> details) {
  }

  private final PrometheusMeterRegistry meters;
  private final Javalin app;
  private final List<Hosted> services;

  HttpHost(PrometheusMeterRegistry meters, List<Hosted> services, long maxRequestBytes) {
    this.meters = meters;
    this.services = List.copyOf(services);
    this.app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.startupWatcherEnabled = false;
      config.http.maxRequestSize = maxRequestBytes;
    });
    app.get("/health/live", ctx -> ctx.json(Map.of("status", "UP")));
    app.get("/health/ready", ctx -> {
      Map<String, Object> body = new LinkedHashMap<>();
      boolean ready = true;
      Map<String, Object> each = new LinkedHashMap<>();
      for (Hosted service : this.services) {
        boolean up = service.ready().getAsBoolean();
        ready &= up;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("status", up ? "UP" : "DOWN");
        detail.putAll(service.details().get());
        each.put(service.name(), detail);
      }
      body.put("status", ready ? "UP" : "DOWN");
      body.put("services", each);
      ctx.status(ready ? 200 : 503).contentType("application/json")
          .result(JSON.writeValueAsString(body));
    });
    app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
        .result(meters.scrape()));
    this.services.forEach(service -> service.routes().accept(app));
    app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(),
        switch (e.getStatus()) {
          case 404 -> "not_found";
          case 405 -> "method_not_allowed";
          case 413 -> "payload_too_large";
          default -> "http_" + e.getStatus();
        }, e.getMessage()));
    app.exception(Exception.class, (e, ctx) -> {
      log.error("{} {} failed", ctx.method(), ctx.path(), e);
      error(ctx, 500, "internal_error",
          "The server failed to answer; its log has the cause");
    });
    app.error(404, ctx -> {
      String type = ctx.res().getContentType();
      if (type == null || !type.startsWith("application/json")) {
        error(ctx, 404, "not_found", "No endpoint " + ctx.method() + " " + ctx.path());
      }
    });
  }

  /** A registry for the process's metrics, with the JVM's own bound to it. */
  static PrometheusMeterRegistry newMeterRegistry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(EnrichStreams.storeMetricTags());
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    return registry;
  }

  /** Starts listening; port 0 picks a free one. */
  HttpHost start(String host, int port) {
    app.start(host, port);
    log.info("HTTP listening on http://{}:{}", host, app.port());
    return this;
  }

  int port() {
    return app.port();
  }

  private static void error(Context ctx, int status, String error,
      String message) {
    ctx.status(status).contentType("application/json")
        .result(JSON.createObjectNode().put("error", error).put("message", message).toString());
  }

  @Override
  public void close() {
    app.stop();
    meters.close();
  }
}
