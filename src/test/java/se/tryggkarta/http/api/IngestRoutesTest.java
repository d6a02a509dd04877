package se.tryggkarta.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.access.Role;
import se.tryggkarta.http.TestServer;
import se.tryggkarta.workspace.Workspace;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestRoutesTest {
  static final String CSV =
      "id,lon,lat,reported_at,category,source,comment\n"
          + "u1,11.98,57.87,2024-05-01T22:00:00Z,darkness,walk,HEMLIGT-1\n"
          + "u2,11.99,57.88,2024-05-02,drugs,survey,\n";

  @TempDir static Path dir;
  TestServer server;
  String analyst;
  String viewer;

  @BeforeAll
  void start() {
    server = TestServer.start(dir, w -> w.http());
    server.wiring().store().createWorkspace(Workspace.of("ale", "Ale"));
    var keys = server.wiring().keys();
    analyst = keys.create(Role.ANALYST, Set.of("ale"), "a").token();
    viewer = keys.create(Role.VIEWER, Set.of("ale"), "v").token();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void POST_import_answers_201_with_the_report_then_200_when_re_imported() {
    String path = "/api/workspaces/ale/layers/unsafe-places/import";
    String fresh = CSV.replace("u1,", "r1,").replace("u2,", "r2,");
    HttpResponse<String> first = server.as(Optional.of(analyst)).post(path, fresh, "text/csv");
    HttpResponse<String> again = server.as(Optional.of(analyst)).post(path, fresh, "text/csv");

    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    JsonNode report = TestServer.json(first);
    assertThat(report.get("inserted").asLong()).isEqualTo(2);
    assertThat(report.get("format").asText()).isEqualTo("csv");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(TestServer.json(again).get("updated").asLong()).isEqualTo(2);
  }

  @Test
  void GET_export_is_not_taken_for_a_record_id_and_hides_comments_from_viewers() {
    server
        .as(Optional.of(analyst))
        .post("/api/workspaces/ale/layers/unsafe-places/import", CSV, "text/csv");

    HttpResponse<String> asViewer =
        server.as(Optional.of(viewer)).get("/api/workspaces/ale/layers/unsafe-places/export");
    HttpResponse<String> asAnalyst =
        server
            .as(Optional.of(analyst))
            .get("/api/workspaces/ale/layers/unsafe-places/export?format=csv");

    assertThat(asViewer.statusCode()).isEqualTo(200);
    assertThat(asViewer.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/geo+json");
    assertThat(TestServer.json(asViewer).get("features").findValuesAsText("id"))
        .contains("u1", "u2");
    assertThat(asViewer.body()).doesNotContain("HEMLIGT-1");
    assertThat(asAnalyst.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(asAnalyst.body()).startsWith("id,lon,lat,").contains("HEMLIGT-1");
  }

  @Test
  void GET_export_as_gpkg_returns_a_sqlite_file() {
    server
        .as(Optional.of(analyst))
        .post("/api/workspaces/ale/layers/unsafe-places/import", CSV, "text/csv");
    HttpResponse<byte[]> r =
        server
            .as(Optional.of(viewer))
            .getBytes("/api/workspaces/ale/layers/unsafe-places/export?format=gpkg");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(new String(r.body(), 0, 15, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("SQLite format 3");
  }

  @Test
  void viewers_may_not_import() {
    HttpResponse<String> r =
        server
            .as(Optional.of(viewer))
            .post("/api/workspaces/ale/layers/unsafe-places/import", CSV, "text/csv");
    assertThat(r.statusCode()).isEqualTo(403);
  }

  @Test
  void export_in_an_unknown_format_answers_415_problem() {
    HttpResponse<String> r =
        server
            .as(Optional.of(viewer))
            .get("/api/workspaces/ale/layers/incidents/export?format=shp");
    assertThat(r.statusCode()).isEqualTo(415);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
  }
}
