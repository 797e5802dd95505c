package io.newswire.enrich.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Content fingerprints: an exact hash of the normalised text, and a 64-bit SimHash of its word
 * 3-shingles whose Hamming distance measures how near two texts are.
 */
final class Fingerprints {
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private Fingerprints() {
  }

  /** Unicode NFKC, lower case, punctuation and runs of spaces folded to one space. */
  static String normalise(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return NON_WORD.matcher(folded).replaceAll(" ").trim();
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
    String[] words = normalise(text).split(" ");
    int[] weights = new int[64];
    int shingle = Math.min(3, words.length);
    for (int i = 0; i + shingle <= words.length; i++) {
      long hash = FNV_OFFSET;
      for (int j = i; j < i + shingle; j++) {
        for (int k = 0; k < words[j].length(); k++) {
          hash ^= words[j].charAt(k);
          hash *= FNV_PRIME;
        }
        hash ^= ' ';
        hash *= FNV_PRIME;
      }
      hash = mix(hash);
      for (int bit = 0; bit < 64; bit++) {
        weights[bit] += ((hash >>> bit) & 1) == 1 ? 1 : -1;
      }
    }
    long signature = 0;
    for (int bit = 0; bit < 64; bit++) {
      if (weights[bit] > 0) {
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
