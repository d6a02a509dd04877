package se.tryggkarta.hotspot.gistar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.XY;
import se.tryggkarta.hotspot.grid.PointSet;

class ConditionalPermutationTest {
  /** Standard errors of the difference of two independent pseudo p-values a cell may be apart. */
  static final double TYPICAL_SE = 3;

  static final double MAX_SE = 5;

  /** Share of cells allowed beyond {@link #TYPICAL_SE}: 0.27 % expected under the same scheme. */
  static final double BEYOND_TYPICAL_SHARE = 0.01;

  @Test
  void pseudo_p_values_equal_an_independent_r_implementation_within_monte_carlo_error()
      throws IOException {
    // Golden by src/test/resources/fixtures/golden/gistar-permutation-memphis.R: 400 m hexagons,
    // band 800 m, R = 999 conditional permutations (focal fixed, no replacement), its own RNG.
    Path dir = Path.of("src/test/resources/fixtures");
    Crs utm = Crs.of(32616);
    List<String> lines =
        Files.readAllLines(dir.resolve("crime-memphis-robberies/memphis_robberies.csv"));
    double[] x = new double[lines.size() - 1];
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      String[] c = lines.get(i + 1).split(",");
      XY p = utm.toXY(new LonLat(Double.parseDouble(c[3]), Double.parseDouble(c[4])));
      x[i] = p.x();
      y[i] = p.y();
    }
    PointSet pts = PointSet.unweighted(x, y);
    HexGrid grid = HexGrid.covering(pts.bounds().expandedBy(1), 400);
    int permutations = 999;
    GiStarResult r =
        GiStarResult.analyse(
            pts,
            grid,
            HexGrid.autoBand(400),
            Optional.of(new PermutationInference(permutations, 25)));
    List<String> golden =
        Files.readAllLines(dir.resolve("golden/gistar-permutation-memphis-400m.csv"));
    assertThat(golden).hasSize(r.size() + 1);
    int beyondTypical = 0;
    double worst = 0;
    for (int i = 0; i < r.size(); i++) {
      String[] g = golden.get(i + 1).split(",");
      assertThat(r.sum(i)).isEqualTo(Double.parseDouble(g[1]));
      assertThat(r.zScore(i)).isCloseTo(Double.parseDouble(g[2]), within(1e-6));
      double pR = Double.parseDouble(g[3]);
      double pJava = r.pValue(i);
      double pooled = (pR + pJava) / 2;
      // Two binomial proportions of R draws each, plus one step of 1/(R + 1) for the + 1.
      double se = Math.sqrt(pooled * (1 - pooled) * 2.0 / permutations);
      double slack = 1.0 / (permutations + 1);
      double gap = Math.max(0, Math.abs(pJava - pR) - slack);
      if (gap > TYPICAL_SE * se) {
        beyondTypical++;
      }
      worst = Math.max(worst, se > 0 ? gap / se : gap > 0 ? Double.POSITIVE_INFINITY : 0);
    }
    assertThat(worst)
        .as("largest gap in standard errors; beyond 3 se: " + beyondTypical)
        .isLessThanOrEqualTo(MAX_SE);
    assertThat((double) beyondTypical / r.size()).isLessThanOrEqualTo(BEYOND_TYPICAL_SHARE);
  }

  @Test
  void pseudo_p_values_approach_the_exact_permutation_distribution_of_a_small_case() {
    // esda's six values; cell 4 (value 8) with neighbours {1, 4, 5} (sum 3 + 8 + 7 = 18). Holding 8
    // fixed, the other two come from {2, 3, 3.2, 5, 7}: C(5,2) = 10 equally likely pairs with sums
    // 5 5.2 7 9 6.2 8 10 8.2 10 12.2 → L = 8 + pair; L ≥ 18 needs pair ≥ 10: 10, 10, 12.2 → 3/10;
    // L ≤ 18: 8/10. The nearer tail is 0.3.
    double[] x = {2, 3, 3.2, 5, 8, 7};
    double[] sums = {0, 0, 0, 0, 18, 0};
    int[] sizes = {1, 1, 1, 1, 3, 1};
    int permutations = 99_999;
    double[] p = ConditionalPermutation.pseudoPValues(x, sums, sizes, permutations, 7);
    double se = Math.sqrt(0.3 * 0.7 / permutations);
    assertThat(p[4]).isCloseTo(0.3, within(4 * se));
    assertThat(p[0]).as("no neighbour to permute").isEqualTo(1);
  }

  @Test
  void the_same_seed_gives_the_same_p_values_and_another_seed_others() {
    double[] x = {0, 1, 4, 0, 2, 9, 1, 0, 3, 5};
    double[] sums = {1, 5, 5, 6, 11, 12, 10, 4, 8, 8};
    int[] sizes = {2, 3, 3, 3, 3, 3, 3, 3, 3, 2};
    double[] a = ConditionalPermutation.pseudoPValues(x, sums, sizes, 199, 1);
    double[] b = ConditionalPermutation.pseudoPValues(x, sums, sizes, 199, 1);
    double[] c = ConditionalPermutation.pseudoPValues(x, sums, sizes, 199, 2);
    assertThat(a).containsExactly(b);
    assertThat(a).isNotEqualTo(c);
  }

  @Test
  void an_empty_neighbourhood_among_mostly_empty_cells_is_not_significant() {
    // 100 cells, 5 with one event: an empty cell with 6 neighbours ties with most draws. esda's
    // fold
    // would give it p = 1/(R + 1); the nearer tail with ties in both is about P(all 6 empty) ≈
    // 0.73.
    double[] x = new double[100];
    for (int k = 0; k < 5; k++) {
      x[k * 20] = 1;
    }
    double[] sums = new double[100];
    int[] sizes = new int[100];
    java.util.Arrays.fill(sizes, 7);
    double[] p = ConditionalPermutation.pseudoPValues(x, sums, sizes, 999, 3);
    assertThat(p[50]).isGreaterThan(0.5);
  }
}
