package se.tryggkarta;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.common.Crs;
import se.tryggkarta.hotspot.network.LineNetwork;
import se.tryggkarta.route.graph.StreetGraph;
import se.tryggkarta.route.osm.AttributeMapping;
import se.tryggkarta.workspace.PublicPrivacy;
import se.tryggkarta.workspace.Workspace;

/**
 * The street network hot streets read ({@link HotspotPorts#streetLines}) on the Helsinki extract,
 * in a workspace in ETRS-TM35FIN (EPSG:3067, whose scale error there is about 0.03 %).
 */
class StreetLinesTest {
  /**
   * Planar length in EPSG:3067 against the graph's length, as a share. The graph measures on a
   * sphere of radius 6 371 km (haversine); at 60° N the ellipsoid's radii of curvature are 6 383 km
   * north–south and 6 394 km east–west, so the sphere is 0.19–0.36 % short, and TM35FIN's scale
   * (0.99976 at 24.9° E) takes 0.02 % off the other side.
   */
  private static final double LENGTH_TOLERANCE = 0.004;

  @TempDir static Path dir;
  private static Wiring wiring;
  private static Workspace helsinki;

  @BeforeAll
  static void importHelsinki() {
    wiring =
        Wiring.open(new AppConfig(dir, 0, Optional.empty(), Optional.empty(), List.of(), 1L << 30));
    helsinki =
        new Workspace(
            "helsinki",
            "Helsingfors",
            Crs.of(3067),
            Optional.empty(),
            ZoneId.of("Europe/Helsinki"),
            false,
            PublicPrivacy.DEFAULT);
    wiring.store().createWorkspace(helsinki);
    wiring
        .networks()
        .importFile("helsinki", Fixtures.HELSINKI_PBF, Optional.empty(), AttributeMapping.DEFAULT);
  }

  @AfterAll
  static void close() {
    wiring.close();
  }

  @Test
  void keepsEverySurfaceEdgeOutsideFragmentsWithItsLengthInTheWorkspacesCrs() {
    StreetGraph g = wiring.networks().network("helsinki").graph();
    LineNetwork lines = HotspotPorts.streetLines(wiring.networks()).streets(helsinki).orElseThrow();

    int kept = 0;
    double geodesic = 0;
    for (int e = 0; e < g.edgeCount(); e++) {
      if (!g.isUnderground(e) && !g.isInSubnetwork(e)) {
        assertThat(lines.from(kept)).isEqualTo(g.from(e));
        assertThat(lines.to(kept)).isEqualTo(g.to(e));
        assertThat(lines.lengthMeters(kept))
            .isCloseTo(
                g.lengthMeters(e),
                org.assertj.core.data.Offset.offset(LENGTH_TOLERANCE * g.lengthMeters(e) + 1e-6));
        geodesic += g.lengthMeters(e);
        kept++;
      }
    }
    assertThat(kept).isEqualTo(lines.edgeCount()).isLessThan(g.edgeCount()).isGreaterThan(3000);
    assertThat(lines.totalLengthMeters())
        .isCloseTo(geodesic, org.assertj.core.data.Offset.offset(LENGTH_TOLERANCE * geodesic));
    assertThat(lines.nodeCount()).isEqualTo(g.nodeCount());
  }

  @Test
  void aWorkspaceWithoutStreetsHasNoNetwork() {
    Workspace empty = Workspace.of("tom", "Tom");
    wiring.store().createWorkspace(empty);
    assertThat(HotspotPorts.streetLines(wiring.networks()).streets(empty)).isEmpty();
  }
}
