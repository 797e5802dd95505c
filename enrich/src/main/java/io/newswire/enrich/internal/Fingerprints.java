package io.newswire.enrich.internal;

import io.newswire.schemas.text.Folding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Content fingerprints: an exact hash of the normalised text, and a 64-bit SimHash of its word
 * 3-shingles whose Hamming distance measures how near two texts are. Consumers compare both
 * across articles and over time, so neither may change for the same text.
 */
final class Fingerprints {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  /** ASCII letters and digits in lower case, 0 for every other ASCII character. */
  private static final char[] ASCII_LOWER = new char[0x80];
  /**
   * What the normal form makes of each character of the Basic Multilingual Plane beyond ASCII,
   * alone: its one letter or digit in lower case ('É' to 'é', 'Ж' to 'ж'), {@link #NONE} where
   * it has none ('—', '’', '“', no-break space), {@link #GENERAL} where it needs the general
   * pass. Made by the general pass itself, so the two agree, in blocks of 256 characters when a
   * text first holds one of the block. None of the characters answered here combines with a
   * neighbour (see {@link Folding}), so a text of them is normalised a character at a time.
   * A block is written before it is shared; a thread that sees it without its answers reads
   * {@link #GENERAL}, and takes the general pass, which is never wrong.
   */
  private static final char[][] FOLDED = new char[256][];
  private static final char GENERAL = 0;
  private static final char NONE = 1;
  /** The 8 bits of a byte spread over the 8 bytes of a long, lowest bit in the lowest byte. */
  private static final long[] SPREAD = new long[256];

  static {
    for (char c = 0; c < 0x80; c++) {
      ASCII_LOWER[c] = Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : 0;
    }
    for (int b = 0; b < 256; b++) {
      for (int bit = 0; bit < 8; bit++) {
        SPREAD[b] |= (long) (b >>> bit & 1) << 8 * bit;
      }
    }
  }

  private Fingerprints() {
  }

  /**
   * The fingerprints of an article.
   *
   * @param contentHash hex SHA-256 of the normal form of the headline and body
   * @param nearDuplicateSignature SimHash of the body; null when it has no text
   */
  record Of(String contentHash, Long nearDuplicateSignature) {
  }

  /**
   * The fingerprints of an article: its content hash is that of the headline, a blank line and
   * the body; the near-duplicate signature is the body's.
   */
  static Of of(String headline, String body) {
    String normalBody = normalise(body);
    String normalHeadline = headline == null ? "" : normalise(headline);
    // The normal form of "headline\n\nbody": the blank line is one space between two non-empty
    // parts (normalisation and case folding never reach across a line break).
    String normal = normalHeadline.isEmpty() ? normalBody
        : normalBody.isEmpty() ? normalHeadline : normalHeadline + ' ' + normalBody;
    return new Of(sha256(normal), body.isEmpty() ? null : simHashOfNormal(normalBody));
  }

  /** {@link #FOLDED} of {@code c}, its block made first where it is missing. */
  private static char folded(char c) {
    char[] block = FOLDED[c >>> 8];
    if (block == null) {
      block = new char[256];
      for (int k = 0; k < 256; k++) {
        block[k] = foldAlone((char) (c & 0xff00 | k));
      }
      FOLDED[c >>> 8] = block;
    }
    return block[c & 0xff];
  }

  /**
   * {@link #FOLDED} of one character, by the general pass; {@link #GENERAL} where
   * {@link Folding#alone} says it may not be normalised alone, or where it becomes more than one
   * character of which some are letters or digits ('¼' to "1⁄4", 'Ŀ' to "l·": the signs
   * between them part the words of a text).
   */
  private static char foldAlone(char c) {
    String folded = Folding.alone(c);
    if (folded == null) {
      return GENERAL;
    }
    String normal = normaliseGenerally(String.valueOf(c));
    return normal.isEmpty() ? NONE : folded.length() == 1 ? normal.charAt(0) : GENERAL;
  }

