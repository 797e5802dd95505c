package io.newswire.ingest.internal;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.config.ConfigException;

/**
 * An RSS 2.0 or Atom feed to poll, from settings {@code poll.<id>.url} and
 * {@code poll.<id>.interval.seconds} (default 300).
 */
public record PolledFeed(String id, URI url, Duration interval) {
  private static final String PREFIX = "poll.";

  public PolledFeed {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(url, "url");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval of " + id + " must be > 0, was " + interval);
    }
  }

  /**
   * Every {@code poll.*} feed in the settings.
   *
   * @throws ConfigException naming the key of a malformed setting
   */
  public static List<PolledFeed> fromSettings(Map<String, ?> settings) {
    Set<String> ids = new TreeSet<>();
    for (String key : settings.keySet()) {
      if (key.startsWith(PREFIX) && key.indexOf('.', PREFIX.length()) > 0) {
        ids.add(key.substring(PREFIX.length(), key.indexOf('.', PREFIX.length())));
      }
    }
    List<PolledFeed> feeds = new ArrayList<>();
    for (String id : ids) {
      Object url = settings.get(PREFIX + id + ".url");
      if (url == null) {
        throw new ConfigException(PREFIX + id + ".url", null, "each polled feed needs a url");
      }
      URI uri;
      try {
        uri = URI.create(url.toString().trim());
      } catch (IllegalArgumentException e) {
        throw new ConfigException(PREFIX + id + ".url", url, e.getMessage());
      }
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new ConfigException(PREFIX + id + ".url", url, "must be an http or https URL");
      }
      Object interval = settings.get(PREFIX + id + ".interval.seconds");
      long seconds;
      try {
        seconds = interval == null ? 300 : Long.parseLong(interval.toString().trim());
      } catch (NumberFormatException e) {
        throw new ConfigException(PREFIX + id + ".interval.seconds", interval, "not a number");
      }
      if (seconds < 1) {
        throw new ConfigException(PREFIX + id + ".interval.seconds", interval, "must be >= 1");
      }
      feeds.add(new PolledFeed(id, uri, Duration.ofSeconds(seconds)));
    }
    return feeds;
  }
}
