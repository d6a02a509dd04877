package se.tryggkarta.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
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
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.workspace.Workspace;

/**
 * Hot streets on the real app with the Helsinki extract (a test fixture): 300 seeded incidents, 200
 * of them within about 40 m of the Esplanadi at Mannerheimintie, the rest spread over the extract.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreetRoutesTest {
  static final LonLat CLUSTER = new LonLat(24.9440, 60.1675);

  @TempDir static Path dir;
  TestServer server;

  @BeforeAll
  void start() throws IOException {
    server = TestServer.open(dir);
    server.wiring().store().createWorkspace(Workspace.of("hel", "Helsingfors"));
    server.wiring().store().createWorkspace(Workspace.of("tom", "Utan gator"));
    HttpResponse<String> r =
        server.post(
            "/api/workspaces/hel/network/import",
            Files.readAllBytes(Fixtures.HELSINKI_PBF),
            "application/octet-stream");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Random random = new Random(25);
    for (String ws : new String[] {"hel", "tom"}) {
      try (LayerWriter w = server.wiring().store().openWriter(ws, Layer.INCIDENTS)) {
        for (int i = 0; i < 300; i++) {
          LonLat at =
              i < 200
                  ? new LonLat(
                      CLUSTER.lon() + random.nextGaussian() * 0.0004,
                      CLUSTER.lat() + random.nextGaussian() * 0.0002)
                  : new LonLat(
                      24.9360 + random.nextDouble() * 0.017, 60.1645 + random.nextDouble() * 0.014);
          w.write(
              new Incident(
                  "i" + i,
                  at,
                  Instant.parse("2025-01-01T00:00:00Z").plusSeconds(3600L * 7 * i),
                  i % 3 == 0 ? "theft" : "violence",
                  1,
                  Map.of()));
        }
        w.commit();
      }
    }
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void GET_streets_returns_lixel_lines_whose_hottest_lies_at_the_cluster() {
    HttpResponse<String> r = server.get("/api/workspaces/hel/hotspots/streets?bandwidth=150");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/geo+json");
    JsonNode fc = TestServer.json(r);
    assertThat(fc.get("unit").asText()).isEqualTo("events/km");
    assertThat(fc.get("events").asInt()).isEqualTo(300);
    assertThat(fc.get("eventsSnapped").asInt() + fc.get("eventsBeyondSnap").asInt()).isEqualTo(300);
    assertThat(fc.get("eventsSnapped").asInt()).isGreaterThan(250);
    JsonNode features = fc.get("features");
    assertThat(features.size()).isGreaterThan(100).isLessThan(fc.get("lixels").asInt());
    JsonNode hottest = features.get(0);
    double max = 0;
    for (JsonNode f : features) {
      assertThat(f.get("geometry").get("type").asText()).isEqualTo("LineString");
      assertThat(f.get("properties").get("lengthMeters").asDouble()).isBetween(0.0, 25.0001);
      double d = f.get("properties").get("density").asDouble();
      assertThat(d).isPositive();
      if (d > max) {
        max = d;
        hottest = f;
      }
    }
    assertThat(max).isEqualTo(fc.get("max").asDouble());
    JsonNode first = hottest.get("geometry").get("coordinates").get(0);
    // Within about 150 m of the cluster's middle (0.0027° of longitude, 0.0014° of latitude).
    assertThat(first.get(0).asDouble()).isBetween(CLUSTER.lon() - 0.0027, CLUSTER.lon() + 0.0027);
    assertThat(first.get(1).asDouble()).isBetween(CLUSTER.lat() - 0.0014, CLUSTER.lat() + 0.0014);
  }

  @Test
  void GET_streets_counts_only_the_selected_categories() {
    JsonNode all = TestServer.json(server.get("/api/workspaces/hel/hotspots/streets"));
    JsonNode theft =
        TestServer.json(server.get("/api/workspaces/hel/hotspots/streets?categories=theft"));
    assertThat(theft.get("events").asInt()).isEqualTo(100);
    assertThat(theft.get("max").asDouble()).isLessThan(all.get("max").asDouble());
  }

  @Test
  void GET_streets_of_a_workspace_without_a_network_returns_422_problem() {
    HttpResponse<String> r = server.get("/api/workspaces/tom/hotspots/streets");
    assertProblem(r, 422, "unprocessable");
  }

  @ParameterizedTest(name = "{0} answers 400")
  @CsvSource({"bandwidth=0", "bandwidth=-5", "bandwidth=9000", "lixel=0.5", "lixel=abc"})
  void GET_streets_with_a_bad_scale_returns_400_problem(String query) {
    assertProblem(
        server.get("/api/workspaces/hel/hotspots/streets?" + query), 400, "invalid-input");
  }

  private static void assertProblem(HttpResponse<String> r, int status, String kind) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(TestServer.json(r).get("type").asText()).isEqualTo("urn:tryggkarta:problem:" + kind);
  }
}
