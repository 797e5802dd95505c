package io.newswire.cli;

import io.newswire.ingest.IngestService;

/** How each service appears on the {@link HttpHost}. */
final class Services {
  private Services() {
  }

  static HttpHost.Hosted hosted(IngestService ingest) {
    return new HttpHost.Hosted("ingest", ingest::registerRoutes, ingest::isReady,
        ingest::health);
  }
}
