package se.tryggkarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.XY;
import se.tryggkarta.lighting.coverage.CoverageResult;
import se.tryggkarta.lighting.coverage.CoverageSettings;
import se.tryggkarta.lighting.coverage.LitInterval;
import se.tryggkarta.lighting.coverage.SegmentCoverage;
import se.tryggkarta.route.NetworkSummary;
import se.tryggkarta.route.graph.StreetGraph;
import se.tryggkarta.route.osm.AttributeMapping;
import se.tryggkarta.workspace.PublicPrivacy;
import se.tryggkarta.workspace.Workspace;

/**
 * The safe route, the walks and the lighting map share one lit model: on the Helsinki extract with
 * its 586 OSM street lamps, every edge of the street graph is lit over the same share of its length
 * as the lighting map's lit intervals cover of that stretch of street.
 *
 * <p>The oracle does not go through the port's vertex units: it projects each edge's own vertices
 * into the workspace CRS, places the edge along its segment by the projected lengths of the edges
 * before it, and intersects that stretch with the lighting map's intervals (metres).
 *
 * <p>Two tolerances, because the two sides measure length differently: the graph along the mean
 * sphere (haversine), the lighting map in the workspace's projected metres (ETRS-TM35FIN,
 * EPSG:3067, scale 0.9998 in Helsinki). The sphere's radius differs from the GRS80 ellipsoid's
 * radii of curvature at 60° N by at most 0.4 %, so the same lit stretch may measure up to {@value
 * #LENGTH_CONVENTION} of its length more or less: under a metre on every edge shorter than 250 m.
 * Within one straight piece both keep fractions, so the lit share of a piece is the same on both
 * sides; an edge of several pieces weighs them by their lengths, and the ratio of the two lengths
 * differs between a north–south and an east–west piece by up to 0.2 % (the meridian radius is 6 384
 * km, the prime vertical's 6 394 km), hence {@value #SHARE_TOLERANCE} on an edge's share.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LitAgreementIT {
  static final double SHARE_TOLERANCE = 0.002;
  static final double LENGTH_CONVENTION = 0.004;

  @TempDir static Path dir;
  Wiring wiring;
  Crs crs;

  @BeforeAll
  void importHelsinki() {
    wiring =
        Wiring.open(new AppConfig(dir, 0, Optional.empty(), Optional.empty(), List.of(), 1L << 30));
    crs = Crs.of(3067);
    wiring
        .store()
        .createWorkspace(
            new Workspace(
                "helsinki",
                "Helsingfors centrum",
                crs,
                Optional.empty(),
                Workspace.DEFAULT_ZONE,
                false,
                PublicPrivacy.DEFAULT));
    wiring
        .networks()
        .importFile("helsinki", Fixtures.HELSINKI_PBF, Optional.empty(), AttributeMapping.DEFAULT);
  }

  @AfterAll
  void close() {
    wiring.close();
  }

  @Test
  void every_edge_is_lit_over_the_same_share_as_the_lighting_map_shows_for_its_stretch() {
    StreetGraph g = wiring.networks().network("helsinki").graph();
    CoverageResult map = wiring.lighting().coverage("helsinki", CoverageSettings.DEFAULT).result();
    Map<String, SegmentCoverage> bySegment = new HashMap<>();
    map.segments().forEach(s -> bySegment.put(s.street().id(), s));
    assertThat(g.edgeCount()).isEqualTo(4485);

    Map<String, Double> offsetM = new HashMap<>();
    Map<String, Double> graphLitBySegment = new HashMap<>();
    double worstShare = 0;
    double worstMetres = 0;
    int partlyLit = 0;
    for (int e = 0; e < g.edgeCount(); e++) {
      SegmentCoverage s = bySegment.get(g.segmentId(e));
      assertThat(s).as("segment %s on the lighting map", g.segmentId(e)).isNotNull();
      double projectedM = projectedLength(g, e);
      double from = offsetM.getOrDefault(g.segmentId(e), 0.0);
      offsetM.put(g.segmentId(e), from + projectedM);
      double mapLitM = 0;
      for (LitInterval i : s.litIntervals()) {
        mapLitM +=
            Math.max(0, Math.min(from + projectedM, i.toMeters()) - Math.max(from, i.fromMeters()));
      }
      double mapShare = projectedM > 0 ? mapLitM / projectedM : 0;
      double graphLitM = g.lengthMeters(e) * g.litFraction(e);
      graphLitBySegment.merge(g.segmentId(e), graphLitM, Double::sum);
      if (mapShare > 0 && mapShare < 1) {
        partlyLit++;
      }
      worstShare = Math.max(worstShare, Math.abs(g.litFraction(e) - mapShare));
      worstMetres = Math.max(worstMetres, Math.abs(graphLitM - mapLitM));
      assertThat(g.litFraction(e))
          .as("lit share of edge %d (%s)", e, g.segmentId(e))
          .isCloseTo(mapShare, offset(SHARE_TOLERANCE));
      assertThat(graphLitM)
          .as("lit metres of edge %d (%s)", e, g.segmentId(e))
          .isCloseTo(mapLitM, offset(LENGTH_CONVENTION * g.lengthMeters(e) + 1e-6));
    }
    double worstSegmentM = 0;
    for (SegmentCoverage s : map.segments()) {
      double graphLitM = graphLitBySegment.getOrDefault(s.street().id(), 0.0);
      worstSegmentM = Math.max(worstSegmentM, Math.abs(graphLitM - s.litMeters()));
      assertThat(graphLitM)
          .as("lit metres of segment %s", s.street().id())
          .isCloseTo(s.litMeters(), offset(LENGTH_CONVENTION * s.lengthMeters() + 1e-6));
    }
    System.out.printf(
        "Helsinki lit agreement: %d edges (%d partly lit), %d segments; worst share difference"
            + " %.2e, worst edge %.3f m, worst segment %.3f m%n",
        g.edgeCount(), partlyLit, map.segments().size(), worstShare, worstMetres, worstSegmentM);
    // The comparison has teeth: many edges are lit only in part, where a sampled or tag-first
    // model would disagree with the map.
    assertThat(partlyLit).isGreaterThan(100);
  }

  @Test
  void the_network_summary_and_the_lighting_map_give_the_same_lit_share() {
    NetworkSummary net = wiring.networks().summary("helsinki");
    CoverageResult map = wiring.lighting().coverage("helsinki", CoverageSettings.DEFAULT).result();
    System.out.printf(
        "Helsinki lit share: street graph %.5f, lighting map %.5f%n",
        net.litShare(), map.summary().litShare());
    assertThat(net.litShare()).isCloseTo(map.summary().litShare(), offset(LENGTH_CONVENTION));
    assertThat(net.lamps()).isEqualTo(map.summary().workingLamps());
  }

  /** The edge's length in the workspace CRS, through its own vertices. */
  private double projectedLength(StreetGraph g, int e) {
    double m = 0;
    XY prev = crs.toXY(new LonLat(g.pointLon(e, 0), g.pointLat(e, 0)));
    for (int i = 1; i < g.pointCount(e); i++) {
      XY p = crs.toXY(new LonLat(g.pointLon(e, i), g.pointLat(e, i)));
      m += Math.hypot(p.x() - prev.x(), p.y() - prev.y());
      prev = p;
    }
    return m;
  }
}
