package se.tryggkarta.hotspot.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.XY;
import se.tryggkarta.hotspot.TestPoints;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.grid.PointSet;
import se.tryggkarta.hotspot.kde.DensityGrid;
import se.tryggkarta.hotspot.kde.Kernel;
import se.tryggkarta.hotspot.kde.KernelDensity;

class PatrolSitesTest {
  /** FFT circle sums against brute force, in expected events. */
  static final double MASS_TOLERANCE_EVENTS = 1e-3;

  static final GridSpec GRID = GridSpec.covering(new Bbox(0, 0, 3000, 3000), 20);

  @Test
  void circle_mass_equals_the_brute_force_sum_of_cells_within_the_radius() {
    PointSet pts = TestPoints.clustered(21, 2000, 5, 200, 0, 0, 3000);
    DensityGrid d = KernelDensity.estimate(pts, GRID, Kernel.QUARTIC, 150);
    double[] mass = PatrolSites.circleMass(d, 100);
    Random rnd = new Random(22);
    for (int t = 0; t < 200; t++) {
      int c = rnd.nextInt(GRID.cellCount());
      XY centre = GRID.centre(c);
      double brute = 0;
      for (int i = 0; i < GRID.cellCount(); i++) {
        if (GRID.centre(i).distanceTo(centre) <= 100) {
          brute += d.value(i) * GRID.cellAreaM2() / 1e6;
        }
      }
      assertThat(mass[c]).isCloseTo(brute, within(MASS_TOLERANCE_EVENTS));
    }
  }

  @Test
  void planted_clusters_come_first_in_order_of_size_and_sites_do_not_overlap() {
    double[][] centres = {{500, 500}, {2200, 900}, {1500, 2500}};
    int[] sizes = {90, 60, 30};
    int n = 90 + 60 + 30 + 300;
    double[] x = new double[n];
    double[] y = new double[n];
    Random rnd = new Random(23);
    int k = 0;
    for (int c = 0; c < 3; c++) {
      for (int i = 0; i < sizes[c]; i++, k++) {
        x[k] = centres[c][0] + rnd.nextGaussian() * 30;
        y[k] = centres[c][1] + rnd.nextGaussian() * 30;
      }
    }
    for (; k < n; k++) {
      x[k] = rnd.nextDouble() * 3000;
      y[k] = rnd.nextDouble() * 3000;
    }
    PointSet pts = PointSet.unweighted(x, y);
    DensityGrid d = KernelDensity.estimate(pts, GRID, Kernel.QUARTIC, 100);
    List<PatrolSite> sites = PatrolSites.rank(d, pts, 100, 10);
    assertThat(sites).hasSize(10);
    for (int c = 0; c < 3; c++) {
      assertThat(sites.get(c).centre().distanceTo(new XY(centres[c][0], centres[c][1])))
          .as("site %d", c + 1)
          .isLessThan(50);
      assertThat(sites.get(c).eventsCovered()).isGreaterThanOrEqualTo(sizes[c] * 8 / 10);
    }
    for (int i = 0; i < sites.size(); i++) {
      assertThat(sites.get(i).rank()).isEqualTo(i + 1);
      if (i > 0) {
        assertThat(sites.get(i).score()).isLessThanOrEqualTo(sites.get(i - 1).score());
      }
      for (int j = 0; j < i; j++) {
        assertThat(sites.get(i).centre().distanceTo(sites.get(j).centre()))
            .isGreaterThanOrEqualTo(200);
      }
    }
    assertThat(PatrolSites.rank(d, pts, 100, 10)).isEqualTo(sites);
  }
}
