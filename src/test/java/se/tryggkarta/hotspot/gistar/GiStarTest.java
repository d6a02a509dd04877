package se.tryggkarta.hotspot.gistar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.hotspot.TestPoints;
import se.tryggkarta.hotspot.grid.PointSet;

class GiStarTest {
  static final double Z_TOLERANCE = 1e-7;

  @Test
  void matches_the_pysal_esda_golden_case() {
    // PySAL esda's six points, values and a binary distance band of 15 (STYLE.md).
    double[] x = {10, 20, 40, 15, 30, 30};
    double[] y = {10, 10, 10, 20, 20, 30};
    double[] v = {2, 3, 3.2, 5, 8, 7};
    double[] z = GiStar.zScores(x, y, v, 15);
    double[] expected = {-1.39727626, -0.28917762, 0.65064964, -0.28917762, 1.23452088, 2.02424331};
    for (int i = 0; i < 6; i++) {
      assertThat(z[i]).as("z[%d]", i).isCloseTo(expected[i], within(Z_TOLERANCE));
    }
  }

  @Test
  void two_sided_p_value_of_z_1_96_is_0_05() {
    assertThat(GiStar.pValue(1.959964)).isCloseTo(0.05, within(1e-6));
    assertThat(GiStar.pValue(-1.959964)).isCloseTo(0.05, within(1e-6));
  }

  @Test
  void benjamini_hochberg_matches_a_hand_computed_example() {
    // m = 5, sorted p: .01 .02 .03 .04 .5 → m·p/k: .05 .05 .05 .05 .5 → running min from the top.
    double[] q = FalseDiscoveryRate.adjust(new double[] {0.03, 0.5, 0.01, 0.04, 0.02});
    assertThat(q).containsExactly(new double[] {0.05, 0.5, 0.05, 0.05, 0.05}, within(1e-12));
  }

  @Test
  void hexagon_lookup_returns_the_nearest_centre() {
    HexGrid grid = HexGrid.covering(new Bbox(0, 0, 1000, 800), 57);
    Random rnd = new Random(7);
    for (int t = 0; t < 2000; t++) {
      double x = 60 + rnd.nextDouble() * 880;
      double y = 60 + rnd.nextDouble() * 680;
      int found = grid.indexOf(x, y);
      int best = -1;
      double bestD = Double.POSITIVE_INFINITY;
      for (int i = 0; i < grid.size(); i++) {
        double d = Math.hypot(grid.centreX(i) - x, grid.centreY(i) - y);
        if (d < bestD) {
          bestD = d;
          best = i;
        }
      }
      assertThat(found).isEqualTo(best);
    }
  }

  @Test
  void inner_cells_of_the_auto_band_have_18_neighbours() {
    HexGrid grid = HexGrid.covering(new Bbox(0, 0, 1000, 1000), 100);
    int[][] nb = grid.neighbours(HexGrid.autoBand(100));
    int inner = grid.indexOf(500, 500);
    assertThat(nb[inner]).hasSize(19).contains(inner);
  }

  @Test
  void hexagon_gi_star_from_neighbourhood_sums_equals_the_neighbour_list_form() {
    PointSet pts = TestPoints.clustered(14, 3000, 5, 300, 0, 0, 5000);
    HexGrid grid = HexGrid.covering(new Bbox(0, 0, 5000, 5000), 150);
    double band = 420;
    double[] lists = GiStar.zScores(grid.sums(pts), grid.neighbours(band));
    GiStarResult r = GiStarResult.analyse(pts, grid, band);
    for (int i = 0; i < r.size(); i++) {
      assertThat(r.zScore(i)).isCloseTo(lists[i], within(Z_TOLERANCE));
    }
  }

  @Test
  void benjamini_hochberg_gives_tied_p_values_the_same_q() {
    double[] q = FalseDiscoveryRate.adjust(new double[] {0.04, 0.01, 0.04, 0.2});
    // sorted .01 .04 .04 .2 → 4p/k: .04 .08 .0533 .2 → step-up: .04 .0533 .0533 .2
    assertThat(q).containsExactly(new double[] {0.16 / 3, 0.04, 0.16 / 3, 0.2}, within(1e-12));
  }

