package io.newswire.enrich.places;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The gazetteer's normalised names, each to its places, laid out for the processor's caches.
 * One array of slots holds, per name, two independent 64-bit hashes of it and where its places
 * start in one array of places, each list ended by a null; a parallel array says which of them
 * carry the name as their own. A lookup reads one slot and one run of places, where a map of
 * strings reads a bucket, a node, the key and its characters, and an array of ids, each likely
 * a cache miss and, over a heap of 4 KB pages, a miss of the address translation as well.
 *
 * <p>Names are told apart by 96 bits of the two hashes, seeded at random for each table, so
 * that no text can be written to pass for a name; two names of one table with the same bits
 * make the table pick other seeds.
 */
final class NameTable {
  private static final long OTHER_PRIME = 0x9e3779b97f4a7c15L;
  private static final long HIGH = 0xffffffff00000000L;

  private final long seed;
  private final long otherSeed;
  /** Two longs per slot: the first hash, then the second's high half and the offset. */
  private final long[] slots;
  private final int mask;
  private final GazetteerEntry[] places;
  private final boolean[] own;
  private final int size;

  /**
   * @param names each normalised name to the indexes of its places in {@code entries}
   * @param owners each normalised name to the places whose own name or alias it is
   */
  NameTable(Map<String, int[]> names, Map<String, int[]> owners, List<GazetteerEntry> entries) {
    size = names.size();
    int capacity = Integer.highestOneBit(Math.max(2, size) * 2 - 1) << 1;
    mask = capacity - 1;
    int total = 0;
    for (int[] ids : names.values()) {
      total += ids.length + 1;
    }
    places = new GazetteerEntry[total];
    own = new boolean[total];
    long[] table;
    long first;
    long second;
    do {
      first = ThreadLocalRandom.current().nextLong();
      second = ThreadLocalRandom.current().nextLong();
      table = fill(names, owners, entries, first, second, capacity);
    } while (table == null);
    seed = first;
    otherSeed = second;
    slots = table;
  }

  /** The slots, or null where two names share their bits under these seeds. */
  private long[] fill(Map<String, int[]> names, Map<String, int[]> owners,
      List<GazetteerEntry> entries, long first, long second, int capacity) {
    long[] table = new long[capacity * 2];
    int offset = 0;
    for (Map.Entry<String, int[]> name : names.entrySet()) {
      long hash = hash(name.getKey(), first);
      long other = otherHash(name.getKey(), second) & HIGH;
      int i = (int) hash & mask;
      while (table[i * 2] != 0) {
        if (table[i * 2] == hash && (table[i * 2 + 1] & HIGH) == other) {
          return null;
        }
        i = i + 1 & mask;
      }
      table[i * 2] = hash;
      table[i * 2 + 1] = other | offset;
      int[] ownIds = owners.getOrDefault(name.getKey(), new int[0]);
      for (int id : name.getValue()) {
        boolean mine = false;
        for (int ownId : ownIds) {
          mine |= ownId == id;
        }
        places[offset] = entries.get(id);
        own[offset++] = mine;
      }
      places[offset++] = null;
    }
    return table;
  }

  /** How many names it holds. */
  int size() {
    return size;
  }

  /** The places a normalised name may mean, in a list of the caller's. */
  List<GazetteerEntry> lookup(String name) {
    int at = find(name);
    List<GazetteerEntry> found = new ArrayList<>(4);
    for (int i = at; i >= 0 && places[i] != null; i++) {
      found.add(places[i]);
    }
    return found;
  }

  boolean contains(String name) {
    return find(name) >= 0;
  }

  /** Whether a normalised name is this place's own name or a reviewed alias. */
  boolean isOwn(String name, GazetteerEntry entry) {
    int at = find(name);
    for (int i = at; i >= 0 && places[i] != null; i++) {
      if (places[i] == entry) {
        return own[i];
      }
    }
    return false;
  }

  /** The places whose own name or reviewed alias a normalised name is. */
  List<GazetteerEntry> owners(String name) {
    int at = find(name);
    List<GazetteerEntry> owners = new ArrayList<>(2);
    for (int i = at; i >= 0 && places[i] != null; i++) {
      if (own[i]) {
        owners.add(places[i]);
      }
    }
    return owners;
  }

  /** Where the name's places start in {@link #places}, or -1. */
  private int find(String name) {
    long hash = hash(name, seed);
    for (int i = (int) hash & mask; ; i = i + 1 & mask) {
      long held = slots[i * 2];
      if (held == 0) {
        return -1;
      }
      if (held == hash) {
        long rest = slots[i * 2 + 1];
        if ((rest & HIGH) == (otherHash(name, otherSeed) & HIGH)) {
          return (int) rest;
        }
      }
    }
  }

  /** FNV-1a from a seed, mixed (MurmurHash3's finaliser), never 0: 0 marks a free slot. */
  private static long hash(String name, long seed) {
    long h = seed;
    for (int i = 0; i < name.length(); i++) {
      h = NameHashes.extend(h, name.charAt(i));
    }
    h = NameHashes.mix(h);
    return h == 0 ? 1 : h;
  }

  /** A second hash, independent of the first: multiplicative, from another seed, mixed. */
  private static long otherHash(String name, long seed) {
    long h = seed;
    for (int i = 0; i < name.length(); i++) {
      h = (h + name.charAt(i)) * OTHER_PRIME;
      h ^= h >>> 31;
    }
    h = (h ^ h >>> 30) * 0xbf58476d1ce4e5b9L;
    h = (h ^ h >>> 27) * 0x94d049bb133111ebL;
    return h ^ h >>> 31;
  }
}
