package se.tryggkarta.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.access.Role;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.document.DocumentStore;
import se.tryggkarta.finding.ChecklistCategory;
import se.tryggkarta.finding.Finding;
import se.tryggkarta.finding.action.Action;
import se.tryggkarta.finding.action.ActionStatus;
import se.tryggkarta.finding.action.StatusChange;
import se.tryggkarta.http.auth.Access;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.layer.UnsafePlace;
import se.tryggkarta.store.Store;
import se.tryggkarta.workspace.Workspace;

/**
 * Every registered route × every kind of caller: the status follows the one access policy, and no
 * raw coordinates or comments reach callers who may not see them. New routes join automatically.
 * The secret comment is also a walk finding's note and a citizen's tip text, so the findings,
 * photo, action and tip routes are checked for it too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlTest {
  /** A coordinate and a comment that must never reach the public or another workspace's keys. */
  static final String SECRET_LON = "12.3456789";

  static final String SECRET_COMMENT = "HEMLIG-KOMMENTAR-1234";

  @TempDir static Path dir;
  TestServer server;
  Map<String, Optional<String>> callers;

  enum Expect {
    ALLOWED,
    UNAUTHENTICATED,
    FORBIDDEN,
    HIDDEN
  }

  @BeforeAll
  void start() {
    server = TestServer.start(dir, w -> w.http());
    Store store = server.wiring().store();
    store.createWorkspace(Workspace.of("beta", "Beta"));
    seedAlpha(false);
    server
        .wiring()
        .tips()
        .submit(
            "alpha",
            se.tryggkarta.finding.JsonFields.parse(
                "{\"location\":[12.3456789,58.0123456],\"category\":\"lighting\","
                    + "\"text\":\""
                    + SECRET_COMMENT
                    + "\"}"),
            "192.0.2.1");
    var keys = server.wiring().keys();
    String revoked = keys.create(Role.ANALYST, Set.of("alpha"), "revoked").token();
    keys.revoke(revoked.split("\\.")[1]);
    callers =
        Map.of(
            "admin", Optional.of(keys.create(Role.ADMIN, Set.of(), "a").token()),
            "analyst-alpha", Optional.of(keys.create(Role.ANALYST, Set.of("alpha"), "b").token()),
            "viewer-alpha", Optional.of(keys.create(Role.VIEWER, Set.of("alpha"), "c").token()),
            "analyst-beta", Optional.of(keys.create(Role.ANALYST, Set.of("beta"), "d").token()),
            "anonymous", Optional.empty(),
            "revoked", Optional.of(revoked));
  }

  private void seedAlpha(boolean publicAccess) {
    Store store = server.wiring().store();
    if (store.findWorkspace("alpha").isEmpty()) {
      store.createWorkspace(Workspace.of("alpha", "Alpha").withPublicAccess(publicAccess));
    } else {
      store.updateWorkspace(store.findWorkspace("alpha").get().withPublicAccess(publicAccess));
    }
    Instant t = Instant.parse("2024-05-01T22:00:00Z");
    try (LayerWriter w = store.openWriter("alpha", Layer.INCIDENTS)) {
      w.write(new Incident("i1", new LonLat(12.3456789, 58.0123456), t, "theft", 1, Map.of()));
      w.commit();
    }
    try (LayerWriter w = store.openWriter("alpha", Layer.UNSAFE_PLACES)) {
      w.write(
          new UnsafePlace(
              "u1",
              new LonLat(12.3456789, 58.0123456),
              t,
              "darkness",
              "walk",
              Optional.of(SECRET_COMMENT),
              Map.of()));
      w.commit();
    }
    seedFindingPhotoAndAction();
  }

  /**
   * A walk finding {@code i1} (the id every other path parameter gets) whose note is the secret, a
   * photo {@code i1} of it and an action {@code i1}: routes that delete them get them back here.
   */
  private void seedFindingPhotoAndAction() {
    var findings = server.wiring().findings();
    findings.record(
        "alpha",
        new Finding(
            "i1",
            new LonLat(12.3456789, 58.0123456),
            Optional.empty(),
            OptionalInt.empty(),
            ChecklistCategory.LIGHTING,
            3,
            Optional.of(SECRET_COMMENT),
            List.of(),
            "Anna",
            Instant.parse("2024-05-01T22:00:00Z"),
            1));
    findings.addPhoto("alpha", "i1", "i1", PHOTO);
    if (server.wiring().actions().findAction("alpha", "i1").isEmpty()) {
      server
          .wiring()
          .actions()
          .create(
              "alpha",
              new Action(
                  "i1",
                  Optional.of("i1"),
                  "Byt lampa",
                  "Gatuenheten",
                  Optional.empty(),
                  OptionalLong.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  List.of(
                      new StatusChange(
                          ActionStatus.PROPOSED,
                          Instant.parse("2024-05-02T08:00:00Z"),
                          "Anna",
                          Optional.empty()))));
    }
  }

  /** A small JPEG for the seeded photo. */
  static final byte[] PHOTO = jpeg();

  private static byte[] jpeg() {
    try {
      var out = new java.io.ByteArrayOutputStream();
      javax.imageio.ImageIO.write(
          new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB),
          "jpeg",
          out);
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @TestFactory
  Stream<DynamicTest> every_route_answers_every_caller_by_the_access_policy() {
    List<DynamicTest> tests = new ArrayList<>();
    for (boolean publicOn : List.of(false, true)) {
      for (RouteSpec route : server.routes()) {
        for (String caller :
            List.of(
                "anonymous", "revoked", "analyst-beta", "viewer-alpha", "analyst-alpha", "admin")) {
          String name =
              (publicOn ? "public " : "private ")
                  + route.method()
                  + " "
                  + route.path()
                  + " as "
                  + caller;
          tests.add(DynamicTest.dynamicTest(name, () -> check(route, caller, publicOn)));
        }
      }
    }
    assertThat(tests).as("dynamic tests").isNotEmpty();
    return tests.stream();
  }

  private void check(RouteSpec route, String caller, boolean publicOn) {
    seedAlpha(publicOn);
    String path = fill(route.path());
    HttpRequest.Builder b = server.as(callers.get(caller)).builder(path);
    HttpRequest.Builder request =
        switch (route.method()) {
          case "GET" -> b.GET();
          case "DELETE" -> b.DELETE();
          default ->
              b.header("Content-Type", "application/json")
                  .method(route.method(), HttpRequest.BodyPublishers.ofString("{}"));
        };
    HttpResponse<String> r = server.send(request);
    Expect expect = expected(route, caller, publicOn);
    int s = r.statusCode();
    switch (expect) {
      case ALLOWED -> {
        int want = allowedStatus(route, caller, publicOn);
        assertThat(s).as(r.body()).isEqualTo(want);
        if (want == 404) {
          // the path's item is missing, not the workspace hidden from the caller
          assertThat(r.body()).doesNotContain("workspace 'alpha'");
        }
      }
      // a revoked key's tokens count as failed logins: past the limit they answer 429, not 401
      case UNAUTHENTICATED ->
          assertThat(s)
              .as(r.body())
              .isIn(caller.equals("revoked") ? List.of(401, 429) : List.of(401));
      case FORBIDDEN -> assertThat(s).as(r.body()).isEqualTo(403);
      case HIDDEN -> assertThat(s).as(r.body()).isEqualTo(404);
    }
    if (s >= 400) {
      assertThat(r.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
    }
    boolean seesRaw = caller.equals("admin") || caller.endsWith("-alpha");
    if (!seesRaw || !path.contains("/alpha")) {
      assertThat(r.body()).doesNotContain(SECRET_LON);
    }
    if (!caller.equals("admin") && !caller.equals("analyst-alpha")) {
      assertThat(r.body()).doesNotContain(SECRET_COMMENT);
    }
  }

  /**
   * What an allowed member gets from each route that does not answer 200 with the test's path fills
   * ({@link #fill}) and {@code {}} as every body. Every other route must answer exactly 200, so a
   * 500, or a 404 for a caller who may see the workspace, fails. A new route that answers otherwise
   * is added here with its reason.
   */
  static final Map<String, Integer> MEMBER_STATUS =
      Map.ofEntries(
          Map.entry("GET /swagger", 302), // to the Swagger UI page
          // deletes of what the seed (re)creates
          Map.entry("DELETE /api/workspaces/{ws}", 204),
          Map.entry("DELETE /api/workspaces/{ws}/actions/{action}", 204),
          Map.entry("DELETE /api/workspaces/{ws}/findings/{finding}/photos/{photo}", 204),
          Map.entry("DELETE /api/workspaces/{ws}/layers/{layer}/{id}", 204),
          // finding i1 has action i1 linked to it
          Map.entry("DELETE /api/workspaces/{ws}/findings/{finding}", 409),
          // no key, commitment, tip or walk has the id i1 (their ids are made by the service)
          Map.entry("DELETE /api/keys/{id}", 404),
          Map.entry("DELETE /api/workspaces/{ws}/commitments/{id}", 404),
          Map.entry("DELETE /api/workspaces/{ws}/commitments/{id}/activities/{activityId}", 404),
          Map.entry("DELETE /api/workspaces/{ws}/tips/{tip}", 404),
          Map.entry("DELETE /api/workspaces/{ws}/walks/{walk}", 404),
          Map.entry("GET /api/workspaces/{ws}/commitments/{id}", 404),
          Map.entry("GET /api/workspaces/{ws}/commitments/{id}/activities", 404),
          Map.entry("GET /api/workspaces/{ws}/commitments/{id}/progress", 404),
          Map.entry("GET /api/workspaces/{ws}/walks/{walk}", 404),
          Map.entry("POST /api/workspaces/{ws}/walks/{walk}/held", 404),
          // {} lacks a required field, or is not a file of the import's format
          Map.entry("POST /api/keys", 400),
          Map.entry("POST /api/workspaces", 400),
          Map.entry("PUT /api/workspaces/{ws}", 400),
          Map.entry("POST /api/workspaces/{ws}/actions", 400),
          Map.entry("PUT /api/workspaces/{ws}/actions/{action}", 400),
          Map.entry("POST /api/workspaces/{ws}/actions/{action}/status", 400),
          Map.entry("POST /api/workspaces/{ws}/commitments", 400),
          Map.entry("PUT /api/workspaces/{ws}/commitments/{id}", 400),
          Map.entry("POST /api/workspaces/{ws}/commitments/{id}/activities", 400),
          Map.entry("POST /api/workspaces/{ws}/findings", 400),
          Map.entry("PUT /api/workspaces/{ws}/findings/{finding}", 400),
          Map.entry("POST /api/workspaces/{ws}/layers/{layer}/import", 400),
          Map.entry("POST /api/workspaces/{ws}/lighting/what-if", 400),
          Map.entry("POST /api/workspaces/{ws}/network/import", 400),
          Map.entry("POST /api/workspaces/{ws}/tips", 400),
          Map.entry("POST /api/workspaces/{ws}/tips/{tip}/moderation", 400),
          Map.entry("POST /api/workspaces/{ws}/walks", 400),
          Map.entry("POST /api/workspaces/{ws}/walks/plan", 400),
          // a safe route needs from and to
          Map.entry("GET /api/workspaces/{ws}/routes/safe", 400),
          // one incident: bandwidth=auto needs two
          Map.entry("GET /api/workspaces/{ws}/hotspots/density", 400),
          Map.entry("GET /api/workspaces/{ws}/tiles/density/legend", 400),
          Map.entry("GET /api/workspaces/{ws}/tiles/density/{z}/{x}/{tile}", 400),
          // one incident leaves no split with events before and in its test window
          Map.entry("GET /api/workspaces/{ws}/hotspots/evaluate", 422),
          // one incident is one time step; a trend needs at least three
          Map.entry("GET /api/workspaces/{ws}/hotspots/emerging", 400),
          // hot streets need a street network, and the test workspace has none
          Map.entry("GET /api/workspaces/{ws}/hotspots/streets", 422),
          // no lamps and no street network
          Map.entry("GET /api/workspaces/{ws}/lighting/coverage", 422),
          Map.entry("GET /api/workspaces/{ws}/lighting/dark-segments", 422),
          Map.entry("GET /api/workspaces/{ws}/lighting/priorities", 422));

  /**
   * Where the public of a public workspace (anonymous, or a key for another workspace) gets another
   * answer than a member from an aggregate route: it reads releases, not the free analyses.
   */
  static final Map<String, Integer> PUBLIC_STATUS =
      Map.ofEntries(
          // a release has its own bandwidth, not auto: one incident is enough (its tile is empty)
          Map.entry("GET /api/workspaces/{ws}/hotspots/density", 200),
          Map.entry("GET /api/workspaces/{ws}/tiles/density/legend", 200),
          Map.entry("GET /api/workspaces/{ws}/tiles/density/{z}/{x}/{tile}", 204),
          // the release shows no events to analyse (one incident is under its threshold)
          Map.entry("GET /api/workspaces/{ws}/hotspots/gistar", 422),
          // the incidents collection is members' only: the public's catalogue does not have it
          Map.entry("GET /ogc/{ws}/collections/{collectionId}", 404),
          Map.entry("GET /ogc/{ws}/collections/{collectionId}/items", 404),
          Map.entry("GET /ogc/{ws}/collections/{collectionId}/items/{featureId}", 404),
          Map.entry("GET /ogc/{ws}/collections/{collectionId}/queryables", 404));

  static int allowedStatus(RouteSpec route, String caller, boolean publicOn) {
    String key = route.method() + " " + route.path();
    boolean member = caller.equals("admin") || caller.endsWith("-alpha");
    if (publicOn && !member && route.access() == Access.AGGREGATE) {
      Integer status = PUBLIC_STATUS.get(key);
      if (status != null) {
        return status;
      }
    }
    return MEMBER_STATUS.getOrDefault(key, 200);
  }

  static Expect expected(RouteSpec route, String caller, boolean publicOn) {
    boolean validKey = !caller.equals("anonymous") && !caller.equals("revoked");
    if (caller.equals("revoked")) {
      return Expect.UNAUTHENTICATED;
    }
    boolean onAlpha = route.path().contains("{ws}");
    switch (route.access()) {
      case OPEN:
        return Expect.ALLOWED;
      case AUTHENTICATED:
        return validKey ? Expect.ALLOWED : Expect.UNAUTHENTICATED;
      case ADMIN:
        return !validKey
            ? Expect.UNAUTHENTICATED
            : caller.equals("admin") ? Expect.ALLOWED : Expect.FORBIDDEN;
      default:
        break;
    }
    if (!onAlpha) {
      return validKey ? Expect.ALLOWED : Expect.UNAUTHENTICATED;
    }
    if (route.access() == Access.AGGREGATE && publicOn) {
      return Expect.ALLOWED;
    }
    if (!validKey) {
      return Expect.UNAUTHENTICATED;
    }
    if (caller.equals("analyst-beta")) {
      return Expect.HIDDEN;
    }
    if (route.access() == Access.WRITE && caller.equals("viewer-alpha")) {
      return Expect.FORBIDDEN;
    }
    return Expect.ALLOWED;
  }

  private static final Pattern PARAM = Pattern.compile("\\{([a-zA-Z]+)}");

  static String fill(String path) {
    Matcher m = PARAM.matcher(path);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value =
          switch (m.group(1)) {
            case "ws" -> "alpha";
            case "layer" -> "incidents";
            case "z" -> "14";
            case "x" -> "8800";
            case "y" -> "4900";
            // the tiled collection is the density; the features ones are the layers
            case "collectionId" -> path.contains("/map/tiles") ? "density" : "incidents";
            case "tile" -> "4900.png";
            case "tileMatrixSetId" -> "WebMercatorQuad";
            default -> "i1";
          };
      m.appendReplacement(out, value);
    }
    m.appendTail(out);
    return out.toString();
  }

  @Test
  void a_new_key_is_shown_once_and_stored_only_as_a_hash() {
    var issued = server.wiring().keys().create(Role.VIEWER, Set.of("alpha"), "hash check");
    String secret = issued.token().split("\\.")[2];
    var stored =
        server.wiring().store().findDocument("api-keys", DocumentStore.GLOBAL, issued.key().id());
    assertThat(stored).isPresent();
    assertThat(stored.get().json()).doesNotContain(secret);
    assertThat(
            server
                .as(Optional.of(issued.token()))
                .get("/api/workspaces/alpha/layers/incidents")
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void viewers_get_reports_without_comments_and_analysts_with_them() {
    seedAlpha(false);
    String viewer =
        server
            .as(callers.get("viewer-alpha"))
            .get("/api/workspaces/alpha/layers/unsafe-places")
            .body();
    String analyst =
        server
            .as(callers.get("analyst-alpha"))
            .get("/api/workspaces/alpha/layers/unsafe-places")
            .body();
    assertThat(viewer).contains("darkness").doesNotContain(SECRET_COMMENT);
    assertThat(analyst).contains(SECRET_COMMENT);
  }

  @Test
  void finding_notes_photos_and_tip_texts_reach_analysts_only() {
    seedAlpha(true);
    for (String path :
        List.of(
            "/api/workspaces/alpha/findings",
            "/api/workspaces/alpha/findings/i1",
            "/api/workspaces/alpha/findings/export?format=csv")) {
      assertThat(server.as(callers.get("viewer-alpha")).get(path).body())
          .as(path)
          .contains("i1")
          .doesNotContain(SECRET_COMMENT);
      assertThat(server.as(callers.get("analyst-alpha")).get(path).body())
          .as(path)
          .contains(SECRET_COMMENT);
    }
    assertThat(server.as(callers.get("analyst-alpha")).get("/api/workspaces/alpha/tips").body())
        .contains(SECRET_COMMENT);
    String photo = "/api/workspaces/alpha/findings/i1/photos/i1";
    assertThat(
            server
                .as(callers.get("analyst-alpha"))
                .getBytes(photo)
                .headers()
                .firstValue("Content-Type"))
        .contains("image/jpeg");
    assertThat(server.as(callers.get("viewer-alpha")).getBytes(photo).statusCode()).isEqualTo(403);
    assertThat(server.as(Optional.empty()).getBytes(photo).statusCode()).isEqualTo(401);
  }

  @Test
  void public_workspace_list_shows_public_workspaces_to_anonymous_callers_only() {
    seedAlpha(true);
    String body = server.as(Optional.empty()).get("/api/workspaces").body();
    assertThat(body).contains("\"alpha\"").doesNotContain("\"beta\"");
  }
}
