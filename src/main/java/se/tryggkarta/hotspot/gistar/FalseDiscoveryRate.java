package se.tryggkarta.hotspot.gistar;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

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
    Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
    double[] q = new double[m];
    double running = 1;
    for (int k = m - 1; k >= 0; k--) {
      int i = order[k];
      running = Math.min(running, Math.min(1, p[i] * m / (k + 1)));
      q[i] = running;
    }
    return q;
  }
}
