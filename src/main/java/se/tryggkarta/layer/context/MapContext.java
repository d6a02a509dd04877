package se.tryggkarta.layer.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.layer.LayerRecord;
import se.tryggkarta.layer.LayerStore;
import se.tryggkarta.layer.Page;
import se.tryggkarta.layer.Place;
import se.tryggkarta.layer.StreetSegment;

/**
 * Reads the public map context of a view: the workspace's streets (with name, class and lighting
 * tag) and named places, never any other layer. Streets and places are the street network and the
 * gazetteer of the area, not personal data, so the public map shows them too.
 *
 * <p>Like a web map's vector tiles it thins by zoom: below {@value #ALL_CLASSES_ZOOM} paths,
 * footways and service roads are left out, below {@value #MINOR_ROADS_ZOOM} everything but the main
 * roads; lines and outlines are simplified (Douglas–Peucker) to half a screen pixel at the view's
 * zoom. A pixel at zoom z covers {@code 156 543.03 · cos φ / 2^z} metres of ground (the Web
 * Mercator resolution of a 256-pixel tile pyramid); the tolerance is applied in degrees of
 * latitude, which over-keeps east–west detail by the factor 1/cos φ and never removes more than
 * half a pixel. Thread-safe when the store is.
 */
public final class MapContext {
  /** The most streets, and the most places, one view returns. */
  public static final int MAX_FEATURES = 20_000;

  /** From this zoom on, every street class is drawn. */
  public static final int ALL_CLASSES_ZOOM = 15;

  /** From this zoom on, residential and other minor roads are drawn. */
  public static final int MINOR_ROADS_ZOOM = 13;

  public static final int MAX_ZOOM = 22;

  /**
   * Web Mercator ground resolution at zoom 0 on the equator, metres per pixel (256-pixel tiles).
   */
  static final double METERS_PER_PIXEL_AT_ZOOM_0 = 156_543.033_92;

  static final double METERS_PER_DEGREE_LATITUDE = 111_320;

  static final Set<String> MAIN_ROADS =
      Set.of(
          "motorway",
          "motorway_link",
          "trunk",
          "trunk_link",
          "primary",
          "primary_link",
          "secondary",
          "secondary_link",
          "tertiary",
          "tertiary_link");

  static final Set<String> PATHS =
      Set.of(
          "footway",
          "path",
          "cycleway",
          "steps",
          "track",
          "service",
          "bridleway",
          "corridor",
          "elevator",
          "platform");

  private final LayerStore layers;

  public MapContext(LayerStore layers) {
    this.layers = layers;
  }

  /** The workspace's data version: a view read at the same version is the same. */
  public long version(String workspaceId) {
    return layers.dataVersion(workspaceId);
  }

  /**
   * The context of a view.
   *
   * @param workspaceId the workspace
   * @param bboxWgs84 the view (degrees); empty means the whole workspace
   * @param zoom the web map zoom level 0..{@value #MAX_ZOOM}
   */
  public ContextView view(String workspaceId, Optional<Bbox> bboxWgs84, int zoom) {
    if (zoom < 0 || zoom > MAX_ZOOM) {
      throw DomainException.invalid("zoom", "zoom must be 0.." + MAX_ZOOM + ", was " + zoom);
    }
    long version = layers.dataVersion(workspaceId);
    double latitude = bboxWgs84.map(b -> (b.minY() + b.maxY()) / 2).orElse(60.0);
    double tolerance = toleranceDegrees(zoom, latitude);
    LayerQuery query =
        new LayerQuery(bboxWgs84, TimeRange.ALL, Set.of(), MAX_FEATURES + 1, 0)
            .withCategories(zoom >= MINOR_ROADS_ZOOM ? Set.of() : MAIN_ROADS);
    Page<LayerRecord> streetPage = layers.query(workspaceId, Layer.STREETS, query);
    List<ContextStreet> streets = new ArrayList<>();
    for (LayerRecord r : streetPage.items()) {
      StreetSegment s = (StreetSegment) r;
      if (streets.size() < MAX_FEATURES && drawnAt(s.highway(), zoom)) {
        LineString line =
            (LineString) DouglasPeuckerSimplifier.simplify(s.geometryWgs84(), tolerance);
        streets.add(new ContextStreet(line, s.highway(), s.name(), s.lit()));
      }
    }
    Page<LayerRecord> placePage =
        layers.query(workspaceId, Layer.PLACES, query.withCategories(Set.of()));
    List<ContextPlace> places = new ArrayList<>();
    for (LayerRecord r :
        placePage.items().subList(0, Math.min(MAX_FEATURES, placePage.items().size()))) {
      Place p = (Place) r;
      Geometry g =
          p.geometryWgs84() instanceof Point
              ? p.geometryWgs84()
              : TopologyPreservingSimplifier.simplify(p.geometryWgs84(), tolerance);
      places.add(new ContextPlace(g, p.name(), kindOf(p)));
    }
    boolean truncated =
        streetPage.items().size() > MAX_FEATURES || placePage.items().size() > MAX_FEATURES;
    return new ContextView(streets, places, truncated, version);
  }

  /** Whether a street of this OSM class is drawn at this zoom. */
  public static boolean drawnAt(String highway, int zoom) {
    if (zoom >= ALL_CLASSES_ZOOM) {
      return true;
    }
    if (zoom >= MINOR_ROADS_ZOOM) {
      return !PATHS.contains(highway);
    }
    return MAIN_ROADS.contains(highway);
  }

  /** Half a pixel at this zoom and latitude, in degrees of latitude. */
  static double toleranceDegrees(int zoom, double latitudeDegrees) {
    double metersPerPixel =
        METERS_PER_PIXEL_AT_ZOOM_0 * Math.cos(Math.toRadians(latitudeDegrees)) / Math.pow(2, zoom);
    return 0.5 * metersPerPixel / METERS_PER_DEGREE_LATITUDE;
  }

  /** The place's kind from its own fields: kind, else the OSM leisure, natural or landuse tag. */
  private static Optional<String> kindOf(Place p) {
    for (String key : List.of("kind", "leisure", "natural", "landuse", "water", "amenity")) {
      Object v = p.extra().get(key);
      if (v instanceof String s && !s.isBlank()) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
