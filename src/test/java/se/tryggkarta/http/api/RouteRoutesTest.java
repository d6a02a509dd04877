package se.tryggkarta.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.tryggkarta.Fixtures;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.http.TestServer;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.layer.UnsafePlace;
import se.tryggkarta.workspace.Workspace;

/** The route endpoints on the real app, with the Södermalm extract (a test fixture). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteRoutesTest {
  static final Path PBF = Fixtures.SODERMALM_PBF;
  static final String START = "[18.0640, 59.3168]";

  @TempDir static Path dir;
  TestServer server;

  @BeforeAll
  void start() throws IOException {
    server = TestServer.open(dir);
    server.wiring().store().createWorkspace(Workspace.of("sod", "Södermalm"));
    server.wiring().store().createWorkspace(Workspace.of("tom", "Tom"));
    HttpResponse<String> r =
        server.post(
            "/api/workspaces/sod/network/import",
            Files.readAllBytes(PBF),
            "application/octet-stream");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode s = TestServer.json(r);
    assertThat(s.get("streets").asInt()).isEqualTo(178);
    assertThat(s.get("walkableEdges").asInt()).isEqualTo(312);
    assertThat(s.get("lamps").asInt()).isZero();
    try (LayerWriter w = server.wiring().store().openWriter("sod", Layer.UNSAFE_PLACES)) {
      double[][] at = {
        {18.0625, 59.3172}, {18.0626, 59.3173}, {18.0660, 59.3150}, {18.0675, 59.3162}
      };
      for (int i = 0; i < at.length; i++) {
        w.write(
            new UnsafePlace(
                "u" + i,
                new LonLat(at[i][0], at[i][1]),
                Instant.parse("2025-11-01T21:00:00Z"),
                i % 2 == 0 ? "darkness" : "deserted",
                "dialog-2025",
                Optional.of("HEMLIG kommentar " + i),
                Map.of()));
      }
      w.commit();
    }
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private HttpResponse<String> plan(String body, String query) {
    return server.post("/api/workspaces/sod/walks/plan" + query, body, "application/json");
  }

  private static void assertProblem(HttpResponse<String> r, int status, String kind) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(TestServer.json(r).get("type").asText()).isEqualTo("urn:tryggkarta:problem:" + kind);
  }

  @Test
  void GET_network_summarises_the_imported_graph() {
    HttpResponse<String> r = server.get("/api/workspaces/sod/network");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode s = TestServer.json(r);
    assertThat(s.get("edges").asInt()).isEqualTo(312);
    assertThat(s.get("nodes").asInt()).isEqualTo(255);
    assertThat(s.get("totalLengthMeters").asDouble()).isBetween(13_640.0, 13_655.0);
  }

  @Test
  void GET_safe_route_returns_both_routes_with_lengths_and_lit_shares() {
    HttpResponse<String> r =
        server.get("/api/workspaces/sod/routes/safe?from=18.0612,59.3176&to=18.0680,59.3145");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/geo+json");
    JsonNode fc = TestServer.json(r);
    assertThat(fc.get("features")).hasSize(2);
    assertThat(fc.get("features").get(0).get("properties").get("role").asText()).isEqualTo("safe");
    assertThat(fc.get("lengthM").asDouble())
        .isGreaterThanOrEqualTo(fc.get("shortestLengthM").asDouble() - 0.01);
    assertThat(fc.get("detourM").asDouble()).isGreaterThanOrEqualTo(-0.01);
  }

  @Test
  void POST_walk_plan_returns_a_route_and_stops_within_the_budget_without_comments() {
    HttpResponse<String> r = plan("{\"start\": " + START + ", \"maxLengthM\": 1500}", "");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/geo+json");
    JsonNode fc = TestServer.json(r);
    assertThat(fc.get("lengthM").asDouble()).isLessThanOrEqualTo(1500);
    assertThat(fc.get("features").get(0).get("geometry").get("type").asText())
        .isEqualTo("LineString");
    assertThat(r.body()).contains("\"role\":\"stop\"", "trygghetsrapport").doesNotContain("HEMLIG");
    assertThat(fc.get("totalMinutes").asDouble())
        .isGreaterThan(fc.get("walkingMinutes").asDouble());
  }

  @Test
  void POST_walk_plan_as_html_is_the_swedish_protocol_and_as_gpx_a_gpx_file() {
    HttpResponse<String> html =
        plan(
            "{\"start\": " + START + ", \"maxLengthM\": 1500, \"mustVisit\": [\"u2\"]}",
            "?format=html");
    assertThat(html.statusCode()).as(html.body()).isEqualTo(200);
    assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(html.body())
        .contains(
            "<html lang=\"sv\">",
            "Trygghetsvandring",
            "Stopp 1",
            "Belysning",
            "Vegetation och siktlinjer",
            "<svg")
        .contains("(obligatoriskt)")
        .doesNotContain("<script");
    HttpResponse<String> gpx =
        plan("{\"start\": " + START + ", \"maxLengthM\": 1500}", "?format=gpx");
    assertThat(gpx.statusCode()).isEqualTo(200);
    assertThat(gpx.body()).contains("<gpx version=\"1.1\"", "<trkpt", "<wpt");
    // the document declares UTF-8, so the HTTP answer must be UTF-8 too (Swedish stop reasons)
    assertThat(gpx.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/gpx+xml")
        .containsIgnoringCase("charset=utf-8");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "budget of 0 | {\"start\": [18.0640, 59.3168], \"maxLengthM\": 0} | 400 | invalid-input",
        "budget of 100 km | {\"start\": [18.0640, 59.3168], \"maxLengthM\": 100000} | 400 | invalid-input",
        "no budget | {\"start\": [18.0640, 59.3168]} | 400 | invalid-input",
        "start in the Baltic Sea | {\"start\": [19.50, 59.00], \"maxLengthM\": 2000} | 422 | unprocessable",
        "start off the globe | {\"start\": [190, 59.3], \"maxLengthM\": 2000} | 400 | invalid-input",
        "unknown must-visit id | {\"start\": [18.0640, 59.3168], \"maxLengthM\": 2000, \"mustVisit\": [\"nope\"]} | 400 | invalid-input",
        "must-visit beyond the budget | {\"start\": [18.0612, 59.3176], \"maxLengthM\": 200, \"mustVisit\": [\"u2\"]} | 422 | unprocessable",
        "not JSON | {start: | 400 | invalid-input"
      })
  void POST_walk_plan_with_bad_input_returns_a_4xx_problem(
      String name, String body, int status, String kind) {
    assertProblem(plan(body, ""), status, kind);
  }

  @Test
  void POST_walk_plan_on_a_workspace_without_network_returns_422_problem() {
    HttpResponse<String> r =
        server.post(
            "/api/workspaces/tom/walks/plan",
            "{\"start\": [18.0640, 59.3168], \"maxLengthM\": 2000}",
            "application/json");
    assertProblem(r, 422, "unprocessable");
    assertProblem(
        server.get("/api/workspaces/tom/routes/safe?from=18.06,59.31&to=18.07,59.32"),
        422,
        "unprocessable");
  }

  @Test
  void GET_safe_route_without_to_returns_400_problem() {
    assertProblem(
        server.get("/api/workspaces/sod/routes/safe?from=18.06,59.31"), 400, "invalid-input");
  }

  @Test
  void POST_network_import_streams_bodies_larger_than_the_json_limit() {
    // 3 MiB of GeoJSON (one line, padded with spaces) is over the 2 MiB JSON body limit.
    String pad = " ".repeat(3 << 20);
    String body =
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
            + "{\"id\":\"big\",\"lit\":\"ja\"},"
            + pad
            + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[18.0,59.3],[18.001,59.3]]}}]}";
    HttpResponse<String> r =
        server.post("/api/workspaces/tom/network/import", body, "application/geo+json");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(TestServer.json(r).get("walkableEdges").asInt()).isEqualTo(1);
    server.wiring().store().deleteRecord("tom", Layer.STREETS, "big");
  }

  @Test
  void POST_network_import_of_a_bad_body_returns_4xx_and_leaves_the_network_unchanged() {
    long before = server.wiring().store().dataVersion("sod");
    assertProblem(
        server.post(
            "/api/workspaces/sod/network/import",
            new byte[] {'P', 'K', 3, 4, 0},
            "application/zip"),
        415,
        "unsupported-format");
    assertProblem(
        server.post(
            "/api/workspaces/sod/network/import",
            "{\"type\":\"FeatureCollection\",\"features\":[]}",
            "application/geo+json"),
        422,
        "unprocessable");
    assertProblem(
        server.post(
            "/api/workspaces/sod/network/import",
            "<osm version=\"0.6\"><node id=",
            "application/xml"),
        400,
        "invalid-input");
    assertThat(server.wiring().store().dataVersion("sod")).isEqualTo(before);
  }
}
