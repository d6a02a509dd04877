package se.tryggkarta.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document declares every query parameter a route reads: each route of a small
 * workspace ({@link SmallTown}) is driven with each parameter it declares, one at a time, with
 * every value the document gives (enum values, default, example) or a typical one. A handler that
 * reads a parameter its operation does not declare fails with a 500 ({@link Params}), and reaching
 * the branches behind each value (such as {@code format=contours}, which reads {@code mass} and
 * {@code levels}) is what makes such a read show.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeclaredParametersTest {
  static final String WS = SmallTown.WS;

  /** Values for parameters whose schema gives none, by route-independent name. */
  static final Map<String, List<String>> TYPICAL =
      Map.ofEntries(
          Map.entry("n", List.of("3")),
          Map.entry("asOf", List.of("2025-06-30")),
          Map.entry("ringMeters", List.of("300")),
          Map.entry("levels", List.of("0.5,1")),
          Map.entry("cell", List.of("100")),
          Map.entry("band", List.of("400")),
          Map.entry("hex", List.of("200")),
          Map.entry("alpha", List.of("0.05")),
          Map.entry("delimiter", List.of(";")),
          Map.entry("table", List.of("incidents")),
          Map.entry("filename", List.of("incidents.csv")),
          Map.entry("column.occurred_at", List.of("occurred_at")),
          Map.entry("idProperty", List.of("id")),
          Map.entry("highwayProperty", List.of("highway")),
          Map.entry("litProperty", List.of("lit")),
          Map.entry("nameProperty", List.of("name")),
          Map.entry("defaultHighway", List.of("footway")),
          Map.entry("max", List.of("100")),
          Map.entry("from", List.of("2025-01-01")),
          Map.entry("to", List.of("2025-07-01")));

  /**
   * Parameters a route gets besides the one being driven: what it needs to get past its first
   * check, and coarse cells (200 m) so that the many option sets stay quick to compute.
   */
  static final Map<String, Map<String, String>> BASE =
      Map.of(
          "GET /api/workspaces/{ws}/routes/safe",
          Map.of("from", "11.975,57.868", "to", "11.983,57.872"),
          "GET /api/workspaces/{ws}/hotspots/evaluate",
          Map.of("train", "2023-01-01/2024-12-31", "test", "2025-01-01/2025-12-31", "cell", "200"),
          "GET /api/workspaces/{ws}/hotspots/density",
          Map.of("cell", "200"),
          "GET /api/workspaces/{ws}/hotspots/sites",
          Map.of("cell", "200"),
          "GET /api/workspaces/{ws}/hotspots/gistar",
          Map.of("cell", "200"),
          "GET /api/workspaces/{ws}/tiles/density/{z}/{x}/{tile}",
          Map.of("cell", "200"),
          "GET /api/workspaces/{ws}/tiles/density/legend",
          Map.of("cell", "200"));

  @TempDir static Path dir;
  TestServer server;
  JsonNode openApi;

  @BeforeAll
  void start() {
    server = TestServer.open(dir);
    SmallTown.seed(server);
    openApi = TestServer.json(server.get("/openapi.json"));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @TestFactory
  Stream<DynamicTest> every_declared_parameter_is_read_without_a_server_error() {
    List<DynamicTest> tests = new ArrayList<>();
    // reads first, so that the imports' new data versions do not empty the analysis cache under
    // them
    List<RouteSpec> routes = new ArrayList<>(server.routes());
    routes.sort(java.util.Comparator.comparing(r -> !r.method().equals("GET")));
    for (RouteSpec route : routes) {
      JsonNode operation =
          openApi.path("paths").path(route.path()).path(route.method().toLowerCase());
      Map<String, JsonNode> params = queryParameters(route.path(), operation);
      for (Map.Entry<String, JsonNode> p : params.entrySet()) {
        for (String value : values(p.getKey(), p.getValue())) {
          String name = route.method() + " " + route.path() + " ?" + p.getKey() + "=" + value;
          tests.add(DynamicTest.dynamicTest(name, () -> drive(route, p.getKey(), value)));
        }
      }
    }
    assertThat(tests).hasSizeGreaterThan(100);
    assertThat(tests).as("dynamic tests").isNotEmpty();
    return tests.stream();
  }

  private void drive(RouteSpec route, String param, String value) {
    Map<String, String> query =
        new LinkedHashMap<>(BASE.getOrDefault(route.method() + " " + route.path(), Map.of()));
    String name = param.contains("<") ? "column.occurred_at" : param;
    query.put(name, value);
    StringBuilder q = new StringBuilder();
    query.forEach(
        (k, v) ->
            q.append(q.length() == 0 ? "?" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    HttpRequest.Builder b = server.builder(fill(route.path()) + q);
    HttpResponse<String> r =
        server.send(
            switch (route.method()) {
              case "GET" -> b.GET();
              case "DELETE" -> b.DELETE();
              default -> {
                String[] body = body(route.path());
                yield b.header("Content-Type", body[0])
                    .method(route.method(), HttpRequest.BodyPublishers.ofString(body[1]));
              }
            });
    assertThat(r.statusCode()).as(r.body()).isLessThan(500);
  }

  private Map<String, JsonNode> queryParameters(String path, JsonNode operation) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    List<JsonNode> all = new ArrayList<>();
    openApi.path("paths").path(path).path("parameters").forEach(all::add);
    operation.path("parameters").forEach(all::add);
    for (JsonNode p : all) {
      JsonNode resolved = p;
      if (p.has("$ref")) {
        String ref = p.get("$ref").asText();
        resolved =
            openApi
                .path("components")
                .path("parameters")
                .path(ref.substring(ref.lastIndexOf('/') + 1));
      }
      if (resolved.path("in").asText().equals("query")) {
        out.put(resolved.get("name").asText(), resolved.path("schema"));
      }
    }
    return out;
  }

  private static Set<String> values(String name, JsonNode schema) {
    Set<String> out = new LinkedHashSet<>();
    schema.path("enum").forEach(v -> out.add(v.asText()));
    if (schema.has("default")) {
      out.add(schema.get("default").asText());
    }
    if (schema.has("example")) {
      out.add(schema.get("example").asText());
    }
    if (schema.path("type").asText().equals("boolean")) {
      out.addAll(List.of("true", "false"));
    }
    if (out.isEmpty()) {
      String key = name.contains("<") ? "column.occurred_at" : name;
      out.addAll(TYPICAL.getOrDefault(key, List.of(schema.has("minimum") ? "1" : "x")));
    }
    return out;
  }

  /** Content type and body of a request to a POST or PUT route. */
  private static String[] body(String path) {
    if (path.endsWith("/import") && path.contains("/layers/")) {
      return new String[] {
        "text/csv",
        "id,lon,lat,occurred_at,category\nprobe-1,11.975,57.868,2025-05-01T22:00:00Z,theft\n"
      };
    }
    if (path.endsWith("/network/import")) {
      return new String[] {
        "application/geo+json",
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
            + "{\"id\":\"probe\",\"highway\":\"footway\"},\"geometry\":{\"type\":\"LineString\","
            + "\"coordinates\":[[11.975,57.868],[11.976,57.869]]}}]}"
      };
    }
    if (path.endsWith("/walks/plan")) {
      return new String[] {"application/json", "{\"start\":[11.975,57.868],\"maxLengthM\":1500}"};
    }
    return new String[] {"application/json", "{}"};
  }

  private String fill(String path) {
    String commitment = server.wiring().commitments().listCommitments(WS).get(0).id();
    return path.replace("{ws}", WS)
        .replace("{layer}", "incidents")
        .replace("{z}", "14")
        .replace("{x}", "8737")
        .replace("{tile}", "4945.png")
        .replace("{id}", SmallTown.COMMITMENT_ID)
        .replace("{activityId}", "none")
        // path parameters of other features (findings, tips, OGC collections): a plain value
        .replace("{collectionId}", "incidents")
        .replace("{tileMatrixSetId}", "WebMercatorQuad")
        .replaceAll("\\{[a-zA-Z]+}", "none");
  }
}
