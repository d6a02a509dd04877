package se.tryggkarta.ingest;

import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.workspace.Workspace;

/**
 * Checks an imported geometry's position and converts it to WGS84:
 *
 * <ol>
 *   <li>every coordinate is a finite number;
 *   <li>it lies in the area of use of the CRS it is written in and of the workspace's analysis CRS
 *       (this catches swapped longitude and latitude and a wrong {@code crs=});
 *   <li>when the workspace has a boundary, it lies within {@code toleranceMeters} of it, measured
 *       in the workspace's (metric) CRS.
 * </ol>
 *
 * Failures throw INVALID_INPUT for the field {@code geometry} with the bad values in the message.
 * Not thread-safe (it keeps the last outside distance).
 */
final class SpatialCheck {
  private final Crs source;
  private final Crs analysis;
  private final double toleranceMeters;
  private final Optional<PreparedGeometry> boundaryXY;
  private final Optional<IndexedFacetDistance> boundaryDistance;
  private double lastOutsideMeters;
  private Coordinate lastRejectedPosition;

  SpatialCheck(Workspace w, Crs source, double toleranceMeters) {
    this.source = source;
    this.analysis = w.crs();
    this.toleranceMeters = toleranceMeters;
    Optional<Geometry> b = w.boundaryWgs84().map(analysis::fromWgs84);
    this.boundaryXY = b.map(PreparedGeometryFactory::prepare);
    this.boundaryDistance = b.map(IndexedFacetDistance::new);
  }

  /**
   * How far outside the boundary (metres, within the tolerance) the last checked geometry was; 0
   * when it was inside or there is no boundary.
   */
  double lastOutsideMeters() {
    return lastOutsideMeters;
  }

  /**
   * The WGS84 position of the last geometry rejected for lying outside the boundary: set just
   * before that error is thrown.
   */
  Optional<Coordinate> lastRejectedPosition() {
    return Optional.ofNullable(lastRejectedPosition);
  }

  /** The geometry in WGS84; throws INVALID_INPUT for {@code geometry} when it fails a check. */
  Geometry toWgs84(Geometry g) {
    lastOutsideMeters = 0;
    lastRejectedPosition = null;
    for (Coordinate c : g.getCoordinates()) {
      if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
        throw DomainException.invalid(
            "geometry", "coordinates must be finite numbers, found " + c.x + ", " + c.y);
      }
    }
    Geometry wgs84;
    try {
      wgs84 = source.toWgs84(g);
    } catch (RuntimeException e) {
      throw DomainException.invalid(
          "geometry",
          "coordinates cannot be converted from " + source.code() + ": " + e.getMessage());
    }
    for (Coordinate c : wgs84.getCoordinates()) {
      if (!Double.isFinite(c.x)
          || !Double.isFinite(c.y)
          || Math.abs(c.x) > 180
          || Math.abs(c.y) > 90) {
        throw DomainException.invalid(
            "geometry",
            "coordinates "
                + first(g)
                + " are not a position in "
                + source.code()
                + (source.isGeographic() ? " (longitude -180..180, latitude -90..90)" : ""));
      }
      requireInside(source, c, g);
      if (!analysis.equals(source)) {
        requireInside(analysis, c, g);
      }
    }
    boundaryXY.ifPresent(
        prepared -> {
          Geometry xy = analysis.fromWgs84(wgs84);
          if (!prepared.intersects(xy)) {
            double d = boundaryDistance.get().distance(xy);
            if (d > toleranceMeters) {
              lastRejectedPosition = wgs84.getCoordinate();
              throw DomainException.invalid(
                  "geometry",
                  "lies "
                      + distance(d)
                      + " outside the workspace boundary (tolerance "
                      + Math.round(toleranceMeters)
                      + " m)");
            }
            lastOutsideMeters = d;
          }
        });
    return wgs84;
  }

  private static void requireInside(Crs crs, Coordinate wgs84, Geometry original) {
    Bbox area = crs.areaOfUseWgs84();
    if (!area.contains(wgs84.x, wgs84.y)) {
      String hint = area.contains(wgs84.y, wgs84.x) ? "; are longitude and latitude swapped?" : "";
      throw DomainException.invalid(
          "geometry",
          "position "
              + String.format(java.util.Locale.ROOT, "%.6f, %.6f", wgs84.x, wgs84.y)
              + " (lon, lat; from "
              + first(original)
              + ") is outside the area of use of "
              + crs.code()
              + " ("
              + area.minX()
              + ".."
              + area.maxX()
              + " E, "
              + area.minY()
              + ".."
              + area.maxY()
              + " N)"
              + hint);
    }
  }

  private static String first(Geometry g) {
    Coordinate c = g.getCoordinate();
    return c == null ? "(empty)" : c.x + ", " + c.y;
  }

  static String distance(double meters) {
    return meters >= 10_000
        ? Math.round(meters / 1000) + " km"
        : meters >= 1000
            ? String.format(java.util.Locale.ROOT, "%.1f km", meters / 1000)
            : Math.round(meters) + " m";
  }
}
