package io.newswire.ingest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recently stored articles, by id, to answer a repeated push with the first one's
 * acknowledgement instead of writing it again. Bounded (least recently used goes first) and
 * in memory: after a restart a repeat is written again, and downstream dedup catches it.
 */
public final class RecentArticles {
  /**
   * What is kept of a stored article. Not named Entry: in the map's subclass below, JDK 25's
   * compiler takes that name for LinkedHashMap's own nested class.
   */
  private record Stored(String contentHash, Acknowledgement ack) {
  }

  private final Map<String, Stored> entries;

  public RecentArticles(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
    }
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Stored> eldest) {
        return size() > capacity;
      }
    };
  }

  /**
   * The stored copy of the same article: same id, same content, and the same version when the
   * feed gave one (without one, a repeat keeps the first copy's receive-time version).
   */
  public synchronized Acknowledgement duplicateOf(String id, String contentHash,
      Long explicitVersion) {
    Stored entry = entries.get(id);
    if (entry == null || !entry.contentHash().equals(contentHash)) {
      return null;
    }
    if (explicitVersion != null && explicitVersion != entry.ack().version()) {
      return null;
    }
    return entry.ack().asDuplicate();
  }

  /** Records a stored article. */
  public synchronized void remember(String contentHash, Acknowledgement ack) {
    entries.put(ack.id(), new Stored(contentHash, ack));
  }
}
