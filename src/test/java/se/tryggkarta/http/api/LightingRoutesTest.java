package se.tryggkarta.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.access.Role;
import se.tryggkarta.http.TestServer;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.layer.Lit;
import se.tryggkarta.layer.StreetSegment;
import se.tryggkarta.lighting.LightingTown;
import se.tryggkarta.store.Store;
import se.tryggkarta.workspace.Workspace;

/** The lighting API on the real app with the real access policy. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LightingRoutesTest {
  @TempDir static Path dir;
  TestServer server;
  Optional<String> analyst;

  @BeforeAll
  void start() {
    server = TestServer.start(dir, w -> w.http());
    Store store = server.wiring().store();
    store.createWorkspace(Workspace.of("town", "Town").withPublicAccess(true));
    se.tryggkarta.release.FixedSecret.install(store, "town", 17);
    store.createWorkspace(Workspace.of("nolamps", "No lamps"));
    store.createWorkspace(Workspace.of("nostreets", "No streets"));
    LightingTown.write(store, "town");
    try (LayerWriter w = store.openWriter("nolamps", Layer.STREETS)) {
      w.write(
          new StreetSegment(
              "s1",
              (org.locationtech.jts.geom.LineString)
                  store
                      .findRecord("town", Layer.STREETS, LightingTown.PARK_PATH)
                      .orElseThrow()
                      .geometryWgs84(),
              "footway",
              Lit.UNKNOWN,
              Optional.empty(),
              java.util.Map.of()));
      w.commit();
    }
    analyst =
        Optional.of(
            server
                .wiring()
                .keys()
                .create(Role.ANALYST, Set.of("town", "nolamps", "nostreets"), "t")
                .token());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(String path) {
    return server.as(analyst).get(path);
  }

  @Test
  void GET_coverage_returns_the_summary_figures() {
    var r = get("/api/workspaces/town/lighting/coverage");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode j = TestServer.json(r);
    assertThat(j.get("litShare").asDouble()).isBetween(0.85, 0.99);
    assertThat(j.get("lamps").get("broken").asInt()).isEqualTo(5);
    assertThat(j.get("radiusMeters").asDouble()).isEqualTo(25);
  }

  @Test
  void GET_dark_segments_is_geojson_with_cause_and_length() {
    var r = get("/api/workspaces/town/lighting/dark-segments?cause=missing");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/geo+json");
    JsonNode fc = TestServer.json(r);
    assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");
    List<String> segments = new ArrayList<>();
    for (JsonNode f : fc.get("features")) {
      assertThat(f.get("properties").get("cause").asText()).isEqualTo("missing");
      assertThat(f.get("geometry").get("type").asText()).isEqualTo("LineString");
      segments.add(f.get("properties").get("segmentId").asText());
    }
    assertThat(segments).contains(LightingTown.PARK_PATH);
  }

  @Test
  void GET_priorities_ranks_the_park_path_first_among_new_lights_with_explanations() {
    var r = get("/api/workspaces/town/lighting/priorities?n=3&kind=new-light");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode j = TestServer.json(r);
    JsonNode first = j.get("priorities").get(0);
    assertThat(j.get("returned").asInt()).isEqualTo(3);
    assertThat(first.get("rank").asInt()).isEqualTo(1);
    assertThat(first.get("kind").asText()).isEqualTo("new-light");
    assertThat(first.get("segmentId").asText()).isEqualTo(LightingTown.PARK_PATH);
    assertThat(first.get("id").asText()).startsWith("dark-");
    assertThat(first.get("explanation").asText()).contains("Score =");
    assertThat(first.get("location").get("lon").asDouble()).isBetween(11.0, 13.0);
    assertThat(j.get("parameters").get("night").get("season").asText()).isEqualTo("winter");
  }

  @Test
  void GET_priorities_as_csv_is_a_work_list_with_one_row_per_entry() {
    var r = get("/api/workspaces/town/lighting/priorities?n=4&kind=repair&format=csv");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    String[] lines = r.body().split("\r\n");
    assertThat(lines).hasSize(5);
    assertThat(lines[0]).isEqualTo(String.join(",", LightingJson.CSV_COLUMNS));
    for (int i = 1; i < lines.length; i++) {
      assertThat(lines[i]).startsWith(i + ",repair-lamp-").contains(",repair,");
      assertThat(LightingTown.TRAVEL_CENTRE_LAMPS.stream().anyMatch(lines[i]::contains)).isTrue();
    }
  }

  @Test
  void GET_priorities_as_geojson_has_points_for_repairs_and_lines_for_new_lights() {
    var r = get("/api/workspaces/town/lighting/priorities?n=50&format=geojson");
    assertThat(r.statusCode()).isEqualTo(200);
    for (JsonNode f : TestServer.json(r).get("features")) {
      String kind = f.get("properties").get("kind").asText();
      assertThat(f.get("geometry").get("type").asText())
          .isEqualTo(kind.equals("repair") ? "Point" : "LineString");
    }
  }

  @Test
  void public_callers_get_priorities_ranked_on_the_release_and_only_those_supported_by_k_events() {
    JsonNode pub =
        TestServer.json(
            server
                .as(Optional.empty())
                .get("/api/workspaces/town/lighting/priorities?release=2024&n=1000"));
    JsonNode all = TestServer.json(get("/api/workspaces/town/lighting/priorities?n=1000"));
    assertThat(pub.get("returned").asInt()).isPositive().isLessThan(all.get("returned").asInt());
    List<String> ids = new ArrayList<>();
    for (JsonNode p : pub.get("priorities")) {
      ids.add(p.get("id").asText());
    }
    assertThat(ids).doesNotContain("repair-" + LightingTown.LONELY_BROKEN_LAMP);
    HttpResponse<String> free =
        server
            .as(Optional.empty())
            .get("/api/workspaces/town/lighting/priorities?from=2024-01-01&nightFrom=20");
    assertThat(free.statusCode()).isEqualTo(400);
  }

  @Test
  void POST_what_if_reports_before_and_after() {
    String body =
        "{\"repair\":[\"lamp-h-200-175\",\"lamp-v-200-215\"],\"add\":[["
            + LightingTown.at(650, 650).lon()
            + ","
            + LightingTown.at(650, 650).lat()
            + "]]}";
    var r =
        server.as(analyst).post("/api/workspaces/town/lighting/what-if", body, "application/json");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode j = TestServer.json(r);
    assertThat(j.get("change").get("litMetersGained").asDouble()).isGreaterThan(50);
    assertThat(j.get("change").get("areaScoreDelta").asDouble()).isNegative();
    assertThat(j.get("after").get("area").get("litShare").asDouble())
        .isGreaterThan(j.get("before").get("area").get("litShare").asDouble());
  }

  @Test
  void absurd_radius_is_a_400_problem_naming_the_parameter() {
    var r = get("/api/workspaces/town/lighting/coverage?radius=100000");
    assertProblem(r, 400, "invalid-input", "radius");
  }

  @Test
  void a_workspace_without_lamps_is_a_422_problem_saying_lamps_are_missing() {
    var r = get("/api/workspaces/nolamps/lighting/priorities");
    assertProblem(r, 422, "unprocessable", "lamps");
  }

  @Test
  void a_workspace_without_a_street_network_is_a_422_problem_saying_streets_are_missing() {
    assertProblem(
        get("/api/workspaces/nostreets/lighting/dark-segments"), 422, "unprocessable", "streets");
  }

  @Test
  void bad_format_and_empty_what_if_are_400_problems() {
    assertProblem(
        get("/api/workspaces/town/lighting/priorities?format=xml"), 400, "invalid-input", "format");
    assertProblem(
        server.as(analyst).post("/api/workspaces/town/lighting/what-if", "{}", "application/json"),
        400,
        "invalid-input",
        "repair");
    assertProblem(
        server
            .as(analyst)
            .post(
                "/api/workspaces/town/lighting/what-if",
                "{\"repair\":[\"nope\"]}",
                "application/json"),
        400,
        "invalid-input",
        "repair");
  }

  private static void assertProblem(HttpResponse<String> r, int status, String type, String field) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonNode j = TestServer.json(r);
    assertThat(j.get("type").asText()).isEqualTo("urn:tryggkarta:problem:" + type);
    assertThat(j.get("errors").get(0).get("field").asText()).isEqualTo(field);
    assertThat(j.get("errors").get(0).get("pointer").asText()).isEqualTo("/" + field);
  }
}
