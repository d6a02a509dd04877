package se.tryggkarta.common;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * A coordinate reference system identified by its EPSG code, with conversions between WGS84 ({@link
 * LonLat}) and this system's own coordinates ({@link XY}).
 *
 * <p>proj4j does the maths; its transform objects hold scratch state, so each thread gets its own
 * pair (a {@link ThreadLocal}). Instances are therefore thread-safe and cheap to share; {@link
 * #of(int)} caches them.
 *
 * <p>The area of use is known for the systems Tryggkarta's users meet (SWEREF 99 TM and its local
 * zones, WGS84 UTM and ETRS89 UTM zones, Web Mercator, WGS84); for any other EPSG code it is the
 * whole world, so only the grossest errors are caught there.
 */
public final class Crs {
  public static final int WGS84_EPSG = 4326;
  public static final int SWEREF99_TM_EPSG = 3006;

  private static final CRSFactory FACTORY = new CRSFactory();
  private static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();
  private static final Map<Integer, Crs> CACHE = new ConcurrentHashMap<>();
  private static final Pattern CODE = Pattern.compile("(?i)^\\s*(?:EPSG:)?(\\d{4,5})\\s*$");

  private final int epsg;
  private final boolean geographic;
  private final Bbox areaOfUseWgs84;
  private final ThreadLocal<CoordinateTransform> toXY;
  private final ThreadLocal<CoordinateTransform> toLonLat;

  private Crs(int epsg) {
    this.epsg = epsg;
    CoordinateReferenceSystem crs;
    try {
      crs = FACTORY.createFromName("EPSG:" + epsg);
    } catch (RuntimeException e) {
      throw DomainException.invalid("crs", "unknown coordinate system EPSG:" + epsg);
    }
    CoordinateReferenceSystem wgs84 = FACTORY.createFromName("EPSG:4326");
    this.geographic = crs.getProjection() == null || crs.getProjection().isGeographic();
    this.areaOfUseWgs84 = areaOfUse(epsg);
    this.toXY = ThreadLocal.withInitial(() -> TRANSFORMS.createTransform(wgs84, crs));
    this.toLonLat = ThreadLocal.withInitial(() -> TRANSFORMS.createTransform(crs, wgs84));
  }

  /** The system with this EPSG code; throws INVALID_INPUT for an unknown code. */
  public static Crs of(int epsg) {
    if (epsg <= 0) {
      throw DomainException.invalid("crs", "EPSG code must be positive, was " + epsg);
    }
    Crs cached = CACHE.get(epsg);
    if (cached != null) {
      return cached;
    }
    Crs created = new Crs(epsg);
    CACHE.putIfAbsent(epsg, created);
    return CACHE.get(epsg);
  }

