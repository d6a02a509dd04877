package se.tryggkarta.hotspot.kde;

import se.tryggkarta.common.DomainException;
import se.tryggkarta.hotspot.grid.Convolution;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.grid.PointSet;

/**
 * Kernel density estimation (Silverman 1986; as in QGIS's heatmap and CrimeStat's single KDE):
 *
 * <pre>  f(c) = 10⁶ · Σ_i w_i · K(|c − p_i| / h) / h²     [events per km², c = a cell centre]</pre>
 *
 * <p>{@link #estimate} is the fast path (Wand 1994, "Fast computation of multivariate kernel
 * estimators", JCGS 3): points are linearly binned onto the grid (each weight is split over the
 * four nearest cell centres by bilinear weights, which keeps the error second order in cell ÷ h),
 * and the bin grid is convolved with the kernel sampled at cell offsets by FFT ({@link
 * Convolution}). Cost O(n + M² log M), independent of n × kernel area. {@link #exact} evaluates the
 * sum directly at every cell centre in reach of each point: the oracle for tests and benchmarks.
 *
 * <p>Points outside the grid still count where their kernel reaches into it, so a map cut from a
 * larger area shows no artificial drop at its border. Stateless and thread-safe.
 */
public final class KernelDensity {
  /** Largest stencil radius in cells (the kernel's reach ÷ cell size). */
  public static final int MAX_RADIUS_CELLS = 2000;

  /** The least kernel share inside the grid an edge correction divides by. */
  static final float MIN_EDGE_SHARE = 0.05f;

  /** Values below this share of the maximum are FFT round-off and set to 0. */
  static final float ROUND_OFF = 1e-5f;

  private KernelDensity() {}

  /**
   * The density by linear binning and FFT convolution (the uniform kernel by exact summation while
   * that stays cheap; see {@link #EXACT_UNIFORM_BUDGET}).
   */
  public static DensityGrid estimate(
      PointSet points, GridSpec grid, Kernel kernel, double bandwidthMeters) {
    return estimate(points, grid, kernel, bandwidthMeters, false);
  }

  /**
   * As {@link #estimate(PointSet, GridSpec, Kernel, double)}, optionally with edge correction by
   * renormalisation (Jones 1993, "Simple boundary correction for kernel density estimation",
   * Statistics and Computing 3): each cell is divided by the share of its kernel's mass that lies
   * inside the grid,
   *
   * <pre>  f_c(c) = f(c) / Σ_{c' in grid} K(|c' − c| / h) · A_cell / h²</pre>
   *
   * so that cells near the extent's edge, whose kernels reach outside where no events were
   * collected, are not biased low. The integral then exceeds the weighted count by the boundary
   * mass it restores.
   */
  public static DensityGrid estimate(
      PointSet points,
      GridSpec grid,
      Kernel kernel,
      double bandwidthMeters,
      boolean edgeCorrection) {
    if (kernel == Kernel.UNIFORM && !edgeCorrection) {
      // The uniform kernel is discontinuous at h: whether an event counts at a cell centre flips
      // with its sub-cell position, which binning cannot reproduce (up to ~2·cell/h of the local
      // value near the rim). Its kernel is a plain count, so the exact scatter is cheap enough
      // while the work stays under the budget; past it the FFT path's rim error is accepted.
      int r = radiusCells(grid, kernel, bandwidthMeters);
      long work = (long) points.size() * (2L * r + 1) * (2L * r + 1);
      if (work <= EXACT_UNIFORM_BUDGET) {
        return exact(points, grid, kernel, bandwidthMeters);
      }
    }
    return fft(points, grid, kernel, bandwidthMeters, edgeCorrection);
  }

  /**
   * Most kernel evaluations (events × stencil cells) the uniform kernel is summed exactly for;
   * about 0.3 s on one core of the reference machine.
   */
  static final long EXACT_UNIFORM_BUDGET = 300_000_000L;

