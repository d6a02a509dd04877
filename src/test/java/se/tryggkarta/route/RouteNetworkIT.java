package se.tryggkarta.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.tryggkarta.AppConfig;
import se.tryggkarta.Fixtures;
import se.tryggkarta.Wiring;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.layer.UnsafePlace;
import se.tryggkarta.route.graph.LocalProjection;
import se.tryggkarta.route.graph.StreetPath;
import se.tryggkarta.route.osm.AttributeMapping;
import se.tryggkarta.workspace.Workspace;

/** Import, routes and walks on the real Helsinki and Stockholm extracts, through the store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteNetworkIT {
  @TempDir static Path dir;
  Wiring wiring;

  @BeforeAll
  void importBoth() {
    wiring =
        Wiring.open(new AppConfig(dir, 0, Optional.empty(), Optional.empty(), List.of(), 1L << 30));
    wiring.store().createWorkspace(Workspace.of("helsinki", "Helsingfors centrum"));
    wiring.store().createWorkspace(Workspace.of("sodermalm", "Södermalm"));
    ImportSummary h =
        wiring
            .networks()
            .importFile(
                "helsinki", Fixtures.HELSINKI_PBF, Optional.empty(), AttributeMapping.DEFAULT);
    assertThat(h.lamps()).isEqualTo(586);
    assertThat(h.walkableEdges()).isEqualTo(4485);
    wiring
        .networks()
        .importFile(
            "sodermalm", Fixtures.SODERMALM_PBF, Optional.empty(), AttributeMapping.DEFAULT);
  }

  @AfterAll
  void close() {
    wiring.close();
  }

  @Test
  void the_stored_network_rebuilds_the_same_graph_as_the_import_counted() {
    NetworkSummary s = wiring.networks().summary("helsinki");
    assertThat(s.nodes()).isEqualTo(3482);
    assertThat(s.edges()).isEqualTo(4485);
    assertThat(s.lamps()).isEqualTo(586);
    assertThat(s.litShare()).isBetween(0.5, 1.0);
    assertThat(s.mainComponentLengthMeters()).isGreaterThan(0.8 * s.totalLengthMeters());
  }

  @ParameterizedTest(name = "{0}: {1},{2} to {3},{4}")
  @CsvSource({
    "helsinki,  24.9414, 60.1710, 24.9522, 60.1699", // railway station to Senate Square
    "helsinki,  24.9417, 60.1685, 24.9525, 60.1675", // Stockmann to the Market Square
    "helsinki,  24.9370, 60.1717, 24.9515, 60.1752", // Kiasma to Kruununhaka
    "helsinki,  24.9450, 60.1650, 24.9480, 60.1770", // south to north across the centre
    "sodermalm, 18.0612, 59.3176, 18.0680, 59.3145", // Mariatorget area, corner to corner
  })
  void routes_between_fixed_pairs_are_plausible(
      String ws, double lon1, double lat1, double lon2, double lat2) {
    SafeRoute r = wiring.safeRouter().route(ws, new LonLat(lon1, lat1), new LonLat(lon2, lat2));
    for (StreetPath p : List.of(r.shortest(), r.safe())) {
      LonLat a = p.coordinates().get(0);
      LonLat b = p.coordinates().get(p.coordinates().size() - 1);
      double straight = LocalProjection.haversineMeters(a.lon(), a.lat(), b.lon(), b.lat());
      assertThat(p.lengthMeters()).isGreaterThanOrEqualTo(straight - 0.01);
      double lineM = 0;
      double maxStepM = 0;
      for (int i = 1; i < p.coordinates().size(); i++) {
        LonLat x = p.coordinates().get(i - 1);
        LonLat y = p.coordinates().get(i);
        double step = LocalProjection.haversineMeters(x.lon(), x.lat(), y.lon(), y.lat());
        lineM += step;
        maxStepM = Math.max(maxStepM, step);
      }
      // No jumps: the drawn line is as long as the walked one, and no step spans a block.
      assertThat(lineM)
          .isCloseTo(
              p.lengthMeters(), org.assertj.core.data.Offset.offset(0.01 * p.lengthMeters() + 1));
      assertThat(maxStepM).isLessThan(400);
    }
    double straight = LocalProjection.haversineMeters(lon1, lat1, lon2, lat2);
    assertThat(r.shortest().lengthMeters()).isLessThanOrEqualTo(2 * straight);
    assertThat(r.safe().lengthMeters()).isGreaterThanOrEqualTo(r.shortest().lengthMeters() - 0.01);
    assertThat(r.safe().litShare()).isGreaterThanOrEqualTo(r.shortest().litShare() - 1e-9);
  }

  @Test
  void
      a_walk_with_40_candidates_in_helsinki_stays_within_budget_and_passes_the_must_visit_report() {
    List<UnsafePlace> reports = seedReports("helsinki", 60, 24.9360, 60.1645, 24.9530, 60.1785, 11);
    LonLat start = new LonLat(24.9414, 60.1710);
    // The must-visit report is the one farthest from the start within 800 m in a straight line.
    UnsafePlace must =
        reports.stream()
            .filter(u -> distance(u.location(), start) < 800)
            .max(java.util.Comparator.comparingDouble(u -> distance(u.location(), start)))
            .orElseThrow();
    WalkRequest req = WalkRequest.of(start, 3000).withMustVisit(List.of(must.externalId()));
    WalkPlan plan = wiring.walkPlanner().plan("helsinki", req);
    assertThat(plan.candidatesConsidered()).isEqualTo(40);
    assertThat(plan.lengthMeters()).isLessThanOrEqualTo(3000);
    assertThat(plan.stops()).isNotEmpty();
    assertThat(plan.stops()).anyMatch(WalkStop::mandatory);
    LonLat first = plan.route().coordinates().get(0);
    LonLat last = plan.route().coordinates().get(plan.route().coordinates().size() - 1);
    assertThat(first).isEqualTo(last);
    assertThat(plan.coveredPriority())
        .isGreaterThan(0)
        .isLessThanOrEqualTo(plan.availablePriority());
    assertThat(
            WalkProtocol.html(
                plan,
                wiring.workspaces().getWorkspace("helsinki"),
                wiring.places().index("helsinki"),
                se.tryggkarta.common.Lang.SV,
                Instant.now()))
        .contains("Stopp " + plan.stops().size(), "Belysning");
  }

  private static double distance(LonLat a, LonLat b) {
    return LocalProjection.haversineMeters(a.lon(), a.lat(), b.lon(), b.lat());
  }

  /** Reports at seeded random positions in a box (test input for the planner, not real data). */
  private List<UnsafePlace> seedReports(
      String ws, int n, double minLon, double minLat, double maxLon, double maxLat, long seed) {
    Random r = new Random(seed);
    String[] cats = {"darkness", "deserted", "drugs", "harassment"};
    List<UnsafePlace> out = new java.util.ArrayList<>();
    try (LayerWriter w = wiring.store().openWriter(ws, Layer.UNSAFE_PLACES)) {
      for (int i = 0; i < n; i++) {
        UnsafePlace u =
            new UnsafePlace(
                "r-" + i,
                new LonLat(
                    minLon + r.nextDouble() * (maxLon - minLon),
                    minLat + r.nextDouble() * (maxLat - minLat)),
                Instant.parse("2025-10-01T20:00:00Z").plusSeconds(3600L * i),
                cats[r.nextInt(cats.length)],
                "walk",
                Optional.empty(),
                Map.of());
        w.write(u);
        out.add(u);
      }
      w.commit();
    }
    return out;
  }
}
