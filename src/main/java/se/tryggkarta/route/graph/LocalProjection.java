package se.tryggkarta.route.graph;

import se.tryggkarta.common.LonLat;

/**
 * An equirectangular projection about a reference point, for snapping and spatial indexing inside
 * one town: {@code x = R·cos φ0·(λ − λ0)}, {@code y = R·(φ − φ0)} with R = 6 371 008.8 m (the IUGG
 * mean Earth radius), angles in radians. Within 10 km of the reference the scale error stays under
 * about 0.3 %; lengths that matter (edge lengths) are computed geodesically by {@link
 * #haversineMeters}. Immutable and thread-safe.
 */
public final class LocalProjection {
  /** Mean Earth radius R1 in metres (IUGG). */
  public static final double EARTH_RADIUS_M = 6_371_008.8;

  private final double lon0;
  private final double lat0;
  private final double kx;
  private final double ky;

  public LocalProjection(LonLat reference) {
    this.lon0 = reference.lon();
    this.lat0 = reference.lat();
    this.ky = Math.toRadians(1) * EARTH_RADIUS_M;
    this.kx = ky * Math.cos(Math.toRadians(lat0));
  }

  public double x(double lon) {
    return (lon - lon0) * kx;
  }

  public double y(double lat) {
    return (lat - lat0) * ky;
  }

  public double lon(double x) {
    return lon0 + x / kx;
  }

  public double lat(double y) {
    return lat0 + y / ky;
  }

  /**
   * Great-circle distance in metres by the haversine formula: {@code d = 2R·asin(√(sin²(Δφ/2) + cos
   * φ1·cos φ2·sin²(Δλ/2)))}.
   */
  public static double haversineMeters(double lon1, double lat1, double lon2, double lat2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double h =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
