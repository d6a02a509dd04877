package se.tryggkarta.hotspot.grid;

import java.util.Arrays;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.XY;

/**
 * Weighted points in a projected, metric CRS (metres), held in parallel arrays for the analyses'
 * hot loops. Immutable: the arrays are copied in and never handed out. Thread-safe.
 */
public final class PointSet {
  private final double[] x;
  private final double[] y;
  private final double[] w;

  private PointSet(double[] x, double[] y, double[] w) {
    this.x = x;
    this.y = y;
    this.w = w;
  }

  /**
   * Points with weights; all arrays have the same length, coordinates are finite and weights finite
   * and ≥ 0.
   */
  public static PointSet of(double[] xMeters, double[] yMeters, double[] weights) {
    if (xMeters.length != yMeters.length || xMeters.length != weights.length) {
      throw DomainException.invalid(
          "points",
          "x, y and weight arrays differ in length: "
              + xMeters.length
              + ", "
              + yMeters.length
              + ", "
              + weights.length);
    }
    for (int i = 0; i < xMeters.length; i++) {
      if (!Double.isFinite(xMeters[i]) || !Double.isFinite(yMeters[i])) {
        throw DomainException.invalid("points", "point " + i + " has a non-finite coordinate");
      }
      if (!Double.isFinite(weights[i]) || weights[i] < 0) {
        throw DomainException.invalid("weight", "point " + i + " has weight " + weights[i]);
      }
    }
    return new PointSet(xMeters.clone(), yMeters.clone(), weights.clone());
  }

  /** Points that each weigh 1. */
  public static PointSet unweighted(double[] xMeters, double[] yMeters) {
    double[] ones = new double[xMeters.length];
    Arrays.fill(ones, 1.0);
    return of(xMeters, yMeters, ones);
  }

  public int size() {
    return x.length;
  }

  public boolean isEmpty() {
    return x.length == 0;
  }

  public double x(int i) {
    return x[i];
  }

  public double y(int i) {
    return y[i];
  }

  public double weight(int i) {
    return w[i];
  }

  public XY xy(int i) {
    return new XY(x[i], y[i]);
  }

  /** Σ weights. */
  public double totalWeight() {
    double s = 0;
    for (double v : w) {
      s += v;
    }
    return s;
  }

  /** The smallest box holding every point; throws UNPROCESSABLE-free INVALID_INPUT when empty. */
  public Bbox bounds() {
    if (x.length == 0) {
      throw DomainException.invalid("points", "no points to take the bounds of");
    }
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < x.length; i++) {
      minX = Math.min(minX, x[i]);
      maxX = Math.max(maxX, x[i]);
      minY = Math.min(minY, y[i]);
      maxY = Math.max(maxY, y[i]);
    }
    return new Bbox(minX, minY, maxX, maxY);
  }

  /** The same points with every weight set to 1 (for counting events rather than weight). */
  public PointSet counted() {
    double[] ones = new double[x.length];
    Arrays.fill(ones, 1.0);
    return new PointSet(x, y, ones);
  }
}
