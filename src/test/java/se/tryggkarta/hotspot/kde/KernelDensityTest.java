package se.tryggkarta.hotspot.kde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.hotspot.TestPoints;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.grid.PointSet;

class KernelDensityTest {
  /**
   * The acceptance bound: the fast path within 0.5 % of the grid maximum of the exact sum.
   */
  static final double FFT_TOLERANCE_OF_MAX = 0.005;

  /** The grid integral equals the weighted count to 1e-6 (relative). */
  static final double INTEGRAL_TOLERANCE = 1e-6;

  static final GridSpec GRID = GridSpec.covering(new Bbox(0, 0, 4000, 3000), 20);

  static Stream<Arguments> kernelsAndBandwidthPerCell() {
    return Stream.of(Kernel.values())
        .flatMap(k -> DoubleStream.of(1, 2, 3, 6, 15).mapToObj(r -> Arguments.of(k, r)));
  }

  /**
   * Clustered events (σ = 2h, h for the Gaussian) with a uniform background, well inside a grid of
   * 20 m cells, so the kernels lie wholly inside it; fewer events for the Gaussian, whose reach
   * (4h) makes the exact sum 16 times dearer.
   */
  private static PointSet eventsFor(Kernel kernel, double h, double size) {
    int n = kernel == Kernel.GAUSSIAN ? 150 : 1200;
    double spread = kernel == Kernel.GAUSSIAN ? h : 2 * h;
    PointSet clustered = TestPoints.clustered(3, n, 5, spread, size * 0.3, size * 0.3, size * 0.4);
    PointSet background =
        TestPoints.uniform(4, n / 3, size * 0.3, size * 0.3, size * 0.4, size * 0.4);
    double[] x = new double[clustered.size() + background.size()];
    double[] y = new double[x.length];
    double[] w = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      PointSet from = i < clustered.size() ? clustered : background;
      int k = i < clustered.size() ? i : i - clustered.size();
      x[i] = from.x(k);
      y[i] = from.y(k);
      w[i] = from.weight(k);
    }
    return PointSet.of(x, y, w);
  }

  @ParameterizedTest(name = "{0} at bandwidth/cell {1}")
  @MethodSource("kernelsAndBandwidthPerCell")
  void estimate_is_within_half_a_percent_of_the_exact_cell_sums_and_integrates_to_the_count(
      Kernel kernel, double bandwidthPerCell) {
    double cell = 20;
    double h = bandwidthPerCell * cell;
    // Big enough that clusters of σ = 2h near the middle keep all their mass inside.
    double size = Math.max(2000, 8 * (kernel.supportRadius() + 2) * h);
    int cells = (int) Math.ceil(size / cell);
    GridSpec grid = new GridSpec(0, 0, cell, cells, cells);
    PointSet pts = eventsFor(kernel, h, size);
    DensityGrid estimate = KernelDensity.estimate(pts, grid, kernel, h);
    DensityGrid exact = KernelDensity.exact(pts, grid, kernel, h);
    double worst = 0;
    for (int i = 0; i < grid.cellCount(); i++) {
      worst = Math.max(worst, Math.abs(estimate.value(i) - exact.value(i)));
    }
    assertThat(worst / exact.max()).as("worst difference / max").isLessThan(FFT_TOLERANCE_OF_MAX);
    double w = pts.totalWeight();
    assertThat(Math.abs(estimate.integralEvents() / w - 1)).isLessThan(INTEGRAL_TOLERANCE);
    assertThat(Math.abs(exact.integralEvents() / w - 1)).isLessThan(INTEGRAL_TOLERANCE);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Kernel.class)
  void estimate_matches_exact_cell_sums_on_random_points_beyond_the_grid_edge(Kernel kernel) {
    // Events spill 200 m past the 4 km × 3 km grid: their kernels reach in from outside.
    PointSet pts =
        TestPoints.uniform(1, kernel == Kernel.GAUSSIAN ? 1000 : 5000, -200, -200, 4400, 3400);
    double h = kernel == Kernel.GAUSSIAN ? 40 : 160;
    DensityGrid estimate = KernelDensity.estimate(pts, GRID, kernel, h);
    DensityGrid exact = KernelDensity.exact(pts, GRID, kernel, h);
    double worst = 0;
    for (int i = 0; i < GRID.cellCount(); i++) {
      worst = Math.max(worst, Math.abs(estimate.value(i) - exact.value(i)));
    }
    assertThat(worst / exact.max()).isLessThan(FFT_TOLERANCE_OF_MAX);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Kernel.class)
  void cell_masses_of_a_tiling_sum_to_one(Kernel kernel) {
    // Cells of 0.37 bandwidths, offset by an awkward fraction: partition of unity to round-off.
    double c = 0.37;
    double ox = 0.113;
    double oy = -0.291;
    int reach = (int) Math.ceil(kernel.supportRadius() / c) + 2;
    double sum = 0;
    for (int i = -reach; i <= reach; i++) {
      for (int j = -reach; j <= reach; j++) {
        sum += CellMass.of(kernel, ox + j * c, ox + (j + 1) * c, oy + i * c, oy + (i + 1) * c);
      }
    }
    assertThat(sum).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-12));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Kernel.class)
  void cell_mass_equals_a_brute_force_midpoint_sum_on_cells_across_the_rim(Kernel kernel) {
    // An independent oracle: 1200 × 1200 midpoints of the kernel's own value over the cell.
    double r = kernel.supportRadius();
    double[][] cells = {
      {0.6 * r, 1.3 * r, -0.2 * r, 0.5 * r}, {-0.9 * r, -0.2 * r, 0.4 * r, 0.9 * r}
    };
    for (double[] c : cells) {
      int m = 1200;
      double dx = (c[1] - c[0]) / m;
      double dy = (c[3] - c[2]) / m;
      double brute = 0;
      for (int i = 0; i < m; i++) {
        double y = c[2] + (i + 0.5) * dy;
        for (int j = 0; j < m; j++) {
          double x = c[0] + (j + 0.5) * dx;
          brute += kernel.value(x * x + y * y) * dx * dy;
        }
      }
      double mass = CellMass.of(kernel, c[0], c[1], c[2], c[3]);
      // The midpoint rule's error at the kernel's rim is O(dx) for the uniform kernel.
      assertThat(mass)
          .isCloseTo(brute, org.assertj.core.data.Offset.offset(2e-4 * Math.max(mass, 1e-3)));
    }
  }

  @Test
  void edge_correction_lifts_the_border_to_the_interior_level_of_uniform_events() {
    // 40 000 events uniform on exactly the grid: without correction the border cells see only
    // about half a kernel of events (≈ 0.5 × interior); with it they match the interior.
    GridSpec grid = new GridSpec(0, 0, 20, 100, 100);
    PointSet pts = TestPoints.uniform(6, 40_000, 0, 0, 2000, 2000);
    DensityGrid plain = KernelDensity.estimate(pts, grid, Kernel.QUARTIC, 200, false);
    DensityGrid corrected = KernelDensity.estimate(pts, grid, Kernel.QUARTIC, 200, true);
    double interior = meanOfRows(corrected, 40, 60);
    assertThat(meanOfRows(plain, 0, 1) / meanOfRows(plain, 40, 60)).isBetween(0.45, 0.65);
    assertThat(meanOfRows(corrected, 0, 1) / interior).isBetween(0.9, 1.1);
  }

  private static double meanOfRows(DensityGrid d, int fromRow, int toRow) {
    double s = 0;
    int n = 0;
    for (int iy = fromRow; iy < toRow; iy++) {
      for (int ix = 20; ix < 80; ix++) {
        s += d.value(ix, iy);
        n++;
      }
    }
    return s / n;
  }

  @Test
  void a_single_event_at_a_cell_centre_gives_that_cell_its_mean_kernel_density() {
    // One event at the centre of cell (10, 10) ± 10 m, quartic h = 100 m: the cell's value is the
    // kernel's mass over the 20 m square divided by its area, just under K(0)/h² = 95.49 per km².
    GridSpec grid = new GridSpec(-500, -500, 20, 50, 50);
    PointSet one = PointSet.unweighted(new double[] {10}, new double[] {10});
    DensityGrid d = KernelDensity.estimate(one, grid, Kernel.QUARTIC, 100);
    double mean = CellMass.of(Kernel.QUARTIC, -0.1, 0.1, -0.1, 0.1) / (20 * 20) * 1e6;
    assertThat(d.max()).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(mean).isBetween(0.98 * 3 / Math.PI / 1e4 * 1e6, 3 / Math.PI / 1e4 * 1e6);
    assertThat(d.valueAt(new se.tryggkarta.common.XY(10, 10))).isEqualTo(d.max());
  }

  @Test
  void symmetric_input_gives_a_symmetric_map() {
    GridSpec grid = new GridSpec(-500, -500, 10, 100, 100);
    PointSet pts =
        PointSet.unweighted(new double[] {-120, 120, 0, 0}, new double[] {0, 0, -120, 120});
    DensityGrid d = KernelDensity.estimate(pts, grid, Kernel.QUARTIC, 150);
    for (int iy = 0; iy < 100; iy++) {
      for (int ix = 0; ix < 100; ix++) {
        assertThat(d.value(ix, iy))
            .isCloseTo(d.value(99 - ix, iy), org.assertj.core.data.Offset.offset(1e-3));
        assertThat(d.value(ix, iy))
            .isCloseTo(d.value(iy, ix), org.assertj.core.data.Offset.offset(1e-3));
      }
    }
  }

  @Test
  void rejects_negative_bandwidth() {
    PointSet pts = PointSet.unweighted(new double[] {0}, new double[] {0});
    assertThatThrownBy(() -> KernelDensity.estimate(pts, GRID, Kernel.QUARTIC, -5))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).contains("bandwidth"));
  }

  @Test
  void rejects_a_bandwidth_reaching_thousands_of_cells() {
    PointSet pts = PointSet.unweighted(new double[] {0}, new double[] {0});
    assertThatThrownBy(() -> KernelDensity.estimate(pts, GRID, Kernel.QUARTIC, 1e6))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).contains("bandwidth"));
  }

  @Test
  void rejects_a_grid_of_more_than_25_million_cells() {
    assertThatThrownBy(() -> GridSpec.covering(new Bbox(0, 0, 60_000, 60_000), 10))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).contains("cell"));
  }

  @Test
  void rejects_unknown_kernel() {
    assertThatThrownBy(() -> Kernel.parse("kernel", "triangle"))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).contains("kernel"));
  }
}
