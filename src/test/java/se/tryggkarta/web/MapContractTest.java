package se.tryggkarta.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.access.Role;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.XY;
import se.tryggkarta.hotspot.gistar.HotspotClass;
import se.tryggkarta.http.TestServer;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.store.Store;
import se.tryggkarta.workspace.Workspace;

/**
 * The grid and Gi* contract between the service and the web map, checked on the real server: the
 * density grid says how its rows run and means it, and every Gi* class the service can send is a
 * class the map's {@code ramp.js} draws (read from the module itself with Node). Needs {@code node}
 * on the PATH, as {@link JavaScriptUnitTest} does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MapContractTest {
  /** The south-west corner of a block of 40 events in the south-west: the density maximum. */
  static final LonLat CLUSTER = new LonLat(12.000, 57.800);

  /** 4 events about 2 km east and 2 km north: the grid's north-east corner. */
  static final LonLat NORTH_EAST = new LonLat(12.035, 57.818);

  static final String BASE = "/api/workspaces/map/hotspots/";
  static final Path RAMP = Path.of("src/main/resources/public/js/ramp.js");

  @TempDir static Path dir;
  TestServer server;
  TestServer member;

  @BeforeAll
  void start() {
    server = TestServer.start(dir, w -> w.http());
    Store store = server.wiring().store();
    store.createWorkspace(Workspace.of("map", "Map town"));
    try (LayerWriter w = store.openWriter("map", Layer.INCIDENTS)) {
      // an 8 × 5 lattice 11 m apart east-west and north-south: one dense block of 40 events
      for (int i = 0; i < 40; i++) {
        LonLat at = new LonLat(CLUSTER.lon() + (i % 8) * 0.0002, CLUSTER.lat() + (i / 8) * 0.0001);
        w.write(
            new Incident(
                "c" + i,
                at,
                Instant.parse("2024-03-01T21:00:00Z").plusSeconds(86_400L * i),
                "theft",
                1,
                Map.of()));
      }
      for (int i = 0; i < 4; i++) {
        w.write(
            new Incident(
                "n" + i,
                new LonLat(NORTH_EAST.lon() + 0.0002 * i, NORTH_EAST.lat() + 0.0001 * i),
                Instant.parse("2024-03-10T21:00:00Z").plusSeconds(3_600L * i),
                "theft",
                1,
                Map.of()));
      }
      w.commit();
    }
    String key = server.wiring().keys().create(Role.ANALYST, Set.of("map"), "t").token();
    member = server.as(Optional.of(key));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void the_density_grid_says_its_rows_run_north_to_south_from_the_north_west_corner_and_they_do() {
    JsonNode grid = TestServer.json(member.get(BASE + "density?bandwidth=200&cell=50"));
    assertThat(grid.get("rowOrder").asText()).isEqualTo("north-to-south");
    double max = grid.get("max").asDouble();
    assertThat(max).isPositive();
    // Read as the grid says (row 0 northernmost, origin the north-west corner), the cluster's cell
    // holds the maximum; read the other way round, it falls in the empty north-west.
    assertThat(valueAt(grid, CLUSTER, true)).isGreaterThan(0.8 * max);
    assertThat(valueAt(grid, CLUSTER, false)).isLessThan(0.1 * max);
  }

  @Test
  void every_gistar_class_the_service_can_send_is_one_the_map_draws() throws Exception {
    List<String> drawn = Arrays.asList(rampClasses().split(","));
    assertThat(drawn)
        .containsExactlyInAnyOrder(
            Arrays.stream(HotspotClass.values()).map(HotspotClass::slug).toArray(String[]::new));
    JsonNode hexagons = TestServer.json(member.get(BASE + "gistar?cell=200"));
    assertThat(hexagons.get("features")).isNotEmpty();
    for (JsonNode f : hexagons.get("features")) {
      assertThat(f.get("properties").get("class").asText()).isIn(drawn);
    }
  }

  /** The density at a position, rows read north to south (as sent) or, wrongly, south to north. */
  private static double valueAt(JsonNode grid, LonLat p, boolean northToSouth) {
    XY xy = Crs.sweref99tm().toXY(p);
    double cell = grid.get("cellSizeMeters").asDouble();
    int nx = grid.get("nx").asInt();
    int ny = grid.get("ny").asInt();
    int column = (int) Math.floor((xy.x() - grid.get("originX").asDouble()) / cell);
    int fromNorth = (int) Math.floor((grid.get("originY").asDouble() - xy.y()) / cell);
    assertThat(column).isBetween(0, nx - 1);
    assertThat(fromNorth).isBetween(0, ny - 1);
    int row = northToSouth ? fromNorth : ny - 1 - fromNorth;
    return grid.get("values").get(row * nx + column).asDouble();
  }

  /**
   * The class keys {@code ramp.js} exports in GISTAR_CLASSES, comma-separated, as Node reads them.
   */
  private static String rampClasses() throws IOException, InterruptedException {
    String script =
        "const m = await import('"
            + RAMP.toAbsolutePath().toUri()
            + "'); console.log(m.GISTAR_CLASSES.map((c) => c.key).join(','));";
    Process node =
        new ProcessBuilder("node", "--input-type=module", "-e", script)
            .redirectErrorStream(true)
            .start();
    String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(node.waitFor(1, TimeUnit.MINUTES)).as("node finished").isTrue();
    assertThat(node.exitValue()).as(out).isZero();
    return out;
  }
}
