package se.tryggkarta.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route that takes a layer, in its path or as {@code layer=}, answers an unknown layer with
 * 4xx problem+json naming {@code layer}, whatever else is asked (found from the OpenAPI document,
 * so new routes join).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnknownLayerTest {
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

  @TestFactory
  Stream<DynamicTest> every_route_taking_a_layer_refuses_bananas() {
    JsonNode api = TestServer.json(server.get("/openapi.json"));
    List<DynamicTest> tests = new ArrayList<>();
    for (RouteSpec route : server.routes()) {
      boolean inPath = route.path().contains("{layer}");
      boolean inQuery =
          api.path("paths")
              .path(route.path())
              .path(route.method().toLowerCase())
              .path("parameters")
              .toString()
              .contains("hotspotLayer");
      if (!inPath && !inQuery) {
        continue;
      }
      tests.add(
          DynamicTest.dynamicTest(
              route.method() + " " + route.path(),
              () -> {
                String path =
                    route
                        .path()
                        .replace("{ws}", SmallTown.WS)
                        .replace("{layer}", "bananas")
                        .replace("{z}", "14")
                        .replace("{x}", "8737")
                        .replace("{tile}", "4945.png")
                        .replace("{id}", "inc-1");
                if (inQuery) {
                  path += "?layer=bananas";
                }
                HttpRequest.Builder b = server.builder(path);
                HttpResponse<String> r =
                    server.send(
                        switch (route.method()) {
                          case "GET" -> b.GET();
                          case "DELETE" -> b.DELETE();
                          default ->
                              b.header("Content-Type", "text/csv")
                                  .method(
                                      route.method(),
                                      HttpRequest.BodyPublishers.ofString(
                                          "id,lon,lat,occurred_at,category\n"));
                        });
                assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
                assertThat(r.headers().firstValue("Content-Type").orElse(""))
                    .startsWith(ProblemMapper.PROBLEM_JSON);
                assertThat(TestServer.json(r).get("field").asText()).isEqualTo("layer");
              }));
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(9);
    assertThat(tests).as("dynamic tests").isNotEmpty();
    return tests.stream();
  }
}