  @Test
  void planted_hotspots_are_hot_at_99_after_fdr() {
    // 4 000 uniform events on 10 km × 10 km plus three tight clusters of 40 events each.
    PointSet background = TestPoints.uniform(11, 4000, 0, 0, 10_000, 10_000);
    double[][] planted = {{2500, 2500}, {7000, 3000}, {5000, 8000}};
    Random rnd = new Random(12);
    int n = background.size() + 120;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < background.size(); i++) {
      x[i] = background.x(i);
      y[i] = background.y(i);
    }
    for (int i = background.size(); i < n; i++) {
      double[] c = planted[(i - background.size()) % 3];
      x[i] = c[0] + rnd.nextGaussian() * 60;
      y[i] = c[1] + rnd.nextGaussian() * 60;
    }
    HexGrid grid = HexGrid.covering(new Bbox(0, 0, 10_000, 10_000), 250);
    GiStarResult r = GiStarResult.analyse(PointSet.unweighted(x, y), grid, HexGrid.autoBand(250));
    for (double[] c : planted) {
      assertThat(r.hotspotClass(grid.indexOf(c[0], c[1]))).isEqualTo(HotspotClass.HOT_99);
    }
  }

  @Test
  void uniform_random_events_yield_almost_no_hot_spots() {
    PointSet pts = TestPoints.uniform(13, 8000, 0, 0, 10_000, 10_000);
    HexGrid grid = HexGrid.covering(new Bbox(0, 0, 10_000, 10_000), 250);
    GiStarResult r = GiStarResult.analyse(pts, grid, HexGrid.autoBand(250));
    int hot = 0;
    for (int i = 0; i < r.size(); i++) {
      if (r.hotspotClass(i).isHot()) {
        hot++;
      }
    }
    assertThat(hot).as("hot cells of %d", r.size()).isLessThanOrEqualTo(r.size() / 100);
  }

  /** spdep's z-scores are printed with 15 significant digits; projections differ by millimetres. */
  static final double SPDEP_Z_TOLERANCE = 1e-6;

  @Test
  void equals_spdep_localG_on_every_hexagon_of_the_grid_for_the_memphis_robberies()
      throws java.io.IOException {
    // Golden file by src/test/resources/fixtures/golden/gistar-memphis.R (spdep 1.2-7): 400 m
    // hexagons, band 800 m, every hexagon of the grid (empty ones too), events binned by R itself.
    java.nio.file.Path dir = java.nio.file.Path.of("src/test/resources/fixtures");
    se.tryggkarta.common.Crs utm = se.tryggkarta.common.Crs.of(32616);
    java.util.List<String> lines =
        java.nio.file.Files.readAllLines(
            dir.resolve("crime-memphis-robberies/memphis_robberies.csv"));
    double[] x = new double[lines.size() - 1];
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      String[] c = lines.get(i + 1).split(",");
      se.tryggkarta.common.XY p =
          utm.toXY(
              new se.tryggkarta.common.LonLat(Double.parseDouble(c[3]), Double.parseDouble(c[4])));
      x[i] = p.x();
      y[i] = p.y();
    }
    PointSet pts = PointSet.unweighted(x, y);
    HexGrid grid = HexGrid.covering(pts.bounds().expandedBy(1), 400);
    GiStarResult r = GiStarResult.analyse(pts, grid, HexGrid.autoBand(400));
    java.util.List<String> golden =
        java.nio.file.Files.readAllLines(dir.resolve("golden/gistar-memphis-400m.csv"));
    assertThat(golden).hasSize(r.size() + 1);
    for (int i = 0; i < r.size(); i++) {
      String[] g = golden.get(i + 1).split(",");
      assertThat(grid.centreX(i)).isCloseTo(Double.parseDouble(g[1]), within(0.05));
      assertThat(grid.centreY(i)).isCloseTo(Double.parseDouble(g[2]), within(0.05));
      assertThat(r.sum(i)).as("count of hexagon %d", i).isEqualTo(Double.parseDouble(g[3]));
      assertThat(r.zScore(i))
          .as("z of hexagon %d", i)
          .isCloseTo(Double.parseDouble(g[4]), within(SPDEP_Z_TOLERANCE));
    }
  }
}
