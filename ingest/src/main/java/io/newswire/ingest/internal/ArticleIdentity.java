package io.newswire.ingest.internal;

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
   * What NFKC and lower-casing make of each character from U+0080 to U+206F alone ('É' to "é",
   * '…' to "...", no-break space to " "), or null where a text holding it needs the general
   * pass: a combining mark, a letter of another script. Made by the general pass itself, so the
   * two agree. No character answered here, nor any it becomes, combines with a neighbour, so a
   * text of them is normalised a character at a time.
   */
  private static final String[] FOLDED = new String[0x2070];

  static {
    for (char c = 0x80; c < FOLDED.length; c++) {
      FOLDED[c] = c >= 0x100 && c < 0x2000 ? null : foldAlone(c);
    }
  }

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
    // Latin-1 letters and general punctuation take the same pass, as the table folds them.
    char[] out = new char[text.length()];
    int length = 0;
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String folded = null;
      if (c >= 0x80) {
        folded = c < FOLDED.length ? FOLDED[c] : null;
        if (folded == null) {
          return normaliseGenerally(text);
        }
        // Room for what this character becomes and a character for each one after it.
        int needed = length + folded.length() + text.length() - i - 1;
        if (needed > out.length) {
          out = Arrays.copyOf(out, Math.max(out.length * 2, needed));
        }
      }
      for (int k = 0; k < (folded == null ? 1 : folded.length()); k++) {
        char d = folded == null ? c : folded.charAt(k);
        boolean white = d == ' ' || d >= '\t' && d <= '\r';
        if (!white) {
          out[length++] = d >= 'A' && d <= 'Z' ? (char) (d + ('a' - 'A')) : d;
        } else if (!space) {
          out[length++] = ' ';
        }
        space = white;
      }
    }
    return new String(out, 0, length).trim();
  }

  /** {@link #FOLDED} of one character, by the general pass. */
  private static String foldAlone(char c) {
    String alone = String.valueOf(c);
    if (isMark(c) || !Normalizer.isNormalized(alone, Normalizer.Form.NFC)) {
      return null;
    }
    String folded = Normalizer.normalize(alone, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    for (int k = 0; k < folded.length(); k++) {
      if (isMark(folded.charAt(k)) || Character.isSurrogate(folded.charAt(k))) {
        return null;
      }
    }
    return folded;
  }

  private static boolean isMark(char c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
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
