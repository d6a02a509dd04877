package se.tryggkarta.hotspot.gistar;

import org.hipparchus.distribution.continuous.NormalDistribution;
import se.tryggkarta.common.DomainException;

/**
 * Local Getis–Ord Gi* (Ord &amp; Getis 1995, "Local spatial autocorrelation statistics:
 * distributional issues and an application", Geographical Analysis 27(4), eq. 3), with binary
 * weights over a fixed distance band, in closed form:
 *
 * <pre>
 *   z_i = (Σ_j w_ij x_j − x̄ Σ_j w_ij) / (S · √((n Σ_j w_ij² − (Σ_j w_ij)²) / (n − 1))),
 *   x̄ = Σ_j x_j / n,   S = √(Σ_j x_j² / n − x̄²)
 * </pre>
 *
 * The focal cell is its own neighbour (w_ii = 1): that makes it Gi* rather than Gi. p-values are
 * two-sided under the normal approximation, p = 2·(1 − Φ(|z|)); H0: the values are randomly placed
 * (no spatial clustering). A cell whose neighbourhood is every cell, or data with no variance, gets
 * z = 0 and p = 1. Stateless and thread-safe.
 */
public final class GiStar {
  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

  private GiStar() {}

  /**
   * Gi* z-scores for values x with neighbour lists (each list holds the indices j with w_ij = 1,
   * the focal cell i included).
   */
  public static double[] zScores(double[] x, int[][] neighbours) {
    int n = x.length;
    if (neighbours.length != n) {
      throw new IllegalArgumentException("neighbour lists " + neighbours.length + " ≠ values " + n);
    }
    if (n < 2) {
      throw DomainException.invalid("cell", "Gi* needs at least 2 cells, there were " + n);
    }
    double sum = 0;
    double sumSq = 0;
    for (double v : x) {
      sum += v;
      sumSq += v * v;
    }
    double mean = sum / n;
    double s = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      int[] nb = neighbours[i];
      double lag = 0;
      for (int j : nb) {
        lag += x[j];
      }
      double wi = nb.length;
      double denom = s * Math.sqrt((n * wi - wi * wi) / (n - 1));
      z[i] = denom > 0 ? (lag - mean * wi) / denom : 0;
    }
    return z;
  }

  /**
   * Gi* z-scores from precomputed neighbourhood sums Σ_j w_ij x_j ({@code lag}) and sizes W_i = Σ_j
   * w_ij (binary weights, focal cell included).
   */
  public static double[] zScores(double[] x, double[] lag, int[] weightSums) {
    int n = x.length;
    if (n < 2) {
      throw DomainException.invalid("cell", "Gi* needs at least 2 cells, there were " + n);
    }
    double sum = 0;
    double sumSq = 0;
    for (double v : x) {
      sum += v;
      sumSq += v * v;
    }
    double mean = sum / n;
    double s = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      double wi = weightSums[i];
      double denom = s * Math.sqrt((n * wi - wi * wi) / (n - 1));
      z[i] = denom > 0 ? (lag[i] - mean * wi) / denom : 0;
    }
    return z;
  }

  /** Gi* z-scores for points with values, binary weights for distance ≤ band (brute force). */
  public static double[] zScores(double[] xs, double[] ys, double[] values, double bandMeters) {
    int n = values.length;
    int[][] nb = new int[n][];
    double band2 = bandMeters * bandMeters;
    for (int i = 0; i < n; i++) {
      int count = 0;
      int[] tmp = new int[n];
      for (int j = 0; j < n; j++) {
        double dx = xs[i] - xs[j];
        double dy = ys[i] - ys[j];
        if (dx * dx + dy * dy <= band2) {
          tmp[count++] = j;
        }
      }
      nb[i] = java.util.Arrays.copyOf(tmp, count);
    }
    return zScores(values, nb);
  }

  /** Two-sided p-value of a standard normal z: 2·(1 − Φ(|z|)). */
  public static double pValue(double z) {
    return 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z));
  }
}
