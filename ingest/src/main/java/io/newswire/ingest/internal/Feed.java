package io.newswire.ingest.internal;

import java.util.Objects;
import java.util.Set;

/**
 * A feed allowed to push: who it is, how its key is checked, how fast it may push.
 *
 * @param id names the feed in article records and metrics
 * @param keySha256 hex SHA-256 of the feed's API key; the key itself is never stored
 * @param ratePerSecond sustained articles per second
 * @param burst articles it may push at once above the rate
 * @param contentTypes media types it may push; empty means every accepted type
 * @param enabled a disabled feed is answered 403
 */
public record Feed(String id, String keySha256, double ratePerSecond, int burst,
    Set<String> contentTypes, boolean enabled) {

  public Feed {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(keySha256, "keySha256");
    if (ratePerSecond <= 0) {
      throw new IllegalArgumentException("rate of feed " + id + " must be > 0, was "
          + ratePerSecond);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst of feed " + id + " must be >= 1, was " + burst);
    }
    contentTypes = Set.copyOf(contentTypes);
  }

  /** Whether the feed may push this media type. */
  public boolean accepts(String mediaType) {
    return contentTypes.isEmpty() || contentTypes.contains(mediaType);
  }
}
