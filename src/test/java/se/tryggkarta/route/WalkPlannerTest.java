package se.tryggkarta.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import se.tryggkarta.AppConfig;
import se.tryggkarta.Wiring;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.layer.Lit;
import se.tryggkarta.layer.StreetSegment;
import se.tryggkarta.layer.UnsafePlace;
import se.tryggkarta.route.graph.Dijkstra;
import se.tryggkarta.route.graph.EdgeCost;
import se.tryggkarta.route.graph.LocalProjection;
import se.tryggkarta.route.graph.Location;
import se.tryggkarta.workspace.Workspace;

/**
 * The planner on a hand-built street grid in the real GeoPackage store: 6×6 junctions 100 m apart
 * (N–S and E–W streets, each 500 m), reports placed at junctions. A 1 200 m loop from the corner
 * can reach at most junctions within 600 m walking.
 */
class WalkPlannerTest {
  static final double LON0 = 11.80;
  static final double LAT0 = 58.07;
  static final double DEG_PER_M = 1 / (Math.toRadians(1) * LocalProjection.EARTH_RADIUS_M);
  static final double BUDGET_TOLERANCE_M = 1e-6;

  @TempDir Path dir;
  Wiring wiring;

  static LonLat at(double eastM, double northM) {
    return new LonLat(
        LON0 + eastM * DEG_PER_M / Math.cos(Math.toRadians(LAT0)), LAT0 + northM * DEG_PER_M);
  }

  @BeforeEach
  void grid() {
    wiring =
        Wiring.open(new AppConfig(dir, 0, Optional.empty(), Optional.empty(), List.of(), 1L << 30));
    wiring.store().createWorkspace(Workspace.of("grid", "Grid"));
    GeometryFactory f = new GeometryFactory();
    try (LayerWriter w = wiring.store().openWriter("grid", Layer.STREETS)) {
      for (int k = 0; k < 6; k++) {
        Coordinate[] ns = new Coordinate[6];
        Coordinate[] ew = new Coordinate[6];
        for (int i = 0; i < 6; i++) {
          LonLat a = at(k * 100, i * 100);
          LonLat b = at(i * 100, k * 100);
          ns[i] = new Coordinate(a.lon(), a.lat());
          ew[i] = new Coordinate(b.lon(), b.lat());
        }
        w.write(street("ns" + k, f.createLineString(ns)));
        w.write(street("ew" + k, f.createLineString(ew)));
      }
      w.commit();
    }
  }

  private static StreetSegment street(String id, org.locationtech.jts.geom.LineString l) {
    return new StreetSegment(id, l, "residential", Lit.YES, Optional.empty(), Map.of());
  }

  @AfterEach
  void close() {
    wiring.close();
  }

  private void reports(List<int[]> junctions) {
    try (LayerWriter w = wiring.store().openWriter("grid", Layer.UNSAFE_PLACES)) {
      int n = 0;
      for (int[] j : junctions) {
        for (int c = 0; c < j[2]; c++) {
          w.write(
              new UnsafePlace(
                  "r" + j[0] + j[1] + "-" + c,
                  at(j[0] * 100, j[1] * 100),
                  Instant.parse("2025-01-01T12:00:00Z").plusSeconds(n++),
                  "darkness",
                  "walk",
                  Optional.empty(),
                  Map.of()));
        }
      }
      w.commit();
    }
  }

  @Test
  void points_closer_than_30_m_on_the_street_become_one_stop_with_both_reasons() {
    // Two points 20 m apart on the street x = 200 (north of the junction at y = 200), and one
    // far apart at (400, 400): two stops, the first carrying both reasons and both weights.
    PriorityPoint a = point("a", at(200, 210), 2, "först");
    PriorityPoint b = point("b", at(200, 230), 1, "sedan");
    PriorityPoint c = point("c", at(400, 400), 1, "långt bort");
    WalkPlanner planner =
        new WalkPlanner(
            wiring.networks(),
            wiring.workspaces(),
            List.of(w -> List.of(a, b, c)),
            wiring.places());
    WalkPlan plan = planner.plan("grid", WalkRequest.of(at(0, 0), 2000));
    assertThat(plan.stops()).hasSize(2);
    WalkStop merged =
        plan.stops().stream().filter(s -> s.memberIds().contains("a")).findFirst().orElseThrow();
    assertThat(merged.memberIds()).containsExactly("a", "b");
    assertThat(merged.weight()).isEqualTo(3);
    assertThat(merged.reason(se.tryggkarta.common.Lang.SV)).isEqualTo("först; sedan");
    // every two stops lie at least 30 m apart
    for (WalkStop s : plan.stops()) {
      for (WalkStop t : plan.stops()) {
        if (s != t) {
          assertThat(
                  LocalProjection.haversineMeters(
                      s.location().lon(),
                      s.location().lat(),
                      t.location().lon(),
                      t.location().lat()))
              .isGreaterThanOrEqualTo(WalkPlanner.MERGE_STOPS_M);
        }
      }
    }
    // the merged point can still be asked for by its own id
    WalkPlan must =
        planner.plan("grid", WalkRequest.of(at(0, 0), 2000).withMustVisit(List.of("b")));
    assertThat(must.stops()).anyMatch(s -> s.mandatory() && s.memberIds().contains("b"));
  }

