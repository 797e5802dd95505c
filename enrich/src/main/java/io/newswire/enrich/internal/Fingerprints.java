package io.newswire.enrich.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Content fingerprints: an exact hash of the normalised text, and a 64-bit SimHash of its word
 * 3-shingles whose Hamming distance measures how near two texts are.
 */
final class Fingerprints {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private Fingerprints() {
  }

  /** Unicode NFKC, lower case, punctuation and runs of spaces folded to one space. */
  static String normalise(String text) {
    boolean ascii = true;
    for (int i = 0; i < text.length() && ascii; i++) {
      ascii = text.charAt(i) < 0x80;
    }
    // ASCII text is its own NFKC form.
    String folded = (ascii ? text : Normalizer.normalize(text, Normalizer.Form.NFKC))
        .toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(folded.length());
    boolean space = false;
    for (int i = 0; i < folded.length(); ) {
      int c = folded.codePointAt(i);
      i += Character.charCount(c);
      if (isWordChar(c)) {
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

  /** Hex SHA-256 of the normalised text. */
  static String contentHash(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(normalise(text).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  /** SimHash over word 3-shingles (single words for texts shorter than three). */
  static long simHash(String text) {
    String normal = normalise(text);
    // Word boundaries of the normal form, whose words are separated by one space each.
    int count = 1;
    for (int i = 0; i < normal.length(); i++) {
      count += normal.charAt(i) == ' ' ? 1 : 0;
    }
    int[] starts = new int[count + 1];
    for (int i = 0, w = 1; i < normal.length(); i++) {
      if (normal.charAt(i) == ' ') {
        starts[w++] = i + 1;
      }
    }
    starts[count] = normal.length() + 1;
    int[] ones = new int[64];
    int shingles = 0;
    int shingle = Math.min(3, count);
    for (int i = 0; i + shingle <= count; i++) {
      long hash = FNV_OFFSET;
      for (int j = i; j < i + shingle; j++) {
        for (int k = starts[j]; k < starts[j + 1] - 1; k++) {
          hash ^= normal.charAt(k);
          hash *= FNV_PRIME;
        }
        hash ^= ' ';
        hash *= FNV_PRIME;
      }
      shingles++;
      for (long bits = mix(hash); bits != 0; bits &= bits - 1) {
        ones[Long.numberOfTrailingZeros(bits)]++;
      }
    }
    long signature = 0;
    for (int bit = 0; bit < 64; bit++) {
      // More shingles with the bit set than without.
      if (2 * ones[bit] > shingles) {
        signature |= 1L << bit;
      }
    }
    return signature;
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
