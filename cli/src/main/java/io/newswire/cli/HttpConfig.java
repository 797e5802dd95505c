package io.newswire.cli;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Where the process's HTTP server (the services' APIs, health, metrics) listens. */
final class HttpConfig extends AbstractConfig {
  static final String HOST = "http.host";
  static final String PORT = "http.port";
  static final String MAX_REQUEST_BYTES = "http.max.request.bytes";

  static final ConfigDef DEFINITION = new ConfigDef()
      .define(HOST, Type.STRING, "127.0.0.1", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
          "Address the HTTP server listens on.")
      .define(PORT, Type.INT, 8080, Range.between(0, 65_535), Importance.MEDIUM,
          "Port of the HTTP server; 0 picks a free one.")
      .define(MAX_REQUEST_BYTES, Type.LONG, 64L * 1024 * 1024, Range.atLeast(1024),
          Importance.LOW, "Largest request the server reads; the services set lower limits.");

  HttpConfig(Map<?, ?> props) {
    super(DEFINITION, props, false);
  }

  String host() {
    return getString(HOST);
  }

  int port() {
    return getInt(PORT);
  }

  long maxRequestBytes() {
    return getLong(MAX_REQUEST_BYTES);
  }
}
