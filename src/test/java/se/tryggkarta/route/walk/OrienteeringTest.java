package se.tryggkarta.route.walk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OrienteeringTest {
  private static final double TOLERANCE_M = 1e-6;

  /** Random points in a 1 km square; Euclidean distances in metres. */
  private static double[][] instance(Random r, int n) {
    double[][] p = new double[n + 1][2];
    for (double[] q : p) {
      q[0] = r.nextDouble() * 1000;
      q[1] = r.nextDouble() * 1000;
    }
    double[][] d = new double[n + 1][n + 1];
    for (int i = 0; i <= n; i++) {
      for (int j = 0; j <= n; j++) {
        d[i][j] = Math.hypot(p[i][0] - p[j][0], p[i][1] - p[j][1]);
      }
    }
    return d;
  }

  private static double[] prizes(Random r, int n) {
    double[] p = new double[n + 1];
    for (int i = 1; i <= n; i++) {
      p[i] = 1 + r.nextInt(10);
    }
    return p;
  }

  @Test
  void reaches_95_percent_of_the_brute_force_optimum_on_small_instances() {
    Random r = new Random(20261129);
    for (int trial = 0; trial < 60; trial++) {
      int n = 5 + r.nextInt(4);
      double[][] d = instance(r, n);
      double[] p = prizes(r, n);
      double budget = 800 + r.nextDouble() * 2000;
      boolean loop = trial % 3 != 0;
      Orienteering.Tour t = new Orienteering(d, p, budget, loop).solve(List.of()).orElseThrow();
      double opt = BruteForceOrienteering.optimum(d, p, budget, loop);
      assertThat(t.length()).isLessThanOrEqualTo(budget + TOLERANCE_M);
      assertThat(t.prize())
          .as("trial %d, optimum %s", trial, opt)
          .isGreaterThanOrEqualTo(0.95 * opt);
    }
  }

  @Test
  void never_exceeds_the_budget_and_keeps_every_mandatory_stop() {
    Random r = new Random(7);
    for (int trial = 0; trial < 40; trial++) {
      int n = 12;
      double[][] d = instance(r, n);
      double[] p = prizes(r, n);
      double budget = 2500 + r.nextDouble() * 1500;
      List<Integer> mandatory = List.of(1 + r.nextInt(n));
      Orienteering o = new Orienteering(d, p, budget, true);
      Orienteering.Tour t = o.solve(mandatory).orElseThrow();
      assertThat(t.length()).isLessThanOrEqualTo(budget + TOLERANCE_M);
      assertThat(t.order()).containsAll(mandatory).doesNotHaveDuplicates().doesNotContain(0);
      assertThat(o.length(t.order()))
          .isCloseTo(t.length(), org.assertj.core.data.Offset.offset(1e-6));
    }
  }

  @Test
  void answers_empty_when_the_mandatory_stops_alone_exceed_the_budget() {
    // start (0,0), stop 1 at (600,0) and back: 1200 m > 1000 m budget
    double[][] d = {{0, 600}, {600, 0}};
    assertThat(new Orienteering(d, new double[] {0, 1}, 1000, true).solve(List.of(1))).isEmpty();
    assertThat(new Orienteering(d, new double[] {0, 1}, 1000, false).solve(List.of(1))).isPresent();
  }

  @Test
  void two_opt_untangles_a_crossing_square() {
    // square corners 0 (0,0), 1 (1,0), 2 (1,1), 3 (0,1); order 2,1,3 crosses: 1.414+1+1.414+1
    double s = Math.sqrt(2);
    double[][] d = {{0, 1, s, 1}, {1, 0, 1, s}, {s, 1, 0, 1}, {1, s, 1, 0}};
    Orienteering o = new Orienteering(d, new double[] {0, 1, 1, 1}, 10, true);
    List<Integer> order = new ArrayList<>(List.of(2, 1, 3));
    o.twoOpt(order);
    assertThat(o.length(order)).isCloseTo(4.0, org.assertj.core.data.Offset.offset(1e-9));
  }
}
