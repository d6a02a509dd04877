package se.tryggkarta.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.http.TestServer;

class WorkspaceRoutesTest {
  @TempDir Path dir;
  TestServer server;

  @BeforeEach
  void start() {
    server = TestServer.open(dir);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static final String KUNGALV =
      """
      {"id":"kungalv","name":"Kungälv","boundary":{"type":"Polygon","coordinates":[[[11.9,57.8],[12.1,57.8],[12.1,57.95],[11.9,57.95],[11.9,57.8]]]}}
      """;

  @Test
  void POST_workspace_then_GET_returns_it_with_defaults() {
    HttpResponse<String> created = server.post("/api/workspaces", KUNGALV, "application/json");
    assertThat(created.statusCode()).isEqualTo(201);
    var body = TestServer.json(server.get("/api/workspaces/kungalv"));
    assertThat(body.get("name").asText()).isEqualTo("Kungälv");
    assertThat(body.get("crs").asText()).isEqualTo("EPSG:3006");
    assertThat(body.get("timeZone").asText()).isEqualTo("Europe/Stockholm");
    assertThat(body.get("boundary").get("type").asText()).isEqualTo("Polygon");
  }

  @Test
  void PUT_settings_are_stored_and_members_left_out_keep_their_value() {
    server.post("/api/workspaces", KUNGALV, "application/json");
    var fresh = TestServer.json(server.get("/api/workspaces/kungalv"));
    assertThat(fresh.at("/settings/night").asText()).isEqualTo("18-06");
    assertThat(fresh.at("/categoryNames/theft/sv").asText()).isEqualTo("Stöld");

    server.put(
        "/api/workspaces/kungalv",
        "{\"name\":\"Kungälv\",\"settings\":{\"night\":\"20-05\","
            + "\"categoryNames\":{\"klotter\":{\"sv\":\"Klotter\",\"en\":\"Graffiti\"}}}}");
    server.put(
        "/api/workspaces/kungalv",
        "{\"name\":\"Kungälvs kommun\",\"settings\":{\"night\":\"21-05\"}}");
    var body = TestServer.json(server.get("/api/workspaces/kungalv"));
    assertThat(body.at("/settings/night").asText()).isEqualTo("21-05");
    assertThat(body.at("/settings/categoryNames/klotter/en").asText()).isEqualTo("Graffiti");
    assertThat(body.at("/categoryNames/klotter/sv").asText()).isEqualTo("Klotter");
  }

  @Test
  void PUT_of_a_GET_answer_is_accepted_and_its_read_only_categoryNames_change_nothing() {
    server.post("/api/workspaces", KUNGALV, "application/json");
    ObjectNode read = (ObjectNode) TestServer.json(server.get("/api/workspaces/kungalv"));
    read.put("name", "Kungälvs kommun");
    read.with("categoryNames").putObject("klotter").put("sv", "Klotter").put("en", "Graffiti");

    HttpResponse<String> r = server.put("/api/workspaces/kungalv", read.toString());

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    var body = TestServer.json(server.get("/api/workspaces/kungalv"));
    assertThat(body.get("name").asText()).isEqualTo("Kungälvs kommun");
    assertThat(body.at("/categoryNames/klotter").isMissingNode()).isTrue();
    assertThat(body.at("/categoryNames/theft/sv").asText()).isEqualTo("Stöld");
  }

  @Test
  void PUT_bad_night_answers_400_pointing_at_the_setting() {
    server.post("/api/workspaces", KUNGALV, "application/json");
    HttpResponse<String> r =
        server.put(
            "/api/workspaces/kungalv", "{\"name\":\"K\",\"settings\":{\"night\":\"18-30\"}}");
    assertProblem(r, 400, "urn:tryggkarta:problem:invalid-input");
    assertThat(TestServer.json(r).get("field").asText()).isEqualTo("settings/night");
    assertThat(
            TestServer.json(server.get("/api/workspaces/kungalv")).at("/settings/night").asText())
        .isEqualTo("18-06");
  }

  @Test
  void POST_duplicate_workspace_answers_409_problem() {
    server.post("/api/workspaces", KUNGALV, "application/json");
    HttpResponse<String> again = server.post("/api/workspaces", KUNGALV, "application/json");
    assertProblem(again, 409, "urn:tryggkarta:problem:conflict");
  }

  @Test
  void POST_workspace_with_geographic_crs_answers_400_naming_crs() {
    HttpResponse<String> r =
        server.post(
            "/api/workspaces",
            "{\"id\":\"x1\",\"name\":\"X\",\"crs\":\"EPSG:4326\"}",
            "application/json");
    assertProblem(r, 400, "urn:tryggkarta:problem:invalid-input");
    assertThat(TestServer.json(r).get("field").asText()).isEqualTo("crs");
  }

  @Test
  void POST_broken_json_answers_400_problem() {
    assertProblem(
        server.post("/api/workspaces", "{\"id\":", "application/json"),
        400,
        "urn:tryggkarta:problem:invalid-input");
  }

  @Test
  void POST_unknown_field_answers_400_naming_it() {
    HttpResponse<String> r =
        server.post(
            "/api/workspaces",
            "{\"id\":\"ab\",\"name\":\"A\",\"colour\":\"red\"}",
            "application/json");
    assertProblem(r, 400, "urn:tryggkarta:problem:invalid-input");
    assertThat(r.body()).contains("colour");
  }

  @Test
  void GET_unknown_workspace_and_unknown_route_answer_404_problem() {
    assertProblem(server.get("/api/workspaces/nowhere"), 404, "urn:tryggkarta:problem:not-found");
    assertProblem(server.get("/api/nothing-here"), 404, "urn:tryggkarta:problem:not-found");
  }

  @Test
  void DELETE_workspace_removes_it() {
    server.post("/api/workspaces", KUNGALV, "application/json");
    assertThat(server.delete("/api/workspaces/kungalv").statusCode()).isEqualTo(204);
    assertThat(server.get("/api/workspaces/kungalv").statusCode()).isEqualTo(404);
  }

  @Test
  void every_answer_carries_the_security_headers() {
    HttpResponse<String> r = server.get("/health");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(r.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-eval");
  }

  static void assertProblem(HttpResponse<String> r, int status, String type) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(TestServer.json(r).get("type").asText()).isEqualTo(type);
  }
}
