package se.tryggkarta.release;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The suppression threshold: the least count a release shows. An empty cell's noisy sum S_T (the
 * sum of T independent two-sided geometric draws, one per month, slice and group table summed) is
 * positive about half the time and occasionally large; shown unsuppressed, noise alone would paint
 * false hotspots across a map of many cells. The threshold is therefore the smallest t with
 *
 * <pre>  cells · P(S_T ≥ t) ≤ {@value #FALSE_CELLS_PER_RELEASE}</pre>
 *
 * (a family-wise bound: on a map of empty cells, noise shows any count at all with probability at
 * most 5 %), and never below k. P(S_T ≥ t) is computed exactly by convolving the geometric
 * mechanism's distribution P(Z = z) = (1 − α)/(1 + α) α^|z| T times. Thread-safe (memoised).
 */
final class NoiseTail {
  /** The expected number of empty cells a release may show through noise alone. */
  static final double FALSE_CELLS_PER_RELEASE = 0.05;

  /**
   * Noise draws are tabulated on |z| ≤ this (the tail beyond weighs less than 1e-30 at ε ≥ 0.1).
   */
  private static final int RANGE = 2000;

  private static final Map<String, Integer> MEMO = new ConcurrentHashMap<>();

  private NoiseTail() {}

  /** max(k, the smallest t with cells · P(S_T ≥ t) ≤ 0.05). */
  static int threshold(int k, int tables, double epsilon, int cells) {
    if (tables <= 0) {
      return k;
    }
    String key = tables + "|" + epsilon + "|" + cells;
    int t = MEMO.computeIfAbsent(key, x -> smallestSafe(tables, epsilon, cells));
    return Math.max(k, t);
  }

  private static int smallestSafe(int tables, double epsilon, int cells) {
    double[] sum = tail(tables, epsilon);
    double allowed = FALSE_CELLS_PER_RELEASE / Math.max(1, cells);
    // sum[i] = P(S_T ≥ i) for i ≥ 0
    for (int t = 1; t < sum.length; t++) {
      if (sum[t] <= allowed) {
        return t;
      }
    }
    return sum.length;
  }

  /** P(S_T ≥ t) for t = 0..: the convolution of T geometric mechanisms, summed from above. */
  static double[] tail(int tables, double epsilon) {
    double a = Math.exp(-epsilon);
    int range = (int) Math.min(RANGE, Math.ceil(40 / epsilon) + 10);
    int width = 2 * range + 1;
    double[] one = new double[width];
    for (int z = -range; z <= range; z++) {
      one[z + range] = (1 - a) / (1 + a) * Math.pow(a, Math.abs(z));
    }
    // convolve by repeated squaring, keeping the support to ±(range · T) but capped at ±RANGE·4
    double[] acc = {1};
    int accOffset = 0;
    double[] base = one;
    int baseOffset = range;
    int n = tables;
    int cap = 4 * RANGE;
    while (n > 0) {
      if ((n & 1) == 1) {
        double[][] r = convolve(acc, accOffset, base, baseOffset, cap);
        acc = r[0];
        accOffset = (int) r[1][0];
      }
      n >>= 1;
      if (n > 0) {
        double[][] r = convolve(base, baseOffset, base, baseOffset, cap);
        base = r[0];
        baseOffset = (int) r[1][0];
      }
    }
    int maxZ = acc.length - 1 - accOffset;
    double[] out = new double[Math.max(1, maxZ + 1)];
    double run = 0;
    for (int z = maxZ; z >= 0; z--) {
      run += acc[z + accOffset];
      out[z] = run;
    }
    return out;
  }

  /** The convolution of two distributions given with their zero's offset; support capped. */
  private static double[][] convolve(double[] p, int po, double[] q, int qo, int cap) {
    int lo = Math.max(-cap, -po - qo);
    int hi = Math.min(cap, (p.length - 1 - po) + (q.length - 1 - qo));
    double[] r = new double[hi - lo + 1];
    for (int i = 0; i < p.length; i++) {
      if (p[i] == 0) {
        continue;
      }
      int zi = i - po;
      for (int j = 0; j < q.length; j++) {
        int z = zi + j - qo;
        if (z >= lo && z <= hi) {
          r[z - lo] += p[i] * q[j];
        }
      }
    }
    return new double[][] {r, {-lo}};
  }
}