  private static PriorityPoint point(String id, LonLat at, double weight, String reason) {
    return new PriorityPoint(
        id,
        at,
        weight,
        se.tryggkarta.common.Text.of(reason, reason),
        se.tryggkarta.common.Text.of("", ""),
        PriorityPoint.Kind.UNSAFE_PLACES,
        1,
        java.util.Set.of(),
        java.util.OptionalInt.empty());
  }

  @Test
  void reaches_95_percent_of_the_brute_force_optimum_on_small_street_instances() {
    Random r = new Random(3);
    for (int trial = 0; trial < 6; trial++) {
      wiring.close();
      grid0(trial);
      List<int[]> js = new ArrayList<>();
      for (int k = 0; k < 6; k++) {
        // distinct junctions at least 200 m apart in x or y, so that each is its own cluster
        js.add(new int[] {(k % 3) * 2 + (trial % 2), (k / 3) * 3 + 1, 1 + r.nextInt(5)});
      }
      reports(js);
      double budget = 800 + r.nextInt(1200);
      WalkPlan plan = wiring.walkPlanner().plan("grid", WalkRequest.of(at(0, 0), budget));
      assertThat(plan.lengthMeters()).isLessThanOrEqualTo(budget + BUDGET_TOLERANCE_M);
      double opt = bruteForce(js, budget);
      assertThat(plan.coveredPriority()).as("trial %d", trial).isGreaterThanOrEqualTo(0.95 * opt);
    }
  }

  private void grid0(int trial) {
    dir = dir.resolve("t" + trial);
    grid();
  }

  /** Best total weight of any subset visitable in a loop within the budget, walking distances. */
  private double bruteForce(List<int[]> js, double budget) {
    StreetNetwork net = wiring.networks().network("grid");
    List<Location> locs = new ArrayList<>();
    locs.add(net.snapper().nearest(at(0, 0)).orElseThrow());
    for (int[] j : js) {
      locs.add(net.snapper().nearest(at(j[0] * 100, j[1] * 100)).orElseThrow());
    }
    int n = locs.size();
    double[][] d = new double[n][n];
    Dijkstra dj = new Dijkstra(net.graph(), EdgeCost.LENGTH);
    for (int i = 0; i < n; i++) {
      var t = dj.from(locs.get(i));
      for (int j = 0; j < n; j++) {
        d[i][j] = t.costTo(locs.get(j));
      }
    }
    double[] prize = new double[n];
    for (int i = 1; i < n; i++) {
      prize[i] = js.get(i - 1)[2];
    }
    return se.tryggkarta.route.walk.BruteForceOrienteering.optimum(d, prize, budget, true);
  }

  @Test
  void an_open_walk_ends_at_its_last_stop_and_stops_come_in_walking_order() {
    reports(List.of(new int[] {2, 0, 3}, new int[] {4, 0, 2}, new int[] {4, 3, 4}));
    WalkRequest open = new WalkRequest(at(0, 0), 1500, List.of(), Optional.empty(), false, 5, 40);
    WalkPlan plan = wiring.walkPlanner().plan("grid", open);
    assertThat(plan.stops()).hasSize(3);
    // (0,0) → (200,0) → (400,0) → (400,300): 200 + 200 + 300 = 700 m, no way back.
    assertThat(plan.lengthMeters()).isCloseTo(700, org.assertj.core.data.Offset.offset(3.5));
    LonLat end = plan.route().coordinates().get(plan.route().coordinates().size() - 1);
    assertThat(end).isEqualTo(plan.stops().get(2).location());
    assertThat(plan.stops()).extracting(WalkStop::distanceFromStartMeters).isSorted();
    // 700 m at 4.5 km/h is 9.33 minutes, plus 3 stops × 5 minutes.
    assertThat(plan.totalMinutes())
        .isCloseTo(700 / 75.0 + 15, org.assertj.core.data.Offset.offset(0.1));
  }

  @Test
  void must_visit_stops_beyond_the_budget_are_refused_with_the_length_they_need() {
    reports(List.of(new int[] {5, 5, 1}));
    // The far corner is 1 000 m away: a loop needs 2 000 m, more than 1 500.
    WalkRequest r = WalkRequest.of(at(0, 0), 1500).withMustVisit(List.of("r55-0"));
    assertThatThrownBy(() -> wiring.walkPlanner().plan("grid", r))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.UNPROCESSABLE);
              assertThat(e.getMessage()).contains("2000 m");
            });
    WalkPlan ok =
        wiring
            .walkPlanner()
            .plan("grid", WalkRequest.of(at(0, 0), 2100).withMustVisit(List.of("r55-0")));
    assertThat(ok.stops()).extracting(WalkStop::mandatory).containsExactly(true);
  }
}
