package se.tryggkarta.http.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.access.Role;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.http.TestServer;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.store.Store;
import se.tryggkarta.workspace.Workspace;

/**
 * GDAL's own OGC API – Features driver (OAPIF, Debian {@code gdal-bin}, installed by {@code
 * scripts/provision-gdal}) against the running service, on the synthetic demo town: a real client
 * reads what QGIS would. The key travels as GDAL does it in practice, through {@code
 * GDAL_HTTP_HEADERS}. One server for the class; few GDAL calls, since each starts a process.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OgcGdalIT {
  /** Coordinates through GeoJSON, GDAL and GeoPackage agree to better than 1 cm. */
  static final double COORDINATE_TOLERANCE_DEGREES = 1e-7;

  @TempDir static Path dir;
  TestServer server;
  String analystKey;

  @BeforeAll
  void start() {
    assertThat(Path.of("/usr/bin/ogrinfo"))
        .as("GDAL is missing: run scripts/provision-gdal (apt-get install gdal-bin)")
        .exists();
    server = TestServer.start(dir.resolve("data"), w -> w.http());
    server.wiring().installDemo();
    Store store = server.wiring().store();
    store.createWorkspace(Workspace.of("privat", "Privat kommun"));
    try (LayerWriter w = store.openWriter("privat", Layer.INCIDENTS)) {
      w.write(
          new Incident(
              "p1",
              new LonLat(12.3, 58.0),
              Instant.parse("2024-05-01T22:00:00Z"),
              "theft",
              1,
              Map.of()));
      w.commit();
    }
    analystKey =
        server.wiring().keys().create(Role.ANALYST, Set.of("exempelby", "privat"), "gdal").token();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String url(String ws) {
    return "OAPIF:" + server.base() + "/ogc/" + ws;
  }

  @Test
  void ogrinfo_lists_the_collections_a_member_and_the_public_may_read() {
    String member = gdal(Optional.of(analystKey), "ogrinfo", "-ro", "-q", url("exempelby"));
    assertThat(member)
        .contains("incidents", "unsafe-places", "lamps", "streets", "patrol-sites", "gistar")
        .contains("lighting-priorities", "dark-stretches", "commitment-places");
    String anonymous = gdal(Optional.empty(), "ogrinfo", "-ro", "-q", url("exempelby"));
    assertThat(anonymous)
        .contains("patrol-sites", "gistar", "lighting-priorities")
        .doesNotContain("incidents", "unsafe-places");
  }

  @Test
  void without_a_key_a_private_workspace_shows_nothing() {
    Result r = run(Optional.empty(), List.of("ogrinfo", "-ro", "-q", url("privat")));
    assertThat(r.exitCode()).as(r.output()).isNotZero();
    assertThat(r.output()).doesNotContain("incidents").contains("401");
  }

  @Test
  void ogr2ogr_copies_incidents_with_the_export_s_count_and_coordinates() throws Exception {
    Path copied = dir.resolve("copied.gpkg");
    gdal(
        Optional.of(analystKey),
        "ogr2ogr",
        "-f",
        "GPKG",
        copied.toString(),
        url("exempelby"),
        "incidents");
    Path exported = dir.resolve("exported.gpkg");
    var export =
        server
            .as(Optional.of(analystKey))
            .getBytes("/api/workspaces/exempelby/layers/incidents/export?format=gpkg");
    assertThat(export.statusCode()).isEqualTo(200);
    Files.write(exported, export.body());
    Map<String, double[]> fromGdal = points(copied, "incidents", "id");
    Map<String, double[]> fromExport = points(exported, "incidents", "external_id");
    assertThat(fromGdal).hasSameSizeAs(fromExport).hasSize(6000);
    assertThat(fromGdal.keySet()).isEqualTo(fromExport.keySet());
    for (var e : fromExport.entrySet()) {
      double[] g = fromGdal.get(e.getKey());
      assertThat(g[0])
          .isCloseTo(
              e.getValue()[0], org.assertj.core.data.Offset.offset(COORDINATE_TOLERANCE_DEGREES));
      assertThat(g[1])
          .isCloseTo(
              e.getValue()[1], org.assertj.core.data.Offset.offset(COORDINATE_TOLERANCE_DEGREES));
    }
  }

  @Test
  void bbox_and_datetime_through_gdal_give_what_the_api_gives() {
    String bbox = "12.29,57.99,12.30,58.0";
    String out =
        gdal(
            Optional.of(analystKey),
            "ogrinfo",
            "-ro",
            "-al",
            "-spat",
            "12.29",
            "57.99",
            "12.30",
            "58.0",
            "-where",
            "occurred_at >= '2024-06-01T00:00:00Z' AND occurred_at < '2024-07-01T00:00:00Z'",
            url("exempelby"),
            "incidents");
    Set<String> gdalIds = ids(out);
    JsonNode api =
        TestServer.json(
            server
                .as(Optional.of(analystKey))
                .get(
                    "/api/workspaces/exempelby/layers/incidents?limit=10000&bbox="
                        + bbox
                        + "&from=2024-06-01T00:00:00Z&to=2024-07-01T00:00:00Z"));
    Set<String> apiIds = new TreeSet<>();
    api.get("features").forEach(f -> apiIds.add(f.get("id").asText()));
    assertThat(apiIds).isNotEmpty();
    assertThat(gdalIds).isEqualTo(apiIds);
  }

  /**
   * A map drawn by GDAL alone from three collections read over OAPIF (streets, dark stretches and
   * the top patrol sites), saved as {@code target/screenshots/ogc_gdal_map.png}: the README's
   * picture of what a GIS client gets.
   */
  @Test
  void gdal_draws_a_map_of_streets_dark_stretches_and_patrol_sites_read_over_oapif()
      throws IOException {
    Path gpkg = dir.resolve("map.gpkg");
    for (String collection : List.of("streets", "dark-stretches", "patrol-sites")) {
      gdal(
          Optional.of(analystKey),
          "ogr2ogr",
          "-f",
          "GPKG",
          Files.exists(gpkg) ? "-update" : "-overwrite",
          "-t_srs",
          "EPSG:3006",
          "-nln",
          collection.replace('-', '_'),
          gpkg.toString(),
          url("exempelby"),
          collection);
    }
    Path tif = dir.resolve("map.tif");
    gdal(
        Optional.empty(),
        "gdal_rasterize",
        "-l",
        "streets",
        "-burn",
        "170",
        "-burn",
        "170",
        "-burn",
        "170",
        "-init",
        "255",
        "-ot",
        "Byte",
        "-ts",
        "900",
        "900",
        "-at",
        gpkg.toString(),
        tif.toString());
    gdal(
        Optional.empty(),
        "gdal_rasterize",
        "-l",
        "dark_stretches",
        "-burn",
        "40",
        "-burn",
        "40",
        "-burn",
        "40",
        gpkg.toString(),
        tif.toString());
    gdal(
        Optional.empty(),
        "gdal_rasterize",
        "-l",
        "patrol_sites",
        "-burn",
        "200",
        "-burn",
        "0",
        "-burn",
        "0",
        gpkg.toString(),
        tif.toString());
    Path png = Path.of("target/screenshots/ogc_gdal_map.png");
    Files.createDirectories(png.getParent());
    gdal(Optional.empty(), "gdal_translate", "-q", "-of", "PNG", tif.toString(), png.toString());
    assertThat(Files.size(png)).isGreaterThan(1000);
  }

  // ---- helpers ----

  private static Set<String> ids(String ogrinfoAll) {
    Set<String> ids = new TreeSet<>();
    for (String line : ogrinfoAll.split("\n")) {
      String t = line.strip();
      if (t.startsWith("id (String) = ")) {
        ids.add(t.substring("id (String) = ".length()));
      }
    }
    return ids;
  }

  /** Id → lon, lat of every point of a GeoPackage table. */
  private static Map<String, double[]> points(Path gpkg, String table, String idColumn)
      throws SQLException {
    Map<String, double[]> out = new HashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select \"" + idColumn + "\", geom from \"" + table + "\"")) {
      while (rs.next()) {
        out.put(rs.getString(1), GpkgPoint.lonLat(rs.getBytes(2)));
      }
    }
    return out;
  }

  record Result(int exitCode, String output) {}

  private String gdal(Optional<String> key, String... command) {
    Result r = run(key, List.of(command));
    assertThat(r.exitCode()).as(String.join(" ", command) + "\n" + r.output()).isZero();
    return r.output();
  }

  private Result run(Optional<String> key, List<String> command) {
    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
    pb.environment().put("GDAL_HTTP_TIMEOUT", "60");
    pb.environment().put("CPL_VSIL_CURL_USE_CACHE", "NO");
    key.ifPresent(k -> pb.environment().put("GDAL_HTTP_HEADERS", "Authorization: Bearer " + k));
    try {
      Process p = pb.start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out: " + command);
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
