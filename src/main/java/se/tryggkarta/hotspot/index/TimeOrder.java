package se.tryggkarta.hotspot.index;

/**
 * The stable sorting permutation of a column of times: least-significant-digit radix sort (Knuth,
 * TAOCP vol. 3, §5.2.5) on the offsets from the smallest time, 16 bits a pass, so a decade of
 * milliseconds (39 bits) takes three counting passes over the rows, O(n) and without boxing.
 */
final class TimeOrder {
  private static final int DIGIT_BITS = 16;
  private static final int BUCKETS = 1 << DIGIT_BITS;

  private TimeOrder() {}

  /**
   * The row numbers 0..n−1 ordered by {@code times[row]} ascending, equal times in row order.
   *
   * @param times at least {@code n} values; the first {@code n} are sorted
   */
  static int[] permutation(long[] times, int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    if (n < 2) {
      return order;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    boolean sorted = true;
    for (int i = 0; i < n; i++) {
      long t = times[i];
      min = Math.min(min, t);
      max = Math.max(max, t);
      sorted &= i == 0 || times[i - 1] <= t;
    }
    if (sorted) {
      return order;
    }
    long range = max - min; // the times are real instants, far from overflowing this
    int[] scratch = new int[n];
    int[] count = new int[BUCKETS + 1];
    for (int shift = 0; shift < Long.SIZE && (range >>> shift) != 0; shift += DIGIT_BITS) {
      java.util.Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) {
        count[digit(times[order[i]] - min, shift) + 1]++;
      }
      for (int b = 0; b < BUCKETS; b++) {
        count[b + 1] += count[b];
      }
      for (int i = 0; i < n; i++) {
        int row = order[i];
        scratch[count[digit(times[row] - min, shift)]++] = row;
      }
      int[] swap = order;
      order = scratch;
      scratch = swap;
    }
    return order;
  }

  private static int digit(long offset, int shift) {
    return (int) ((offset >>> shift) & (BUCKETS - 1));
  }
}
