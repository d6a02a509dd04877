package se.tryggkarta.hotspot.emerging;

import se.tryggkarta.common.DomainException;
import se.tryggkarta.hotspot.gistar.GiStar;

/**
 * Emerging hot spot analysis (ArcGIS Pro's Space Time Pattern Mining; sfdep's {@code
 * emerging_hotspot_analysis}): Gi* of every hexagon in every time step, the Mann–Kendall trend of
 * each hexagon's z series, and the {@link EmergingClass} rules.
 *
 * <p>Gi* in step t uses binary weights over the hexagon's spatial neighbourhood N(i) (itself
 * included, centres within the band) in steps t, t−1, …, t−k (those that exist): the time lag k of
 * sfdep and ArcGIS's "neighborhood time step". As sfdep computes it, the mean and variance are
 * those of step t alone and n is the number of hexagons:
 *
 * <pre>
 *   z_it = (Σ_{j∈N(i), s=t−k..t} x_js − x̄_t W_it) / (S_t √((n W_it − W_it²)/(n − 1))),
 *   W_it = |N(i)| · (number of steps in t−k..t),  x̄_t, S_t: mean and population s.d. of step t
 * </pre>
 *
 * (sfdep's row-standardised weights are uniform within a row, and z is unchanged by scaling a row,
 * so they give these binary-weight z-scores.) A step with no variance, or a neighbourhood of every
 * bin, gives z = 0. A step is significant when its two-sided normal p-value is ≤ α, as ArcGIS does;
 * sfdep uses a permutation pseudo-p instead (random, so not reproducible across implementations).
 * No FDR correction, as in sfdep. Stateless and thread-safe.
 */
public final class EmergingHotspots {
  /** The fewest time steps a trend is computed over. ArcGIS recommends at least 10. */
  public static final int MIN_STEPS = 3;

  /** The largest time lag accepted. */
  public static final int MAX_TIME_LAG = 12;

  private EmergingHotspots() {}

  /**
   * @param bandMeters the spatial distance band (at least the hexagon width)
   * @param timeLag k ≥ 0, the previous steps included in each neighbourhood (sfdep's default: 1)
   * @param alpha the level for a step's Gi* and for the trend (sfdep's {@code threshold})
   */
  public static EmergingResult analyse(
      SpaceTimeCube cube, double bandMeters, int timeLag, double alpha) {
    int n = cube.cells();
    int steps = cube.steps();
    if (steps < MIN_STEPS) {
      throw DomainException.invalid(
          "step",
          "emerging hot spots need at least " + MIN_STEPS + " time steps, there were " + steps);
    }
    if (timeLag < 0 || timeLag > MAX_TIME_LAG) {
      throw DomainException.invalid(
          "lag", "time lag must be 0.." + MAX_TIME_LAG + " steps, was " + timeLag);
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw DomainException.invalid("alpha", "alpha must be in (0, 1), was " + alpha);
    }
    if (!(bandMeters >= cube.grid().widthMeters()) || !Double.isFinite(bandMeters)) {
      throw DomainException.invalid(
          "band",
          "distance band must be at least the cell width "
              + cube.grid().widthMeters()
              + " m, was "
              + bandMeters);
    }
    // Spatial neighbourhood sums per step, then summed over the lag window.
    double[][] spatialLag = new double[steps][n];
    int[] sizes = new int[n];
    double[][] values = new double[steps][];
    for (int t = 0; t < steps; t++) {
      values[t] = cube.step(t);
      cube.grid().neighbourhoodSums(values[t], bandMeters, spatialLag[t], sizes);
    }
    double[][] z = new double[n][steps];
    double[] lag = new double[n];
    int[] weightSums = new int[n];
    for (int t = 0; t < steps; t++) {
      int window = Math.min(timeLag, t) + 1;
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int back = 0; back < window; back++) {
          s += spatialLag[t - back][i];
        }
        lag[i] = s;
        weightSums[i] = sizes[i] * window;
      }
      double[] zt = GiStar.zScores(values[t], lag, weightSums);
      for (int i = 0; i < n; i++) {
        z[i][t] = zt[i];
      }
    }
    EmergingClass[] classes = new EmergingClass[n];
    MannKendall[] trends = new MannKendall[n];
    boolean[] significant = new boolean[steps];
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < steps; t++) {
        significant[t] = GiStar.pValue(z[i][t]) <= alpha;
      }
      trends[i] = MannKendall.of(z[i]);
      classes[i] = EmergingClass.classify(z[i], significant, trends[i], alpha);
    }
    return new EmergingResult(cube, bandMeters, timeLag, alpha, z, trends, classes);
  }
}
