package io.newswire.enrich.places;

import java.util.Collection;

/**
 * A set of hashes of normalised names, to tell cheaply, straight from an article's characters
 * and without a string, that a word group is no name: most capitalised words start none. A
 * hash found here is only a hint, confirmed by the exact lookup (about one in 300 that are not
 * there seem to be); a hash not found is a certain no. A Bloom filter blocked by the word: 16 to
 * 32 bits per name, the four bits of a hash in one {@code long}, so that a question costs one
 * read that never straddles two cache lines, and the whole filter stays in the processor's
 * caches where a map of the names would not.
 */
final class NameHashes {
  /** The hash of the empty string (FNV-1a, 64 bits), where a running hash starts. */
  static final long EMPTY = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  private final long[] bits;
  private final int wordMask;

  NameHashes(Collection<String> names) {
    int words = Integer.highestOneBit(Math.max(1, names.size() * 16 / 64) * 2 - 1);
    bits = new long[words];
    wordMask = words - 1;
    for (String name : names) {
      long mixed = mix(of(name));
      bits[word(mixed)] |= pattern(mixed);
    }
  }

  /** The running hash extended by one character. */
  static long extend(long hash, char c) {
    return (hash ^ c) * PRIME;
  }

  /** The hash of a whole string. */
  static long of(String name) {
    long hash = EMPTY;
    for (int i = 0; i < name.length(); i++) {
      hash = extend(hash, name.charAt(i));
    }
    return hash;
  }

  boolean contains(long hash) {
    long mixed = mix(hash);
    long pattern = pattern(mixed);
    return (bits[word(mixed)] & pattern) == pattern;
  }

  private int word(long mixed) {
    return (int) (mixed >>> 32) & wordMask;
  }

  /** Four bits of a word, chosen by the low 24 bits of the mixed hash, six bits each. */
  private static long pattern(long mixed) {
    return 1L << mixed | 1L << (mixed >>> 6) | 1L << (mixed >>> 12) | 1L << (mixed >>> 18);
  }

  /** Spreads FNV's bits over the whole word (MurmurHash3's finaliser). */
  static long mix(long hash) {
    long h = (hash ^ hash >>> 33) * 0xff51afd7ed558ccdL;
    h = (h ^ h >>> 33) * 0xc4ceb9fe1a85ec53L;
    return h ^ h >>> 33;
  }
}
