package se.tryggkarta.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import se.tryggkarta.access.Role;
import se.tryggkarta.http.auth.Access;
import se.tryggkarta.ingest.ImportFormat;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.workspace.Workspace;

/**
 * A property-based fuzzer over every route of {@code /openapi.json} on the real app (real access
 * policy, a small seeded workspace): each try picks a route, a caller, path parameters, a query
 * drawn from and around the declared parameters, and a body mutated from a valid one (fields
 * dropped or retyped, random values, truncation, trailing bytes, lone surrogates, random bytes).
 * For every answer: never 5xx; every 4xx is problem+json; a refused request leaves the store as it
 * was (its data version, and for writes a digest of every layer's export and of the commitments);
 * and the service still answers its health check. Seeded and bounded (see {@link #TRIES}), so a
 * failure reproduces.
 */
class ApiFuzzTest {
  static final int TRIES = 300;
  static final String SEED = "18018";
  static final ObjectMapper JSON = new ObjectMapper();

  private static Path dir;
  private static TestServer server;
  private static JsonNode openApi;
  private static List<RouteSpec> routes;
  private static Map<String, Optional<String>> callers;

  @BeforeContainer
  static void start() throws IOException {
    dir = Files.createTempDirectory("tryggkarta-fuzz-");
    server = TestServer.start(dir, w -> w.http());
    SmallTown.seed(server);
    server.wiring().store().createWorkspace(Workspace.of("scratch", "Scratch"));
    var keys = server.wiring().keys();
    callers =
        Map.of(
            "analyst", Optional.of(keys.create(Role.ANALYST, Set.of(SmallTown.WS), "f").token()),
            "viewer", Optional.of(keys.create(Role.VIEWER, Set.of(SmallTown.WS), "f").token()),
            "admin", Optional.of(keys.create(Role.ADMIN, Set.of(), "f").token()),
            "anonymous", Optional.empty(),
            "bogus", Optional.of("tk.0123456789ab.not-the-secret"));
    openApi = TestServer.json(server.get("/openapi.json"));
    routes = server.routes();
  }

