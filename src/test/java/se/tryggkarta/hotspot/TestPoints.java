package se.tryggkarta.hotspot;

import java.util.Random;
import se.tryggkarta.hotspot.grid.PointSet;

/** Seeded generated point patterns for the hotspot tests. */
public final class TestPoints {
  private TestPoints() {}

  /** n points uniform in [x0, x0 + width) × [y0, y0 + height). */
  public static PointSet uniform(
      long seed, int n, double x0, double y0, double width, double height) {
    Random rnd = new Random(seed);
    double[] x = new double[n];
    double[] y = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = x0 + rnd.nextDouble() * width;
      y[i] = y0 + rnd.nextDouble() * height;
      w[i] = 1;
    }
    return PointSet.of(x, y, w);
  }

  /**
   * n points in a few Gaussian clusters (σ = spread metres) inside the box, with random weights
   * 0.5..2.
   */
  public static PointSet clustered(
      long seed, int n, int clusters, double spread, double x0, double y0, double size) {
    Random rnd = new Random(seed);
    double[] cx = new double[clusters];
    double[] cy = new double[clusters];
    for (int c = 0; c < clusters; c++) {
      cx[c] = x0 + size * (0.2 + 0.6 * rnd.nextDouble());
      cy[c] = y0 + size * (0.2 + 0.6 * rnd.nextDouble());
    }
    double[] x = new double[n];
    double[] y = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      int c = rnd.nextInt(clusters);
      x[i] = cx[c] + rnd.nextGaussian() * spread;
      y[i] = cy[c] + rnd.nextGaussian() * spread;
      w[i] = 0.5 + 1.5 * rnd.nextDouble();
    }
    return PointSet.of(x, y, w);
  }
}
