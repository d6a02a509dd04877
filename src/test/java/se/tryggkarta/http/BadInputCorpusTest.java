package se.tryggkarta.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import se.tryggkarta.http.auth.OpenAccessPolicy;
import se.tryggkarta.ingest.Samples;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerRecord;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.route.osm.PbfFiles;
import se.tryggkarta.store.Store;
import se.tryggkarta.store.geopackage.HostileGeoPackages;
import se.tryggkarta.workspace.Workspace;

/**
 * Every file of the bad-input corpus ({@code src/test/resources/fixtures/bad}, described in its
 * README), and the hostile files a helper generates, is posted to the layer import ({@code
 * <layer>__...}) or the street network import ({@code network__...}) of a workspace that already
 * holds data: each must answer the 4xx {@code application/problem+json} the README states, whose
 * errors point at the record or field, and the stored records must be exactly as before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusTest {
  static final Path CORPUS = Path.of("src/test/resources/fixtures/bad");
  static final int MIN_CORPUS_FILES = 40;
  static final long UPLOAD_LIMIT_BYTES = 64L << 20;
  static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

  @TempDir static Path dir;
  TestServer server;
  Map<Layer, List<LayerRecord>> before;
  long versionBefore;

  @BeforeAll
  void start() {
    server = TestServer.start(dir, UPLOAD_LIMIT_BYTES, w -> w.http(new OpenAccessPolicy()));
    Store store = server.wiring().store();
    // A box around Kungälv (11.90–12.10 E, 57.80–57.95 N) as the workspace boundary.
    store.createWorkspace(
        Workspace.of("kungalv", "Kungälv")
            .withBoundary(
                WGS84.createPolygon(
                    new Coordinate[] {
                      new Coordinate(11.90, 57.80),
                      new Coordinate(12.10, 57.80),
                      new Coordinate(12.10, 57.95),
                      new Coordinate(11.90, 57.95),
                      new Coordinate(11.90, 57.80)
                    })));
    for (Layer l : Layer.values()) {
      try (LayerWriter w = store.openWriter("kungalv", l)) {
        Samples.of(l, 12, l.ordinal()).forEach(w::write);
        w.commit();
      }
    }
    before = snapshot();
    versionBefore = store.dataVersion("kungalv");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private Map<Layer, List<LayerRecord>> snapshot() {
    Map<Layer, List<LayerRecord>> m = new java.util.EnumMap<>(Layer.class);
    for (Layer l : Layer.values()) {
      m.put(l, Samples.stored(server.wiring().store(), "kungalv", l));
    }
    return m;
  }

  static Stream<String> corpus() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return Stream.concat(
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.contains("__"))
              .sorted()
              .toList()
              .stream(),
          GENERATED.keySet().stream().sorted());
    }
  }

  /**
   * Files too large to commit or made by a helper: hostile GeoPackages (to both imports) and PBF
   * decompression bombs. The corpus README lists them with their expected answers.
   */
  static final Map<String, java.util.function.Supplier<byte[]>> GENERATED = generated();

  private static Map<String, java.util.function.Supplier<byte[]>> generated() {
    Map<String, java.util.function.Supplier<byte[]>> m = new java.util.LinkedHashMap<>();
    for (HostileGeoPackages.Kind k : HostileGeoPackages.Kind.values()) {
      if (k == HostileGeoPackages.Kind.VALID) {
        continue;
      }
      java.util.function.Supplier<byte[]> file = () -> geoPackage(k);
      m.put("incidents__gpkg-" + k.slug + ".gpkg", file);
      m.put("network__gpkg-" + k.slug + ".gpkg", file);
    }
    m.put(
        "network__pbf-blob-declares-1-gib.osm.pbf",
        () -> PbfFiles.file(PbfFiles.header(), PbfFiles.zeros("OSMData", 1 << 20, 1 << 30)));
    m.put(
        "network__pbf-blob-inflates-past-32-mib.osm.pbf",
        () -> PbfFiles.file(PbfFiles.header(), PbfFiles.zeros("x-filler", 40L << 20, 1024)));
    m.put(
        "network__pbf-dense-node-flood.osm.pbf",
        () -> PbfFiles.file(PbfFiles.header(), PbfFiles.denseFlood(5_000_000)));
    return m;
  }

  private static byte[] geoPackage(HostileGeoPackages.Kind kind) {
    try {
      Path f = Files.createTempFile(dir, "hostile-", ".gpkg");
      return Files.readAllBytes(HostileGeoPackages.write(f, kind));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void the_corpus_has_at_least_forty_malformed_files() throws IOException {
    assertThat(corpus().filter(n -> !GENERATED.containsKey(n)).count())
        .isGreaterThanOrEqualTo(MIN_CORPUS_FILES);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void each_bad_file_answers_4xx_problem_pointing_at_the_record_and_stores_nothing(String name)
      throws IOException {
    String layer = name.substring(0, name.indexOf("__"));
    byte[] body =
        GENERATED.containsKey(name)
            ? GENERATED.get(name).get()
            : Files.readAllBytes(CORPUS.resolve(name));
    String path;
    if (layer.equals("network")) {
      // the street network import: the format from the extension, no file name parameter
      String format = name.endsWith(".gpkg") ? "gpkg" : name.endsWith(".pbf") ? "pbf" : "osm";
      path = "/api/workspaces/kungalv/network/import?format=" + format;
    } else {
      String query = "filename=" + name;
      String extra = params().getProperty(name);
      if (extra != null) {
        query += "&" + extra;
      }
      path = "/api/workspaces/kungalv/layers/" + layer + "/import?" + query;
    }

    HttpResponse<String> r = server.post(path, body, "application/octet-stream");

    assertProblemWithPointers(r);
    Expected expected = expectations().get(name);
    assertThat(expected).as("a row for %s in the corpus README", name).isNotNull();
    assertThat(r.statusCode()).as(r.body()).isEqualTo(expected.status());
    assertThat(TestServer.json(r).at("/errors/0/field").asText())
        .as(r.body())
        .isEqualTo(expected.field());
    assertUnchanged();
  }

  /** What the corpus README says a file answers: the status and the first error's field. */
  record Expected(int status, String field) {}

  private static final java.util.regex.Pattern ROW =
      java.util.regex.Pattern.compile("^\\| `([^`]+)` \\|.*→ (\\d{3})[^`|]*`([^`]+)`[^|]*\\|$");

  static Map<String, Expected> expectations() throws IOException {
    Map<String, Expected> out = new java.util.HashMap<>();
    for (String line : Files.readAllLines(CORPUS.resolve("README.md"))) {
      java.util.regex.Matcher m = ROW.matcher(line);
      if (m.matches()) {
        out.put(m.group(1), new Expected(Integer.parseInt(m.group(2)), m.group(3)));
      }
    }
    return out;
  }

  @Test
  void fifty_megabytes_of_garbage_answers_415_and_stores_nothing() {
    byte[] garbage = garbage(50 << 20);

    HttpResponse<String> r =
        server.post(
            "/api/workspaces/kungalv/layers/incidents/import", garbage, "application/octet-stream");

    assertThat(r.statusCode()).isEqualTo(415);
    assertProblemWithPointers(r);
    assertUnchanged();
  }

  @Test
  void fifty_megabytes_of_garbage_declared_as_geojson_answers_400_at_record_1() {
    byte[] garbage = garbage(50 << 20);

    HttpResponse<String> r =
        server.post(
            "/api/workspaces/kungalv/layers/incidents/import", garbage, "application/geo+json");

    assertThat(r.statusCode()).isEqualTo(400);
    assertProblemWithPointers(r);
    assertThat(TestServer.json(r).at("/errors/0/pointer").asText()).isEqualTo("/records/1/json");
    assertUnchanged();
  }

  @Test
  void a_body_over_the_upload_limit_answers_413_and_stores_nothing() {
    // a valid CSV header, then more rows than the limit allows
    byte[] row = "x,11.98,57.87,2024-05-01T22:00:00Z,theft\n".getBytes();
    byte[] big = new byte[(int) UPLOAD_LIMIT_BYTES + 1024];
    byte[] header = "id,lon,lat,occurred_at,category\n".getBytes();
    System.arraycopy(header, 0, big, 0, header.length);
    for (int i = header.length; i + row.length < big.length; i += row.length) {
      System.arraycopy(row, 0, big, i, row.length);
    }

    HttpResponse<String> r =
        server.post("/api/workspaces/kungalv/layers/incidents/import", big, "text/csv");

    assertThat(r.statusCode()).isEqualTo(413);
    assertProblemWithPointers(r);
    assertUnchanged();
  }

  @Test
  void duplicate_ids_point_at_the_second_occurrence() {
    HttpResponse<String> r = postFixture("incidents__duplicate-ids.csv");
    JsonNode e = TestServer.json(r).at("/errors/0");
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(e.get("record").asLong()).isEqualTo(4);
    assertThat(e.get("field").asText()).isEqualTo("id");
    assertThat(e.get("pointer").asText()).isEqualTo("/records/4/id");
  }

  @Test
  void a_short_csv_row_points_at_its_line() {
    HttpResponse<String> r = postFixture("incidents__wrong-column-count.csv");
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(TestServer.json(r).at("/errors/0/pointer").asText()).isEqualTo("/records/3/row");
  }

  @Test
  void swapped_lat_lon_is_rejected_with_a_hint() {
    HttpResponse<String> r = postFixture("incidents__lat-lon-swapped.geojson");
    JsonNode e = TestServer.json(r).at("/errors/0");
    assertThat(e.get("pointer").asText()).isEqualTo("/records/1/geometry");
    assertThat(e.get("reason").asText()).contains("swapped");
  }

  private HttpResponse<String> postFixture(String name) {
    try {
      return server.post(
          "/api/workspaces/kungalv/layers/incidents/import?filename=" + name,
          Files.readAllBytes(CORPUS.resolve(name)),
          "application/octet-stream");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void assertProblemWithPointers(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonNode problem = TestServer.json(r);
    assertThat(problem.get("type").asText()).startsWith("urn:tryggkarta:problem:");
    JsonNode errors = problem.get("errors");
    assertThat(errors).as(r.body()).isNotNull();
    assertThat(errors.size()).isGreaterThan(0);
    for (JsonNode e : errors) {
      assertThat(e.get("field").asText()).isNotBlank();
      String expected =
          e.has("record")
              ? "/records/" + e.get("record").asLong() + "/" + e.get("field").asText()
              : "/" + e.get("field").asText();
      assertThat(e.get("pointer").asText()).isEqualTo(expected);
    }
  }

  private void assertUnchanged() {
    assertThat(server.wiring().store().dataVersion("kungalv")).isEqualTo(versionBefore);
    Map<Layer, List<LayerRecord>> after = snapshot();
    for (Layer l : Layer.values()) {
      Samples.assertSameRecords(after.get(l), before.get(l));
    }
  }

  private static Properties params() throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(CORPUS.resolve("params.properties"))) {
      p.load(in);
    }
    return p;
  }

  /** Seeded random bytes with no '{' (so they cannot look like JSON) and a NUL up front. */
  private static byte[] garbage(int size) {
    byte[] b = new byte[size];
    new Random(2024).nextBytes(b);
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '{') {
        b[i] = 0;
      }
    }
    b[0] = 0;
    return b;
  }
}
