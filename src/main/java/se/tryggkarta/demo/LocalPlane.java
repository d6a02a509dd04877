package se.tryggkarta.demo;

import se.tryggkarta.common.LonLat;

/**
 * A local tangent plane around an origin: east and north offsets in metres to WGS84 degrees, using
 * the WGS84 ellipsoid's radii of curvature at the origin's latitude φ0:
 *
 * <pre>
 *   M = a(1 − e²) / (1 − e² sin²φ0)^(3/2)      (meridian radius)
 *   N = a / √(1 − e² sin²φ0)                   (prime-vertical radius)
 *   lat = φ0 + north / M,   lon = λ0 + east / (N cos φ0)     (radians)
 * </pre>
 *
 * Over the demo town's 3 km the error against a proper projection is well under a metre. It is used
 * instead of proj4j because it calls only {@link StrictMath}, so the output is bit-for-bit the same
 * on every JVM; results are rounded to 1e-7° (about 1 cm). Immutable and thread-safe.
 */
final class LocalPlane {
  private static final double A = 6_378_137.0;
  private static final double F = 1 / 298.257223563;
  private static final double E2 = F * (2 - F);
  private static final double SCALE = 1e7;

  private final LonLat origin;
  private final double metersPerDegreeLat;
  private final double metersPerDegreeLon;

  LocalPlane(LonLat origin) {
    this.origin = origin;
    double phi = StrictMath.toRadians(origin.lat());
    double sin = StrictMath.sin(phi);
    double w = 1 - E2 * sin * sin;
    double m = A * (1 - E2) / (w * StrictMath.sqrt(w));
    double n = A / StrictMath.sqrt(w);
    this.metersPerDegreeLat = m * StrictMath.PI / 180;
    this.metersPerDegreeLon = n * StrictMath.cos(phi) * StrictMath.PI / 180;
  }

  /** The WGS84 position {@code eastMeters} east and {@code northMeters} north of the origin. */
  LonLat toLonLat(double eastMeters, double northMeters) {
    return new LonLat(
        round(origin.lon() + eastMeters / metersPerDegreeLon),
        round(origin.lat() + northMeters / metersPerDegreeLat));
  }

  private static double round(double degrees) {
    return Math.round(degrees * SCALE) / SCALE;
  }
}
