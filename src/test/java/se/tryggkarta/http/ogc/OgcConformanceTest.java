package se.tryggkarta.http.ogc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.tryggkarta.access.Role;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.XY;
import se.tryggkarta.http.TestServer;

/**
 * A conformance test of each workspace's OGC API, written from the abstract test suite of OGC API –
 * Features Part 1 (OGC 17-069r4, Annex A) because the Team Engine suite does not run here (see
 * docs/ogc.md). Covered: core (A.2.2 landing page, A.2.3 conformance, A.2.4 HTTP, A.2.6 collections
 * and collection, A.2.7 items with limit, bbox, datetime, links, numberMatched/numberReturned and
 * paging, A.2.8 feature), GeoJSON (A.3 media type and FeatureCollection/Feature members) and
 * OpenAPI 3.0 (A.4 service-desc link, a valid OpenAPI 3.0 document, the OGC paths present and
 * implemented); Part 2 (crs, bbox-crs, Content-Crs, axis order); the public rules and roles. On the
 * synthetic demo town, one server for the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OgcConformanceTest {
  static final String WS = "/ogc/exempelby";
  static final String CORE = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core";
  static final double METRES_TOLERANCE = 0.01;
  static final double DEGREES_TOLERANCE = 1e-7;

  @TempDir static Path dir;
  TestServer server;
  Optional<String> analyst;
  Optional<String> viewer;

  @BeforeAll
  void start() {
    server = TestServer.start(dir, w -> w.http());
    server.wiring().installDemo();
    var keys = server.wiring().keys();
    analyst = Optional.of(keys.create(Role.ANALYST, Set.of("exempelby"), "a").token());
    viewer = Optional.of(keys.create(Role.VIEWER, Set.of("exempelby"), "v").token());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private JsonNode ok(Optional<String> key, String path) {
    HttpResponse<String> r = server.as(key).get(path);
    assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
    return TestServer.json(r);
  }

  private static Optional<String> href(JsonNode links, String rel) {
    for (JsonNode l : links) {
      if (l.get("rel").asText().equals(rel)) {
        return Optional.of(l.get("href").asText());
      }
    }
    return Optional.empty();
  }

  private String path(String href) {
    URI u = URI.create(href);
    return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
  }

  // ---- A.2 core ----

  @Test
  void landing_page_links_the_api_definition_the_conformance_and_the_collections() {
    JsonNode landing = ok(Optional.empty(), WS);
    JsonNode links = landing.get("links");
    assertThat(href(links, "service-desc")).isPresent();
    assertThat(href(links, "conformance")).contains(server.base() + WS + "/conformance");
    assertThat(href(links, "data")).contains(server.base() + WS + "/collections");
    for (JsonNode l : links) {
      assertThat(l.has("href") && l.has("rel")).isTrue();
      assertThat(server.as(Optional.empty()).get(path(l.get("href").asText())).statusCode())
          .as(l.toString())
          .isEqualTo(200);
    }
  }

  @Test
  void conformance_declares_core_geojson_oas30_and_crs() {
    JsonNode c = ok(Optional.empty(), WS + "/conformance");
    List<String> classes = new ArrayList<>();
    c.get("conformsTo").forEach(x -> classes.add(x.asText()));
    assertThat(classes)
        .contains(
            CORE,
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs");
  }

  @Test
  void every_collection_is_described_alike_in_the_list_and_alone_with_a_crs84_extent() {
    for (Optional<String> key : List.of(Optional.<String>empty(), analyst)) {
      JsonNode all = ok(key, WS + "/collections");
      assertThat(href(all.get("links"), "self")).isPresent();
      assertThat(all.get("collections")).isNotEmpty();
      for (JsonNode c : all.get("collections")) {
        String id = c.get("id").asText();
        assertThat(ok(key, WS + "/collections/" + id)).as(id).isEqualTo(c);
        JsonNode bbox = c.at("/extent/spatial/bbox/0");
        assertThat(bbox).hasSize(4);
        assertThat(bbox.get(0).asDouble()).isBetween(-180.0, bbox.get(2).asDouble());
        assertThat(bbox.get(1).asDouble()).isBetween(-90.0, bbox.get(3).asDouble());
        if (c.has("itemType")) {
          assertThat(c.get("crs").toString()).contains(OgcCrs.CRS84_URI);
          assertThat(href(c.get("links"), "items")).isPresent();
        }
      }
    }
  }

  @Test
  void items_are_geojson_with_limit_numbers_timestamp_and_a_next_link_that_pages_through_all() {
    String next = WS + "/collections/commitment-places/items?limit=1";
    Set<String> seen = new HashSet<>();
    long matched = -1;
    while (next != null) {
      HttpResponse<String> r = server.as(analyst).get(next);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/geo+json");
      JsonNode page = TestServer.json(r);
      assertThat(page.get("type").asText()).isEqualTo("FeatureCollection");
      assertThat(page.get("timeStamp").asText()).isNotBlank();
      assertThat(page.get("numberReturned").asInt()).isEqualTo(page.get("features").size());
      assertThat(page.get("features").size()).isLessThanOrEqualTo(1);
      matched = page.get("numberMatched").asLong();
      assertThat(href(page.get("links"), "self")).isPresent();
      for (JsonNode f : page.get("features")) {
        assertThat(f.get("type").asText()).isEqualTo("Feature");
        assertThat(f.has("geometry") && f.has("properties")).isTrue();
        assertThat(seen.add(f.get("id").asText())).isTrue();
      }
      next = href(page.get("links"), "next").map(this::path).orElse(null);
    }
    assertThat(seen).hasSize((int) matched).hasSizeGreaterThan(1);
  }

  @Test
  void a_single_feature_has_self_and_collection_links_and_an_unknown_one_is_404() {
    JsonNode f = ok(analyst, WS + "/collections/incidents/items/inc-00001");
    assertThat(f.get("id").asText()).isEqualTo("inc-00001");
    assertThat(href(f.get("links"), "self")).isPresent();
    assertThat(href(f.get("links"), "collection")).isPresent();
    HttpResponse<String> missing =
        server.as(analyst).get(WS + "/collections/incidents/items/no-such");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
  }

  @ParameterizedTest(name = "{0} answers 400")
  @ValueSource(
      strings = {
        "limit=0",
        "limit=10001",
        "bbox=1,2,3",
        "bbox=12.3,58,12.2,57",
        "datetime=2024-06-30/2024-06-01",
        "datetime=yesterday",
        "crs=http://www.opengis.net/def/crs/EPSG/0/32633",
        "unknownParameter=1",
        "f=html"
      })
  void bad_item_parameters_answer_400_problems(String query) {
    HttpResponse<String> r = server.as(analyst).get(WS + "/collections/incidents/items?" + query);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(TestServer.json(r).get("type").asText())
        .isEqualTo("urn:tryggkarta:problem:invalid-input");
  }

  @Test
  void bbox_and_datetime_select_what_the_layer_api_selects() {
    JsonNode ogc =
        ok(
            analyst,
            WS
                + "/collections/incidents/items?limit=10000&bbox=12.29,57.99,12.30,58.0"
                + "&datetime=2024-06-01/2024-06-30");
    JsonNode api =
        ok(
            analyst,
            "/api/workspaces/exempelby/layers/incidents?limit=10000&bbox=12.29,57.99,12.30,58.0"
                + "&from=2024-06-01&to=2024-07-01");
    assertThat(ids(ogc)).isNotEmpty().isEqualTo(ids(api));
    assertThat(ogc.get("numberMatched").asLong()).isEqualTo(api.get("numberMatched").asLong());
  }

  private static Set<String> ids(JsonNode fc) {
    Set<String> ids = new HashSet<>();
    fc.get("features").forEach(f -> ids.add(f.get("id").asText()));
    return ids;
  }

  // ---- Part 2: CRS by reference ----

  @Test
  void crs_gives_sweref99tm_metres_and_epsg_4326_latitude_first_named_in_content_crs() {
    String base = WS + "/collections/incidents/items/inc-00001";
    JsonNode lonLat = ok(analyst, base).at("/geometry/coordinates");
    LonLat p = new LonLat(lonLat.get(0).asDouble(), lonLat.get(1).asDouble());
    HttpResponse<String> r =
        server.as(analyst).get(base + "?crs=http://www.opengis.net/def/crs/EPSG/0/3006");
    assertThat(r.headers().firstValue("Content-Crs"))
        .contains("<http://www.opengis.net/def/crs/EPSG/0/3006>");
    JsonNode en = TestServer.json(r).at("/geometry/coordinates");
    XY expected = Crs.sweref99tm().toXY(p);
    assertThat(en.get(0).asDouble()).isCloseTo(expected.x(), within(METRES_TOLERANCE));
    assertThat(en.get(1).asDouble()).isCloseTo(expected.y(), within(METRES_TOLERANCE));
    JsonNode latLon =
        ok(analyst, base + "?crs=http://www.opengis.net/def/crs/EPSG/0/4326")
            .at("/geometry/coordinates");
    assertThat(latLon.get(0).asDouble()).isCloseTo(p.lat(), within(DEGREES_TOLERANCE));
    assertThat(latLon.get(1).asDouble()).isCloseTo(p.lon(), within(DEGREES_TOLERANCE));
  }

  @Test
  void a_bbox_in_sweref99tm_selects_exactly_the_points_inside_it_in_metres() {
    XY sw = Crs.sweref99tm().toXY(new LonLat(12.29, 57.99));
    XY ne = Crs.sweref99tm().toXY(new LonLat(12.30, 58.0));
    String box = sw.x() + "," + sw.y() + "," + ne.x() + "," + ne.y();
    JsonNode fc =
        ok(
            analyst,
            WS
                + "/collections/incidents/items?limit=10000&bbox-crs=EPSG:3006&crs=EPSG:3006&bbox="
                + box);
    assertThat(fc.get("features")).isNotEmpty();
    assertThat(fc.get("numberMatched").asInt()).isEqualTo(fc.get("features").size());
    for (JsonNode f : fc.get("features")) {
      double x = f.at("/geometry/coordinates/0").asDouble();
      double y = f.at("/geometry/coordinates/1").asDouble();
      assertThat(x).isBetween(sw.x(), ne.x());
      assertThat(y).isBetween(sw.y(), ne.y());
    }
    JsonNode all =
        ok(
            analyst,
            WS + "/collections/incidents/items?limit=10000&crs=EPSG:3006&bbox=12.2,57.9,12.4,58.1");
    long inside = 0;
    for (JsonNode f : all.get("features")) {
      double x = f.at("/geometry/coordinates/0").asDouble();
      double y = f.at("/geometry/coordinates/1").asDouble();
      if (x >= sw.x() && x <= ne.x() && y >= sw.y() && y <= ne.y()) {
        inside++;
      }
    }
    assertThat(fc.get("numberMatched").asLong()).isEqualTo(inside);
  }

  // ---- A.4 OpenAPI 3.0 ----

  @Test
  void service_desc_is_a_valid_openapi_3_document_with_the_ogc_paths_all_implemented() {
    JsonNode landing = ok(Optional.empty(), WS);
    JsonNode desc = null;
    for (JsonNode l : landing.get("links")) {
      if (l.get("rel").asText().equals("service-desc")) {
        desc = l;
      }
    }
    assertThat(desc.get("type").asText()).isEqualTo("application/vnd.oai.openapi+json;version=3.0");
    String text = server.as(Optional.empty()).get(path(desc.get("href").asText())).body();
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(text);
    assertThat(parsed.getMessages()).isEmpty();
    OpenAPI api = parsed.getOpenAPI();
    assertThat(api.getServers().get(0).getUrl()).isEqualTo(server.base() + WS);
    assertThat(api.getPaths().keySet())
        .contains(
            "/",
            "/conformance",
            "/collections",
            "/collections/{collectionId}",
            "/collections/{collectionId}/items",
            "/collections/{collectionId}/items/{featureId}");
    for (String p : api.getPaths().keySet()) {
      String concrete =
          p.replace("{collectionId}", p.contains("/map/") ? "density" : "incidents")
              .replace("{featureId}", "inc-00001")
              .replace("{tileMatrixSetId}", "WebMercatorQuad");
      assertThat(server.as(analyst).get(WS + (concrete.equals("/") ? "" : concrete)).statusCode())
          .as(concrete)
          .isEqualTo(200);
    }
  }

  // ---- who sees what ----

  @Test
  void the_public_sees_release_products_and_no_layer() {
    JsonNode all = ok(Optional.empty(), WS + "/collections");
    List<String> ids = new ArrayList<>();
    all.get("collections").forEach(c -> ids.add(c.get("id").asText()));
    assertThat(ids)
        .contains("patrol-sites", "gistar", "lighting-priorities", "density")
        .doesNotContain("incidents", "unsafe-places", "lamps", "places", "streets");
    for (String layer : List.of("incidents", "unsafe-places", "lamps", "places", "streets")) {
      assertThat(
              server.as(Optional.empty()).get(WS + "/collections/" + layer + "/items").statusCode())
          .isEqualTo(404);
    }
  }

  @Test
  void public_patrol_sites_are_the_release_s_cells_of_the_api() {
    JsonNode ogc = ok(Optional.empty(), WS + "/collections/patrol-sites/items?limit=100");
    JsonNode api = ok(Optional.empty(), "/api/workspaces/exempelby/hotspots/sites");
    assertThat(ogc.get("features")).hasSize(api.get("features").size());
    for (int i = 0; i < api.get("features").size(); i++) {
      assertThat(ogc.get("features").get(i).get("geometry"))
          .isEqualTo(api.get("features").get(i).get("geometry"));
      assertThat(ogc.get("features").get(i).at("/properties/protectedEvents"))
          .isEqualTo(api.get("features").get(i).at("/properties/protectedEvents"));
    }
  }

  @ParameterizedTest(name = "public {0} answers 400")
  @ValueSource(strings = {"datetime=2024-06-01/2024-06-30", "category=theft", "bandwidth=50"})
  void the_public_cannot_run_a_free_analysis_through_a_release_collection(String query) {
    HttpResponse<String> r =
        server.as(Optional.empty()).get(WS + "/collections/patrol-sites/items?" + query);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
  }

  @Test
  void viewers_read_reports_without_comments_and_analysts_with_them() {
    String path = WS + "/collections/unsafe-places/items?limit=10000";
    JsonNode forAnalyst = ok(analyst, path);
    JsonNode forViewer = ok(viewer, path);
    assertThat(forAnalyst.toString()).contains("\"comment\"");
    assertThat(forViewer.toString()).doesNotContain("\"comment\"");
    assertThat(forViewer.get("numberMatched")).isEqualTo(forAnalyst.get("numberMatched"));
  }

  // ---- Tiles ----

  @Test
  void the_density_tileset_s_template_gives_png_tiles_for_the_public() {
    JsonNode tilesets = ok(Optional.empty(), WS + "/collections/density/map/tiles");
    String tilesetHref = href(tilesets.at("/tilesets/0/links"), "self").orElseThrow();
    JsonNode tileset = ok(Optional.empty(), path(tilesetHref));
    assertThat(tileset.get("tileMatrixSetURI").asText())
        .isEqualTo("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad");
    JsonNode tms =
        ok(
            Optional.empty(),
            path(href(tileset.get("links"), OgcJson.REL + "tiling-scheme").orElseThrow()));
    assertThat(tms.at("/tileMatrices/14/matrixWidth").asLong()).isEqualTo(1L << 14);
    String template = href(tileset.get("links"), "item").orElseThrow();
    // the demo's travel centre, 12.2936 E 57.9953 N, at zoom 14
    int z = 14;
    int col = (int) Math.floor((12.2936 + 180) / 360 * (1 << z));
    double lat = Math.toRadians(57.9953);
    int row =
        (int)
            Math.floor((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * (1 << z));
    String tile =
        template
            .replace("{tileMatrix}", "" + z)
            .replace("{tileCol}", "" + col)
            .replace("{tileRow}", "" + row);
    var png = server.as(Optional.empty()).getBytes(path(tile));
    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(png.headers().firstValue("Content-Type")).contains("image/png");
  }
}