  /** Linear binning and FFT convolution, for every kernel (the uniform one with a rim error). */
  static DensityGrid fft(
      PointSet points,
      GridSpec grid,
      Kernel kernel,
      double bandwidthMeters,
      boolean edgeCorrection) {
    int r = radiusCells(grid, kernel, bandwidthMeters);
    int p = r + 1;
    int rows = grid.ny() + 2 * p;
    int cols = grid.nx() + 2 * p;
    float[] bins = new float[rows * cols];
    double cell = grid.cellSizeMeters();
    for (int i = 0, n = points.size(); i < n; i++) {
      double fx = (points.x(i) - grid.minX()) / cell - 0.5 + p;
      double fy = (points.y(i) - grid.minY()) / cell - 0.5 + p;
      if (!(fx >= 0 && fy >= 0 && fx < cols - 1 && fy < rows - 1)) {
        continue;
      }
      int ix = (int) fx;
      int iy = (int) fy;
      float tx = (float) (fx - ix);
      float ty = (float) (fy - iy);
      float w = (float) points.weight(i);
      int k = iy * cols + ix;
      bins[k] += w * (1 - tx) * (1 - ty);
      bins[k + 1] += w * tx * (1 - ty);
      bins[k + cols] += w * (1 - tx) * ty;
      bins[k + cols + 1] += w * tx * ty;
    }
    float[] stencil = stencil(grid, kernel, bandwidthMeters, r);
    float[] values = Convolution.convolve(bins, grid.ny(), grid.nx(), p, stencil, r);
    if (edgeCorrection) {
      float[] inside = new float[rows * cols];
      float cellKm2 = (float) (grid.cellAreaM2() / 1e6);
      for (int iy = p; iy < p + grid.ny(); iy++) {
        java.util.Arrays.fill(inside, iy * cols + p, iy * cols + p + grid.nx(), cellKm2);
      }
      float[] share = Convolution.convolve(inside, grid.ny(), grid.nx(), p, stencil, r);
      for (int i = 0; i < values.length; i++) {
        values[i] /= Math.max(share[i], MIN_EDGE_SHARE);
      }
    }
    // FFT round-off leaves noise of about 1e-7 × max where the true density is 0; clear it so
    // empty areas are exactly 0 (transparent in PNGs, outside contours).
    float max = 0;
    for (float v : values) {
      max = Math.max(max, v);
    }
    float floor = max * ROUND_OFF;
    for (int i = 0; i < values.length; i++) {
      if (values[i] < floor) {
        values[i] = 0;
      }
    }
    return new DensityGrid(grid, values, kernel, bandwidthMeters);
  }

  /** The density by direct summation at every cell centre: exact, O(n × kernel area). */
  public static DensityGrid exact(
      PointSet points, GridSpec grid, Kernel kernel, double bandwidthMeters) {
    radiusCells(grid, kernel, bandwidthMeters);
    double reach = kernel.supportRadius() * bandwidthMeters;
    double cell = grid.cellSizeMeters();
    double h2 = bandwidthMeters * bandwidthMeters;
    double scale = 1e6 / h2;
    double[] sum = new double[grid.cellCount()];
    for (int i = 0, n = points.size(); i < n; i++) {
      double px = points.x(i);
      double py = points.y(i);
      int ix0 = Math.max(0, (int) Math.ceil((px - reach - grid.minX()) / cell - 0.5));
      int ix1 = Math.min(grid.nx() - 1, (int) Math.floor((px + reach - grid.minX()) / cell - 0.5));
      int iy0 = Math.max(0, (int) Math.ceil((py - reach - grid.minY()) / cell - 0.5));
      int iy1 = Math.min(grid.ny() - 1, (int) Math.floor((py + reach - grid.minY()) / cell - 0.5));
      double w = points.weight(i) * scale;
      for (int iy = iy0; iy <= iy1; iy++) {
        double dy = grid.centreY(iy) - py;
        int row = iy * grid.nx();
        for (int ix = ix0; ix <= ix1; ix++) {
          double dx = grid.centreX(ix) - px;
          sum[row + ix] += w * kernel.value((dx * dx + dy * dy) / h2);
        }
      }
    }
    float[] values = new float[sum.length];
    for (int i = 0; i < sum.length; i++) {
      values[i] = (float) sum[i];
    }
    return new DensityGrid(grid, values, kernel, bandwidthMeters);
  }

  /**
   * The kernel's reach in cells; throws INVALID_INPUT (field {@code bandwidth}) for a bandwidth
   * that is not positive, is smaller than half a cell, or reaches more than {@value
   * #MAX_RADIUS_CELLS} cells.
   */
  public static int radiusCells(GridSpec grid, Kernel kernel, double bandwidthMeters) {
    double cell = grid.cellSizeMeters();
    if (!(bandwidthMeters > 0) || !Double.isFinite(bandwidthMeters)) {
      throw DomainException.invalid(
          "bandwidth", "bandwidth must be a positive number of metres, was " + bandwidthMeters);
    }
    if (bandwidthMeters < cell / 2) {
      throw DomainException.invalid(
          "bandwidth",
          "bandwidth " + bandwidthMeters + " m is less than half the cell size " + cell + " m");
    }
    double r = Math.ceil(kernel.supportRadius() * bandwidthMeters / cell);
    if (r > MAX_RADIUS_CELLS) {
      throw DomainException.invalid(
          "bandwidth",
          "bandwidth "
              + bandwidthMeters
              + " m reaches "
              + (long) r
              + " cells, more than "
              + MAX_RADIUS_CELLS
              + "; use a larger cell or a smaller bandwidth");
    }
    return (int) r;
  }

  /** K(offset/h)/h² · 10⁶ at every cell offset within r: the density one unit event adds. */
  private static float[] stencil(GridSpec grid, Kernel kernel, double h, int r) {
    int w = 2 * r + 1;
    float[] s = new float[w * w];
    double cell = grid.cellSizeMeters();
    double h2 = h * h;
    for (int di = -r; di <= r; di++) {
      for (int dj = -r; dj <= r; dj++) {
        double d2 = (di * cell) * (di * cell) + (dj * cell) * (dj * cell);
        s[(di + r) * w + (dj + r)] = (float) (1e6 * kernel.value(d2 / h2) / h2);
      }
    }
    return s;
  }
}
