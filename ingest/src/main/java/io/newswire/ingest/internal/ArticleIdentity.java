package io.newswire.ingest.internal;

import io.newswire.schemas.text.Folding;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The identity rules: the same article gets the same id however often it is pushed.
 *
 * <ul>
 *   <li>With a guid: a name-based UUID (version 5, SHA-1) of {@code feedId|guid} in the URL
 *       namespace, so two feeds may use the same guid for different articles.</li>
 *   <li>Without one: a UUID made from the SHA-256 of the normalised headline and body (Unicode
 *       NFKC, case-folded, whitespace collapsed), marked as version 8 (custom).</li>
 * </ul>
 * The version is the feed's version number, else its versioncreated/updated time in epoch
 * millis, else the receive time.
 */
public final class ArticleIdentity {
  private static final UUID URL_NAMESPACE =
      UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  /**
   * What NFKC and lower-casing make of each character of the Basic Multilingual Plane alone
   * ('É' to "é", '…' to "...", no-break space to " ", 'Ж' to "ж"), or null where a text holding
   * it needs the general pass. Made by the general pass itself, so the two agree, in blocks of
   * 256 characters when a text first holds one of the block (about a millisecond each). A block
   * is written before it is shared; a thread that sees it without its answers finds nulls, and
   * takes the general pass, which is never wrong.
   */
  private static final String[][] FOLDED = new String[256][];

  private ArticleIdentity() {
  }

  /** The article id for {@code incoming} delivered by {@code feedId}. */
  public static String idOf(String feedId, IncomingArticle incoming) {
    if (incoming.guid() != null && !incoming.guid().isBlank()) {
      return nameUuid(feedId + "|" + incoming.guid().trim()).toString();
    }
    return contentUuid(incoming.identityText()).toString();
  }

  /** The version: feed version, else version time, else {@code receivedAt}, in that order. */
  public static long versionOf(IncomingArticle incoming, Instant receivedAt) {
    if (incoming.feedVersion() != null) {
      return incoming.feedVersion();
    }
    if (incoming.versionTime() != null) {
      return incoming.versionTime().toEpochMilli();
    }
    return receivedAt.toEpochMilli();
  }

  /** Hex SHA-256 of the normalised text: equal for texts that differ only in case or spacing. */
  public static String contentHash(String text) {
    return HexFormat.of().formatHex(sha256(normalise(text)));
  }

  static String normalise(String text) {
    // ASCII text is its own NFKC form: lower-cased and its runs of whitespace (the pattern's
    // \s: space, tab, line breaks, form feed, vertical tab) made one space in a single pass.
    // Other characters take the same pass through a table made by the general pass itself.
    char[] out = new char[text.length()];
    int length = 0;
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        if (c == ' ' || c >= '\t' && c <= '\r') {
          if (!space) {
            out[length++] = ' ';
            space = true;
          }
        } else {
          out[length++] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
          space = false;
        }
        continue;
      }
      String folded = folded(c);
      if (folded == null) {
        return normaliseGenerally(text);
      }
      // Room for what this character becomes and a character for each one after it.
      int needed = length + folded.length() + text.length() - i - 1;
      if (needed > out.length) {
        out = Arrays.copyOf(out, Math.max(out.length * 2, needed));
      }
      for (int k = 0; k < folded.length(); k++) {
        char d = folded.charAt(k);
        boolean white = d == ' ' || d >= '\t' && d <= '\r';
        if (!white) {
          out[length++] = d;
        } else if (!space) {
          out[length++] = ' ';
        }
        space = white;
      }
    }
    return new String(out, 0, length).trim();
  }

  /** {@link #FOLDED} of {@code c}, its block made first where it is missing. */
  private static String folded(char c) {
    String[] block = FOLDED[c >>> 8];
    if (block == null) {
      block = new String[256];
      for (int k = 0; k < 256; k++) {
        block[k] = Folding.alone((char) (c & 0xff00 | k));
      }
      FOLDED[c >>> 8] = block;
    }
    return block[c & 0xff];
  }

  static String normaliseGenerally(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return WHITESPACE.matcher(folded).replaceAll(" ").trim();
  }

  static UUID nameUuid(String name) {
    byte[] hash;
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(toBytes(URL_NAMESPACE));
      hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required of every JVM", e);
    }
    return uuid(hash, 5);
  }

  static UUID contentUuid(String text) {
    return uuid(sha256(normalise(text)), 8);
  }

  private static UUID uuid(byte[] hash, int version) {
    hash[6] = (byte) ((hash[6] & 0x0f) | (version << 4));
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
    ByteBuffer buffer = ByteBuffer.wrap(hash, 0, 16);
    return new UUID(buffer.getLong(), buffer.getLong());
  }

  private static byte[] toBytes(UUID uuid) {
    return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
        .putLong(uuid.getLeastSignificantBits()).array();
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
