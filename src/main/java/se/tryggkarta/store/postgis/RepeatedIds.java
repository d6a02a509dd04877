package se.tryggkarta.store.postgis;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Finds the external ids that may occur more than once in one import, without keeping the ids: a
 * set of 64-bit FNV-1a hashes (open addressing, 8–16 bytes per id) flags every id whose hash was
 * seen before. A repeated id is always flagged; an id whose hash merely collides with another's is
 * flagged too, which costs nothing but a name in {@link #candidates()}: the bulk load only ever
 * deletes the earlier rows of ids that really repeat. Not thread-safe.
 */
final class RepeatedIds {
  private static final long EMPTY = 0;
  private long[] slots = new long[1 << 12];
  private int size;
  private final Set<String> candidates = new LinkedHashSet<>();

  /** Remembers one occurrence of an id. */
  void add(String externalId) {
    long h = hash(externalId);
    if (!insert(h)) {
      candidates.add(externalId);
    }
  }

  /** The ids that may have occurred more than once; empty when every id occurred once. */
  Set<String> candidates() {
    return candidates;
  }

  /** False when the hash was there already. */
  private boolean insert(long h) {
    if (size * 2 >= slots.length) {
      grow();
    }
    int mask = slots.length - 1;
    int i = (int) (h ^ (h >>> 32)) & mask;
    while (slots[i] != EMPTY) {
      if (slots[i] == h) {
        return false;
      }
      i = (i + 1) & mask;
    }
    slots[i] = h;
    size++;
    return true;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    size = 0;
    Arrays.stream(old).filter(h -> h != EMPTY).forEach(this::insert);
  }

  /** FNV-1a over the UTF-16 units; 0 is reserved for an empty slot. */
  static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h == EMPTY ? 1 : h;
  }
}