  @AfterContainer
  static void stop() throws IOException {
    server.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** One fuzzed request, as indices and a seed so that jqwik can report and replay it. */
  record Try(int route, String caller, long seed) {}

  @Provide
  Arbitrary<Try> tries() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 10_000),
            Arbitraries.of(
                "analyst",
                "analyst",
                "analyst",
                "analyst",
                "viewer",
                "admin",
                "anonymous",
                "bogus"),
            Arbitraries.longs())
        .as(Try::new);
  }

  @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.OFF)
  void no_request_gets_a_5xx_and_a_refused_one_changes_nothing(@ForAll("tries") Try t)
      throws Exception {
    RouteSpec route = routes.get(t.route() % routes.size());
    // admin routes act on a scratch workspace, so that the fuzzer cannot delete the one it tests
    String caller =
        route.access() == Access.ADMIN && t.caller().equals("analyst") ? "admin" : t.caller();
    Random rnd = new Random(t.seed());
    String path = fill(route, rnd) + query(route, rnd);
    byte[] body =
        route.method().equals("GET") || route.method().equals("DELETE") ? null : body(route, rnd);
    String contentType = contentType(route, rnd);

    State before = State.of(!route.method().equals("GET"));
    HttpRequest.Builder b = server.as(callers.get(caller)).builder(path);
    if (body != null) {
      b.header("Content-Type", contentType)
          .method(route.method(), HttpRequest.BodyPublishers.ofByteArray(body));
    } else {
      b.method(route.method(), HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> r = server.send(b);

    String what = route.method() + " " + path + " as " + caller + " -> " + r.statusCode();
    Statistics.collect(r.statusCode() / 100 + "xx");
    assertThat(r.statusCode()).as(what + ": " + r.body()).isLessThan(500);
    if (r.statusCode() >= 400) {
      assertThat(r.headers().firstValue("Content-Type").orElse(""))
          .as(what)
          .startsWith(ProblemMapper.PROBLEM_JSON);
      assertThat(TestServer.json(r).get("type").asText())
          .as(what)
          .startsWith("urn:tryggkarta:problem:");
      assertThat(State.of(!route.method().equals("GET")))
          .as(what + ": " + r.body())
          .isEqualTo(before);
    }
    assertThat(server.as(Optional.empty()).get("/health").statusCode()).as(what).isEqualTo(200);
  }

  /** What a refused request must leave as it was. */
  record State(long dataVersion, long scratchVersion, String digest) {
    static State of(boolean withDigest) {
      var store = server.wiring().store();
      return new State(
          store.dataVersion(SmallTown.WS),
          store.findWorkspace("scratch").map(w -> store.dataVersion("scratch")).orElse(-1L),
          withDigest ? storeDigest() : "");
    }

    private static String storeDigest() {
      try {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (Layer l : Layer.values()) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          server.wiring().exports().export(SmallTown.WS, l, ImportFormat.GEOJSON, true, out);
          sha.update(out.toByteArray());
        }
        server
            .wiring()
            .commitments()
            .listCommitments(SmallTown.WS)
            .forEach(c -> sha.update(c.toString().getBytes(StandardCharsets.UTF_8)));
        for (var c : server.wiring().commitments().listCommitments(SmallTown.WS)) {
          server
              .wiring()
              .commitments()
              .listActivities(SmallTown.WS, c.id())
              .forEach(a -> sha.update(a.toString().getBytes(StandardCharsets.UTF_8)));
        }
        server
            .wiring()
            .workspaces()
            .listWorkspaces()
            .forEach(w -> sha.update(w.toString().getBytes(StandardCharsets.UTF_8)));
        server
            .wiring()
            .keys()
            .listKeys()
            .forEach(k -> sha.update(k.toString().getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(sha.digest());
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  // ---- paths ----

  private static String fill(RouteSpec route, Random rnd) {
    String ws = route.access() == Access.ADMIN ? "scratch" : SmallTown.WS;
    return route
        .path()
        .replace("{ws}", pick(rnd, 0.85, ws))
        .replace(
            "{layer}", pick(rnd, 0.85, Layer.values()[rnd.nextInt(Layer.values().length)].slug()))
        .replace("{z}", pick(rnd, 0.7, String.valueOf(12 + rnd.nextInt(6))))
        .replace("{x}", pick(rnd, 0.7, "8737"))
        .replace("{tile}", pick(rnd, 0.7, "4945." + (rnd.nextBoolean() ? "png" : "tif")))
        .replace(
            "{id}",
            pick(
                rnd,
                0.7,
                route.path().contains("/layers/")
                    ? "inc-" + rnd.nextInt(300)
                    : route.path().contains("/keys/") ? "0123456789ab" : SmallTown.COMMITMENT_ID))
        .replace("{activityId}", pick(rnd, 0.5, "none"))
        // path parameters of other features (findings, tips, OGC collections): a plain value
        .replace("{collectionId}", "incidents")
        .replace("{tileMatrixSetId}", "WebMercatorQuad")
        .replaceAll("\\{[a-zA-Z]+}", "none");
  }

  /** The valid value, or with probability {@code 1 - p} a hostile path segment. */
  private static String pick(Random rnd, double p, String valid) {
    if (rnd.nextDouble() < p) {
      return valid;
    }
    String[] hostile = {
      "..",
      "%2e%2e",
      "%00",
      "x".repeat(300),
      "%C3%A5%C3%A4%C3%B6",
      "%ED%A0%80",
      "-1",
      "0",
      "99999999999999999999",
      "a%2Fb",
      "%20",
      "NaN",
      "bananas"
    };
    return hostile[rnd.nextInt(hostile.length)];
  }

  // ---- queries ----

  private static List<String> declared(RouteSpec route) {
    List<String> names = new ArrayList<>();
    List<JsonNode> all = new ArrayList<>();
    openApi.path("paths").path(route.path()).path("parameters").forEach(all::add);
    openApi
        .path("paths")
        .path(route.path())
        .path(route.method().toLowerCase())
        .path("parameters")
        .forEach(all::add);
    for (JsonNode p : all) {
      JsonNode r = p;
      if (p.has("$ref")) {
        String ref = p.get("$ref").asText();
        r =
            openApi
                .path("components")
                .path("parameters")
                .path(ref.substring(ref.lastIndexOf('/') + 1));
      }
      if (r.path("in").asText().equals("query")) {
        String n = r.path("name").asText();
        names.add(n.contains("<") ? n.substring(0, n.indexOf('<')) + "occurred_at" : n);
      }
    }
    return names;
  }

  private static String query(RouteSpec route, Random rnd) {
    List<String> names = declared(route);
    Map<String, String> q = new LinkedHashMap<>();
    int n = names.isEmpty() ? 0 : rnd.nextInt(Math.min(names.size(), 5) + 1);
    for (int i = 0; i < n; i++) {
      q.put(names.get(rnd.nextInt(names.size())), value(rnd));
    }
    if (rnd.nextDouble() < 0.1) {
      q.put(rnd.nextBoolean() ? "categroy" : "x" + rnd.nextInt(100), value(rnd));
    }
    StringBuilder s = new StringBuilder();
    q.forEach(
        (k, v) ->
            s.append(s.length() == 0 ? "?" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    if (rnd.nextDouble() < 0.03) {
      s.append(s.length() == 0 ? "?" : "&").append("%FF%FE=%ED%A0%80");
    }
    return s.toString();
  }

  private static final String[] VALUES = {
    "",
    "0",
    "1",
    "-1",
    "25",
    "100",
    "1e309",
    "-1e309",
    "NaN",
    "Infinity",
    "0.0000001",
    "99999999999",
    "2147483648",
    "auto",
    "true",
    "false",
    "json",
    "csv",
    "geojson",
    "png",
    "geotiff",
    "legend",
    "contours",
    "gpx",
    "html",
    "gpkg",
    "pbf",
    "osm",
    "incidents",
    "lamps",
    "streets",
    "places",
    "unsafe-places",
    "theft,violence",
    "22-05",
    "25-99",
    "fri,sat",
    "mon,xyz",
    "drugs:2,violence:3",
    "drugs:-1",
    "30d",
    "P30D",
    "-5d",
    "12.3,58.0,12.4,58.1",
    "200,100,1,2",
    "11.975,57.868",
    "191,91",
    "2024-01-01",
    "2025-13-45",
    "2024-01-01/2024-06-30",
    "2025-01-01/2024-01-01",
    "quartic",
    "uniform",
    "bogus",
    "EPSG:3006",
    "EPSG:99999",
    "skip",
    "reject",
    ";",
    "\t",
    "winter",
    "year",
    "missing",
    "broken",
    "repair",
    "0.05",
    "2",
    "\u00e5\u00e4\u00f6",
    "\ud83d\ude00",
    "'; DROP TABLE x;--",
    "<script>",
    "%",
    "a".repeat(5000)
  };

  private static String value(Random rnd) {
    return VALUES[rnd.nextInt(VALUES.length)];
  }

  // ---- bodies ----

  private static String contentType(RouteSpec route, Random rnd) {
    String[] types = {
      "application/json",
      "text/csv",
      "application/geo+json",
      "application/octet-stream",
      "text/plain; charset=iso-8859-1",
      "multipart/form-data"
    };
    if (rnd.nextDouble() < 0.15) {
      return types[rnd.nextInt(types.length)];
    }
    if (route.path().endsWith("/activities") && rnd.nextBoolean()) {
      return "text/csv";
    }
    if (route.path().endsWith("/import")) {
      return rnd.nextBoolean() ? "text/csv" : "application/geo+json";
    }
    return "application/json";
  }

  private static byte[] body(RouteSpec route, Random rnd) {
    String base = baseBody(route, rnd);
    String text = base;
    if (base.startsWith("{") || base.startsWith("[")) {
      try {
        JsonNode n = JSON.readTree(base);
        for (int i = rnd.nextInt(4); i > 0; i--) {
          n = mutate(n, rnd, 0);
        }
        text = JSON.writeValueAsString(n);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else if (rnd.nextBoolean()) {
      List<String> lines = new ArrayList<>(List.of(base.split("\n")));
      int i = rnd.nextInt(lines.size());
      String[] cells = lines.get(i).split(",", -1);
      cells[rnd.nextInt(cells.length)] = value(rnd);
      lines.set(i, String.join(",", cells));
      text = String.join("\n", lines) + "\n";
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    double p = rnd.nextDouble();
    if (p < 0.1 && bytes.length > 1) {
      return java.util.Arrays.copyOf(bytes, rnd.nextInt(bytes.length));
    } else if (p < 0.2) {
      return (text + (rnd.nextBoolean() ? " {\"x\":1}" : "\u0000garbage"))
          .getBytes(StandardCharsets.UTF_8);
    } else if (p < 0.27) {
      byte[] junk = new byte[rnd.nextInt(2048) + 1];
      rnd.nextBytes(junk);
      return junk;
    } else if (p < 0.32) {
      return text.replaceFirst("\"([^\"]*)\"", "\"$1\\\\ud800\"").getBytes(StandardCharsets.UTF_8);
    } else if (p < 0.35) {
      return new byte[0];
    }
    return bytes;
  }

  private static JsonNode mutate(JsonNode n, Random rnd, int depth) {
    if (n instanceof ObjectNode o && o.size() > 0 && depth < 4) {
      List<String> fields = new ArrayList<>();
      Iterator<String> it = o.fieldNames();
      it.forEachRemaining(fields::add);
      String f = fields.get(rnd.nextInt(fields.size()));
      switch (rnd.nextInt(5)) {
        case 0 -> o.remove(f);
        case 1 -> o.set(f, randomJson(rnd));
        case 2 -> o.set("unknown" + rnd.nextInt(10), randomJson(rnd));
        default -> o.set(f, mutate(o.get(f), rnd, depth + 1));
      }
      return o;
    }
    if (n instanceof ArrayNode a && a.size() > 0 && depth < 4) {
      int i = rnd.nextInt(a.size());
      if (rnd.nextBoolean()) {
        a.set(i, mutate(a.get(i), rnd, depth + 1));
      } else {
        a.set(i, randomJson(rnd));
      }
      return a;
    }
    return rnd.nextBoolean() ? randomJson(rnd) : n;
  }

  private static JsonNode randomJson(Random rnd) {
    var f = JSON.getNodeFactory();
    return switch (rnd.nextInt(9)) {
      case 0 -> f.nullNode();
      case 1 -> f.booleanNode(rnd.nextBoolean());
      case 2 -> f.numberNode(rnd.nextInt(1000) - 500);
      case 3 -> f.numberNode(new java.math.BigDecimal("1e400"));
      case 4 -> f.textNode(value(rnd));
      case 5 -> f.arrayNode().add(rnd.nextDouble() * 400 - 200).add(rnd.nextDouble() * 200 - 100);
      case 6 -> f.objectNode().put("type", "Point");
      case 7 -> f.objectNode().set("coordinates", f.arrayNode().add(11.98).add(57.87));
      default -> f.arrayNode();
    };
  }

  /** A valid body for the route, which the mutations start from. */
  private static String baseBody(RouteSpec route, Random rnd) {
    String p = route.path();
    if (p.endsWith("/layers/{layer}/import")) {
      return rnd.nextBoolean()
          ? "id,lon,lat,occurred_at,category\nfz-"
              + rnd.nextInt(5)
              + ",11.975,57.868,2025-05-01T22:00:00Z,theft\n"
          : "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"fz\","
              + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[11.975,57.868]},\"properties\":"
              + "{\"occurred_at\":\"2025-05-01T22:00:00Z\",\"category\":\"theft\"}}]}";
    }
    if (p.endsWith("/network/import")) {
      return "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
          + "{\"id\":\"fz\",\"highway\":\"footway\"},\"geometry\":{\"type\":\"LineString\","
          + "\"coordinates\":[[11.975,57.868],[11.976,57.869]]}}]}";
    }
    if (p.endsWith("/walks/plan")) {
      return "{\"start\":[11.975,57.868],\"maxLengthM\":1500,\"loop\":true}";
    }
    if (p.endsWith("/what-if")) {
      return "{\"repair\":[\"lamp-0\"],\"add\":[[11.98,57.87]]}";
    }
    if (p.endsWith("/activities")) {
      return rnd.nextBoolean()
          ? "{\"occurredAt\":\"2025-05-01\",\"count\":1,\"location\":{\"type\":\"Point\","
              + "\"coordinates\":[11.98,57.87]}}"
          : "occurred_at,count,place\n2025-05-01,1,Resecentrum\n";
    }
    if (p.startsWith("/api/workspaces/{ws}/commitments")) {
      return "{\"id\":\"fz-"
          + rnd.nextInt(3)
          + "\",\"title\":\"T\",\"text\":\"T\","
          + "\"responsible\":\"police\",\"kind\":\"presence\",\"periodStart\":\"2025-01-01\","
          + "\"periodEnd\":\"2025-12-31\",\"places\":[{\"name\":\"Parken\",\"bufferMeters\":30}]}";
    }
    if (p.equals("/api/keys")) {
      return "{\"role\":\"viewer\",\"workspaces\":[\"scratch\"],\"label\":\"fz\"}";
    }
    if (p.startsWith("/api/workspaces")) {
      return "{\"id\":\""
          + (p.contains("{ws}") ? "scratch" : "fz-" + rnd.nextInt(3))
          + "\",\"name\":\"Fz\",\"boundary\":{\"type\":\"Polygon\",\"coordinates\":[[[11.9,57.8],"
          + "[12.1,57.8],[12.1,57.95],[11.9,57.95],[11.9,57.8]]]},\"privacy\":{\"minEvents\":5}}";
    }
    return "{}";
  }
}
