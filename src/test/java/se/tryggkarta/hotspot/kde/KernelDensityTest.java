package se.tryggkarta.hotspot.kde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.hotspot.TestPoints;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.grid.PointSet;

class KernelDensityTest {
  /** The acceptance bound: FFT within 0.5 % of the grid maximum of the exact sum. */
  static final double FFT_TOLERANCE_OF_MAX = 0.005;

  /**
   * The uniform kernel is discontinuous at distance h, so whether an event counts at a cell centre
   * flips with sub-cell position; binning cannot reproduce that at cells near the rim. Measured
   * worst case 7.5 % of the maximum on 50 000 random points (h = 8 cells), 0.85 % on clustered
   * data. That is why {@code estimate} sums the uniform kernel exactly below a work budget; this
   * looser bound applies to the FFT path only, used past the budget.
   */
  static final double UNIFORM_FFT_TOLERANCE_OF_MAX = 0.10;

  /** The grid integral equals the weighted count within 1 %. */
  static final double INTEGRAL_TOLERANCE = 0.01;

  static final GridSpec GRID = GridSpec.covering(new Bbox(0, 0, 4000, 3000), 20);

  @ParameterizedTest(name = "{0}")
  @EnumSource(Kernel.class)
  void fft_density_matches_direct_summation_on_random_points(Kernel kernel) {
    PointSet pts = TestPoints.uniform(1, 50000, -200, -200, 4400, 3400);
    assertAgrees(pts, kernel, 160);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Kernel.class)
  void fft_density_matches_direct_summation_on_clustered_points(Kernel kernel) {
    PointSet pts = TestPoints.clustered(2, 20000, 6, 150, 0, 0, 3000);
    assertAgrees(pts, kernel, 150);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Kernel.class)
  void estimate_agrees_with_direct_summation_within_half_a_percent_for_every_kernel(Kernel kernel) {
    PointSet pts = TestPoints.uniform(1, 50000, -200, -200, 4400, 3400);
    DensityGrid estimate = KernelDensity.estimate(pts, GRID, kernel, 160);
    DensityGrid exact = KernelDensity.exact(pts, GRID, kernel, 160);
    double worst = 0;
    for (int i = 0; i < GRID.cellCount(); i++) {
      worst = Math.max(worst, Math.abs(estimate.value(i) - exact.value(i)));
    }
    assertThat(worst / exact.max()).isLessThan(FFT_TOLERANCE_OF_MAX);
  }

  @Test
  void uniform_kernel_falls_back_to_the_fft_past_the_exact_work_budget() {
    long side = 2L * KernelDensity.radiusCells(GRID, Kernel.UNIFORM, 160) + 1;
    long stencil = side * side;
    int events = (int) (KernelDensity.EXACT_UNIFORM_BUDGET / stencil) + 1000;
    PointSet many = TestPoints.uniform(3, events, 0, 0, 4000, 3000);
    DensityGrid estimate = KernelDensity.estimate(many, GRID, Kernel.UNIFORM, 160);
    DensityGrid fft = KernelDensity.fft(many, GRID, Kernel.UNIFORM, 160, false);
    assertThat(estimate.value(GRID.cellCount() / 2)).isEqualTo(fft.value(GRID.cellCount() / 2));
  }

  private static void assertAgrees(PointSet pts, Kernel kernel, double h) {
    DensityGrid fft = KernelDensity.fft(pts, GRID, kernel, h, false);
    DensityGrid exact = KernelDensity.exact(pts, GRID, kernel, h);
    double max = exact.max();
    double worst = 0;
    for (int i = 0; i < GRID.cellCount(); i++) {
      worst = Math.max(worst, Math.abs(fft.value(i) - exact.value(i)));
    }
    assertThat(max).isPositive();
    assertThat(worst / max)
        .as("worst difference / max")
        .isLessThan(kernel == Kernel.UNIFORM ? UNIFORM_FFT_TOLERANCE_OF_MAX : FFT_TOLERANCE_OF_MAX);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Kernel.class)
  void density_integrates_to_the_weighted_count(Kernel kernel) {
    // Clusters well inside the 4 km × 3 km grid, so no kernel mass falls outside it.
    PointSet pts = TestPoints.clustered(3, 3000, 4, 120, 1000, 700, 1500);
    double h = kernel == Kernel.GAUSSIAN ? 60 : 150;
    DensityGrid fft = KernelDensity.estimate(pts, GRID, kernel, h);
    DensityGrid exact = KernelDensity.exact(pts, GRID, kernel, h);
    double w = pts.totalWeight();
    assertThat(fft.integralEvents())
        .isCloseTo(w, org.assertj.core.data.Percentage.withPercentage(100 * INTEGRAL_TOLERANCE));
    assertThat(exact.integralEvents())
        .isCloseTo(w, org.assertj.core.data.Percentage.withPercentage(100 * INTEGRAL_TOLERANCE));
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
  void a_single_event_peaks_at_its_cell_with_the_kernel_height() {
    // One event at a cell centre (10, 10): the peak is K(0)/h² = 3/π / 100² per m² = 95.49 per km².
    GridSpec grid = new GridSpec(-500, -500, 20, 50, 50);
    PointSet one = PointSet.unweighted(new double[] {10}, new double[] {10});
    DensityGrid d = KernelDensity.estimate(one, grid, Kernel.QUARTIC, 100);
    assertThat(d.max())
        .isCloseTo(3 / Math.PI / 1e4 * 1e6, org.assertj.core.data.Offset.offset(1e-3));
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

  @Test
  void auto_bandwidth_shrinks_as_events_grow() {
    PointSet few = TestPoints.uniform(5, 100, 0, 0, 4000, 4000);
    PointSet many = TestPoints.uniform(5, 10000, 0, 0, 4000, 4000);
    double hFew = Bandwidth.auto(few, Kernel.QUARTIC, 20);
    double hMany = Bandwidth.auto(many, Kernel.QUARTIC, 20);
    // σ of U(0, 4000) = 1155 m; n^(−1/6) = 0.215 (n=100) and 0.215/2.154 (n=10000).
    assertThat(hFew)
        .isCloseTo(
            1155 * Math.pow(100, -1.0 / 6) * 2.623,
            org.assertj.core.data.Percentage.withPercentage(10));
    assertThat(hMany / hFew)
        .isCloseTo(Math.pow(100, -1.0 / 6), org.assertj.core.data.Percentage.withPercentage(5));
  }
}
