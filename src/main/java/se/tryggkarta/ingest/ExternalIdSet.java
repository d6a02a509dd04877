package se.tryggkarta.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The external ids one import has seen and the record each was first seen at, kept compactly so the
 * duplicate check does not grow the heap by a hundred bytes an id (a {@code HashMap<String,
 * Long>}): each id's UTF-8 bytes go into 1 MiB pages, and an open-addressing table of entry numbers
 * (load ≤ ½) finds them by a 32-bit hash, confirmed byte for byte, so the answer is exact. About 26
 * bytes an id plus its bytes: 36 MB for a million ten-character ids. Not thread-safe.
 */
final class ExternalIdSet {
  private static final int PAGE_BITS = 20;
  private static final int PAGE = 1 << PAGE_BITS;

  private final List<byte[]> pages = new ArrayList<>();
  private int pageUsed = PAGE;
  private long[] position = new long[1024];
  private long[] firstRecord = new long[1024];
  private int[] hash = new int[1024];
  private int size;
  private int[] slots = new int[2048];

  /**
   * Remembers {@code id} as first seen at {@code record} and returns −1, or, when it was seen
   * before, returns the record it was first seen at (and remembers nothing).
   */
  long firstRecord(String id, long record) {
    byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
    int h = hash(bytes);
    int mask = slots.length - 1;
    int i = h & mask;
    while (slots[i] != 0) {
      int e = slots[i] - 1;
      if (hash[e] == h && sameBytes(e, bytes)) {
        return firstRecord[e];
      }
      i = (i + 1) & mask;
    }
    add(bytes, h, record);
    slots[i] = size;
    if (size * 2 > slots.length) {
      rehash();
    }
    return -1;
  }

  /** How many distinct ids. */
  int size() {
    return size;
  }

  private void add(byte[] bytes, int h, long record) {
    if (size == position.length) {
      position = Arrays.copyOf(position, size * 2);
      firstRecord = Arrays.copyOf(firstRecord, size * 2);
      hash = Arrays.copyOf(hash, size * 2);
    }
    if (pageUsed + 2 + bytes.length > PAGE) {
      pages.add(new byte[PAGE]);
      pageUsed = 0;
    }
    byte[] page = pages.get(pages.size() - 1);
    page[pageUsed] = (byte) (bytes.length >>> 8); // ids are at most 200 characters: < 2¹⁶ bytes
    page[pageUsed + 1] = (byte) bytes.length;
    System.arraycopy(bytes, 0, page, pageUsed + 2, bytes.length);
    position[size] = ((long) (pages.size() - 1) << PAGE_BITS) | pageUsed;
    pageUsed += 2 + bytes.length;
    firstRecord[size] = record;
    hash[size] = h;
    size++;
  }

  private boolean sameBytes(int e, byte[] bytes) {
    byte[] page = pages.get((int) (position[e] >>> PAGE_BITS));
    int at = (int) (position[e] & (PAGE - 1));
    int length = ((page[at] & 0xff) << 8) | (page[at + 1] & 0xff);
    return length == bytes.length
        && Arrays.equals(page, at + 2, at + 2 + length, bytes, 0, bytes.length);
  }

  private void rehash() {
    slots = new int[slots.length * 2];
    int mask = slots.length - 1;
    for (int e = 0; e < size; e++) {
      int i = hash[e] & mask;
      while (slots[i] != 0) {
        i = (i + 1) & mask;
      }
      slots[i] = e + 1;
    }
  }

  /** FNV-1a (32-bit) over the bytes, its bits mixed so linear probing spreads them. */
  private static int hash(byte[] bytes) {
    int h = 0x811c9dc5;
    for (byte b : bytes) {
      h ^= b & 0xff;
      h *= 0x01000193;
    }
    return h ^ (h >>> 16);
  }
}
