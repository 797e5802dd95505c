package io.newswire.ingest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;

/**
 * The feeds allowed to push, read from settings of the form
 * <pre>
 * feed.&lt;id&gt;.key.sha256=&lt;hex SHA-256 of the API key&gt;   (required)
 * feed.&lt;id&gt;.rate=50                  articles per second (default ingest.rate.per.second)
 * feed.&lt;id&gt;.burst=100                (default ingest.rate.burst)
 * feed.&lt;id&gt;.content.types=text/plain,application/json   (default: all accepted types)
 * feed.&lt;id&gt;.enabled=true
 * </pre>
 * Requests name their feed by its key ({@code Authorization: Bearer <key>}); keys are compared
 * as hashes in constant time.
 */
public final class FeedRegistry {
  private static final String PREFIX = "feed.";
  private final List<Feed> feeds;

  public FeedRegistry(List<Feed> feeds) {
    this.feeds = List.copyOf(feeds);
  }

  /**
   * Reads every {@code feed.*} setting.
   *
   * @throws ConfigException naming the key of a malformed setting
   */
  public static FeedRegistry fromSettings(Map<String, ?> settings, double defaultRate,
      int defaultBurst) {
    Set<String> ids = new TreeSet<>();
    settings.keySet().stream().filter(k -> k.startsWith(PREFIX))
        .forEach(k -> {
          int dot = k.indexOf('.', PREFIX.length());
          if (dot < 0) {
            throw new ConfigException(k, settings.get(k), "expected feed.<id>.<setting>");
          }
          ids.add(k.substring(PREFIX.length(), dot));
        });
    List<Feed> feeds = new ArrayList<>();
    for (String id : ids) {
      String base = PREFIX + id + ".";
      String hash = string(settings, base + "key.sha256");
      if (hash == null || !hash.matches("[0-9a-fA-F]{64}")) {
        throw new ConfigException(base + "key.sha256", hash,
            "each feed needs the hex SHA-256 of its API key");
      }
      Set<String> types = Optional.ofNullable(string(settings, base + "content.types"))
          .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty())
              .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()))
          .orElse(Set.of());
      for (String type : types) {
        if (!ArticleParser.ACCEPTED_TYPES.contains(type)) {
          throw new ConfigException(base + "content.types", type,
              "accepted types are " + ArticleParser.ACCEPTED_TYPES);
        }
      }
      try {
        feeds.add(new Feed(id, hash.toLowerCase(Locale.ROOT),
            number(settings, base + "rate", defaultRate),
            (int) number(settings, base + "burst", defaultBurst),
            types,
            !"false".equalsIgnoreCase(string(settings, base + "enabled"))));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(base + "*", id, e.getMessage());
      }
    }
    return new FeedRegistry(feeds);
  }

  /** Every configured feed. */
  public List<Feed> feeds() {
    return feeds;
  }

  /**
   * The feed an {@code Authorization} header names.
   *
   * @throws ApiError 401 without a valid bearer key, 403 for a disabled feed
   */
  public Feed authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw ApiError.unauthorized("Authorization: Bearer <feed key> is required");
    }
    String[] parts = authorization.trim().split("\\s+", 2);
    if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer") || parts[1].isBlank()) {
      throw ApiError.unauthorized("Authorization must be 'Bearer <feed key>'");
    }
    byte[] presented = HexFormat.of().parseHex(sha256Hex(parts[1].trim()));
    Feed match = null;
    for (Feed feed : feeds) {
      if (MessageDigest.isEqual(presented, HexFormat.of().parseHex(feed.keySha256()))) {
        match = feed;
      }
    }
    if (match == null) {
      throw ApiError.unauthorized("The feed key is not known");
    }
    if (!match.enabled()) {
      throw ApiError.forbidden("Feed '" + match.id() + "' is disabled");
    }
    return match;
  }

  /** Hex SHA-256 of a key, as feed settings store it. */
  public static String sha256Hex(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  private static String string(Map<String, ?> settings, String key) {
    Object value = settings.get(key);
    return value == null ? null : value.toString().trim();
  }

  private static double number(Map<String, ?> settings, String key, double fallback) {
    String value = string(settings, key);
    if (value == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new ConfigException(key, value, "must be a number");
    }
  }
}
