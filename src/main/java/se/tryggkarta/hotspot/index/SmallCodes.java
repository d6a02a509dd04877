package se.tryggkarta.hotspot.index;

/**
 * A column of dictionary codes: one byte per row while the dictionary has at most 256 entries, else
 * one int. Immutable after construction. Thread-safe.
 */
final class SmallCodes {
  private final byte[] small;
  private final int[] large;

  private SmallCodes(byte[] small, int[] large) {
    this.small = small;
    this.large = large;
  }

  /** The first {@code n} codes, each in 0..distinct−1, in the narrowest form that holds them. */
  static SmallCodes of(int[] codes, int n, int distinct) {
    if (distinct <= 256) {
      byte[] b = new byte[n];
      for (int i = 0; i < n; i++) {
        b[i] = (byte) codes[i];
      }
      return new SmallCodes(b, null);
    }
    return new SmallCodes(null, java.util.Arrays.copyOf(codes, n));
  }

  int get(int i) {
    return small != null ? small[i] & 0xff : large[i];
  }

  /** Heap bytes of the column, array header included. */
  long bytes() {
    return small != null
        ? EventColumns.arrayBytes(small.length, 1)
        : EventColumns.arrayBytes(large.length, 4);
  }
}
