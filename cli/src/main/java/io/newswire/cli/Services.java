package io.newswire.cli;

import io.newswire.enrich.EnrichStreams;
import io.newswire.ingest.IngestService;
import io.newswire.sink.SinkService;
import java.util.Map;

/** How each service appears on the {@link HttpHost}. */
final class Services {
  private Services() {
  }

  static HttpHost.Hosted hosted(EnrichStreams enrich) {
    return new HttpHost.Hosted("enrich", app -> { }, enrich::isReady,
        () -> Map.<String, Object>copyOf(enrich.health()));
  }

  static HttpHost.Hosted hosted(SinkService sink) {
    return new HttpHost.Hosted("sink", sink::registerRoutes, sink::isReady, sink::health);
  }

  static HttpHost.Hosted hosted(IngestService ingest) {
    return new HttpHost.Hosted("ingest", ingest::registerRoutes, ingest::isReady,
        ingest::health);
  }
}
