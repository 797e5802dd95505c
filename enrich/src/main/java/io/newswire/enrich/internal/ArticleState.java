package io.newswire.enrich.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What enrich remembers of an article: the latest version it took, and the content hash of the
 * latest version it enriched with the time of that record.
 *
 * @param version the latest version taken (enriched, withdrawn or found to repeat the content)
 * @param contentHash the hex content hash of the latest enriched version; null after a
 *     withdrawal, and in state written before hashes were kept here
 * @param enrichedAt the record time of that version, in epoch milliseconds
 */
public record ArticleState(long version, String contentHash, long enrichedAt) {
  private static final int LEGACY = Long.BYTES;
  private static final int HEADER = 2 * Long.BYTES;

  /**
   * An article at {@code version} without content to compare the next version with: withdrawn,
   * or remembered from before hashes were kept.
   */
  static ArticleState versionOnly(long version) {
    return new ArticleState(version, null, 0);
  }

  /** This article, with {@code version} found to repeat its content. */
  ArticleState repeatedAt(long version) {
    return new ArticleState(version, contentHash, enrichedAt);
  }

  /**
   * Whether {@code hash}, arriving at {@code now}, is the content of the latest enriched version
   * within {@code windowMillis}.
   */
  boolean sameContent(String hash, long now, long windowMillis) {
    return contentHash != null && contentHash.equals(hash) && now - enrichedAt <= windowMillis;
  }

  /**
   * The store's serde: version and time as two longs, then the hash in UTF-8. A value of one
   * long, as the store held before it kept hashes, reads as a version without a hash.
   */
  public static Serde<ArticleState> serde() {
    Serializer<ArticleState> serializer = (topic, state) -> {
      if (state == null) {
        return null;
      }
      byte[] hash = state.contentHash == null ? new byte[0]
          : state.contentHash.getBytes(StandardCharsets.UTF_8);
      return ByteBuffer.allocate(HEADER + hash.length).putLong(state.version)
          .putLong(state.enrichedAt).put(hash).array();
    };
    Deserializer<ArticleState> deserializer = (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      if (bytes.length == LEGACY) {
        return versionOnly(ByteBuffer.wrap(bytes).getLong());
      }
      if (bytes.length < HEADER) {
        throw new SerializationException("An article state of " + bytes.length + " bytes");
      }
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      long version = buffer.getLong();
      long at = buffer.getLong();
      String hash = bytes.length == HEADER ? null
          : new String(bytes, HEADER, bytes.length - HEADER, StandardCharsets.UTF_8);
      return new ArticleState(version, hash, at);
    };
    return Serdes.serdeFrom(serializer, deserializer);
  }
}
