package se.tryggkarta.http.api;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tryggkarta.http.api.HotspotRoutesTest.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.tryggkarta.access.Role;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.common.XY;
import se.tryggkarta.hotspot.DensityMap;
import se.tryggkarta.hotspot.DensityRequest;
import se.tryggkarta.hotspot.EventFilter;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.kde.Kernel;
import se.tryggkarta.hotspot.raster.ColourRamp;
import se.tryggkarta.http.TestServer;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.store.Store;
import se.tryggkarta.tiles.DensityTiles;
import se.tryggkarta.tiles.TileCoord;
import se.tryggkarta.tiles.TileOptions;
import se.tryggkarta.workspace.Workspace;

/**
 * Density tiles over real HTTP on a public workspace with a 40-event cluster and 4 isolated events
 * (fewer than k = 5): seams, zoom invariance against the engine, fixed colours, ETags, privacy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TileRoutesTest {
  static final LonLat CLUSTER = new LonLat(12.000, 57.800);
  static final LonLat ISOLATED = new LonLat(12.050, 57.810);
  static final String BASE = "/api/workspaces/pub/tiles/density/";
  static final String OPTS = "?bandwidth=200&cell=10";

  @TempDir static Path dir;
  TestServer server;
  Optional<String> analyst;
  final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  void start() {
    server = TestServer.start(dir, w -> w.http());
    Store store = server.wiring().store();
    store.createWorkspace(Workspace.of("pub", "Public town").withPublicAccess(true));
    se.tryggkarta.release.FixedSecret.install(store, "pub", 17);
    Random rnd = new Random(41);
    try (LayerWriter w = store.openWriter("pub", Layer.INCIDENTS)) {
      for (int i = 0; i < 40; i++) {
        w.write(
            incident(
                "c" + i,
                new LonLat(
                    CLUSTER.lon() + rnd.nextGaussian() * 0.0007,
                    CLUSTER.lat() + rnd.nextGaussian() * 0.0004)));
      }
      for (int i = 0; i < 4; i++) {
        w.write(
            incident(
                "s" + i, new LonLat(ISOLATED.lon() + 0.0002 * i, ISOLATED.lat() + 0.0001 * i)));
      }
      w.commit();
    }
    analyst = Optional.of(server.wiring().keys().create(Role.ANALYST, Set.of("pub"), "t").token());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  static Incident incident(String id, LonLat p) {
    return new Incident(id, p, Instant.parse("2024-03-01T23:00:00Z"), "theft", 1, Map.of());
  }

  /** The engine's own member map for the options the tiles below use. */
  DensityMap engine() {
    return server.wiring().hotspots().density("pub", request());
  }

  static DensityRequest request() {
    return new DensityRequest(
        EventFilter.all(Layer.INCIDENTS).withTime(TimeRange.ALL),
        10,
        Optional.of(200.0),
        Kernel.QUARTIC,
        false);
  }

  float[] values(TileCoord c) {
    return server
        .wiring()
        .tiles()
        .values(
            "pub",
            server.wiring().store().dataVersion("pub"),
            c,
            new DensityTiles.MemberView(new TileOptions(request(), Optional.empty())))
        .orElseThrow();
  }

  /** The tile and pixel (column, row) holding a point at zoom z. */
  static int[] tileAndPixel(LonLat p, int z) {
    double n = 256 * Math.pow(2, z);
    double gx = (p.lon() + 180) / 360 * n;
    double lat = Math.toRadians(p.lat());
    double gy = (1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * n;
    return new int[] {(int) gx / 256, (int) gy / 256, (int) gx % 256, (int) gy % 256};
  }

  @Test
  void neighbouring_tiles_agree_along_their_shared_edge_with_the_one_surface() {
    DensityMap m = engine();
    int[] t = tileAndPixel(CLUSTER, 16);
    TileCoord west = new TileCoord(16, t[0], t[1]);
    TileCoord east = new TileCoord(16, t[0] + 1, t[1]);
    float[] a = values(west);
    float[] b = values(east);
    int equalRows = 0;
    int nonZero = 0;
    for (int row = 0; row < 256; row++) {
      float left = a[row * 256 + 255];
      float right = b[row * 256];
      // Each side is the single surface's value at its pixel centre, however the tile was cut.
      assertThat((double) left)
          .isEqualTo((float) m.density().valueAt(m.crs().toXY(west.pixelCentre(255, row))));
      assertThat((double) right)
          .isEqualTo((float) m.density().valueAt(m.crs().toXY(east.pixelCentre(0, row))));
      if (left == right) {
        equalRows++;
      }
      if (left > 0) {
        nonZero++;
      }
    }
    // A z16 pixel (≈1.3 m) is far smaller than a 10 m cell: most pixel pairs across the edge
    // fall in the same cell and must be equal.
    assertThat(nonZero).isGreaterThan(0);
    assertThat(equalRows).isGreaterThan(200);
  }

  @Test
  void the_value_at_a_fixed_point_is_the_same_at_zooms_14_15_16_and_equals_the_engine() {
    DensityMap m = engine();
    GridSpec g = m.density().grid();
    int peak = 0;
    for (int i = 1; i < g.cellCount(); i++) {
      if (m.density().value(i) > m.density().value(peak)) {
        peak = i;
      }
    }
    XY centre = g.centre(peak);
    LonLat point = m.crs().toLonLat(centre);
    for (int z = 14; z <= 16; z++) {
      int[] t = tileAndPixel(point, z);
      float v = values(new TileCoord(z, t[0], t[1]))[t[3] * 256 + t[2]];
      assertThat((double) v).as("zoom %d", z).isEqualTo((float) m.density().value(peak));
    }
  }

  @Test
  void the_png_colour_of_a_point_does_not_change_with_the_zoom() {
    LonLat point = new LonLat(CLUSTER.lon() + 0.0003, CLUSTER.lat() + 0.0002);
    JsonNode legend = TestServer.json(server.as(analyst).get(BASE + "legend" + OPTS));
    double max = legend.get("maxPerKm2").asDouble();
    assertThat(legend.get("explicit").asBoolean()).isFalse();
    Integer colour = null;
    for (int z = 14; z <= 16; z++) {
      int[] t = tileAndPixel(point, z);
      HttpResponse<byte[]> r =
          server.as(analyst).getBytes(BASE + z + "/" + t[0] + "/" + t[1] + ".png" + OPTS);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).contains("image/png");
      int argb = png(r.body()).getRGB(t[2], t[3]);
      float v = values(new TileCoord(z, t[0], t[1]))[t[3] * 256 + t[2]];
      assertThat(argb).isEqualTo(ColourRamp.argb(v, max));
      if (colour == null) {
        colour = argb;
      }
      assertThat(argb).as("zoom %d", z).isEqualTo(colour);
    }
    assertThat(colour >>> 24).isGreaterThan(0);
  }

  @Test
  void an_explicit_max_sets_the_legend_and_the_colours() {
    JsonNode legend = TestServer.json(server.as(analyst).get(BASE + "legend" + OPTS + "&max=5"));
    assertThat(legend.get("maxPerKm2").asDouble()).isEqualTo(5.0);
    assertThat(legend.get("explicit").asBoolean()).isTrue();
    assertThat(legend.get("stops")).hasSize(5);
  }

  @Test
  void a_geotiff_tile_holds_the_values_in_events_per_km2() {
    int[] t = tileAndPixel(CLUSTER, 15);
    HttpResponse<byte[]> r =
        server.as(analyst).getBytes(BASE + "15/" + t[0] + "/" + t[1] + ".tif" + OPTS);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("image/tiff");
    mil.nga.tiff.TIFFImage img = mil.nga.tiff.TiffReader.readTiff(r.body());
    mil.nga.tiff.Rasters rasters = img.getFileDirectory().readRasters();
    float[] v = values(new TileCoord(15, t[0], t[1]));
    assertThat(rasters.getFirstPixelSample(t[2], t[3]).floatValue())
        .isEqualTo(v[t[3] * 256 + t[2]]);
  }

  @Test
  void a_repeated_request_with_if_none_match_answers_304_and_members_tiles_are_not_cached() {
    int[] t = tileAndPixel(CLUSTER, 15);
    String path = BASE + "15/" + t[0] + "/" + t[1] + ".png" + OPTS;
    HttpResponse<byte[]> first = server.as(analyst).getBytes(path);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(first.headers().firstValue("Cache-Control")).contains("private, no-store");
    HttpResponse<byte[]> again = send(path, analyst, Optional.of(etag));
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void a_density_analysis_repeated_with_if_none_match_answers_304() {
    String path = "/api/workspaces/pub/hotspots/density?bandwidth=200&cell=20";
    HttpResponse<byte[]> first = send(path, analyst, Optional.empty());
    assertThat(first.statusCode()).isEqualTo(200);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(send(path, analyst, Optional.of(etag)).statusCode()).isEqualTo(304);
    HttpResponse<byte[]> other = send(path + "&kernel=gaussian", analyst, Optional.of(etag));
    assertThat(other.statusCode()).isEqualTo(200);
  }

  @Test
  void a_write_changes_the_etag_and_the_tile() {
    int[] t = tileAndPixel(CLUSTER, 15);
    String path = BASE + "15/" + t[0] + "/" + t[1] + ".tif?bandwidth=150&cell=10";
    HttpResponse<byte[]> before = server.as(analyst).getBytes(path);
    String etag = before.headers().firstValue("ETag").orElseThrow();
    Store store = server.wiring().store();
    try (LayerWriter w = store.openWriter("pub", Layer.INCIDENTS)) {
      w.write(incident("new", CLUSTER));
      w.commit();
    }
    HttpResponse<byte[]> after = send(path, analyst, Optional.of(etag));
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(after.headers().firstValue("ETag")).isPresent().isNotEqualTo(Optional.of(etag));
    assertThat(after.body()).isNotEqualTo(before.body());
  }

  @Test
  void public_tiles_refuse_free_options_and_list_what_may_be_asked() {
    int[] t = tileAndPixel(CLUSTER, 14);
    HttpResponse<String> r =
        server.as(Optional.empty()).get(BASE + "14/" + t[0] + "/" + t[1] + ".png" + OPTS);
    assertProblem(r, 400, "urn:tryggkarta:problem:invalid-input");
    assertThat(r.body()).contains("bandwidth", "release");
  }

  @Test
  void public_tiles_read_a_release_are_cacheable_and_blank_where_counts_are_suppressed() {
    int[] t = tileAndPixel(ISOLATED, 14);
    String isolated = BASE + "14/" + t[0] + "/" + t[1] + ".png";
    assertThat(server.as(analyst).getBytes(isolated + OPTS).statusCode()).isEqualTo(200);
    HttpResponse<byte[]> anonymous =
        server.as(Optional.empty()).getBytes(isolated + "?release=2024-03");
    assertThat(anonymous.statusCode()).isEqualTo(204);
    int[] c = tileAndPixel(CLUSTER, 14);
    HttpResponse<byte[]> cluster =
        server
            .as(Optional.empty())
            .getBytes(BASE + "14/" + c[0] + "/" + c[1] + ".png?release=2024-03");
    assertThat(cluster.statusCode()).isEqualTo(200);
    assertThat(cluster.headers().firstValue("Cache-Control").orElse("")).startsWith("public");
  }

  @Test
  void public_tiles_never_resolve_finer_than_the_minimum_cell() {
    DensityTiles tiles = server.wiring().tiles();
    int[] t = tileAndPixel(CLUSTER, 17);
    TileCoord c = new TileCoord(17, t[0], t[1]);
    var release =
        server
            .wiring()
            .releases()
            .select(
                "pub",
                Optional.of("2024-03"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    float[] v =
        tiles
            .values(
                "pub",
                server.wiring().store().dataVersion("pub"),
                c,
                new DensityTiles.ReleaseView(release, Optional.empty()))
            .orElseThrow();
    // A z17 pixel is ≈0.6 m; 100 m public cells make runs of equal values far longer than 10 px.
    int changes = 0;
    for (int row = 0; row < 256; row++) {
      for (int col = 1; col < 256; col++) {
        if (v[row * 256 + col] != v[row * 256 + col - 1]) {
          changes++;
        }
      }
    }
    assertThat(changes).isLessThanOrEqualTo(256 * 2);
  }

  @Test
  void a_tile_far_outside_the_workspace_is_empty() {
    HttpResponse<byte[]> r = server.as(analyst).getBytes(BASE + "14/100/100.png" + OPTS);
    assertThat(r.statusCode()).isEqualTo(204);
  }

  @ParameterizedTest(name = "{0} answers 400 naming {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "23/0/0.png| z",
        "2/4/0.png| x",
        "2/0/4.png| y",
        "2/0/-1.png| y",
        "2/0/0.jpg| format",
        "2/0/0| format",
        "14/8738/4771.png?bandwidth=-5| bandwidth",
        "14/8738/4771.png?kernel=triangle| kernel",
        "14/8738/4771.png?max=-1| max",
        "legend?max=0| max",
      })
  void bad_tile_requests_answer_400_problem_naming_the_field(String path, String field) {
    HttpResponse<String> r = server.as(analyst).get(BASE + path);
    assertProblem(r, 400, "urn:tryggkarta:problem:invalid-input");
    assertThat(TestServer.json(r).get("field").asText()).isEqualTo(field);
  }

  @ParameterizedTest
  @ValueSource(strings = {"14/8738/4771.png", "legend"})
  void tiles_of_an_unknown_workspace_answer_a_problem(String path) {
    HttpResponse<String> r =
        server.as(analyst).get("/api/workspaces/nowhere/tiles/density/" + path);
    assertThat(r.statusCode()).isBetween(400, 499);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
  }

  HttpResponse<byte[]> send(String path, Optional<String> key, Optional<String> ifNoneMatch) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path)).GET();
    key.ifPresent(k -> b.header("Authorization", "Bearer " + k));
    ifNoneMatch.ifPresent(e -> b.header("If-None-Match", e));
    try {
      return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static BufferedImage png(byte[] bytes) {
    try {
      return ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
