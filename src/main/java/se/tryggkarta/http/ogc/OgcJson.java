package se.tryggkarta.http.ogc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.workspace.Workspace;

/**
 * The JSON documents of the OGC APIs: landing page, conformance, collections, queryables, feature
 * collections, tile matrix sets and tilesets. Hrefs are absolute, built from the request's base
 * URL. Stateless.
 */
public final class OgcJson {
  static final String JSON = "application/json";
  static final String GEOJSON = "application/geo+json";
  static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";
  static final String REL = "http://www.opengis.net/def/rel/ogc/1.0/";
  static final String WEB_MERCATOR_QUAD = "WebMercatorQuad";
  static final String WEB_MERCATOR_QUAD_URI =
      "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";
  static final String EPSG_3857 = "http://www.opengis.net/def/crs/EPSG/0/3857";

  /** The conformance classes every workspace's API implements. */
  static final List<String> CONFORMANCE =
      List.of(
          "http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/core",
          "http://www.opengis.net/spec/ogcapi-common-2/1.0/conf/collections",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
          "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
          "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/collections",
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/png",
          "http://www.opengis.net/spec/tms/2.0/conf/tilematrixset",
          "http://www.opengis.net/spec/tms/2.0/conf/json-tilematrixset");

  /** Web Mercator's half extent in metres, the origin of WebMercatorQuad (top left). */
  static final double WEB_MERCATOR_HALF = 20037508.3427892;

  /** The deepest zoom the density tiles serve. */
  static final int MAX_ZOOM = 22;

  private OgcJson() {}

  static Map<String, Object> link(String href, String rel, String type, String title) {
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("href", href);
    l.put("rel", rel);
    l.put("type", type);
    l.put("title", title);
    return l;
  }

  /** The index at {@code /ogc}: one OGC API per workspace the caller may see. */
  static Map<String, Object> index(String base, List<Workspace> visible) {
    List<Object> links = new ArrayList<>();
    links.add(link(base + "/ogc", "self", JSON, "This document"));
    for (Workspace w : visible) {
      links.add(link(base + "/ogc/" + w.id(), "item", JSON, w.name()));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", "Tryggkarta OGC APIs");
    m.put(
        "description",
        "One OGC API – Features and Tiles per workspace; connect QGIS or GDAL to the workspace's"
            + " own URL (each link below).");
    m.put("links", links);
    return m;
  }

  static Map<String, Object> landing(String wsBase, Workspace w) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", "Tryggkarta – " + w.name());
    m.put(
        "description",
        "OGC API – Features and Tiles of the workspace '"
            + w.id()
            + "': its layers (members), hotspot and lighting results and commitment places.");
    m.put(
        "links",
        List.of(
            link(wsBase, "self", JSON, "This document"),
            link(wsBase + "/api", "service-desc", OPENAPI, "The API definition (OpenAPI 3.0)"),
            link(wsBase + "/conformance", "conformance", JSON, "Conformance classes"),
            link(wsBase + "/conformance", REL + "conformance", JSON, "Conformance classes"),
            link(wsBase + "/collections", "data", JSON, "Collections"),
            link(wsBase + "/collections", REL + "data", JSON, "Collections"),
            link(wsBase + "/tileMatrixSets", REL + "tiling-schemes", JSON, "Tile matrix sets")));
    return m;
  }

  static Map<String, Object> conformance() {
    return Map.of("conformsTo", CONFORMANCE);
  }