  /** Parses {@code EPSG:3006} or {@code 3006}; the field name goes into the error. */
  public static Crs parse(String field, String text) {
    Matcher m = CODE.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw DomainException.invalid(
          field, "expected an EPSG code like 'EPSG:3006', was '" + text + "'");
    }
    try {
      return of(Integer.parseInt(m.group(1)));
    } catch (DomainException e) {
      throw DomainException.invalid(field, e.getMessage());
    }
  }

  public static Crs wgs84() {
    return of(WGS84_EPSG);
  }

  public static Crs sweref99tm() {
    return of(SWEREF99_TM_EPSG);
  }

  public int epsg() {
    return epsg;
  }

  /** {@code "EPSG:3006"}. */
  public String code() {
    return "EPSG:" + epsg;
  }

  /** True for a lon/lat system (degrees), false for a projected one (metres). */
  public boolean isGeographic() {
    return geographic;
  }

  /** Where this system is meant to be used, in WGS84 degrees. */
  public Bbox areaOfUseWgs84() {
    return areaOfUseWgs84;
  }

  public boolean isInAreaOfUse(LonLat p) {
    return areaOfUseWgs84.contains(p.lon(), p.lat());
  }

  /** WGS84 to this system. */
  public XY toXY(LonLat p) {
    if (epsg == WGS84_EPSG) {
      return new XY(p.lon(), p.lat());
    }
    ProjCoordinate out = new ProjCoordinate();
    toXY.get().transform(new ProjCoordinate(p.lon(), p.lat()), out);
    return new XY(out.x, out.y);
  }

  /**
   * WGS84 to this system for many points at once: the first {@code n} of {@code lon}/{@code lat}
   * (degrees) into {@code x}/{@code y}. The same numbers as {@link #toXY(LonLat)} point by point,
   * without the objects it creates per point (for the event index's bulk reads).
   */
  public void toXY(double[] lon, double[] lat, double[] x, double[] y, int n) {
    if (epsg == WGS84_EPSG) {
      System.arraycopy(lon, 0, x, 0, n);
      System.arraycopy(lat, 0, y, 0, n);
      return;
    }
    CoordinateTransform t = toXY.get();
    ProjCoordinate in = new ProjCoordinate();
    ProjCoordinate out = new ProjCoordinate();
    for (int i = 0; i < n; i++) {
      in.x = lon[i];
      in.y = lat[i];
      t.transform(in, out);
      x[i] = out.x;
      y[i] = out.y;
    }
  }

  /**
   * This system to WGS84. Throws INVALID_INPUT when the point has no WGS84 equivalent (far outside
   * the projection's domain).
   */
  public LonLat toLonLat(XY p) {
    if (epsg == WGS84_EPSG) {
      return new LonLat(p.x(), p.y());
    }
    ProjCoordinate out = new ProjCoordinate();
    try {
      toLonLat.get().transform(new ProjCoordinate(p.x(), p.y()), out);
      return new LonLat(out.x, out.y);
    } catch (RuntimeException e) {
      throw DomainException.invalid(
          "geometry", "coordinates " + p.x() + ", " + p.y() + " are outside " + code());
    }
  }

  /** A copy of a WGS84 geometry in this system. */
  public Geometry fromWgs84(Geometry g) {
    return transformed(g, true);
  }

  /** A copy of a geometry in this system, converted to WGS84. */
  public Geometry toWgs84(Geometry g) {
    return transformed(g, false);
  }

  private Geometry transformed(Geometry g, boolean forward) {
    Geometry copy = g.copy();
    if (epsg == WGS84_EPSG) {
      return copy;
    }
    CoordinateTransform t = forward ? toXY.get() : toLonLat.get();
    ProjCoordinate in = new ProjCoordinate();
    ProjCoordinate out = new ProjCoordinate();
    copy.apply(
        new CoordinateSequenceFilter() {
          @Override
          public void filter(CoordinateSequence seq, int i) {
            in.x = seq.getX(i);
            in.y = seq.getY(i);
            t.transform(in, out);
            seq.setOrdinate(i, Coordinate.X, out.x);
            seq.setOrdinate(i, Coordinate.Y, out.y);
          }

          @Override
          public boolean isDone() {
            return false;
          }

          @Override
          public boolean isGeometryChanged() {
            return true;
          }
        });
    copy.setSRID(forward ? epsg : WGS84_EPSG);
    return copy;
  }

  private static Bbox areaOfUse(int epsg) {
    if (epsg >= 3006 && epsg <= 3018) {
      return new Bbox(10.03, 54.96, 24.17, 69.07); // SWEREF 99 TM and its local zones: Sweden
    }
    if (epsg >= 32601 && epsg <= 32660) {
      return utmZone(epsg - 32600, 0, 84);
    }
    if (epsg >= 32701 && epsg <= 32760) {
      return utmZone(epsg - 32700, -80, 0);
    }
    if (epsg >= 25828 && epsg <= 25838) {
      return utmZone(epsg - 25800, 34, 84); // ETRS89 / UTM: Europe
    }
    if (epsg == 3857 || epsg == 900913) {
      return new Bbox(-180, -85.06, 180, 85.06);
    }
    return new Bbox(-180, -90, 180, 90);
  }

  /** A UTM zone's band with 3° of slack, because zones are routinely used a little beyond. */
  private static Bbox utmZone(int zone, double minLat, double maxLat) {
    double west = -180 + 6.0 * (zone - 1);
    return new Bbox(Math.max(-180, west - 3), minLat, Math.min(180, west + 9), maxLat);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Crs other && other.epsg == epsg;
  }

  @Override
  public int hashCode() {
    return Integer.hashCode(epsg);
  }

  @Override
  public String toString() {
    return code();
  }
}
