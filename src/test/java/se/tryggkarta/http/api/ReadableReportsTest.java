package se.tryggkarta.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.n52.jackson.datatype.jts.JtsModule;
import se.tryggkarta.demo.ExempelbyGenerator;
import se.tryggkarta.http.TestServer;

/**
 * The walk protocol and the follow-up report read as a coordinator reads them, on the synthetic
 * demo town: the visible text of the HTML (tags, attributes and styles removed) holds no record,
 * site, stop or commitment id, no Swedish number written with a decimal point, and the same
 * "Hotspot N" the sites API gives (checked against the API's own answer for the same parameters).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadableReportsTest {
  static final String WS = ExempelbyGenerator.WORKSPACE_ID;
  static final String WALK_BODY = "{\"start\": [12.2936, 57.9953], \"maxLengthM\": 3000}";

  /** A number with a decimal point: "2.8", "57.99530". Swedish writes "2,8". */
  static final Pattern DECIMAL_POINT = Pattern.compile("\\d\\.\\d");

  /** The id shapes the service makes: priority points, patrol sites, OSM ways, lamps. */
  static final Pattern SERVICE_ID =
      Pattern.compile("\\b(unsafe|hotspot|incidents|dark|site|osm|repair|lamp)-[\\w-]*\\d");

  static final Pattern HOTSPOT = Pattern.compile("Hotspot (\\d+)");

  @TempDir static Path dir;
  TestServer server;

  @BeforeAll
  void demo() {
    server = TestServer.open(dir);
    server.wiring().installDemo();
  }

  @AfterAll
  void close() {
    server.close();
  }

  @Test
  void the_walk_protocol_names_places_writes_swedish_numbers_and_numbers_hotspots_as_the_api() {
    JsonNode plan = planJson("sv");
    String html = post("/api/workspaces/" + WS + "/walks/plan?format=html", WALK_BODY);
    String text = visibleText(html);

    assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"sv\">");
    assertThat(text).contains("Trygghetsvandring", "Samlingsplats", "Bakom stoppet", "kl. 18–06");
    assertThat(matches(DECIMAL_POINT, text)).as("numbers with a decimal point").isEmpty();
    assertThat(matches(SERVICE_ID, text)).as("service ids").isEmpty();
    for (String id : stopAndMemberIds(plan)) {
      assertThat(text).as("stop or record id %s", id).doesNotContain(id);
    }
    // the map is drawn over the streets, with a marker per stop and the meeting point on top
    assertThat(html).contains("<svg", "<polyline", "Start");
    assertThat(countOf(html, "<circle cx="))
        .isGreaterThanOrEqualTo(plan.path("features").size() - 2);

    // every stop has an address, and each "Hotspot N" is the API's rank N: the stop lies in the
    // API's site N
    Map<Integer, Geometry> apiSites = sites("");
    List<Integer> protocolRanks = ranks(text);
    List<Integer> planRanks = new ArrayList<>();
    for (JsonNode f : plan.path("features")) {
      JsonNode p = f.path("properties");
      if (!p.path("role").asText().equals("stop")) {
        continue;
      }
      assertThat(p.path("name").asText())
          .isNotBlank()
          .doesNotContainPattern(DECIMAL_POINT.pattern());
      assertThat(text).contains(p.path("name").asText());
      if (p.hasNonNull("rank")) {
        int rank = p.get("rank").asInt();
        planRanks.add(rank);
        JsonNode c = f.path("geometry").path("coordinates");
        Geometry site = apiSites.get(rank);
        assertThat(site).as("API site %d", rank).isNotNull();
        assertThat(site.buffer(1e-4).contains(point(c.get(0).asDouble(), c.get(1).asDouble())))
            .as("stop of Hotspot %d inside the API's site %d", rank, rank)
            .isTrue();
      }
    }
    assertThat(planRanks).isNotEmpty();
    assertThat(new TreeSet<>(protocolRanks)).isEqualTo(new TreeSet<>(planRanks));
  }

  @Test
  void the_walk_protocol_in_english_is_english() {
    String text =
        visibleText(post("/api/workspaces/" + WS + "/walks/plan?format=html&lang=en", WALK_BODY));
    assertThat(text).contains("Safety walk", "Meeting point", "Behind it", "18:00–06:00");
    assertThat(text).doesNotContain("Samlingsplats", "händelser", "Stopp ");
    assertThat(matches(SERVICE_ID, text)).isEmpty();
  }

  @Test
  void the_follow_up_report_uses_titles_swedish_numbers_and_the_apis_hotspot_numbers() {
    String html =
        get("/api/workspaces/" + WS + "/commitments/report?from=2025-01-01&to=2026-01-01");
    String text = visibleText(html);
    assertThat(text).contains("Uppföljning av medborgarlöften", "1 jan 2025", "31 dec 2025");
    assertThat(matches(DECIMAL_POINT, text)).as("numbers with a decimal point").isEmpty();
    assertThat(matches(SERVICE_ID, text)).as("service ids").isEmpty();
    JsonNode inReport =
        json(
            get(
                "/api/workspaces/"
                    + WS
                    + "/commitments/report?format=json&from=2025-01-01&to=2026-01-01"));
    for (JsonNode e : inReport.path("commitments")) {
      assertThat(text).as("commitment title").contains(e.path("commitment").path("title").asText());
    }
    JsonNode commitments = json(get("/api/workspaces/" + WS + "/commitments"));
    for (JsonNode c : commitments.path("commitments")) {
      String id = c.path("id").asText();
      if (id.contains("-")) {
        assertThat(text).as("commitment id %s", id).doesNotContain(id);
      } else {
        assertThat(text).as("commitment id %s", id).doesNotContain("(" + id + ")");
      }
    }
    // "Hotspot N · address" is the API's rank N for the same period, with the API's address
    Map<Integer, String> apiAddress = new LinkedHashMap<>();
    JsonNode apiSites =
        json(get("/api/workspaces/" + WS + "/hotspots/sites?from=2025-01-01&to=2026-01-01"));
    for (JsonNode f : apiSites.path("features")) {
      apiAddress.put(
          f.path("properties").path("rank").asInt(), f.path("properties").path("address").asText());
    }
    Matcher m = Pattern.compile("Hotspot (\\d+) · ([^\\n]+?) (\\d[\\d\\u00a0 ]*) ").matcher(text);
    int seen = 0;
    while (m.find()) {
      int rank = Integer.parseInt(m.group(1));
      assertThat(apiAddress).containsKey(rank);
      assertThat(m.group(2)).isEqualTo(apiAddress.get(rank));
      seen++;
    }
    assertThat(seen).isPositive();
  }

  @Test
  void the_follow_up_report_defaults_to_each_promises_period_and_says_how_many_notes_it_shows() {
    JsonNode commitments = json(get("/api/workspaces/" + WS + "/commitments"));
    String id = commitments.path("commitments").get(0).path("id").asText();
    String title = commitments.path("commitments").get(0).path("title").asText();
    String start = commitments.path("commitments").get(0).path("periodStart").asText();
    for (int i = 1; i <= 12; i++) {
      var r =
          server.post(
              "/api/workspaces/" + WS + "/commitments/" + id + "/activities",
              "{\"occurredAt\": \""
                  + start
                  + "T1"
                  + (i % 10)
                  + ":00:00\", \"note\": \"Offentlig anteckning "
                  + i
                  + "\", \"notePublic\": true}",
              "application/json");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }
    String text = visibleText(get("/api/workspaces/" + WS + "/commitments/report"));
    assertThat(text).contains("Varje löfte följs upp över sin egen period");
    assertThat(text).contains(title + ": anteckningar");
    assertThat(text).containsPattern("Visar 10 av \\d+, de senaste");
    assertThat(matches(DECIMAL_POINT, text)).isEmpty();
    JsonNode report = json(get("/api/workspaces/" + WS + "/commitments/report?format=json"));
    assertThat(report.path("ownPeriods").asBoolean()).isTrue();
    JsonNode first = report.path("commitments").get(0);
    assertThat(first.path("notesTotal").asInt()).isGreaterThanOrEqualTo(12);
    assertThat(first.path("notes").size()).isEqualTo(10);
  }

  // ---- helpers ----

  private JsonNode planJson(String lang) {
    return json(post("/api/workspaces/" + WS + "/walks/plan?lang=" + lang, WALK_BODY));
  }

  /** The API's member sites (rank → circle, WGS84) for extra query parameters. */
  private Map<Integer, Geometry> sites(String query) {
    JsonNode fc = json(get("/api/workspaces/" + WS + "/hotspots/sites" + query));
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper().registerModule(new JtsModule());
    Map<Integer, Geometry> out = new LinkedHashMap<>();
    for (JsonNode f : fc.path("features")) {
      try {
        out.put(
            f.path("properties").path("rank").asInt(),
            mapper.treeToValue(f.path("geometry"), Geometry.class));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }

  private static List<String> stopAndMemberIds(JsonNode plan) {
    List<String> ids = new ArrayList<>();
    for (JsonNode f : plan.path("features")) {
      JsonNode p = f.path("properties");
      if (p.path("role").asText().equals("stop")) {
        ids.add(p.path("id").asText());
        p.path("members").forEach(m -> ids.add(m.asText()));
      }
    }
    return ids;
  }

  private static List<Integer> ranks(String text) {
    List<Integer> out = new ArrayList<>();
    Matcher m = HOTSPOT.matcher(text);
    while (m.find()) {
      out.add(Integer.parseInt(m.group(1)));
    }
    return out;
  }

  private static List<String> matches(Pattern p, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      int from = Math.max(0, m.start() - 30);
      int to = Math.min(text.length(), m.end() + 30);
      out.add(text.substring(from, to));
    }
    return out;
  }

  private static int countOf(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  /** What a reader sees: the text between tags, entities decoded, styles left out. */
  static String visibleText(String html) {
    String t = html.replaceAll("(?s)<style>.*?</style>", " ");
    t = t.replaceAll("(?s)<[^>]*>", " ");
    t =
        t.replace("&nbsp;", "\u00a0")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&");
    return t.replaceAll("[ \\t\\r\\n]+", " ");
  }

  private static org.locationtech.jts.geom.Point point(double lon, double lat) {
    return new GeometryFactory().createPoint(new Coordinate(lon, lat));
  }

  private String get(String path) {
    HttpResponse<String> r = server.get(path);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  private String post(String path, String body) {
    HttpResponse<String> r =
        server.send(
            server
                .builder(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  private static JsonNode json(String body) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
