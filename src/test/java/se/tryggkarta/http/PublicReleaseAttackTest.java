package se.tryggkarta.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.XY;
import se.tryggkarta.demo.ExempelbyGenerator;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.layer.UnsafePlace;
import se.tryggkarta.release.FixedSecret;
import se.tryggkarta.store.Store;
import se.tryggkarta.workspace.Workspace;

/**
 * The public outputs tried as an attacker would, with no key, against the public demo town with
 * planted single events in quiet places and hours: two incidents (one at 03:17 in June 2025, one at
 * 04:41 in November 2024) and a citizen's unsafe-place report (August 2025), each more than 300 m
 * from any other event.
 *
 * <ul>
 *   <li>Every free analysis parameter (time windows, hours, weekdays, categories, cells,
 *       bandwidths, kernels, radii, weights, ring sizes, dates) answers 400 on every public route:
 *       no public answer depends on a caller-chosen time window or area.
 *   <li>Counting: the forecast evaluation and the raw layers answer 401.
 *   <li>Differencing: every public answer of every period, layer, group and slice that holds the
 *       planted events — density grids, contours, Gi*, sites, tiles up to z18 around the planted
 *       points, legends, lighting priorities, commitment coverage, changes and report, safe routes
 *       past the planted points — is identical before and after the events were added (apart from
 *       the release metadata, which says which months changed and nothing of where).
 *   <li>Bbox bisection: a cropped density grid is exactly the full grid's cells; nothing in it
 *       counts events in the caller's box.
 * </ul>
 *
 * Together with the mechanism's own property ({@code ReleaseNoiseTest}: a single event shows in a
 * release for at most a tiny share of secrets) this is the regression suite for issue 17: it fails
 * when someone reopens a hole.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicReleaseAttackTest {
  static final String WS = ExempelbyGenerator.WORKSPACE_ID;
  static final String BASE = "/api/workspaces/" + WS;

  /** The periods that hold a planted event (and the default), each asked for everything. */
  static final List<String> PERIODS =
      List.of("2025", "2025-Q2", "2025-06", "2025-Q3", "2025-08", "2024", "2024-Q4", "2024-11");

  @TempDir static Path dir;
  TestServer server;
  LonLat quietA;
  LonLat quietB;
  Map<String, String> before;
  JsonNode changesBefore;

  @BeforeAll
  void plantAndRecord() {
    server = TestServer.start(dir, w -> w.http());
    FixedSecret.install(server.wiring().store(), WS, 20251204);
    server.wiring().installDemo();
    Store store = server.wiring().store();
    List<LonLat> quiet = quietPlaces(store);
    quietA = quiet.get(0);
    quietB = quiet.get(1);
    before = answers();
    changesBefore = json(BASE + "/commitments/changes");
    try (LayerWriter w = store.openWriter(WS, Layer.INCIDENTS)) {
      w.write(incident("planted-1", quietA, "2025-06-14T01:17:00Z", "violence"));
      w.write(incident("planted-2", quietB, "2024-11-03T03:41:00Z", "theft"));
      w.commit();
    }
    try (LayerWriter w = store.openWriter(WS, Layer.UNSAFE_PLACES)) {
      w.write(
          new UnsafePlace(
              "planted-report",
              quietB,
              Instant.parse("2025-08-20T12:00:00Z"),
              "darkness",
              "citizen",
              Optional.of("Min granne går här varje kväll"),
              Map.of()));
      w.commit();
    }
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void everyPublicAnswerIsTheSameWithAndWithoutThePlantedEvents() {
    Map<String, String> after = answers();
    assertThat(after.keySet()).isEqualTo(before.keySet());
    List<String> differing = new ArrayList<>();
    for (String request : before.keySet()) {
      if (!before.get(request).equals(after.get(request))) {
        differing.add(request);
      }
    }
    assertThat(differing).as("public answers that changed with the planted events").isEmpty();
    assertThat(before).hasSizeGreaterThan(100);
  }

  @Test
  void changeFiguresPlaceAnEventNoCloserThanTheirAreasAllow() {
    // Before/after figures are noisy sums over a promised place and its 500 m ring (unbiased, so
    // not suppressed cell by cell): one more event in a ring moves that ring's sum. The best an
    // attacker differencing them can do is the region inside every area whose figure moved and
    // outside every area whose figure did not; it must not fit within 100 m.
    Map<String, JsonNode> beforeFigures = changeFigures(changesBefore);
    Map<String, JsonNode> afterFigures = changeFigures(json(BASE + "/commitments/changes"));
    var w = server.wiring();
    var crs = w.workspaces().getWorkspace(WS).crs();
    Geometry region = null;
    List<Geometry> unchanged = new ArrayList<>();
    for (var c : w.commitments().listCommitments(WS)) {
      for (var a : se.tryggkarta.commitment.PlaceAreas.of(c, crs).areas()) {
        String key = c.id() + "/" + a.placeName();
        JsonNode b = beforeFigures.get(key);
        JsonNode f = afterFigures.get(key);
        Geometry ring = a.areaXY().buffer(500).difference(a.areaXY());
        for (var part : List.of(Map.entry("place", a.areaXY()), Map.entry("comparison", ring))) {
          boolean moved = false;
          for (String when : List.of("Before", "During")) {
            String field = part.getKey() + when;
            moved |= !b.path(field).equals(f.path(field));
          }
          if (moved) {
            region = region == null ? part.getValue() : region.intersection(part.getValue());
          } else {
            unchanged.add(part.getValue());
          }
        }
      }
    }
    assertThat(region).as("a ring's figure moved with the planted events").isNotNull();
    for (Geometry u : unchanged) {
      region = region.difference(u);
    }
    double radius = new org.locationtech.jts.algorithm.MinimumBoundingCircle(region).getRadius();
    assertThat(radius).as("radius of the region an attacker is left with, m").isGreaterThan(100);
  }

  private static Map<String, JsonNode> changeFigures(JsonNode changes) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (JsonNode c : changes.get("changes")) {
      out.put(c.get("commitmentId").asText() + "/" + c.get("place").asText(), c);
    }
    return out;
  }

  private JsonNode json(String path) {
    return TestServer.json(server.as(Optional.empty()).get(path));
  }

  @Test
  void theReleaseMetadataSaysWhichMonthsChangedAndNothingOfWhere() {
    JsonNode june =
        TestServer.json(server.as(Optional.empty()).get(BASE + "/hotspots/sites?release=2025-06"));
    JsonNode months = june.at("/release/months");
    assertThat(months).hasSize(1);
    assertThat(months.get(0).get("version").asInt()).isEqualTo(2);
    assertThat(june.get("release").toString()).doesNotContain("planted");
  }

  @ParameterizedTest(name = "anonymous {0} answers 400")
  @CsvSource({
    "/hotspots/density?release=2025-06&from=2025-06-01",
    "/hotspots/density?release=2025&to=2025-06-14",
    "/hotspots/density?bandwidth=50000",
    "/hotspots/density?cell=1",
    "/hotspots/density?hours=03-04",
    "/hotspots/density?weekdays=sat",
    "/hotspots/density?categories=violence",
    "/hotspots/density?kernel=uniform",
    "/hotspots/density?halfLife=P7D",
    "/hotspots/density?weights=violence:5",
    "/hotspots/density?release=2025&format=contours&levels=0.5",
    "/hotspots/gistar?cell=100",
    "/hotspots/gistar?band=150",
    "/hotspots/gistar?release=2025&bbox=12.29,57.99,12.30,58.00",
    "/hotspots/sites?radius=10",
    "/hotspots/sites?hours=03-04",
    "/hotspots/sites?release=2025-06-01/2025-06-15",
    "/tiles/density/16/35000/19000.png?from=2025-06-01",
    "/tiles/density/16/35000/19000.png?bandwidth=20",
    "/tiles/density/legend?cell=10",
    "/lighting/priorities?from=2025-06-01",
    "/lighting/priorities?nightFrom=3&nightTo=4",
    "/lighting/priorities?bandwidth=10",
    "/commitments/coverage?from=2025-06-01&to=2025-06-15",
    "/commitments/changes?ringMeters=50",
    "/commitments/changes?asOf=2025-06-14",
    "/commitments/report?from=2025-06-01&to=2025-06-15",
    "/routes/safe?from=12.29,58.0&to=12.30,58.0&release=2025",
    "/releases?release=2025",
  })
  void freeAnalysisParametersAreRefusedOnEveryPublicRoute(String path) {
    HttpResponse<String> r = server.as(Optional.empty()).get(BASE + path);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
  }

  @ParameterizedTest(name = "anonymous {0} answers 401")
  @CsvSource({
    "/hotspots/evaluate?train=2025-01-01/2025-06-01&test=2025-06-01/2025-07-01&cell=1",
    "/layers/incidents",
    "/layers/unsafe-places",
    "/layers/incidents/planted-1",
    "/layers/incidents/export?format=csv",
  })
  void countsOverACallersAreaOrTimeAndRawRecordsNeedAKey(String path) {
    assertThat(server.as(Optional.empty()).get(BASE + path).statusCode()).isEqualTo(401);
  }

  @Test
  void aCroppedDensityIsExactlyTheFullGridsCells() {
    JsonNode full =
        TestServer.json(server.as(Optional.empty()).get(BASE + "/hotspots/density?release=2025"));
    XY a = se.tryggkarta.common.Crs.sweref99tm().toXY(quietA);
    double d = 0.004;
    String bbox =
        (quietA.lon() - d) + "," + (quietA.lat() - d / 2) + "," + quietA.lon() + "," + quietA.lat();
    JsonNode crop =
        TestServer.json(
            server.as(Optional.empty()).get(BASE + "/hotspots/density?release=2025&bbox=" + bbox));
    assertThat(crop.get("nx").asInt()).isLessThan(full.get("nx").asInt());
    double cell = full.get("cellSizeMeters").asDouble();
    int dx =
        (int) Math.round((crop.get("originX").asDouble() - full.get("originX").asDouble()) / cell);
    int dy =
        (int) Math.round((full.get("originY").asDouble() - crop.get("originY").asDouble()) / cell);
    for (int row = 0; row < crop.get("ny").asInt(); row++) {
      for (int col = 0; col < crop.get("nx").asInt(); col++) {
        assertThat(crop.get("values").get(row * crop.get("nx").asInt() + col).floatValue())
            .isEqualTo(
                full.get("values")
                    .get((row + dy) * full.get("nx").asInt() + col + dx)
                    .floatValue());
      }
    }
    ObjectNode rest = crop.deepCopy();
    List.of("values", "nx", "ny", "originX", "originY", "max").forEach(rest::remove);
    ObjectNode fullRest = full.deepCopy();
    List.of("values", "nx", "ny", "originX", "originY", "max").forEach(fullRest::remove);
    assertThat(rest).isEqualTo(fullRest);
    assertThat(a.x()).isFinite();
  }

  @Test
  void thePublicViewStillShowsTheTravelCentreAndTheParkAsItsTopSites() {
    for (String slice : List.of("all", "night")) {
      JsonNode sites =
          TestServer.json(
              server.as(Optional.empty()).get(BASE + "/hotspots/sites?n=5&slice=" + slice));
      List<Geometry> top2 = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        top2.add(geometry(sites.get("features").get(i)).buffer(0.0015));
      }
      assertThat(top2)
          .as(slice)
          .anyMatch(g -> g.contains(point(ExempelbyGenerator.RESECENTRUM_CENTRE)));
      assertThat(top2).as(slice).anyMatch(g -> g.contains(point(ExempelbyGenerator.PARKEN_CENTRE)));
    }
  }

  // ---- the answers an attacker collects ----

  /** Every public answer of the planted periods, keyed by request, release metadata removed. */
  private Map<String, String> answers() {
    Map<String, String> out = new LinkedHashMap<>();
    TestServer anon = server.as(Optional.empty());
    List<String> requests = new ArrayList<>();
    for (String period : PERIODS) {
      String r = "release=" + period;
      for (String sel :
          List.of(
              r,
              r + "&slice=night",
              r + "&group=vald",
              r + "&group=stold",
              r + "&group=ovrigt",
              r + "&layer=unsafe-places",
              r + "&layer=unsafe-places&group=morker")) {
        requests.add("/hotspots/density?" + sel);
        requests.add("/hotspots/density?" + sel + "&format=contours");
        requests.add("/hotspots/gistar?" + sel);
        requests.add("/hotspots/sites?n=100&" + sel);
        requests.add("/tiles/density/legend?" + sel);
        for (LonLat p : List.of(quietA, quietB)) {
          for (int z : new int[] {12, 15, 18}) {
            int[] t = tile(p, z);
            requests.add("/tiles/density/" + z + "/" + t[0] + "/" + t[1] + ".tif?" + sel);
          }
        }
      }
      requests.add("/lighting/priorities?n=1000&" + r);
      requests.add("/commitments/coverage?n=100&" + r);
      requests.add("/commitments/report?format=json&" + r);
    }
    requests.add("/hotspots/sites?n=100");
    requests.add(
        "/routes/safe?from="
            + (quietA.lon() - 0.003)
            + ","
            + quietA.lat()
            + "&to="
            + (quietA.lon() + 0.003)
            + ","
            + quietA.lat());
    for (String path : requests) {
      HttpResponse<byte[]> r = anon.getBytes(BASE + path);
      out.put(path, r.statusCode() + " " + withoutReleaseMetadata(r.body()));
    }
    return out;
  }

  private static String withoutReleaseMetadata(byte[] body) {
    String text = new String(body, java.nio.charset.StandardCharsets.ISO_8859_1);
    if (!text.startsWith("{")) {
      return java.util.HexFormat.of().formatHex(java.util.Arrays.copyOf(body, body.length));
    }
    JsonNode n;
    try {
      n = Json.mapper().readTree(body);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (n instanceof ObjectNode o) {
      o.remove("release");
      o.remove("generatedAt");
      // change figures are sums over commitment places and their rings: see their own test
      o.remove("changes");
    }
    return n.toString();
  }

  /**
   * The two points inside the boundary farthest from any event (at least 90 m), at least 1 km
   * apart: the quietest places of the town, where one event would stand out most.
   */
  private static List<LonLat> quietPlaces(Store store) {
    Workspace w = store.findWorkspace(WS).orElseThrow();
    Geometry boundary = w.boundaryWgs84().orElseThrow();
    List<XY> events = new ArrayList<>();
    for (Layer l : List.of(Layer.INCIDENTS, Layer.UNSAFE_PLACES)) {
      store.scan(
          WS,
          l,
          LayerQuery.ALL,
          r -> {
            var c = r.geometryWgs84().getCoordinate();
            events.add(w.crs().toXY(new LonLat(c.x, c.y)));
          });
    }
    var env = boundary.getEnvelopeInternal();
    List<Map.Entry<LonLat, Double>> candidates = new ArrayList<>();
    for (int i = 1; i < 60; i++) {
      for (int j = 1; j < 60; j++) {
        LonLat p =
            new LonLat(
                env.getMinX() + env.getWidth() * i / 60, env.getMinY() + env.getHeight() * j / 60);
        if (!boundary.contains(point(p)) || boundary.getBoundary().distance(point(p)) < 0.002) {
          continue;
        }
        XY xy = w.crs().toXY(p);
        double nearest =
            events.stream()
                .mapToDouble(e -> Math.hypot(e.x() - xy.x(), e.y() - xy.y()))
                .min()
                .orElse(1e9);
        candidates.add(Map.entry(p, nearest));
      }
    }
    candidates.sort(Map.Entry.<LonLat, Double>comparingByValue().reversed());
    List<LonLat> quiet = new ArrayList<>();
    for (var c : candidates) {
      XY xy = w.crs().toXY(c.getKey());
      boolean apart =
          quiet.stream()
              .allMatch(
                  q -> {
                    XY qx = w.crs().toXY(q);
                    return Math.hypot(qx.x() - xy.x(), qx.y() - xy.y()) > 1000;
                  });
      if (apart && quiet.size() < 2) {
        assertThat(c.getValue()).as("distance to the nearest event, m").isGreaterThan(90);
        quiet.add(c.getKey());
      }
    }
    assertThat(quiet).hasSize(2);
    return quiet;
  }

  private static Incident incident(String id, LonLat p, String time, String category) {
    return new Incident(id, p, Instant.parse(time), category, 1, Map.of());
  }

  private static int[] tile(LonLat p, int z) {
    double n = Math.pow(2, z);
    int x = (int) Math.floor((p.lon() + 180) / 360 * n);
    double lat = Math.toRadians(p.lat());
    int y = (int) Math.floor((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * n);
    return new int[] {x, y};
  }

  private static org.locationtech.jts.geom.Point point(LonLat p) {
    return new GeometryFactory().createPoint(new Coordinate(p.lon(), p.lat()));
  }

  private static Geometry geometry(JsonNode feature) {
    try {
      return Json.mapper().treeToValue(feature.get("geometry"), Geometry.class);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