  static Map<String, Object> collections(String wsBase, Workspace w, List<OgcCollection> shown) {
    List<Object> all = new ArrayList<>();
    for (OgcCollection c : shown) {
      all.add(collection(wsBase, w, c));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("links", List.of(link(wsBase + "/collections", "self", JSON, "This document")));
    m.put("collections", all);
    return m;
  }

  static Map<String, Object> collection(String wsBase, Workspace w, OgcCollection c) {
    String self = wsBase + "/collections/" + c.id();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("title", c.title());
    m.put("description", c.description());
    List<Object> links = new ArrayList<>();
    links.add(link(self, "self", JSON, "This collection"));
    if (c.kind() == OgcCollection.Kind.TILES) {
      m.put("dataType", "map");
      links.add(link(self + "/map/tiles", REL + "tilesets-map", JSON, "Map tilesets"));
    } else {
      m.put("itemType", "feature");
      m.put("crs", OgcCrs.offered(w.crs()).stream().map(OgcCrs::uri).toList());
      m.put("storageCrs", OgcCrs.storage(w.crs()).uri());
      links.add(link(self + "/items", "items", GEOJSON, "The features (GeoJSON)"));
      links.add(
          link(self + "/queryables", REL + "queryables", "application/schema+json", "Queryables"));
    }
    m.put("extent", extent(w, c));
    m.put("links", links);
    return m;
  }

  private static Map<String, Object> extent(Workspace w, OgcCollection c) {
    Bbox b =
        w.boundaryWgs84()
            .map(g -> toBbox(g.getEnvelopeInternal()))
            .orElse(w.crs().areaOfUseWgs84());
    Map<String, Object> spatial = new LinkedHashMap<>();
    spatial.put("bbox", List.of(List.of(b.minX(), b.minY(), b.maxX(), b.maxY())));
    spatial.put("crs", OgcCrs.CRS84_URI);
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("spatial", spatial);
    if (c.timed()) {
      List<Object> open = new ArrayList<>();
      open.add(null);
      open.add(null);
      Map<String, Object> temporal = new LinkedHashMap<>();
      temporal.put("interval", List.of(open));
      temporal.put("trs", "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian");
      e.put("temporal", temporal);
    }
    return e;
  }

  private static Bbox toBbox(Envelope e) {
    return new Bbox(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
  }

  /**
   * The queryables of a collection (OGC API – Features Part 3): a JSON Schema of the properties the
   * API filters on ({@code category=} and {@code datetime}) and the geometry ({@code bbox}).
   */
  static Map<String, Object> queryables(String wsBase, OgcCollection c) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("geometry", Map.of("format", "geometry-any", "title", "The feature's geometry"));
    c.categoryProperty()
        .ifPresent(
            p ->
                props.put(
                    p,
                    Map.of(
                        "type",
                        "string",
                        "title",
                        p,
                        "description",
                        "Filter with " + "category=a,b (any of the values, lower case)")));
    c.timeProperty()
        .ifPresent(
            p ->
                props.put(
                    p,
                    Map.of(
                        "type",
                        "string",
                        "format",
                        "date-time",
                        "title",
                        p,
                        "description",
                        "Filter with datetime (an instant or an interval, '..' for open)")));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("$schema", "https://json-schema.org/draft/2019-09/schema");
    m.put("$id", wsBase + "/collections/" + c.id() + "/queryables");
    m.put("type", "object");
    m.put("title", c.title());
    m.put("properties", props);
    m.put("additionalProperties", true);
    return m;
  }

  /** A page of features as a GeoJSON FeatureCollection with the OGC members and links. */
  static Map<String, Object> items(
      List<Map<String, Object>> features,
      long numberMatched,
      String self,
      Optional<String> next,
      String collectionHref) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "FeatureCollection");
    m.put("features", features);
    m.put("timeStamp", Instant.now().toString());
    m.put("numberMatched", numberMatched);
    m.put("numberReturned", features.size());
    List<Object> links = new ArrayList<>();
    links.add(link(self, "self", GEOJSON, "This page"));
    links.add(link(collectionHref, "collection", JSON, "The collection"));
    next.ifPresent(n -> links.add(link(n, "next", GEOJSON, "The next page")));
    m.put("links", links);
    return m;
  }

  static Map<String, Object> feature(OgcCrs crs, OgcFeature f, String self, String collectionHref) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "Feature");
    m.put("id", f.id());
    m.put("geometry", crs.fromWgs84(f.geometryWgs84()));
    m.put("properties", f.properties());
    if (self != null) {
      m.put(
          "links",
          List.of(
              link(self, "self", GEOJSON, "This feature"),
              link(collectionHref, "collection", JSON, "The collection")));
    }
    return m;
  }

  // ---- tiles ----

  static Map<String, Object> tileMatrixSets(String wsBase) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("id", WEB_MERCATOR_QUAD);
    t.put("title", "Google Maps Compatible for the World");
    t.put("uri", WEB_MERCATOR_QUAD_URI);
    t.put(
        "links",
        List.of(
            link(
                wsBase + "/tileMatrixSets/" + WEB_MERCATOR_QUAD, "self", JSON, "WebMercatorQuad")));
    return Map.of("tileMatrixSets", List.of(t));
  }

  /** The WebMercatorQuad definition of OGC Two Dimensional Tile Matrix Set 2.0, zooms 0..22. */
  static Map<String, Object> webMercatorQuad() {
    List<Object> matrices = new ArrayList<>();
    for (int z = 0; z <= MAX_ZOOM; z++) {
      long n = 1L << z;
      Map<String, Object> tm = new LinkedHashMap<>();
      tm.put("id", Integer.toString(z));
      tm.put("scaleDenominator", 559082264.028717 / n);
      tm.put("cellSize", 156543.033928041 / n);
      tm.put("cornerOfOrigin", "topLeft");
      tm.put("pointOfOrigin", List.of(-WEB_MERCATOR_HALF, WEB_MERCATOR_HALF));
      tm.put("tileWidth", 256);
      tm.put("tileHeight", 256);
      tm.put("matrixWidth", n);
      tm.put("matrixHeight", n);
      matrices.add(tm);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", WEB_MERCATOR_QUAD);
    m.put("title", "Google Maps Compatible for the World");
    m.put("uri", WEB_MERCATOR_QUAD_URI);
    m.put("crs", EPSG_3857);
    m.put("orderedAxes", List.of("X", "Y"));
    m.put("wellKnownScaleSet", "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible");
    m.put("tileMatrices", matrices);
    return m;
  }

  static Map<String, Object> tilesets(String wsBase, OgcCollection c) {
    String tiles = wsBase + "/collections/" + c.id() + "/map/tiles";
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("title", c.title() + " in " + WEB_MERCATOR_QUAD);
    t.put("dataType", "map");
    t.put("crs", EPSG_3857);
    t.put("tileMatrixSetURI", WEB_MERCATOR_QUAD_URI);
    t.put(
        "links",
        List.of(
            link(tiles + "/" + WEB_MERCATOR_QUAD, "self", JSON, "The tileset"),
            link(
                wsBase + "/tileMatrixSets/" + WEB_MERCATOR_QUAD,
                REL + "tiling-scheme",
                JSON,
                "The tile matrix set")));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("links", List.of(link(tiles, "self", JSON, "Map tilesets")));
    m.put("tilesets", List.of(t));
    return m;
  }

  /**
   * The density tileset: the tile template points at the service's XYZ density tiles, which carry
   * the same keys and public rules as every other route.
   */
  static Map<String, Object> tileset(String base, String wsBase, Workspace w, OgcCollection c) {
    String tiles = wsBase + "/collections/" + c.id() + "/map/tiles";
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", c.title() + " in " + WEB_MERCATOR_QUAD);
    m.put("description", c.description());
    m.put("dataType", "map");
    m.put("crs", EPSG_3857);
    m.put("tileMatrixSetURI", WEB_MERCATOR_QUAD_URI);
    Map<String, Object> template =
        link(
            base
                + "/api/workspaces/"
                + w.id()
                + "/tiles/density/{tileMatrix}/{tileCol}/{tileRow}.png",
            "item",
            "image/png",
            "Density tiles, 256 px PNG; 204 where a tile is empty");
    template.put("templated", true);
    m.put(
        "links",
        List.of(
            link(tiles + "/" + WEB_MERCATOR_QUAD, "self", JSON, "This tileset"),
            link(
                wsBase + "/tileMatrixSets/" + WEB_MERCATOR_QUAD,
                REL + "tiling-scheme",
                JSON,
                "The tile matrix set"),
            link(
                base + "/api/workspaces/" + w.id() + "/tiles/density/legend",
                "describedby",
                JSON,
                "The colour scale (events per km²)"),
            template));
    return m;
  }
}
