package io.newswire.cli;

import io.newswire.ingest.IngestService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The feed that {@code newswire up} creates for this machine: its key in
 * {@code <data dir>/feeds/local.key} (readable by the owner only) for {@code newswire push}, and
 * its settings, with only the key's hash, in {@code <data dir>/feeds.properties}.
 */
final class LocalFeed {
  static final String ID = "local";

  private LocalFeed() {
  }

  /** The key file of feed {@code id} under {@code dataDir}. */
  static Path keyFile(Path dataDir, String id) {
    return dataDir.resolve("feeds").resolve(id + ".key");
  }

  /** The feed settings file under {@code dataDir}. */
  static Path settingsFile(Path dataDir) {
    return dataDir.resolve("feeds.properties");
  }

  /**
   * Creates the local feed unless it exists.
   *
   * @return the new key, or empty when the feed existed already
   */
  static Optional<String> ensure(Path dataDir) {
    Path keyFile = keyFile(dataDir, ID);
    Path settings = settingsFile(dataDir);
    if (Files.exists(keyFile) && Files.exists(settings)) {
      return Optional.empty();
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String key = "nw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    try {
      Files.createDirectories(keyFile.getParent());
      Files.writeString(keyFile, key + "\n", StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the data directory's own permissions protect it
      }
      Files.writeString(settings, String.join("\n",
          "# Feeds allowed to push to this machine's ingest API. Keys are stored as SHA-256.",
          "feed." + ID + ".key.sha256=" + IngestService.keyHash(key),
          "feed." + ID + ".rate=5000",
          "feed." + ID + ".burst=10000",
          ""), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the local feed under " + dataDir, e);
    }
    return Optional.of(key);
  }

  /** The key of feed {@code id}, read from its key file. */
  static Optional<String> readKey(Path dataDir, String id) {
    Path file = keyFile(dataDir, id);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
