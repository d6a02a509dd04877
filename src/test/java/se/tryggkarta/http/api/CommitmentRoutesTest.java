package se.tryggkarta.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import se.tryggkarta.access.Role;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.XY;
import se.tryggkarta.http.TestServer;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.layer.Place;
import se.tryggkarta.store.Store;
import se.tryggkarta.workspace.Workspace;

/** Commitments over HTTP on the real app: contract, validation problems, privacy of outputs. */
class CommitmentRoutesTest {
  static final Crs CRS = Crs.sweref99tm();
  static final String BASE = "/api/workspaces/kv/commitments";
  static final String SECRET_NOTE = "INTERN-ANTECKNING-77";

  @TempDir Path dir;
  TestServer server;

  @BeforeEach
  void start() {
    server = TestServer.start(dir, w -> w.http());
    Store store = server.wiring().store();
    store.createWorkspace(Workspace.of("kv", "Kungälv").withPublicAccess(true));
    se.tryggkarta.release.FixedSecret.install(store, "kv", 17);
    GeometryFactory gf = new GeometryFactory();
    var square =
        gf.createPolygon(
            new Coordinate[] {
              new Coordinate(320_000, 6_418_000), new Coordinate(320_100, 6_418_000),
              new Coordinate(320_100, 6_418_100), new Coordinate(320_000, 6_418_100),
              new Coordinate(320_000, 6_418_000)
            });
    try (LayerWriter w = store.openWriter("kv", Layer.PLACES)) {
      w.write(new Place("p-rc", "Resecentrum", CRS.toWgs84(square), Map.of()));
      w.commit();
    }
    try (LayerWriter w = store.openWriter("kv", Layer.INCIDENTS)) {
      for (int i = 0; i < 12; i++) {
        w.write(
            new Incident(
                "i" + i,
                at(320_050 + i, 6_418_050),
                Instant.parse("2024-03-0" + (1 + i % 9) + "T20:00:00Z"),
                "drugs",
                1,
                Map.of()));
      }
      w.write(
          new Incident(
              "lonely",
              at(325_050, 6_419_050),
              Instant.parse("2024-03-01T20:00:00Z"),
              "drugs",
              1,
              Map.of()));
      w.commit();
    }
    String analyst = server.wiring().keys().create(Role.ANALYST, Set.of("kv"), "t").token();
    server.as(Optional.of(analyst));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static LonLat at(double x, double y) {
    return CRS.toLonLat(new XY(x, y));
  }

  static final String COMMITMENT =
      """
      {"id":"narvaro-resecentrum","title":"Närvaro vid resecentrum","text":"Minst 500 gånger.",
       "responsible":"police","kind":"presence","periodStart":"2024-01-01","periodEnd":"2024-12-31",
       "target":500,"places":[{"name":"Resecentrum","bufferMeters":50}],"categories":["drugs"]}
      """;

  private HttpResponse<String> postJson(String path, String body) {
    return server.post(path, body, "application/json");
  }

  @Test
  void POST_commitment_resolves_the_named_place_and_GET_returns_it() {
    HttpResponse<String> r = postJson(BASE, COMMITMENT);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    var body = TestServer.json(server.get(BASE + "/narvaro-resecentrum"));
    assertThat(body.get("target").asLong()).isEqualTo(500);
    assertThat(body.get("places").get(0).get("placeId").asText()).isEqualTo("p-rc");
    assertThat(body.get("places").get(0).get("geometry").get("type").asText()).isEqualTo("Polygon");
    assertThat(TestServer.json(server.get(BASE)).get("commitments")).hasSize(1);
  }

  @Test
  void PUT_replaces_a_commitment_taking_the_id_from_the_path() {
    postJson(BASE, COMMITMENT);
    String changed =
        COMMITMENT
            .replace("\"id\":\"narvaro-resecentrum\",", "")
            .replace("\"target\":500", "\"target\":600");
    HttpResponse<String> r = server.put(BASE + "/narvaro-resecentrum", changed);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(TestServer.json(server.get(BASE + "/narvaro-resecentrum")).get("target").asLong())
        .isEqualTo(600);
    assertProblem(
        server.put(
            BASE + "/narvaro-resecentrum", changed.replace("\"target\":600", "\"target\":-5")),
        400,
        "target");
  }

  @Test
  void POST_negative_target_answers_400_naming_target() {
    assertProblem(
        postJson(BASE, COMMITMENT.replace("\"target\":500", "\"target\":-1")), 400, "target");
  }

  @Test
  void POST_period_ending_before_it_starts_answers_400_naming_periodEnd() {
    assertProblem(postJson(BASE, COMMITMENT.replace("2024-12-31", "2023-12-31")), 400, "periodEnd");
  }

  @Test
  void milestones_round_trip_and_one_outside_the_period_answers_400_pointing_at_it() {
    String with =
        COMMITMENT.replace(
            "\"target\":500",
            "\"target\":500,\"milestones\":[{\"date\":\"2024-06-30\",\"count\":200}]");
    assertThat(postJson(BASE, with).statusCode()).isEqualTo(201);
    var m = TestServer.json(server.get(BASE + "/narvaro-resecentrum")).get("milestones").get(0);
    assertThat(m.get("date").asText()).isEqualTo("2024-06-30");
    assertThat(m.get("count").asLong()).isEqualTo(200);
    // 30 June is day 182 of 366: expected = 200 exactly
    var p = TestServer.json(server.get(BASE + "/narvaro-resecentrum/progress?asOf=2024-06-30"));
    assertThat(p.get("expectedByNow").asDouble()).isEqualTo(200.0);
    assertProblem(
        postJson(
            BASE, with.replace("narvaro-resecentrum", "x2").replace("2024-06-30", "2025-06-30")),
        400,
        "milestones/0/date");
  }

  @Test
  void POST_place_that_does_not_exist_answers_400_pointing_at_it() {
    HttpResponse<String> r = postJson(BASE, COMMITMENT.replace("\"Resecentrum\"", "\"Komarken\""));
    assertProblem(r, 400, "places/0/name");
    assertThat(TestServer.json(r).get("errors").get(0).get("pointer").asText())
        .isEqualTo("/places/0/name");
    assertThat(TestServer.json(server.get(BASE)).get("commitments")).isEmpty();
  }

  @Test
  void POST_activity_outside_the_period_answers_400_naming_occurredAt() {
    postJson(BASE, COMMITMENT);
    assertProblem(
        postJson(BASE + "/narvaro-resecentrum/activities", "{\"occurredAt\":\"2025-01-01T00:30\"}"),
        400,
        "occurredAt");
  }

  @Test
  void POST_activity_outside_the_places_answers_400_unless_flagged() {
    postJson(BASE, COMMITMENT);
    LonLat far = at(320_500, 6_418_050);
    String body =
        "{\"occurredAt\":\"2024-05-01T21:00\",\"location\":{\"type\":\"Point\",\"coordinates\":["
            + far.lon()
            + ","
            + far.lat()
            + "]}";
    assertProblem(postJson(BASE + "/narvaro-resecentrum/activities", body + "}"), 400, "location");
    HttpResponse<String> ok =
        postJson(BASE + "/narvaro-resecentrum/activities", body + ",\"outsidePlaces\":true}");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
  }

  @Test
  void GET_progress_reports_done_target_and_status() {
    postJson(BASE, COMMITMENT);
    LonLat in = at(320_050, 6_418_050);
    String csv =
        "occurred_at,count,lon,lat,note\n"
            + "2024-01-10T20:00,100,"
            + in.lon()
            + ","
            + in.lat()
            + ","
            + SECRET_NOTE
            + "\n"
            + "2024-02-10,20,,,\n";
    HttpResponse<String> imported =
        server.post(BASE + "/narvaro-resecentrum/activities", csv, "text/csv");
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    var p = TestServer.json(server.get(BASE + "/narvaro-resecentrum/progress?asOf=2024-02-29"));
    // day 60 of 366: expected 500 · 60 / 366 = 81.97; done 120 → on track
    assertThat(p.get("done").asLong()).isEqualTo(120);
    assertThat(p.get("target").asLong()).isEqualTo(500);
    assertThat(p.get("expectedByNow").asDouble()).isBetween(81.96, 81.97);
    assertThat(p.get("status").asText()).isEqualTo("on-track");
    assertThat(p.get("perPlace").get(0).get("done").asLong()).isEqualTo(100);
  }

  @Test
  void CSV_log_with_a_bad_row_answers_400_with_the_line_and_stores_nothing() {
    postJson(BASE, COMMITMENT);
    String csv = "occurred_at,count\n2024-01-10,1\n2024-01-11,-3\n";
    HttpResponse<String> r = server.post(BASE + "/narvaro-resecentrum/activities", csv, "text/csv");
    assertThat(r.statusCode()).isEqualTo(400);
    var err = TestServer.json(r).get("errors").get(0);
    assertThat(err.get("record").asLong()).isEqualTo(3);
    assertThat(err.get("pointer").asText()).isEqualTo("/records/3/count");
    assertThat(
            TestServer.json(server.get(BASE + "/narvaro-resecentrum/activities")).get("activities"))
        .isEmpty();
  }

  @Test
  void public_callers_get_progress_and_report_but_never_activity_notes_or_lone_incidents() {
    postJson(BASE, COMMITMENT);
    postJson(
        BASE + "/narvaro-resecentrum/activities",
        "{\"occurredAt\":\"2024-03-01\",\"count\":3,\"note\":\"" + SECRET_NOTE + "\"}");
    server.as(Optional.empty());
    assertThat(server.get(BASE + "/narvaro-resecentrum/progress").statusCode()).isEqualTo(200);
    assertThat(server.get(BASE + "/narvaro-resecentrum/activities").statusCode()).isEqualTo(401);
    assertThat(server.get(BASE + "/report?format=html&from=2024-01-01").statusCode())
        .as("a public report is not for a caller-chosen time window")
        .isEqualTo(400);
    HttpResponse<String> report = server.get(BASE + "/report?format=html&release=2024-03");
    assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
    assertThat(report.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(report.body())
        .contains("Uppföljning", "<svg", "Närvaro vid resecentrum")
        .doesNotContain(SECRET_NOTE);
    var coverage = TestServer.json(server.get(BASE + "/coverage?release=2024-03"));
    // the cell of 12 incidents is the first site (protected: 12 plus noise) and covered; the cell
    // of one incident is suppressed (a site elsewhere would be noise, which may show at most 5 %
    // of the time on a map)
    var features = coverage.get("sites").get("features");
    assertThat(features).isNotEmpty();
    assertThat(features.get(0).get("id").asText()).isEqualTo("cell-320000-6418000");
    assertThat(features.get(0).get("properties").get("eventCount").asLong()).isBetween(8L, 16L);
    assertThat(features.get(0).get("properties").get("covered").asBoolean()).isTrue();
    assertThat(features.findValuesAsText("id")).doesNotContain("cell-325000-6419000");
    assertThat(server.get(BASE + "/changes?asOf=2024-12-31").statusCode()).isEqualTo(400);
    var changes = TestServer.json(server.get(BASE + "/changes"));
    // before 2024 there were no incidents: a zero count is below k, so the figures are withheld
    assertThat(changes.get("changes").get(0).get("suppressed").asBoolean()).isTrue();
    assertThat(changes.get("changes").get(0).has("placeDuring")).isFalse();
    assertThat(changes.get("changes").get(0).get("months")).isEmpty();
  }

  @Test
  void members_see_all_sites_and_change_figures_and_the_json_report() {
    postJson(BASE, COMMITMENT);
    var coverage = TestServer.json(server.get(BASE + "/coverage?from=2024-01-01&to=2025-01-01"));
    assertThat(coverage.get("sites").get("features")).hasSize(2);
    assertThat(coverage.get("uncovered")).hasSize(1);
    var change =
        TestServer.json(server.get(BASE + "/changes?asOf=2024-12-31")).get("changes").get(0);
    assertThat(change.get("placeBefore").asLong()).isZero();
    assertThat(change.get("placeDuring").asLong()).isEqualTo(12);
    // before: the 366 days from 31 Dec 2022 (2024 is a leap year), so December 2022 – December 2024
    assertThat(change.get("months")).hasSize(25);
    var report =
        TestServer.json(server.get(BASE + "/report?format=json&from=2024-01-01&to=2025-01-01"));
    assertThat(report.get("commitments").get(0).get("progress").get("target").asLong())
        .isEqualTo(500);
    assertThat(report.get("caveat").asText()).contains("inte ett bevis");
  }

  @Test
  void viewers_see_activities_without_private_notes() {
    postJson(BASE, COMMITMENT);
    postJson(
        BASE + "/narvaro-resecentrum/activities",
        "{\"occurredAt\":\"2024-03-01\",\"note\":\"" + SECRET_NOTE + "\"}");
    postJson(
        BASE + "/narvaro-resecentrum/activities",
        "{\"occurredAt\":\"2024-03-02\",\"note\":\"Öppen anteckning\",\"notePublic\":true}");
    String viewer = server.wiring().keys().create(Role.VIEWER, Set.of("kv"), "v").token();
    String body =
        server.as(Optional.of(viewer)).get(BASE + "/narvaro-resecentrum/activities").body();
    assertThat(body).contains("Öppen anteckning").doesNotContain(SECRET_NOTE);
    assertThat(server.as(Optional.of(viewer)).delete(BASE + "/narvaro-resecentrum").statusCode())
        .isEqualTo(403);
  }

  @Test
  void GET_unknown_commitment_answers_404_problem() {
    HttpResponse<String> r = server.get(BASE + "/nothing/progress");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
  }

  static void assertProblem(HttpResponse<String> r, int status, String field) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(TestServer.json(r).get("type").asText())
        .isEqualTo("urn:tryggkarta:problem:invalid-input");
    assertThat(TestServer.json(r).get("field").asText()).isEqualTo(field);
  }
}
