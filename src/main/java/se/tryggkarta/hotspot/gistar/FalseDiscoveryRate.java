package se.tryggkarta.hotspot.gistar;

import java.util.Arrays;

/**
 * Benjamini–Hochberg (1995) step-up adjusted p-values ("q-values"): for p sorted ascending,
 *
 * <pre>  q_(k) = min_{j ≥ k} min(1, m · p_(j) / j)</pre>
 *
 * A test is significant at false discovery rate α when q ≤ α; this controls the expected share of
 * false hot spots among those reported at α (for independent or positively dependent tests, which
 * is how ArcGIS's "FDR correction" of Gi* is understood too). Stateless and thread-safe.
 */
public final class FalseDiscoveryRate {
  private FalseDiscoveryRate() {}

  /** The BH-adjusted p-values, in the order of the input. */
  public static double[] adjust(double[] p) {
    int m = p.length;
    double[] sorted = p.clone();
    Arrays.sort(sorted);
    double[] qSorted = new double[m];
    double running = 1;
    for (int k = m - 1; k >= 0; k--) {
      running = Math.min(running, Math.min(1, sorted[k] * m / (k + 1)));
      qSorted[k] = running;
    }
    double[] q = new double[m];
    for (int i = 0; i < m; i++) {
      // Tied p-values share the q of their last (largest-rank) position.
      q[i] = qSorted[lastIndexOf(sorted, p[i])];
    }
    return q;
  }

  private static int lastIndexOf(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (sorted[mid] <= v) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }
}
