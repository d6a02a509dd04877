package se.tryggkarta.hotspot.kde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
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

  /** Bandwidth/cell ratios drawn per kernel by {@link #randomRatios}. */
  static final int RANDOM_RATIOS = 6;

  /**
   * Seeded bandwidth/cell ratios, log-uniform in [1, 30] so that the coarse cells, where the
   * binning lattice has several phases and the plan changes often, are drawn as often as the fine.
   */
  static double[] randomRatios(Kernel kernel) {
    Random rnd = new Random(19 + kernel.ordinal());
    return DoubleStream.generate(() -> Math.exp(rnd.nextDouble() * Math.log(30)))
        .limit(RANDOM_RATIOS)
        .toArray();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Kernel.class, names = "UNIFORM", mode = EnumSource.Mode.EXCLUDE)
  void a_lone_event_stays_within_half_a_percent_of_its_peak_at_random_bandwidth_per_cell_ratios(
      Kernel kernel) {
    // One event is the hardest map: its own peak is the maximum, and no neighbour averages its
    // binning error away (a repeat address with many events is the same map scaled).
    Random rnd = new Random(7);
    for (double ratio : randomRatios(kernel)) {
      double cell = 20;
      double h = ratio * cell;
      // Room for the kernel and the cubic stencil's tails on every side.
      int cells = 2 * (int) Math.ceil(kernel.supportRadius() * ratio) + 40;
      GridSpec grid = new GridSpec(0, 0, cell, cells, cells);
      for (int t = 0; t < 3; t++) {
        double x = (cells / 2 + rnd.nextDouble()) * cell;
        double y = (cells / 2 + rnd.nextDouble()) * cell;
        PointSet one = PointSet.unweighted(new double[] {x}, new double[] {y});
        DensityGrid estimate = KernelDensity.estimate(one, grid, kernel, h);
        DensityGrid exact = KernelDensity.exact(one, grid, kernel, h);
        assertThat(worstDifference(estimate, exact) / exact.max())
            .as("%s at bandwidth/cell %.2f, event at (%.1f, %.1f)", kernel, ratio, x, y)
            .isLessThan(FFT_TOLERANCE_OF_MAX);
        assertThat(Math.abs(estimate.integralEvents() - 1)).isLessThan(INTEGRAL_TOLERANCE);
        assertThat(estimate.max()).isGreaterThan(0);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Kernel.class)
  void clustered_events_with_repeat_addresses_stay_within_half_a_percent_at_random_ratios(
      Kernel kernel) {
    for (double ratio : randomRatios(kernel)) {
      double cell = 20;
      double h = ratio * cell;
      // Cluster centres lie at least 0.38 × size inside the grid; events within 4σ of them keep
      // their whole kernel inside.
      double spread = kernel == Kernel.UNIFORM ? 2 * h : h;
      double size = Math.max(1000, (4 * spread + kernel.supportRadius() * h) / 0.35);
      int cells = (int) Math.ceil(size / cell);
      GridSpec grid = new GridSpec(0, 0, cell, cells, cells);
      PointSet pts = withRepeatAddresses(kernel, spread, size);
      DensityGrid estimate = KernelDensity.estimate(pts, grid, kernel, h);
      DensityGrid exact = KernelDensity.exact(pts, grid, kernel, h);
      assertThat(worstDifference(estimate, exact) / exact.max())
          .as("%s at bandwidth/cell %.2f", kernel, ratio)
          .isLessThan(FFT_TOLERANCE_OF_MAX);
      assertThat(Math.abs(estimate.integralEvents() / pts.totalWeight() - 1))
          .isLessThan(INTEGRAL_TOLERANCE);
    }
  }

  /**
   * Events in three clusters (σ = h) with a fifth of them stacked on four addresses, as real
   * incidents repeat at one coordinate; for the uniform kernel, whose rim no lattice resolves for a
   * point-like pile, the clusters alone (σ = 2h).
   */
  private static PointSet withRepeatAddresses(Kernel kernel, double spread, double size) {
    boolean stack = kernel != Kernel.UNIFORM;
    PointSet clustered =
        TestPoints.clustered(5, 240, 3, spread, size * 0.3, size * 0.3, size * 0.4);
    Random rnd = new Random(9);
    double[] ax = new double[4];
    double[] ay = new double[4];
    for (int a = 0; a < 4; a++) {
      ax[a] = size * (0.35 + 0.3 * rnd.nextDouble());
      ay[a] = size * (0.35 + 0.3 * rnd.nextDouble());
    }
    int n = clustered.size();
    double[] x = new double[n];
    double[] y = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      boolean repeat = stack && i % 5 == 0;
      x[i] = repeat ? ax[i % 4] : clustered.x(i);
      y[i] = repeat ? ay[i % 4] : clustered.y(i);
      w[i] = clustered.weight(i);
    }
    return PointSet.of(x, y, w);
  }

  @Test
  void estimate_on_a_lattice_too_large_to_hold_at_once_matches_exact_cell_sums() {
    // Bandwidth = cell needs 4 × 4 phases: the 1 000 × 1 000 grid's fine lattice (> 16 million
    // nodes) is not held, and every phase is binned in its own pass over the events.
    GridSpec grid = new GridSpec(0, 0, 20, 1000, 1000);
    assertThat(KernelDensity.phasesPerAxis(grid, Kernel.QUARTIC, 20)).isEqualTo(4);
    PointSet pts = TestPoints.clustered(8, 400, 4, 40, 0, 0, 20_000);
    DensityGrid estimate = KernelDensity.estimate(pts, grid, Kernel.QUARTIC, 20);
    DensityGrid exact = KernelDensity.exact(pts, grid, Kernel.QUARTIC, 20);
    assertThat(worstDifference(estimate, exact) / exact.max()).isLessThan(FFT_TOLERANCE_OF_MAX);
    assertThat(Math.abs(estimate.integralEvents() / pts.totalWeight() - 1))
        .isLessThan(INTEGRAL_TOLERANCE);
  }

  @Test
  void no_cell_is_negative_although_the_cubic_stencil_rings_at_the_rim() {
    PointSet one = PointSet.unweighted(new double[] {503}, new double[] {497});
    GridSpec grid = new GridSpec(0, 0, 20, 50, 50);
    DensityGrid d = KernelDensity.estimate(one, grid, Kernel.QUARTIC, 60);
    for (int i = 0; i < grid.cellCount(); i++) {
      assertThat(d.value(i)).isGreaterThanOrEqualTo(0);
    }
    assertThat(Math.abs(d.integralEvents() - 1)).isLessThan(INTEGRAL_TOLERANCE);
  }

  private static double worstDifference(DensityGrid a, DensityGrid b) {
    double worst = 0;
    for (int i = 0; i < a.grid().cellCount(); i++) {
      worst = Math.max(worst, Math.abs(a.value(i) - b.value(i)));
    }
    return worst;
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