  /** Unicode NFKC, lower case, punctuation and runs of spaces folded to one space. */
  static String normalise(String text) {
    char[] out = new char[text.length()];
    int length = 0;
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char lower;
      if (c < 0x80) {
        lower = ASCII_LOWER[c];
      } else {
        lower = folded(c);
        if (lower == GENERAL) {
          return normaliseGenerally(text);
        }
        lower = lower == NONE ? 0 : lower;
      }
      if (lower != 0) {
        if (space && length > 0) {
          out[length++] = ' ';
        }
        space = false;
        out[length++] = lower;
      } else {
        space = true;
      }
    }
    // ASCII text is its own NFKC form, and the tables its lower case.
    return new String(out, 0, length);
  }

  static String normaliseGenerally(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(folded.length());
    boolean space = false;
    for (int i = 0; i < folded.length(); ) {
      int c = folded.codePointAt(i);
      i += Character.charCount(c);
      if (c < 0x80 ? ASCII_LOWER[c] != 0 : isWordChar(c)) {
        if (space && out.length() > 0) {
          out.append(' ');
        }
        space = false;
        out.appendCodePoint(c);
      } else {
        space = true;
      }
    }
    return out.toString();
  }

  /** Letters and numbers of every kind ({@code \\p{L}}, {@code \\p{N}}). */
  private static boolean isWordChar(int c) {
    if (Character.isLetterOrDigit(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
  }

  private static String sha256(String normal) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(normal.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  /** SimHash over word 3-shingles (single words for texts shorter than three). */
  private static long simHashOfNormal(String normal) {
    char[] chars = normal.toCharArray();
    // The normal form's words are separated by one space each.
    int count = 1;
    for (char c : chars) {
      count += c == ' ' ? 1 : 0;
    }
    int shingle = Math.min(3, count);
    // One pass over the text hashes the three shingles that hold each word side by side: the
    // one that ends with it, the one it is in the middle of and the one it starts, each the
    // FNV-1a hash of its words with a space after each. Three independent chains of
    // multiplications instead of one, three times as long.
    long ending = FNV_OFFSET;
    long middle = FNV_OFFSET;
    long starting = FNV_OFFSET;
    // How many shingles set each bit: eight counters of a byte each per long, byte b of
    // lanes[k] counting bit 8k + b, emptied into ones before a byte can overflow.
    int[] ones = new int[64];
    long[] lanes = new long[8];
    int shingles = 0;
    int word = 0;
    for (int i = 0; i <= chars.length; i++) {
      long c = i == chars.length ? ' ' : chars[i];
      ending = (ending ^ c) * FNV_PRIME;
      middle = (middle ^ c) * FNV_PRIME;
      starting = (starting ^ c) * FNV_PRIME;
      if (c != ' ') {
        continue;
      }
      // Word number word ends here, and with it the shingle that started shingle - 1 words
      // before it.
      if (word >= shingle - 1) {
        long bits = mix(shingle == 3 ? ending : shingle == 2 ? middle : starting);
        for (int k = 0; k < 8; k++) {
          lanes[k] += SPREAD[(int) (bits >>> 8 * k) & 0xff];
        }
        if (++shingles % 255 == 0) {
          empty(lanes, ones);
        }
      }
      ending = middle;
      middle = starting;
      starting = FNV_OFFSET;
      word++;
    }
    empty(lanes, ones);
    long signature = 0;
    for (int bit = 0; bit < 64; bit++) {
      // More shingles with the bit set than without.
      if (2 * ones[bit] > shingles) {
        signature |= 1L << bit;
      }
    }
    return signature;
  }

  private static void empty(long[] lanes, int[] ones) {
    for (int k = 0; k < 8; k++) {
      for (int b = 0; b < 8; b++) {
        ones[8 * k + b] += (int) (lanes[k] >>> 8 * b) & 0xff;
      }
      lanes[k] = 0;
    }
  }

  /** Spreads FNV's weak low bits (the finaliser of MurmurHash3). */
  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
