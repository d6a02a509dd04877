package se.tryggkarta.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.http.TestServer;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerRecord;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.layer.Lit;
import se.tryggkarta.layer.Place;
import se.tryggkarta.layer.StreetSegment;
import se.tryggkarta.store.Store;
import se.tryggkarta.workspace.Workspace;

/**
 * {@code GET /api/workspaces/{ws}/context}: named streets and places for the public map, thinned by
 * zoom, never any other layer. A made-up square of three streets and a park at 57.87° N.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContextRoutesTest {
  private static final GeometryFactory GF = new GeometryFactory();
  private static final String SECRET_CATEGORY = "hemlig-kategori";
  @TempDir static Path dir;
  TestServer server;

  @BeforeAll
  void start() {
    server = TestServer.start(dir, w -> w.http());
    Store store = server.wiring().store();
    store.createWorkspace(Workspace.of("torget", "Torget").withPublicAccess(true));
    store.createWorkspace(Workspace.of("slutet", "Slutet"));
    write(
        store,
        Layer.STREETS,
        List.of(
            street("s1", "primary", "Storgatan", 11.980, 57.870, 11.990, 57.870),
            street("s2", "residential", "Kyrkogatan", 11.980, 57.871, 11.990, 57.871),
            street("s3", "footway", null, 11.985, 57.869, 11.985, 57.872)));
    write(
        store,
        Layer.PLACES,
        List.of(
            new Place(
                "p1",
                "Stadsparken",
                GF.createPoint(new Coordinate(11.986, 57.8705)),
                Map.of("leisure", "park"))));
    write(
        store,
        Layer.INCIDENTS,
        List.of(
            new Incident(
                "i1",
                new LonLat(11.9851, 57.8701),
                Instant.parse("2026-01-01T21:00:00Z"),
                SECRET_CATEGORY,
                1,
                Map.of())));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void the_public_gets_named_streets_and_places_of_a_public_workspace_and_no_incident() {
    HttpResponse<String> r =
        server.as(Optional.empty()).get("/api/workspaces/torget/context?zoom=16");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/geo+json");
    JsonNode body = TestServer.json(r);
    assertThat(names(body, "streets")).containsExactlyInAnyOrder("Storgatan", "Kyrkogatan", "");
    assertThat(names(body, "places")).containsExactly("Stadsparken");
    assertThat(body.get("features").get(3).get("properties").get("kind").asText())
        .isEqualTo("park");
    assertThat(body.get("truncated").asBoolean()).isFalse();
    assertThat(r.body()).doesNotContain(SECRET_CATEGORY).doesNotContain("i1");
  }

  @Test
  void lower_zooms_leave_out_paths_and_then_minor_roads() {
    assertThat(highways("zoom=14")).containsExactlyInAnyOrder("primary", "residential");
    assertThat(highways("zoom=12")).containsExactly("primary");
    assertThat(highways("zoom=15")).containsExactlyInAnyOrder("primary", "residential", "footway");
  }

  @Test
  void a_view_returns_only_what_crosses_it() {
    assertThat(highways("zoom=16&bbox=11.98,57.8695,11.99,57.8705")).contains("primary");
    assertThat(highways("zoom=16&bbox=11.98,57.8695,11.99,57.8705")).doesNotContain("residential");
    assertThat(highways("zoom=16&bbox=12.5,58.5,12.6,58.6")).isEmpty();
  }

  @Test
  void the_same_view_again_with_its_etag_answers_304() {
    HttpResponse<String> first =
        server.as(Optional.empty()).get("/api/workspaces/torget/context?zoom=14");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).startsWith("public");
    HttpResponse<String> again =
        server.send(
            server
                .as(Optional.empty())
                .builder("/api/workspaces/torget/context?zoom=14")
                .header("If-None-Match", etag)
                .GET());
    assertThat(again.statusCode()).isEqualTo(304);
    HttpResponse<String> otherZoom =
        server.as(Optional.empty()).get("/api/workspaces/torget/context?zoom=13");
    assertThat(otherZoom.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
  }

  @Test
  void GET_context_with_a_zoom_out_of_range_answers_400_problem() {
    HttpResponse<String> r =
        server.as(Optional.empty()).get("/api/workspaces/torget/context?zoom=30");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
  }

  @Test
  void the_public_gets_nothing_of_a_private_workspace() {
    HttpResponse<String> r = server.as(Optional.empty()).get("/api/workspaces/slutet/context");
    assertThat(r.statusCode()).isEqualTo(401);
  }

  private List<String> highways(String query) {
    JsonNode body =
        TestServer.json(server.as(Optional.empty()).get("/api/workspaces/torget/context?" + query));
    List<String> out = new ArrayList<>();
    body.get("features")
        .forEach(
            f -> {
              if (f.get("properties").get("layer").asText().equals("streets")) {
                out.add(f.get("properties").get("highway").asText());
              }
            });
    return out;
  }

  private static List<String> names(JsonNode body, String layer) {
    List<String> out = new ArrayList<>();
    body.get("features")
        .forEach(
            f -> {
              JsonNode p = f.get("properties");
              if (p.get("layer").asText().equals(layer)) {
                out.add(p.path("name").asText(""));
              }
            });
    return out;
  }

  private static StreetSegment street(
      String id, String highway, String name, double x0, double y0, double x1, double y1) {
    LineString line =
        GF.createLineString(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y1)});
    return new StreetSegment(id, line, highway, Lit.YES, Optional.ofNullable(name), Map.of());
  }

  private static void write(Store store, Layer layer, List<? extends LayerRecord> records) {
    String ws = "torget";
    try (LayerWriter w = store.openWriter(ws, layer)) {
      records.forEach(w::write);
      w.commit();
    }
  }
}
