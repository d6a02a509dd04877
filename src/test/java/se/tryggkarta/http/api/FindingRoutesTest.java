package se.tryggkarta.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javax.imageio.ImageIO;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.demo.ExempelbyGenerator;
import se.tryggkarta.http.TestServer;

/** The walk, finding, photo, action and tip routes on the demo town, through the real app. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FindingRoutesTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String WS = "/api/workspaces/" + ExempelbyGenerator.WORKSPACE_ID;
  @TempDir static Path dir;
  TestServer server;
  String walkId;

  @BeforeAll
  void start() throws IOException {
    server = TestServer.open(dir);
    ExempelbyGenerator.populate(server.wiring().store());
    var p = ExempelbyGenerator.PARKEN_CENTRE;
    HttpResponse<String> r =
        server.post(
            WS + "/walks",
            "{\"name\":\"Höstvandring\",\"plannedFor\":\"2025-10-02\",\"plan\":{\"start\":["
                + p.lon()
                + ","
                + p.lat()
                + "],\"maxLengthM\":2000}}",
            "application/json");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    walkId = JSON.readTree(r.body()).get("id").asText();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  static JsonNode json(HttpResponse<String> r) throws IOException {
    return JSON.readTree(r.body());
  }

  static void assertProblem(HttpResponse<String> r, int status, String kind) throws IOException {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(json(r).get("type").asText()).isEqualTo("urn:tryggkarta:problem:" + kind);
  }

  String finding(String id, int stop, String category, String note) throws IOException {
    JsonNode walk = json(server.get(WS + "/walks/" + walkId));
    JsonNode at = walk.get("stops").get(stop - 1).get("location");
    return "{\"id\":\""
        + id
        + "\",\"location\":"
        + at
        + ",\"walkId\":\""
        + walkId
        + "\",\"stop\":"
        + stop
        + ",\"category\":\""
        + category
        + "\",\"severity\":2,\"note\":"
        + JSON.writeValueAsString(note)
        + ",\"recordedBy\":\"@Anna\",\"recordedAt\":\"2025-10-02T16:40:00Z\"}";
  }

  @Test
  void a_stored_walk_has_its_stops_and_line_for_the_phone() throws IOException {
    JsonNode walk = json(server.get(WS + "/walks/" + walkId));
    assertThat(walk.get("stops").size()).isPositive();
    assertThat(walk.get("route").size()).isGreaterThan(1);
    assertThat(walk.get("stops").get(0).get("reason").asText()).isNotBlank();
    assertThat(json(server.get(WS + "/walks")).get("walks").size()).isEqualTo(1);
  }

  @Test
  void a_finding_synced_twice_answers_201_then_200_and_other_content_409() throws IOException {
    String body = finding("sync-a", 1, "lighting", "Mörkt vid stigen");
    assertThat(server.post(WS + "/findings", body, "application/json").statusCode()).isEqualTo(201);
    HttpResponse<String> again = server.post(WS + "/findings", body, "application/json");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json(again).get("created").asBoolean()).isFalse();
    assertProblem(
        server.post(
            WS + "/findings", finding("sync-a", 1, "lighting", "Annat"), "application/json"),
        409,
        "conflict");
    assertThat(server.get(WS + "/layers/unsafe-places/walk-sync-a").statusCode()).isEqualTo(200);
  }

  @Test
  void unknown_fields_and_bad_values_are_400_with_a_pointer() throws IOException {
    HttpResponse<String> r =
        server.post(
            WS + "/findings",
            "{\"location\":[12,57],\"category\":\"lighting\",\"severity\":7}",
            "application/json");
    assertProblem(r, 400, "invalid-input");
    assertThat(r.body()).contains("/severity");
    assertProblem(
        server.post(
            WS + "/findings",
            "{\"location\":[12,57],\"category\":\"lighting\",\"severity\":1,\"x\":1}",
            "application/json"),
        400,
        "invalid-input");
  }

  @Test
  void a_photo_is_stored_once_served_as_jpeg_and_non_images_are_415() throws IOException {
    server.post(WS + "/findings", finding("photo-a", 2, "vegetation", "Häck"), "application/json");
    String path = WS + "/findings/photo-a/photos/p-1";
    assertThat(putBytes(path, png(), "image/png").statusCode()).isEqualTo(201);
    assertThat(putBytes(path, png(), "image/png").statusCode()).isEqualTo(200);
    HttpResponse<byte[]> back = server.getBytes(path);
    assertThat(back.headers().firstValue("Content-Type")).contains("image/jpeg");
    assertThat(ImageIO.read(new java.io.ByteArrayInputStream(back.body())).getWidth())
        .isEqualTo(40);
    assertProblem(
        putBytes(WS + "/findings/photo-a/photos/p-2", "hej".getBytes(), "image/jpeg"),
        415,
        "unsupported-format");
  }

  @Test
  void findings_export_as_csv_with_formula_cells_neutralised_and_as_geopackage()
      throws IOException {
    server.post(
        WS + "/findings",
        finding("csv-a", 1, "maintenance", "=HYPERLINK(\"http://x\",\"klicka\")"),
        "application/json");
    String csv = server.get(WS + "/findings/export?format=csv").body();
    assertThat(csv).startsWith("id,lon,lat,walk_id");
    assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"klicka\"\")\"");
    assertThat(csv).contains("\"'@Anna\"").doesNotContain(",=").doesNotContain(",@");
    HttpResponse<byte[]> gpkg = server.getBytes(WS + "/findings/export?format=gpkg");
    assertThat(gpkg.statusCode()).isEqualTo(200);
    Path file = dir.resolve("fynd.gpkg");
    Files.write(file, gpkg.body());
    long rows = csv.lines().count() - 1;
    try (GeoPackage gp = GeoPackageManager.open(file.toFile())) {
      assertThat(gp.getFeatureDao("unsafe_places").count()).isEqualTo((int) rows);
    }
  }

  @Test
  void an_action_marks_its_lamp_on_the_work_list_until_done_and_keeps_its_history()
      throws IOException {
    JsonNode repair = null;
    for (JsonNode p : json(server.get(WS + "/lighting/priorities?n=50")).get("priorities")) {
      if (p.get("kind").asText().equals("repair")) {
        repair = p;
        break;
      }
    }
    assertThat(repair).isNotNull();
    String lamp = repair.get("lampId").asText();
    server.post(
        WS + "/findings", finding("act-a", 1, "lighting", "Trasig lampa"), "application/json");
    HttpResponse<String> created =
        server.post(
            WS + "/actions",
            "{\"findingId\":\"act-a\",\"title\":\"Byt armatur\",\"owner\":\"Gatuenheten\","
                + "\"dueOn\":\"2025-11-01\",\"costEstimateSek\":8500,"
                + "\"link\":{\"kind\":\"lamp\",\"id\":\""
                + lamp
                + "\"}}",
            "application/json");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = json(created).get("id").asText();
    assertThat(openActionOf("repair-" + lamp)).isEqualTo(id);
    assertProblem(
        server.post(
            WS + "/actions/" + id + "/status", "{\"status\":\"rejected\"}", "application/json"),
        400,
        "invalid-input");
    assertThat(
            server
                .post(
                    WS + "/actions/" + id + "/status",
                    "{\"status\":\"beslutad\"}",
                    "application/json")
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> done =
        server.post(WS + "/actions/" + id + "/status", "{\"status\":\"done\"}", "application/json");
    assertThat(json(done).get("action").get("history").size()).isEqualTo(3);
    assertProblem(
        server.post(
            WS + "/actions/" + id + "/status", "{\"status\":\"decided\"}", "application/json"),
        409,
        "conflict");
    assertThat(openActionOf("repair-" + lamp)).isNull();
    String csv = server.get(WS + "/actions?format=csv").body();
    assertThat(csv).contains("Byt armatur,Gatuenheten,done,klar");
  }

  private String openActionOf(String item) throws IOException {
    for (JsonNode p : json(server.get(WS + "/lighting/priorities?n=1000")).get("priorities")) {
      if (p.get("id").asText().equals(item)) {
        return p.has("openActionId") ? p.get("openActionId").asText() : null;
      }
    }
    throw new AssertionError("no work-list item " + item);
  }

  @Test
  void tips_answer_202_without_echoing_and_are_limited_and_bounded() throws IOException {
    var p = ExempelbyGenerator.PARKEN_CENTRE;
    String tip =
        "{\"location\":["
            + p.lon()
            + ","
            + p.lat()
            + "],\"category\":\"lighting\",\"text\":\"Mörkt\"}";
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> r = server.post(WS + "/tips", tip, "application/json");
      assertThat(r.statusCode()).isEqualTo(202);
      assertThat(r.body()).doesNotContain("Mörkt");
    }
    assertProblem(server.post(WS + "/tips", tip, "application/json"), 429, "rate-limited");
    String huge = tip.replace("Mörkt", "x".repeat(9000));
    assertProblem(server.post(WS + "/tips", huge, "application/json"), 413, "too-large");
  }

  @Test
  void the_follow_up_report_has_a_section_for_a_held_walk() throws IOException {
    server.post(
        WS + "/findings", finding("rep-a", 1, "signage", "Skylt saknas"), "application/json");
    server.post(
        WS + "/walks/" + walkId + "/held",
        "{\"heldOn\":\"" + LocalDate.now().minusDays(3) + "\"}",
        "application/json");
    String html = server.get(WS + "/commitments/report?format=html").body();
    assertThat(html).contains("Trygghetsvandringar: fynd och åtgärder").contains("Höstvandring");
    assertThat(html).doesNotContain("Skylt saknas");
  }

  private HttpResponse<String> putBytes(String path, byte[] body, String type) {
    return server.send(
        server
            .builder(path)
            .header("Content-Type", type)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private static byte[] png() throws IOException {
    var img = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }
}
