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
 *   <li>Differencing: every public answer (density grids, contours, Gi*, sites, GeoTIFF tiles up to
 *       z18 around the planted points, lighting priorities, commitment coverage) of every period,
 *       layer, group and slice is asked for before and after the events are added. Periods without
 *       a planted event answer exactly as before. In the others, a changed month's table drew fresh
 *       noise everywhere; an attacker's best guess (the grid cell or tile pixel that changed most,
 *       the feature that appeared, vanished or changed most) never falls within 100 m of a planted
 *       event, and the commitment change figures leave no region within 100 m.
 *   <li>Bbox bisection: a cropped density grid is exactly the full grid's cells; nothing in it
 *       counts events in the caller's box.
 * </ul>
 *
 * Together with the mechanism's own property ({@code ReleaseNoiseTest}: a single event shows in a
 * public density for a tiny share of secrets) this is the regression suite for issue 17: it fails
 * when someone reopens a hole.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicReleaseAttackTest {
  static final String WS = ExempelbyGenerator.WORKSPACE_ID;
  static final String BASE = "/api/workspaces/" + WS;

  /** The periods that hold a planted event, each asked for everything. */
  static final List<String> PLANTED =
      List.of("2025", "2025-Q2", "2025-06", "2025-Q3", "2025-08", "2024", "2024-Q4", "2024-11");

  /** Periods without one: their answers must not change at all. */
  static final List<String> CONTROL = List.of("2025-01", "2025-Q1", "2024-Q1", "2023");

  /** How close an attack may place a planted event before the suite fails, in metres. */
  static final double PLACED_WITHIN_METERS = 100;

  static final se.tryggkarta.common.Crs SWEREF = se.tryggkarta.common.Crs.sweref99tm();

  @TempDir static Path dir;
  TestServer server;
  LonLat quietA;
  LonLat quietB;
  Map<String, byte[]> before;
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
  void periodsWithoutAPlantedEventAnswerExactlyAsBefore() {
    Map<String, byte[]> after = answers();
    List<String> changed = new ArrayList<>();
    int controls = 0;
    for (String request : before.keySet()) {
      boolean control =
          CONTROL.stream()
              .anyMatch(
                  p -> request.contains("release=" + p + "&") || request.endsWith("release=" + p));
      if (control) {
        controls++;
        boolean same =
            request.contains(".tif")
                ? java.util.Arrays.equals(before.get(request), after.get(request))
                : parse(before.get(request)).equals(parse(after.get(request)));
        if (!same) {
          changed.add(request);
        }
      }
    }
    assertThat(controls).isGreaterThan(50);
    assertThat(changed).as("answers of months without planted events that changed").isEmpty();
  }

  @Test
  void noDifferenceBetweenTheVersionsPlacesAPlantedEventWithin100Metres() {
    Map<String, byte[]> after = answers();
    List<XY> planted = List.of(SWEREF.toXY(quietA), SWEREF.toXY(quietB));
    List<String> placed = new ArrayList<>();
    int differing = 0;
    for (String request : before.keySet()) {
      byte[] b = before.get(request);
      byte[] a = after.get(request);
      if (request.contains(".tif") ? java.util.Arrays.equals(b, a) : parse(b).equals(parse(a))) {
        continue;
      }
      differing++;
      for (XY guess : guesses(request, b, a)) {
        for (XY p : planted) {
          if (Math.hypot(guess.x() - p.x(), guess.y() - p.y()) <= PLACED_WITHIN_METERS) {
            placed.add(request + " placed an event at " + guess);
          }
        }
      }
    }
    // June, August and November drew fresh noise everywhere, so their answers differ: where
    // products are shown (the hotspots), not where the events are
    assertThat(differing).isPositive();
    assertThat(placed).as("attacks that placed a planted event").isEmpty();
  }

  /**
   * Where an attacker differencing two answers would look: the cell of a density grid or the pixel
   * of a tile that changed most, and every feature that appeared, vanished or changed (its point
   * nearest each planted event).
   */
  private List<XY> guesses(String request, byte[] before, byte[] after) {
    List<XY> out = new ArrayList<>();
    if (request.contains(".tif")) {
      int[] zxy = tileOf(request);
      float[] b = tifValues(before);
      float[] a = tifValues(after);
      int best = -1;
      double most = 0;
      for (int i = 0; i < 256 * 256; i++) {
        double d = Math.abs((i < a.length ? a[i] : 0) - (i < b.length ? b[i] : 0));
        if (d > most) {
          most = d;
          best = i;
        }
      }
      if (best >= 0) {
        out.add(SWEREF.toXY(pixel(zxy, best % 256, best / 256)));
      }
      return out;
    }
    JsonNode b = parse(before);
    JsonNode a = parse(after);
    if (b.has("values") && a.has("values")) {
      int best = -1;
      double most = 0;
      for (int i = 0; i < a.get("values").size(); i++) {
        double d = Math.abs(a.get("values").get(i).asDouble() - b.get("values").get(i).asDouble());
        if (d > most) {
          most = d;
          best = i;
        }
      }
      if (best >= 0) {
        double cell = a.get("cellSizeMeters").asDouble();
        int nx = a.get("nx").asInt();
        out.add(
            new XY(
                a.get("originX").asDouble() + (best % nx + 0.5) * cell,
                a.get("originY").asDouble() - (best / nx + 0.5) * cell));
      }
      return out;
    }
    // features keyed by geometry; the attacker's guess is the one that changed most (appeared,
    // vanished, or the largest change of its numbers)
    Map<String, JsonNode> was = features(b);
    Map<String, JsonNode> is = features(a);
    String best = null;
    double most = 0;
    for (String g : union(was.keySet(), is.keySet())) {
      double change =
          was.containsKey(g) && is.containsKey(g)
              ? numericChange(was.get(g).path("properties"), is.get(g).path("properties"))
              : Double.POSITIVE_INFINITY;
      if (change > most) {
        most = change;
        best = g;
      }
    }
    if (best != null) {
      JsonNode f = is.containsKey(best) ? is.get(best) : was.get(best);
      Geometry g = SWEREF.fromWgs84(geometry(f));
      if (!g.isEmpty()) {
        Coordinate c = g.getCentroid().getCoordinate();
        out.add(new XY(c.x, c.y));
      }
    }
    return out;
  }

  private static Map<String, JsonNode> features(JsonNode fc) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    JsonNode list = fc.has("features") ? fc.get("features") : fc.path("sites").path("features");
    for (JsonNode f : list) {
      if (f.hasNonNull("geometry")) {
        out.put(f.get("geometry").toString(), f);
      }
    }
    return out;
  }

  private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
    java.util.Set<String> u = new java.util.LinkedHashSet<>(a);
    u.addAll(b);
    return u;
  }

  /** Σ |Δ| over the numeric properties two features share. */
  private static double numericChange(JsonNode a, JsonNode b) {
    double sum = 0;
    var names = a.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (a.get(n).isNumber() && b.path(n).isNumber()) {
        sum += Math.abs(a.get(n).asDouble() - b.get(n).asDouble());
      } else if (!a.get(n).equals(b.path(n))) {
        sum += 1;
      }
    }
    return sum;
  }

  private static int[] tileOf(String request) {
    String[] p = request.substring("/tiles/density/".length()).split("[/.]");
    return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])};
  }

  /** The WGS84 centre of a tile's pixel. */
  private static LonLat pixel(int[] zxy, int px, int py) {
    double n = Math.pow(2, zxy[0]);
    double lon = (zxy[1] + (px + 0.5) / 256) / n * 360 - 180;
    double yy = Math.PI * (1 - 2 * (zxy[2] + (py + 0.5) / 256) / n);
    return new LonLat(lon, Math.toDegrees(Math.atan(Math.sinh(yy))));
  }

  /** A GeoTIFF tile's values (empty for a 204 or a problem). */
  private static float[] tifValues(byte[] answer) {
    if (answer.length < 8 || !(answer[4] == 'I' || answer[4] == 'M')) {
      return new float[0];
    }
    var image =
        mil.nga.tiff.TiffReader.readTiff(java.util.Arrays.copyOfRange(answer, 4, answer.length));
    var r = image.getFileDirectory().readRasters();
    float[] v = new float[r.getWidth() * r.getHeight()];
    for (int y = 0; y < r.getHeight(); y++) {
      for (int x = 0; x < r.getWidth(); x++) {
        v[y * r.getWidth() + x] = r.getFirstPixelSample(x, y).floatValue();
      }
    }
    return v;
  }

  /** A JSON answer without its release metadata (empty for other answers). */
  private static JsonNode parse(byte[] answer) {
    String t = new String(answer, 4, answer.length - 4, java.nio.charset.StandardCharsets.UTF_8);
    if (!t.startsWith("{")) {
      return Json.mapper().createObjectNode();
    }
    try {
      JsonNode n = Json.mapper().readTree(t);
      if (n instanceof ObjectNode o) {
        o.remove("release");
      }
      return n;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void changeFiguresPlaceAnEventNoCloserThanTheirAreasAllow() {
    // Before/after figures are noisy sums over a promised place and its 500 m ring (unbiased, so
    // not suppressed cell by cell), and a changed month draws fresh noise in every cell, so every
    // figure reading that month moves. The best an attacker differencing them can do is the region
    // inside every area whose figure moved and outside every area whose figure did not; it must
    // not hold a planted event within a region that fits in 100 m.
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
    Geometry candidates = region;
    boolean holdsAPlantedEvent =
        !candidates.isEmpty()
            && List.of(quietA, quietB).stream()
                .map(SWEREF::toXY)
                .anyMatch(
                    p ->
                        candidates.distance(
                                new GeometryFactory().createPoint(new Coordinate(p.x(), p.y())))
                            <= 0);
    if (holdsAPlantedEvent) {
      double radius = new org.locationtech.jts.algorithm.MinimumBoundingCircle(region).getRadius();
      assertThat(radius)
          .as("radius of the region an attacker is left with, m")
          .isGreaterThan(PLACED_WITHIN_METERS);
    }
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
    "/hotspots/streets",
    "/hotspots/streets?release=2025",
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
      // Site profiles (hours, categories, previous period) are members-only.
      assertThat(sites.toString()).doesNotContain("profile", "hourOfWeek");
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

  /**
   * Every public answer of the planted and control periods, keyed by request: the status (three
   * digits and a space) then the body.
   */
  private Map<String, byte[]> answers() {
    Map<String, byte[]> out = new LinkedHashMap<>();
    TestServer anon = server.as(Optional.empty());
    List<String> requests = new ArrayList<>();
    List<String> periods = new ArrayList<>(PLANTED);
    periods.addAll(CONTROL);
    for (String period : periods) {
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
        for (LonLat p : List.of(quietA, quietB)) {
          for (int z : new int[] {12, 15, 18}) {
            int[] t = tile(p, z);
            requests.add("/tiles/density/" + z + "/" + t[0] + "/" + t[1] + ".tif?" + sel);
          }
        }
      }
      requests.add("/lighting/priorities?n=1000&format=geojson&" + r);
      requests.add("/commitments/coverage?n=100&" + r);
    }
    for (String path : requests) {
      HttpResponse<byte[]> r = anon.getBytes(BASE + path);
      byte[] body = r.body();
      byte[] answer = new byte[body.length + 4];
      System.arraycopy((r.statusCode() + " ").getBytes(), 0, answer, 0, 4);
      System.arraycopy(body, 0, answer, 4, body.length);
      out.put(path, answer);
    }
    return out;
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
