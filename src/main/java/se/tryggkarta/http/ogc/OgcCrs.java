package se.tryggkarta.http.ogc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.XY;

/**
 * A coordinate reference system of OGC API – Features Part 2 (CRS by reference), named by its OGC
 * URI, with the axis order that URI defines: {@code OGC/1.3/CRS84} is longitude, latitude (the
 * GeoJSON default); {@code EPSG/0/4326} is latitude, longitude (EPSG's order); projected systems
 * such as {@code EPSG/0/3006} (SWEREF 99 TM) are easting, northing. Immutable, thread-safe.
 *
 * @param uri the OGC URI
 * @param crs the system the coordinates are computed in ({@code EPSG:4326} for both geographic
 *     URIs)
 * @param latitudeFirst whether the first axis is latitude (only {@code EPSG/0/4326})
 */
public record OgcCrs(String uri, Crs crs, boolean latitudeFirst) {
  public static final String CRS84_URI = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
  public static final String EPSG_PREFIX = "http://www.opengis.net/def/crs/EPSG/0/";
  public static final OgcCrs CRS84 = new OgcCrs(CRS84_URI, Crs.wgs84(), false);
  public static final OgcCrs EPSG_4326 = new OgcCrs(EPSG_PREFIX + "4326", Crs.wgs84(), true);

  /** The systems a workspace offers: CRS84, EPSG:4326, SWEREF 99 TM and the workspace's own. */
  public static List<OgcCrs> offered(Crs workspaceCrs) {
    List<OgcCrs> out = new ArrayList<>(List.of(CRS84, EPSG_4326, projected(Crs.sweref99tm())));
    if (workspaceCrs.epsg() != Crs.WGS84_EPSG && workspaceCrs.epsg() != Crs.SWEREF99_TM_EPSG) {
      out.add(projected(workspaceCrs));
    }
    return List.copyOf(out);
  }

  /** The URI of the workspace's own system, its storage CRS in collection descriptions. */
  public static OgcCrs storage(Crs workspaceCrs) {
    return workspaceCrs.epsg() == Crs.WGS84_EPSG ? CRS84 : projected(workspaceCrs);
  }

  private static OgcCrs projected(Crs crs) {
    return new OgcCrs(EPSG_PREFIX + crs.epsg(), crs, false);
  }

  /**
   * The offered system named by {@code uri} (also accepted: {@code EPSG:NNNN}); absent means CRS84.
   * Anything else answers INVALID_INPUT naming {@code field} and listing what is offered.
   */
  public static OgcCrs parse(String field, Optional<String> uri, Crs workspaceCrs) {
    if (uri.isEmpty()) {
      return CRS84;
    }
    String text = uri.get().strip();
    if (text.startsWith("[") && text.endsWith("]")) {
      text = text.substring(1, text.length() - 1);
    }
    String wanted =
        text.regionMatches(true, 0, "EPSG:", 0, 5) ? EPSG_PREFIX + text.substring(5) : text;
    for (OgcCrs c : offered(workspaceCrs)) {
      if (c.uri.equals(wanted) || c.uri.replace("http://", "https://").equals(wanted)) {
        return c;
      }
    }
    throw DomainException.invalid(
        field,
        field
            + " must be one of "
            + offered(workspaceCrs).stream().map(OgcCrs::uri).toList()
            + ", was '"
            + uri.get()
            + "'");
  }

  /** A WGS84 geometry in this system, axes in this system's order. */
  public Geometry fromWgs84(Geometry g) {
    Geometry out = crs.fromWgs84(g);
    if (latitudeFirst) {
      out.apply(SWAP_AXES);
      out.geometryChanged();
    }
    return out;
  }

  /**
   * A bbox given in this system (axes in its order) as the WGS84 box around it: projected boxes are
   * transformed along their outline, so the WGS84 box covers the whole projected box.
   */
  public Bbox toWgs84(Bbox box) {
    if (crs.isGeographic()) {
      return latitudeFirst ? new Bbox(box.minY(), box.minX(), box.maxY(), box.maxX()) : box;
    }
    double minLon = Double.POSITIVE_INFINITY;
    double minLat = Double.POSITIVE_INFINITY;
    double maxLon = Double.NEGATIVE_INFINITY;
    double maxLat = Double.NEGATIVE_INFINITY;
    int steps = 8;
    for (int i = 0; i <= steps; i++) {
      for (int j = 0; j <= steps; j++) {
        if (i != 0 && i != steps && j != 0 && j != steps) {
          continue;
        }
        LonLat p =
            crs.toLonLat(
                new XY(
                    box.minX() + box.width() * i / steps, box.minY() + box.height() * j / steps));
        minLon = Math.min(minLon, p.lon());
        minLat = Math.min(minLat, p.lat());
        maxLon = Math.max(maxLon, p.lon());
        maxLat = Math.max(maxLat, p.lat());
      }
    }
    return new Bbox(minLon, minLat, maxLon, maxLat);
  }

  private static final CoordinateSequenceFilter SWAP_AXES =
      new CoordinateSequenceFilter() {
        @Override
        public void filter(CoordinateSequence seq, int i) {
          double x = seq.getX(i);
          seq.setOrdinate(i, 0, seq.getY(i));
          seq.setOrdinate(i, 1, x);
        }

        @Override
        public boolean isDone() {
          return false;
        }

        @Override
        public boolean isGeometryChanged() {
          return true;
        }
      };
}
