package io.newswire.ingest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the pollers remember across restarts, in one JSON file: each feed's validators for
 * conditional GET, and the items already published with their version and content hash, so a
 * restart does not publish them again. Written whole, atomically, after each successful poll.
 */
public final class PollState {
  private static final Logger log = LoggerFactory.getLogger(PollState.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An item already published. */
  public record Seen(long version, String contentHash) {
  }

  /** One feed's memory. Mutated only by the poller thread. */
  public static final class FeedMemory {
    String etag;
    String lastModified;
    final LinkedHashMap<String, Seen> seen = new LinkedHashMap<>();

    void remember(String articleId, Seen item, int capacity) {
      seen.remove(articleId);
      seen.put(articleId, item);
      Iterator<String> oldest = seen.keySet().iterator();
      while (seen.size() > capacity && oldest.hasNext()) {
        oldest.next();
        oldest.remove();
      }
    }
  }

  private final Path file;
  private final Map<String, FeedMemory> feeds = new HashMap<>();

  private PollState(Path file) {
    this.file = file;
  }

  /** Loads the state file, or starts empty when there is none (or it cannot be read). */
  public static PollState load(Path file) {
    PollState state = new PollState(file);
    if (!Files.exists(file)) {
      return state;
    }
    try {
      JsonNode root = JSON.readTree(file.toFile());
      root.path("feeds").fields().forEachRemaining(feed -> {
        FeedMemory memory = state.feed(feed.getKey());
        JsonNode node = feed.getValue();
        memory.etag = node.hasNonNull("etag") ? node.get("etag").asText() : null;
        memory.lastModified = node.hasNonNull("lastModified")
            ? node.get("lastModified").asText() : null;
        node.path("seen").fields().forEachRemaining(item -> memory.seen.put(item.getKey(),
            new Seen(item.getValue().path("version").asLong(),
                item.getValue().path("hash").asText())));
      });
    } catch (IOException e) {
      log.warn("Cannot read poll state {} ({}); starting without it: items may be published"
          + " again and are then recognised downstream by id and version", file, e.toString());
    }
    return state;
  }

  /** The memory of one feed, created empty on first use. */
  public synchronized FeedMemory feed(String feedId) {
    return feeds.computeIfAbsent(feedId, id -> new FeedMemory());
  }

  /** Writes the whole state to a temporary file and moves it over the old one. */
  public synchronized void save() {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode all = root.putObject("feeds");
    feeds.forEach((id, memory) -> {
      ObjectNode node = all.putObject(id);
      node.put("etag", memory.etag);
      node.put("lastModified", memory.lastModified);
      ObjectNode seen = node.putObject("seen");
      memory.seen.forEach((articleId, item) -> seen.putObject(articleId)
          .put("version", item.version()).put("hash", item.contentHash()));
    });
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writeValue(temporary.toFile(), root);
      try {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write poll state " + file, e);
    }
  }
}
