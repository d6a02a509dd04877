package se.tryggkarta.common;

/**
 * A position in a projected, metric coordinate system (by default SWEREF 99 TM, EPSG:3006): x is
 * easting and y northing, both in metres. Which CRS is meant is a property of the workspace the
 * value belongs to.
 */
public record XY(double x, double y) {
  public XY {
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      throw DomainException.invalid("xy", "coordinates must be finite, were " + x + ", " + y);
    }
  }

  /** Euclidean distance in metres. */
  public double distanceTo(XY other) {
    return Math.hypot(x - other.x, y - other.y);
  }
}
