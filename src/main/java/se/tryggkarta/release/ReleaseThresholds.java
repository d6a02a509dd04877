package se.tryggkarta.release;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.grid.PointSet;
import se.tryggkarta.hotspot.kde.DensityGrid;
import se.tryggkarta.hotspot.kde.Kernel;
import se.tryggkarta.hotspot.kde.KernelDensity;

/**
 * What a public product shows of the noisy counts: only what noise alone would rarely produce. Each
 * cell's noise is the sum of T independent two-sided geometric draws (T = months × slices × groups
 * summed); a smoothed density adds every cell's noise spread by the same kernel, D(j) = Σ_i D₁(j −
 * i) Z_i with D₁ the density of one event. Such sums have exponential, not normal, tails, so the
 * thresholds come from the Chernoff bound with the mechanism's own moment-generating function,
 *
 * <pre>
 *   M_Z(s) = (1 − α)² / ((1 − α e^s)(1 − α e^−s)),  |s| &lt; ε,  α = e^−ε
 *   P(Σ_i w_i Z_i ≥ t) ≤ min_{s} exp(−s t + T Σ_i ln M_Z(s w_i)),
 * </pre>
 *
 * which holds whatever the number of cells or months, with no normal approximation:
 *
 * <ul>
 *   <li><b>A density</b> is shown where it reaches max(k · D₁(0), t_D) with t_D the least level
 *       whose bound, times the map's number of cells, is at most {@value #FALSE_CELLS_PER_MAP}: on
 *       a map of nothing but noise, any cell shows with probability at most 5 % (a union bound over
 *       the cells). The first term means no shown area rests on fewer than about k events at one
 *       spot.
 *   <li><b>A sum</b> over m cells (a site's circle, a contour part) is shown when it reaches max(k,
 *       t) with the bound at t at most {@value #SUM_FALSE_RATE}.
 * </ul>
 *
 * Thread-safe (memoised).
 */
final class ReleaseThresholds {
  /** The probability that a map of nothing but noise shows anything at all. */
  static final double FALSE_CELLS_PER_MAP = 0.05;

  /** The probability that noise alone makes one sum reach its threshold. */
  static final double SUM_FALSE_RATE = 0.00135;

  private static final Map<String, double[]> UNIT = new ConcurrentHashMap<>();
  private static final Map<String, Double> MEMO = new ConcurrentHashMap<>();

  private ReleaseThresholds() {}

  /**
   * The least noisy sum over {@code cells} cells, each the sum of {@code tables} draws, to show.
   */
  static long sum(int k, int cells, int tables, double epsilon) {
    String key = "sum|" + cells + "|" + tables + "|" + epsilon;
    double t =
        MEMO.computeIfAbsent(
            key,
            x ->
                level(
                    new double[] {1}, (long) Math.max(1, cells) * tables, epsilon, SUM_FALSE_RATE));
    return Math.max(k, (long) Math.ceil(t));
  }

  /** The least public density (events per km²) to show on a map of this grid. */
  static double density(int k, int tables, double epsilon, GridSpec grid, double bandwidthMeters) {
    double[] unit = unit(grid.cellSizeMeters(), bandwidthMeters);
    String key =
        "density|"
            + grid.cellCount()
            + "|"
            + tables
            + "|"
            + epsilon
            + "|"
            + grid.cellSizeMeters()
            + "|"
            + bandwidthMeters;
    double t =
        MEMO.computeIfAbsent(
            key,
            x ->
                level(
                    java.util.Arrays.copyOf(unit, unit.length - 1),
                    tables,
                    epsilon,
                    FALSE_CELLS_PER_MAP / grid.cellCount()));
    return Math.max(k * unit[unit.length - 1], t);
  }

  /**
   * The least t with min_s exp(−s t + T Σ_i ln M_Z(s w_i)) ≤ p, by bisection (the bound falls as t
   * grows).
   */
  static double level(double[] weights, long tables, double epsilon, double p) {
    double lo = 0;
    double hi = 1;
    while (bound(weights, tables, epsilon, hi) > p) {
      hi *= 2;
    }
    for (int i = 0; i < 60; i++) {
      double mid = (lo + hi) / 2;
      if (bound(weights, tables, epsilon, mid) > p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }

  /** The Chernoff bound on P(Σ w_i Z_i^(T) ≥ t), minimised over s by golden-section search. */
  static double bound(double[] weights, long tables, double epsilon, double t) {
    double wMax = 0;
    for (double w : weights) {
      wMax = Math.max(wMax, Math.abs(w));
    }
    double a = 0;
    double b = epsilon / wMax * (1 - 1e-9);
    double g = (Math.sqrt(5) - 1) / 2;
    double c = b - g * (b - a);
    double d = a + g * (b - a);
    for (int i = 0; i < 80; i++) {
      if (exponent(weights, tables, epsilon, t, c) < exponent(weights, tables, epsilon, t, d)) {
        b = d;
      } else {
        a = c;
      }
      c = b - g * (b - a);
      d = a + g * (b - a);
    }
    return Math.exp(Math.min(0, exponent(weights, tables, epsilon, t, (a + b) / 2)));
  }

  private static double exponent(
      double[] weights, long tables, double epsilon, double t, double s) {
    double alpha = Math.exp(-epsilon);
    double sum = 0;
    for (double w : weights) {
      double x = s * w;
      sum +=
          2 * Math.log(1 - alpha)
              - Math.log(1 - alpha * Math.exp(x))
              - Math.log(1 - alpha * Math.exp(-x));
    }
    return -s * t + tables * sum;
  }

  /** One event's density (events per km²) on the lattice, its cells then its maximum last. */
  private static double[] unit(double cell, double h) {
    return UNIT.computeIfAbsent(
        cell + "|" + h,
        key -> {
          int r = (int) Math.ceil(h / cell) + 2;
          int n = 2 * r + 1;
          GridSpec g = new GridSpec(-(r + 0.5) * cell, -(r + 0.5) * cell, cell, n, n);
          DensityGrid d =
              KernelDensity.estimate(
                  PointSet.of(new double[] {0}, new double[] {0}, new double[] {1}),
                  g,
                  Kernel.QUARTIC,
                  h);
          java.util.List<Double> values = new java.util.ArrayList<>();
          double max = 0;
          for (int i = 0; i < g.cellCount(); i++) {
            if (d.value(i) > 0) {
              values.add(d.value(i));
              max = Math.max(max, d.value(i));
            }
          }
          double[] out = new double[values.size() + 1];
          for (int i = 0; i < values.size(); i++) {
            out[i] = values.get(i);
          }
          out[values.size()] = max;
          return out;
        });
  }
}
