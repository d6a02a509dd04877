package se.tryggkarta.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.tryggkarta.workspace.Workspace;

/**
 * Unknown and repeated query parameters answer 400 on every API route, centrally, from the
 * parameters each operation declares in the OpenAPI document; misspellings get a "did you mean".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryParametersTest {
  @TempDir static Path dir;
  TestServer server;

  @BeforeAll
  void start() {
    server = TestServer.open(dir);
    server.wiring().store().createWorkspace(Workspace.of("kungalv", "Kungälv"));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @ParameterizedTest(name = "{0} is near {1}")
  @CsvSource({
    "categroy, categories",
    "category, categories",
    "Categories, categories",
    "bandwith, bandwidth",
    "halflife, halfLife",
    "kernal, kernel",
    "cels, cell"
  })
  void suggests_the_declared_name_a_misspelling_is_near(String typed, String meant) {
    var declared =
        new QueryParameters.Declared(
            Set.of("categories", "bandwidth", "halfLife", "kernel", "cell", "n", "to"), Set.of());

    assertThat(declared.suggestions(typed)).first().isEqualTo(meant);
  }

  @Test
  void suggests_nothing_for_a_name_far_from_every_declared_one() {
    var declared = new QueryParameters.Declared(Set.of("categories", "bandwidth"), Set.of());

    assertThat(declared.suggestions("zoom")).isEmpty();
  }

  @ParameterizedTest(name = "{0} / {1} = {2}")
  @CsvSource({
    "kitten, sitting, 3",
    "ca, ac, 1",
    "abc, abc, 0",
    "'', abc, 3",
    "categroy, category, 1"
  })
  void distance_counts_edits_and_adjacent_transpositions(String a, String b, int expected) {
    assertThat(QueryParameters.distance(a, b)).isEqualTo(expected);
  }

  @Test
  void GET_density_with_a_misspelt_parameter_answers_400_naming_it_with_did_you_mean() {
    HttpResponse<String> r =
        server.get("/api/workspaces/kungalv/hotspots/density?categroy=theft&bandwidth=200");

    assertProblem(r, 400);
    JsonNode p = TestServer.json(r);
    assertThat(p.get("field").asText()).isEqualTo("categroy");
    assertThat(p.at("/errors/0/field").asText()).isEqualTo("categroy");
    assertThat(p.at("/errors/0/pointer").asText()).isEqualTo("/categroy");
    assertThat(p.at("/errors/0/reason").asText()).contains("did you mean 'categories'");
    assertThat(p.get("detail").asText()).contains("categroy").contains("categories");
  }

  @Test
  void GET_layers_with_the_old_category_filter_answers_400_pointing_to_categories() {
    HttpResponse<String> r = server.get("/api/workspaces/kungalv/layers/incidents?category=x");

    assertProblem(r, 400);
    assertThat(TestServer.json(r).at("/errors/0/reason").asText())
        .contains("did you mean 'categories'");
  }

  @Test
  void GET_layers_filters_by_categories() {
    HttpResponse<String> r =
        server.get("/api/workspaces/kungalv/layers/incidents?categories=theft,violence");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  @Test
  void every_unknown_parameter_of_a_request_is_listed() {
    HttpResponse<String> r =
        server.get("/api/workspaces/kungalv/hotspots/sites?n=3&zoom=4&radiuss=100");

    assertProblem(r, 400);
    JsonNode errors = TestServer.json(r).get("errors");
    assertThat(errors).hasSize(2);
    List<String> fields = new ArrayList<>();
    errors.forEach(e -> fields.add(e.get("field").asText()));
    assertThat(fields).containsExactlyInAnyOrder("zoom", "radiuss");
  }

  @Test
  void a_parameter_given_twice_answers_400() {
    HttpResponse<String> r = server.get("/api/workspaces/kungalv/hotspots/sites?n=3&n=4");

    assertProblem(r, 400);
    assertThat(TestServer.json(r).at("/errors/0/field").asText()).isEqualTo("n");
  }

  @Test
  void a_parameter_name_with_a_slash_keeps_the_pointer_valid() {
    HttpResponse<String> r = server.get("/api/workspaces/kungalv/hotspots/sites?a%2Fb~c=1");

    assertProblem(r, 400);
    assertThat(TestServer.json(r).at("/errors/0/pointer").asText()).isEqualTo("/a~1b~0c");
  }

  @Test
  void import_column_mappings_match_the_declared_column_prefix() {
    HttpResponse<String> r =
        server.post(
            "/api/workspaces/kungalv/layers/incidents/import?format=csv&column.occurred_at=tid",
            "id,lon,lat,tid,category\na,11.98,57.87,2024-05-01T22:00:00Z,theft\n",
            "text/csv");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  @Test
  void a_path_that_is_not_utf8_answers_400_problem_json_not_a_jetty_page() {
    HttpResponse<String> r = server.get("/api/workspaces/kungalv/commitments/%ED%A0%80/progress");

    assertProblem(r, 400);
  }

  @Test
  void a_put_or_delete_on_a_path_that_is_not_utf8_also_answers_400_problem_json() {
    assertProblem(server.put("/api/workspaces/%ED%A0%80/actions/none", "{}"), 400);
    assertProblem(server.delete("/api/workspaces/kungalv/commitments/%ED%A0%80"), 400);
  }

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"?%ZZ=1", "?n=%", "?=1", "?n", "?%ED%A0%80=1", "?&&&", "?n=%FF%FE", "?n=1%00"})
  void a_malformed_query_answers_4xx_problem_json(String query) throws Exception {
    // sent over a raw socket: Java's HTTP client refuses to send a malformed URI
    String[] answer = raw("GET /api/workspaces/kungalv/hotspots/sites" + query);

    int status = Integer.parseInt(answer[0]);
    assertThat(status).as(answer[2]).isBetween(200, 499);
    if (status >= 400) {
      assertThat(answer[1]).startsWith(ProblemMapper.PROBLEM_JSON);
    }
  }

  /** Status, Content-Type and body of a request line sent as it is. */
  private String[] raw(String requestLine) throws Exception {
    try (var socket = new java.net.Socket("127.0.0.1", server.app().javalin().port())) {
      socket
          .getOutputStream()
          .write(
              (requestLine + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                  .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      String text =
          new String(
              socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      String status = text.substring(9, 12);
      String type =
          text.lines()
              .filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:"))
              .map(l -> l.substring(13).strip())
              .findFirst()
              .orElse("");
      return new String[] {status, type, text};
    }
  }

  @Test
  void thousands_of_unknown_parameters_are_answered_with_the_first_twenty() {
    StringBuilder q = new StringBuilder("?");
    for (int i = 0; i < 5000; i++) {
      q.append("p").append(i).append("=1&");
    }
    HttpResponse<String> r = server.get("/api/workspaces/kungalv/hotspots/sites" + q);

    assertThat(r.statusCode()).isIn(400, 414, 431);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith(ProblemMapper.PROBLEM_JSON);
    if (r.statusCode() == 400) {
      assertThat(TestServer.json(r).get("errors")).hasSize(QueryParameters.MAX_LISTED);
    }
  }

  @Test
  void static_files_take_any_query() {
    HttpResponse<String> r = server.get("/index.html?v=20261204");

    assertThat(r.statusCode()).isEqualTo(200);
  }

  @TestFactory
  Stream<DynamicTest> every_api_route_refuses_an_unknown_parameter() {
    return server.app().routes().stream()
        .map(
            route ->
                DynamicTest.dynamicTest(
                    route.method() + " " + route.path(),
                    () -> {
                      String path =
                          AccessControlTest.fill(route.path()).replace("alpha", "kungalv");
                      var b = server.builder(path + "?zzz-not-a-parameter=1");
                      HttpResponse<String> r =
                          server.send(
                              switch (route.method()) {
                                case "GET" -> b.GET();
                                case "DELETE" -> b.DELETE();
                                default ->
                                    b.header("Content-Type", "application/json")
                                        .method(
                                            route.method(),
                                            java.net.http.HttpRequest.BodyPublishers.ofString(
                                                "{}"));
                              });
                      assertProblem(r, 400);
                      assertThat(TestServer.json(r).at("/errors/0/field").asText())
                          .isEqualTo("zzz-not-a-parameter");
                    }));
  }

  static void assertProblem(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith(ProblemMapper.PROBLEM_JSON);
    assertThat(TestServer.json(r).get("type").asText())
        .isEqualTo("urn:tryggkarta:problem:invalid-input");
  }
}
