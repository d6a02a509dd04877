package se.tryggkarta.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * JSON and text request bodies are read strictly: one value, valid UTF-8 and valid Unicode, and a
 * geometry without a type is a 400 naming it wherever it appears. Nothing is stored by a refused
 * request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictBodiesTest {
  static final String COMMITMENTS = "/api/workspaces/" + SmallTown.WS + "/commitments";

  @TempDir static Path dir;
  TestServer server;

  @BeforeAll
  void start() {
    server = TestServer.open(dir);
    SmallTown.seed(server);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private void assertProblem(HttpResponse<String> r, String field) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith(ProblemMapper.PROBLEM_JSON);
    assertThat(TestServer.json(r).get("field").asText()).as(r.body()).isEqualTo(field);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "trailing object | {\"id\":\"ny\",\"name\":\"Ny\"} {\"id\":\"x\"}",
        "trailing text | {\"id\":\"ny\",\"name\":\"Ny\"} and more",
        "lone surrogate | {\"id\":\"ny\",\"name\":\"N\\ud800y\"}",
        "empty | ''"
      })
  void a_workspace_body_that_is_not_exactly_one_clean_JSON_value_answers_400(
      String what, String body) {
    HttpResponse<String> r = server.post("/api/workspaces", body, "application/json");

    assertProblem(r, "body");
    assertThat(server.wiring().store().findWorkspace("ny")).isEmpty();
  }

  @Test
  void a_body_that_is_not_utf8_answers_400_instead_of_storing_replacement_characters() {
    byte[] latin1 = "{\"id\":\"ny\",\"name\":\"Sm\u00e5by\"}".getBytes(StandardCharsets.ISO_8859_1);

    HttpResponse<String> r = server.post("/api/workspaces", latin1, "application/json");

    assertProblem(r, "body");
    assertThat(server.wiring().store().findWorkspace("ny")).isEmpty();
  }

  @Test
  void a_commitment_place_geometry_without_type_answers_400_naming_the_place_geometry() {
    String body =
        """
        {"id":"utan-typ","title":"T","text":"T","responsible":"police","kind":"presence",
         "periodStart":"2025-01-01","periodEnd":"2025-12-31",
         "places":[{"name":"Hörnet","geometry":{"coordinates":[11.98,57.87]}}]}
        """;

    HttpResponse<String> r = server.post(COMMITMENTS, body, "application/json");

    assertProblem(r, "places/0/geometry");
    assertThat(server.get(COMMITMENTS + "/utan-typ").statusCode()).isEqualTo(404);
  }

  @Test
  void an_activity_location_without_type_answers_400_naming_location() {
    String body = "{\"occurredAt\":\"2025-05-01\",\"location\":{\"coordinates\":[11.98,57.87]}}";

    HttpResponse<String> r =
        server.post(
            COMMITMENTS + "/" + SmallTown.COMMITMENT_ID + "/activities", body, "application/json");

    assertProblem(r, "location");
  }

  @Test
  void a_commitment_body_with_trailing_content_answers_400() {
    HttpResponse<String> r = server.post(COMMITMENTS, "{\"id\":\"x\"} []", "application/json");

    assertProblem(r, "body");
  }

  @Test
  void a_walk_plan_body_with_a_lone_surrogate_answers_400() {
    HttpResponse<String> r =
        server.post(
            "/api/workspaces/" + SmallTown.WS + "/walks/plan",
            "{\"start\":[11.975,57.868],\"maxLengthM\":1000,\"mustVisit\":[\"\\udbff\"]}",
            "application/json");

    assertProblem(r, "body");
  }

  @Test
  void a_patrol_log_that_is_not_utf8_answers_400() {
    byte[] latin1 =
        "occurred_at,count,note\n2025-05-01,1,g\u00e5ng\n".getBytes(StandardCharsets.ISO_8859_1);

    HttpResponse<String> r =
        server.post(
            COMMITMENTS + "/" + SmallTown.COMMITMENT_ID + "/activities", latin1, "text/csv");

    assertProblem(r, "body");
  }
}
