package se.tryggkarta.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.AppConfig;
import se.tryggkarta.Wiring;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.demo.ExempelbyGenerator;
import se.tryggkarta.route.graph.LocalProjection;

/** {@code serve --demo} plans walks and safe routes out of the box on the synthetic Exempelby. */
class DemoWalkTest {
  @TempDir Path dir;

  @Test
  void the_demo_workspace_plans_a_walk_and_a_safe_route() {
    try (Wiring w =
        Wiring.open(
            new AppConfig(dir, 0, Optional.empty(), Optional.empty(), List.of(), 1L << 30))) {
      ExempelbyGenerator.populateIfAbsent(w.store());
      String ws = ExempelbyGenerator.WORKSPACE_ID;
      NetworkSummary s = w.networks().summary(ws);
      assertThat(s.edges()).isPositive();
      assertThat(s.mainComponentLengthMeters()).isGreaterThan(0.9 * s.totalLengthMeters());
      LonLat start = ExempelbyGenerator.ORIGIN;
      WalkPlan plan = w.walkPlanner().plan(ws, WalkRequest.of(start, 2500));
      assertThat(plan.stops()).isNotEmpty();
      assertThat(plan.lengthMeters()).isLessThanOrEqualTo(2500);
      LonLat to = new LonLat(start.lon() + 0.008, start.lat() + 0.004);
      SafeRoute r = w.safeRouter().route(ws, start, to);
      List<LonLat> line = r.safe().coordinates();
      LonLat a = line.get(0);
      LonLat b = line.get(line.size() - 1);
      assertThat(r.safe().lengthMeters())
          .isGreaterThanOrEqualTo(
              LocalProjection.haversineMeters(a.lon(), a.lat(), b.lon(), b.lat()))
          .isLessThan(3000);
      assertThat(r.safe().litShare()).isGreaterThanOrEqualTo(r.shortest().litShare() - 1e-9);
    }
  }
}
