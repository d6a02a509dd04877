package se.tryggkarta.http.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;
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
import se.tryggkarta.access.Role;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.XY;
import se.tryggkarta.http.Json;
import se.tryggkarta.http.TestServer;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.store.Store;
import se.tryggkarta.workspace.Workspace;

/**
 * The hotspot routes over real HTTP: parameter problems, output formats, and the public/analyst
 * split on a public workspace with a 40-event cluster and 4 isolated events.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotspotRoutesTest {
  static final LonLat CLUSTER = new LonLat(12.000, 57.800);

  /** About 3 km east of the cluster: 4 events, fewer than k = 5. */
  static final LonLat ISOLATED = new LonLat(12.050, 57.810);

  static final String BASE = "/api/workspaces/pub/hotspots/";
  static final ObjectMapper GEO = Json.mapper();

  @TempDir static Path dir;
  TestServer server;
  Optional<String> analyst;

  @BeforeAll
  void start() {
    server = TestServer.start(dir, w -> w.http());
    Store store = server.wiring().store();
    store.createWorkspace(Workspace.of("pub", "Public town").withPublicAccess(true));
    se.tryggkarta.release.FixedSecret.install(store, "pub", 17);
    Random rnd = new Random(41);
    try (LayerWriter w = store.openWriter("pub", Layer.INCIDENTS)) {
      for (int i = 0; i < 40; i++) {
        // Evenings at 23:00 UTC (00:00/01:00 local), a few at noon.
        Instant t =
            Instant.parse("2024-03-01T23:00:00Z")
                .plusSeconds(86400L * i - (i % 5 == 0 ? 11 * 3600 : 0));
        w.write(
            new Incident(
                "c" + i,
                new LonLat(
                    CLUSTER.lon() + rnd.nextGaussian() * 0.0007,
                    CLUSTER.lat() + rnd.nextGaussian() * 0.0004),
                t,
                i % 2 == 0 ? "theft" : "violence",
                1,
                Map.of()));
      }
      for (int i = 0; i < 4; i++) {
        w.write(
            new Incident(
                "s" + i,
                new LonLat(ISOLATED.lon() + 0.0002 * i, ISOLATED.lat() + 0.0001 * i),
                Instant.parse("2024-03-10T23:00:00Z").plusSeconds(3600L * i),
                "theft",
                1,
                Map.of()));
      }
      w.commit();
    }
    analyst = Optional.of(server.wiring().keys().create(Role.ANALYST, Set.of("pub"), "t").token());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @ParameterizedTest(name = "{0} answers 400 naming {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "density?bandwidth=-5| bandwidth",
        "density?bandwidth=1e9| bandwidth",
        "density?kernel=triangle| kernel",
        "density?cell=1&bandwidth=200&bbox=11.5,57.5,12.5,58.3| cell",
        "density?from=2024-05-01&to=2024-04-01| to",
        "density?hours=25-03| hours",
        "density?format=jpeg&bandwidth=200| format",
        "gistar?alpha=2| alpha",
        "sites?n=0&bandwidth=200| n",
        "sites?model=oracle| model",
        "evaluate?splits=0| splits",
        "gistar?inference=bootstrap| inference",
        "gistar?seed=3| seed",
        "gistar?band=wide| band",
        "gistar?inference=permutation&permutations=0| permutations",
        "emerging?step=year| step",
        "emerging?step=week&lag=13| lag",
        "emerging?step=week&alpha=0| alpha",
        "emerging?step=month| step",
        "evaluate?train=2024-01-01/2024-03-15&test=2024-03-01/2024-04-30| test",
      })
  void GET_with_bad_parameter_answers_400_problem_naming_it(String query, String field) {
    HttpResponse<String> r = server.as(analyst).get(BASE + query);
    assertProblem(r, 400, "urn:tryggkarta:problem:invalid-input");
    assertThat(TestServer.json(r).get("field").asText()).isEqualTo(field);
  }

  @Test
  void GET_density_with_an_empty_selection_answers_422_naming_categories() {
    HttpResponse<String> r =
        server.as(analyst).get(BASE + "density?categories=arson&bandwidth=200");
    assertProblem(r, 422, "urn:tryggkarta:problem:unprocessable");
    assertThat(TestServer.json(r).get("field").asText()).isEqualTo("categories");
  }

  @Test
  void GET_density_json_integrates_to_the_event_count() {
    JsonNode g = TestServer.json(server.as(analyst).get(BASE + "density?cell=20&bandwidth=200"));
    double sum = 0;
    for (JsonNode v : g.get("values")) {
      sum += v.asDouble();
    }
    double cellKm2 = Math.pow(g.get("cellSizeMeters").asDouble(), 2) / 1e6;
    assertThat(g.get("events").asInt()).isEqualTo(44);
    assertThat(sum * cellKm2).isCloseTo(44, within(44 * 0.01));
    assertThat(g.get("values")).hasSize(g.get("nx").asInt() * g.get("ny").asInt());
    assertThat(g.get("crs").asText()).isEqualTo("EPSG:3006");
  }

  @Test
  void GET_density_filters_by_hours_across_midnight_and_weights_categories() {
    JsonNode night =
        TestServer.json(server.as(analyst).get(BASE + "density?bandwidth=200&cell=50&hours=22-05"));
    // 8 of the 40 cluster events are at noon UTC (13:00 local); the 4 isolated ones are at night.
    assertThat(night.get("events").asInt()).isEqualTo(36);
    JsonNode weighted =
        TestServer.json(
            server.as(analyst).get(BASE + "density?bandwidth=200&cell=50&weights=violence:3"));
    // 20 violence × 3 + 24 theft × 1 = 84.
    assertThat(weighted.get("weightedEvents").asDouble()).isCloseTo(84, within(1e-9));
  }

  @Test
  void GET_density_with_half_life_weighs_events_by_age_from_the_period_end() {
    JsonNode g =
        TestServer.json(
            server
                .as(analyst)
                .get(
                    BASE
                        + "density?bandwidth=200&cell=50&halfLife=1d"
                        + "&from=2024-03-10T00:00:00Z&to=2024-03-12T00:00:00Z"));
    // In range: c9 (03-10 23:00, 25 h before the end), c10 (03-11 12:00, 12 h), s0..s3 (25, 24,
    // 23, 22 h). Weight 2^(−age / 24 h).
    double expected =
        2 * Math.pow(2, -25 / 24.0)
            + Math.pow(2, -12 / 24.0)
            + Math.pow(2, -1)
            + Math.pow(2, -23 / 24.0)
            + Math.pow(2, -22 / 24.0);
    assertThat(g.get("events").asInt()).isEqualTo(6);
    assertThat(g.get("weightedEvents").asDouble()).isCloseTo(expected, within(1e-9));
  }

  @Test
  void GET_density_as_geotiff_and_png() throws Exception {
    HttpResponse<byte[]> tif =
        server.as(analyst).getBytes(BASE + "density?bandwidth=200&cell=50&format=geotiff");
    assertThat(tif.statusCode()).isEqualTo(200);
    assertThat(tif.headers().firstValue("Content-Type").orElse("")).startsWith("image/tiff");
    assertThat(new String(tif.body(), 0, 2, java.nio.charset.StandardCharsets.US_ASCII))
        .isIn("II", "MM");
    HttpResponse<byte[]> png =
        server.as(analyst).getBytes(BASE + "density?bandwidth=200&cell=50&format=png");
    assertThat(png.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png.body()));
    assertThat(img.getRGB(0, 0) >>> 24).as("zero cell is transparent").isZero();
  }

  @Test
  void GET_sites_without_model_options_names_the_validated_default_model() {
    JsonNode d = TestServer.json(server.as(analyst).get(BASE + "sites?n=3"));
    JsonNode e = TestServer.json(server.as(analyst).get(BASE + "evaluate"));
    assertThat(d.get("validated").asBoolean()).isTrue();
    assertThat(d.get("model").asText()).isEqualTo(e.get("default").asText());
    assertThat(d.get("features").get(0).get("properties").get("model").asText())
        .isEqualTo(d.get("model").asText());
    assertThat(geometry(d.get("features").get(0)).contains(point(CLUSTER))).isTrue();
    JsonNode explicit =
        TestServer.json(server.as(analyst).get(BASE + "sites?n=3&model=default&bandwidth=200"));
    assertThat(explicit.get("model").asText()).isEqualTo(d.get("model").asText());
    JsonNode kde = TestServer.json(server.as(analyst).get(BASE + "sites?n=3&bandwidth=200"));
    assertThat(kde.get("model").asText()).isEqualTo("kde-200");
    JsonNode naive = TestServer.json(server.as(analyst).get(BASE + "sites?n=3&model=naive"));
    assertThat(naive.get("model").asText()).isEqualTo("naive");
    assertThat(naive.get("validated").asBoolean()).isFalse();
  }

  @Test
  void GET_sites_ranks_the_cluster_first_with_stable_ids() {
    JsonNode a = TestServer.json(server.as(analyst).get(BASE + "sites?bandwidth=150&cell=20&n=3"));
    JsonNode b = TestServer.json(server.as(analyst).get(BASE + "sites?bandwidth=150&cell=20&n=3"));
    JsonNode first = a.get("features").get(0);
    assertThat(first.get("properties").get("rank").asInt()).isEqualTo(1);
    assertThat(geometry(first).contains(point(CLUSTER))).isTrue();
    assertThat(first.get("properties").get("id").asText())
        .isEqualTo(b.get("features").get(0).get("properties").get("id").asText());
  }

  @Test
  void GET_sites_gives_members_each_sites_hours_categories_and_previous_period() {
    JsonNode d =
        TestServer.json(
            server
                .as(analyst)
                .get(BASE + "sites?bandwidth=150&cell=20&n=3&from=2024-03-25&to=2024-04-10"));
    JsonNode props = d.get("features").get(0).get("properties");
    JsonNode profile = props.get("profile");
    int events = profile.get("events").asInt();
    assertThat(events).isEqualTo(props.get("eventsCovered").asInt()).isPositive();
    int sum = 0;
    JsonNode rows = profile.get("hourOfWeek");
    assertThat(rows).hasSize(7);
    for (JsonNode row : rows) {
      assertThat(row).hasSize(12);
      for (int block = 0; block < 12; block++) {
        // 23:00 UTC is 00:00 or 01:00 local (block 0), 12:00 UTC is 13:00 or 14:00 (block 6/7).
        if (block != 0 && block != 6 && block != 7) {
          assertThat(row.get(block).asInt()).as("block %d", block).isZero();
        }
        sum += row.get(block).asInt();
      }
    }
    assertThat(sum).isEqualTo(events);
    JsonNode categories = profile.get("categories");
    assertThat(categories.get("theft").asInt() + categories.get("violence").asInt())
        .isEqualTo(events);
    // 2024-03-25 local is 03-24T23:00Z; the period lasts 16 days less an hour (summer time).
    assertThat(profile.at("/previous/to").asText()).isEqualTo("2024-03-24T23:00:00Z");
    assertThat(profile.at("/previous/from").asText()).isEqualTo("2024-03-09T00:00:00Z");
    assertThat(profile.at("/previous/covered").asBoolean()).isTrue();
    assertThat(profile.at("/previous/events").asInt()).isGreaterThanOrEqualTo(5);
    assertThat(profile.get("change").asInt())
        .isEqualTo(events - profile.at("/previous/events").asInt());
    assertThat(profile.has("spaceTimeClass")).isTrue();
    assertThat(profile.get("spaceTimeClass").isNull()).isTrue();
    JsonNode unbounded = TestServer.json(server.as(analyst).get(BASE + "sites?n=1"));
    JsonNode all = unbounded.at("/features/0/properties/profile");
    assertThat(all.at("/previous/covered").asBoolean()).isFalse();
    assertThat(all.get("change").isNull()).isTrue();
  }

  @Test
  void public_sites_carry_no_profile_of_hours_categories_or_periods() {
    for (String q :
        List.of("n=5", "release=2024-03&n=5", "release=2024-03&n=5&slice=night", "n=5&slice=all")) {
      HttpResponse<String> r = server.as(Optional.empty()).get(BASE + "sites?" + q);
      assertThat(r.statusCode()).as(q + ": " + r.body()).isEqualTo(200);
      JsonNode fc = TestServer.json(r);
      if (q.equals("release=2024-03&n=5")) {
        assertThat(fc.get("features")).as(q).isNotEmpty();
      }
      for (JsonNode f : fc.get("features")) {
        assertThat(f.get("properties").has("profile")).as(q).isFalse();
      }
      assertThat(r.body()).doesNotContain("hourOfWeek", "categories", "previous");
    }
    // The same workspace's members do get them: the test above can fail.
    assertThat(server.as(analyst).get(BASE + "sites?n=5").body()).contains("hourOfWeek");
  }

  @Test
  void public_density_contours_gistar_and_sites_come_from_the_release_and_hide_lone_events() {
    String r = "release=2024-03";
    JsonNode pub = TestServer.json(server.as(Optional.empty()).get(BASE + "density?" + r));
    JsonNode mem = TestServer.json(server.as(analyst).get(BASE + "density?bandwidth=200&cell=100"));
    assertThat(valueAt(pub, ISOLATED)).isZero();
    assertThat(valueAt(mem, ISOLATED)).isPositive();
    assertThat(valueAt(pub, CLUSTER)).isPositive();
    assertThat(pub.has("events")).isFalse();
    assertThat(pub.at("/release/period/id").asText()).isEqualTo("2024-03");
    assertThat(pub.at("/release/mechanism/epsilonPerMonth").asDouble()).isPositive();
    assertThat(pub.get("cellSizeMeters").asDouble()).isGreaterThanOrEqualTo(100);

    JsonNode contours =
        TestServer.json(
            server.as(Optional.empty()).get(BASE + "density?" + r + "&format=contours"));
    assertThat(anyContains(contours, ISOLATED)).isFalse();
    assertThat(contours.at("/release/period/id").asText()).isEqualTo("2024-03");

    JsonNode pubG = TestServer.json(server.as(Optional.empty()).get(BASE + "gistar?" + r));
    assertThat(anyContains(pubG, ISOLATED)).isFalse();
    assertThat(pubG.toString()).doesNotContain("\"count\"");
    assertThat(
            anyContains(
                TestServer.json(server.as(analyst).get(BASE + "gistar?cell=200")), ISOLATED))
        .isTrue();

    JsonNode pubSites =
        TestServer.json(server.as(Optional.empty()).get(BASE + "sites?" + r + "&n=5"));
    assertThat(pubSites.get("features")).isNotEmpty();
    assertThat(anyContains(pubSites, ISOLATED)).isFalse();
    assertThat(anyContains(pubSites, CLUSTER)).isTrue();
    for (JsonNode f : pubSites.get("features")) {
      assertThat(f.get("properties").has("id")).isFalse();
      assertThat(f.get("properties").get("protectedEvents").asInt()).isGreaterThanOrEqualTo(5);
    }
  }

  @ParameterizedTest(name = "anonymous {0} answers 400 naming {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "density?bandwidth=200| bandwidth",
        "density?cell=100| cell",
        "density?from=2024-03-01| from",
        "density?release=2024-03&to=2024-03-15| to",
        "density?categories=theft| categories",
        "density?hours=22-05| hours",
        "gistar?cell=200| cell",
        "sites?radius=50| radius",
        "sites?release=2024-03-01/2024-03-10| release",
        "density?release=2024-03&group=theft| group",
      })
  void public_requests_for_free_analysis_answer_400_listing_what_may_be_asked(
      String path, String field) {
    HttpResponse<String> r = server.as(Optional.empty()).get(BASE + path);
    assertProblem(r, 400, "urn:tryggkarta:problem:invalid-input");
    assertThat(TestServer.json(r).get("field").asText()).isEqualTo(field);
  }

  @Test
  void emerging_hot_spots_classify_single_hexagons_by_single_weeks_so_they_are_for_members_only() {
    assertThat(server.as(Optional.empty()).get(BASE + "emerging?step=week").statusCode())
        .isEqualTo(401);
    assertProblem(
        server.as(Optional.empty()).get(BASE + "gistar?release=2024-03&inference=permutation"),
        400,
        "urn:tryggkarta:problem:invalid-input");
  }

  @Test
  void GET_emerging_by_week_answers_hexagons_with_a_class_a_trend_and_every_event_counted() {
    HttpResponse<String> r = server.as(analyst).get(BASE + "emerging?step=week&cell=200&lag=1");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith(HotspotRoutes.GEOJSON);
    JsonNode g = TestServer.json(r);
    int steps = g.get("stepStarts").size();
    // 2024-03-01 (a Friday, week of 26 Feb) to 2024-04-09 local: 7 ISO weeks.
    assertThat(g.get("stepStarts").get(0).asText()).isEqualTo("2024-02-26");
    assertThat(steps).isEqualTo(7);
    double total = 0;
    Set<String> classes = new java.util.TreeSet<>();
    for (JsonNode f : g.get("features")) {
      JsonNode p = f.get("properties");
      total += p.get("count").asDouble();
      assertThat(p.get("counts")).hasSize(steps);
      assertThat(p.get("tau").asDouble()).isBetween(-1.0, 1.0);
      assertThat(p.get("trendP").asDouble()).isBetween(0.0, 1.0);
      classes.add(p.get("class").asText());
    }
    assertThat(total).isEqualTo(44);
    assertThat(classes).isNotEmpty().allMatch(c -> c.endsWith("spot") || c.equals("no-pattern"));
  }

  @Test
  void GET_gistar_with_band_auto_reports_the_scan_and_uses_its_choice() {
    JsonNode g = TestServer.json(server.as(analyst).get(BASE + "gistar?cell=100&band=auto"));
    assertThat(g.get("bandScan")).hasSize(10);
    assertThat(g.get("bandMethod").asText())
        .isIn("incremental-autocorrelation-peak", "default-no-peak");
    double chosen = g.get("bandMeters").asDouble();
    if (g.get("bandMethod").asText().equals("default-no-peak")) {
      assertThat(chosen).isCloseTo(200, within(1e-3));
    } else {
      assertThat(g.get("bandScan").findValuesAsText("bandMeters"))
          .contains(Double.toString(chosen));
    }
  }

  @Test
  void GET_gistar_with_permutation_inference_is_repeatable_by_seed() {
    String q = "gistar?cell=200&inference=permutation&permutations=199&seed=";
    JsonNode a = TestServer.json(server.as(analyst).get(BASE + q + "5"));
    JsonNode b = TestServer.json(server.as(analyst).get(BASE + q + "5"));
    assertThat(a.get("inference").asText()).isEqualTo("permutation");
    assertThat(a.get("permutations").asInt()).isEqualTo(199);
    assertThat(a.get("features")).isEqualTo(b.get("features"));
    for (JsonNode f : a.get("features")) {
      // Pseudo p-values are (M + 1)/(R + 1): multiples of 1/200.
      double p = f.get("properties").get("p").asDouble();
      assertThat(p * 200).isCloseTo(Math.rint(p * 200), within(1e-9));
    }
  }

  @Test
  void the_forecast_evaluation_counts_raw_events_so_it_is_for_members_only() {
    HttpResponse<String> r =
        server
            .as(Optional.empty())
            .get(BASE + "evaluate?train=2024-03-01/2024-03-25&test=2024-03-26/2024-04-30");
    assertThat(r.statusCode()).isEqualTo(401);
  }

  @Test
  void GET_evaluate_reports_every_method_and_coverage() {
    JsonNode r =
        TestServer.json(
            server
                .as(analyst)
                .get(
                    BASE
                        + "evaluate?train=2024-03-01/2024-03-25&test=2024-03-26/2024-04-30&coverage=0.05,0.1"));
    List<String> methods = new ArrayList<>();
    r.get("rows").forEach(row -> methods.add(row.get("method").asText()));
    assertThat(methods)
        .containsExactly(
            "naive",
            "naive",
            "kde-50",
            "kde-50",
            "kde-100",
            "kde-100",
            "kde-150",
            "kde-150",
            "kde-300",
            "kde-300",
            "blend-150-50",
            "blend-150-50",
            "blend-300-25",
            "blend-300-25",
            "etas-100",
            "etas-100",
            "gistar",
            "gistar",
            "default",
            "default");
    String chosen = r.get("default").asText();
    JsonNode last = r.get("rows").get(19);
    assertThat(last.get("model").asText()).isEqualTo(chosen);
    assertThat(r.get("splits")).hasSize(1);
  }

  private static double valueAt(JsonNode grid, LonLat p) {
    assertThat(grid.get("rowOrder").asText()).isEqualTo("north-to-south");
    XY xy = Crs.sweref99tm().toXY(p);
    double cell = grid.get("cellSizeMeters").asDouble();
    int ix = (int) Math.floor((xy.x() - grid.get("originX").asDouble()) / cell);
    int row = (int) Math.floor((grid.get("originY").asDouble() - xy.y()) / cell);
    return grid.get("values").get(row * grid.get("nx").asInt() + ix).asDouble();
  }

  private static boolean anyContains(JsonNode fc, LonLat p) {
    for (JsonNode f : fc.get("features")) {
      Geometry g = geometry(f);
      if (g.buffer(0.001).contains(point(p))) {
        return true;
      }
    }
    return false;
  }

  private static Geometry geometry(JsonNode feature) {
    try {
      return GEO.treeToValue(feature.get("geometry"), Geometry.class);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Geometry point(LonLat p) {
    return new GeometryFactory().createPoint(new Coordinate(p.lon(), p.lat()));
  }

  static void assertProblem(HttpResponse<String> r, int status, String type) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(TestServer.json(r).get("type").asText()).isEqualTo(type);
  }
}
