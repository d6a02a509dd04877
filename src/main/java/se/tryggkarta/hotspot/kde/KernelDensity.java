package se.tryggkarta.hotspot.kde;

import java.util.Arrays;
import java.util.List;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.hotspot.grid.Convolution;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.grid.PointSet;

/**
 * Kernel density estimation (Silverman 1986; as in QGIS's heatmap and CrimeStat's single KDE). The
 * density at u and the value of a grid cell c (its mean density, see {@link CellMass}) are
 *
 * <pre>
 *   f(u) = 10⁶ · Σ_i w_i · K(|u − p_i| / h) / h²                     [events per km²]
 *   f̄(c) = 10⁶ · Σ_i w_i · M_c(p_i) / A,   M_c(p) = ∫_c K(|u − p| / h) / h² du
 * </pre>
 *
 * so Σ_c f̄(c) · A / 10⁶ is exactly the weighted count of the events whose kernels lie inside the
 * grid, at every cell size.
 *
 * <p>{@link #estimate} is the fast path (Wand 1994, "Fast computation of multivariate kernel
 * estimators", JCGS 3), made exact at coarse cells by oversampling: points are linearly binned onto
 * a lattice s times finer than the cells (each weight split over its four nearest lattice nodes by
 * bilinear weights), and each of the s² sub-lattices (phases) is convolved by FFT with the cell
 * masses M_c seen from that phase's nodes ({@link Convolution#convolveSum}). Every phase's stencil
 * is renormalised to sum to exactly 1 (times 10⁶/A), so binning and the stencil conserve mass. The
 * only approximation left is linear binning, whose error per event is at most Δ²/8 · sup |∂²M| with
 * Δ = cell/s the lattice spacing: second order in Δ/h. s is the least integer with h/Δ ≥ {@value
 * #MIN_BANDWIDTH_PER_LATTICE_STEP} (so s = 1 from bandwidth/cell ≥ {@value
 * #MIN_BANDWIDTH_PER_LATTICE_STEP}); the measured worst cell is then within 0.5 % of the maximum of
 * the exact sum at every bandwidth/cell ≥ 1 for every kernel (docs/hotspots.md has the table). Cost
 * O(n·s² + s²·M² log M) for an M × M padded grid; the s² transforms only arise where cells are
 * coarse, hence few.
 *
 * <p>{@link #exact} sums M_c directly for every event and cell in reach: the oracle for tests and
 * benchmarks. Points outside the grid still count where their kernel reaches into it, so a map cut
 * from a larger area shows no artificial drop at its border. Stateless and thread-safe.
 */
public final class KernelDensity {
  /** Largest stencil radius in cells (the kernel's reach ÷ cell size). */
  public static final int MAX_RADIUS_CELLS = 2000;

  /** The least kernel share inside the grid an edge correction divides by. */
  static final float MIN_EDGE_SHARE = 0.05f;

  /** Values below this share of the maximum are FFT round-off (≈ 1e-15 in double) and set to 0. */
  static final double ROUND_OFF = 1e-12;

  /** The least bandwidth per binning-lattice step h/Δ; coarser cells get sub-cell phases. */
  static final double MIN_BANDWIDTH_PER_LATTICE_STEP = 16;

  /**
   * The Gaussian is smooth (no rim), so its binning error is a quarter of the quartic's at the same
   * lattice: h/Δ ≥ 8 keeps even a lone event within 0.3 % of its peak.
   */
  static final double GAUSSIAN_BANDWIDTH_PER_LATTICE_STEP = 8;

  /**
   * The largest fine binning lattice held at once (128 MiB of doubles); past it, per-phase passes.
   */
  static final long MAX_FINE_LATTICE_CELLS = 16_000_000L;

  /** Most phases per axis (so at most 64 transforms): reached only below bandwidth/cell = 1. */
  static final int MAX_PHASES_PER_AXIS = 8;

  private KernelDensity() {}

  /** The density by oversampled linear binning and FFT convolution. */
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
   * <pre>  f_c(c) = f̄(c) / Σ_{c' in grid} M_{c'}(c)</pre>
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
    return fft(points, grid, kernel, bandwidthMeters, edgeCorrection);
  }

  /** Binning-lattice phases per cell side for this bandwidth and cell (1 at fine cells). */
  static int phasesPerAxis(GridSpec grid, Kernel kernel, double bandwidthMeters) {
    double rho =
        kernel == Kernel.GAUSSIAN
            ? GAUSSIAN_BANDWIDTH_PER_LATTICE_STEP
            : MIN_BANDWIDTH_PER_LATTICE_STEP;
    double s = Math.ceil(rho * grid.cellSizeMeters() / bandwidthMeters);
    int least =
        kernel == Kernel.UNIFORM ? UNIFORM_PHASES_PER_AXIS : kernel == Kernel.EPANECHNIKOV ? 2 : 1;
    return (int) Math.max(least, Math.min(MAX_PHASES_PER_AXIS, s));
  }

  /**
   * The uniform kernel's cell masses change from full to empty within one cell at its rim (the
   * kernel itself is discontinuous), so their curvature scales with 1/cell² rather than 1/h² and
   * linear binning needs a lattice finer than the cells at every bandwidth: one cell-wide lattice
   * was 1.1–1.4 % of the maximum off at bandwidth/cell 8–15; four phases per axis keep it under 0.5
   * % at 16 transforms per map.
   */
  static final int UNIFORM_PHASES_PER_AXIS = 4;

  static DensityGrid fft(
      PointSet points,
      GridSpec grid,
      Kernel kernel,
      double bandwidthMeters,
      boolean edgeCorrection) {
    int r = radiusCells(grid, kernel, bandwidthMeters) + 2;
    int p = r + 1;
    int rows = grid.ny() + 2 * p;
    int cols = grid.nx() + 2 * p;
    int s = phasesPerAxis(grid, kernel, bandwidthMeters);
    double cell = grid.cellSizeMeters();
    int n = points.size();
    int[] fx = new int[n];
    int[] fy = new int[n];
    float[] tx = new float[n];
    float[] ty = new float[n];
    for (int i = 0; i < n; i++) {
      double ux = ((points.x(i) - grid.minX()) / cell - 0.5 + p) * s;
      double uy = ((points.y(i) - grid.minY()) / cell - 0.5 + p) * s;
      if (!(ux >= 0 && uy >= 0 && ux < (cols - 1) * s && uy < (rows - 1) * s)) {
        fx[i] = -1;
        continue;
      }
      fx[i] = (int) ux;
      fy[i] = (int) uy;
      tx[i] = (float) (ux - fx[i]);
      ty[i] = (float) (uy - fy[i]);
    }
    double norm = 1e6 / grid.cellAreaM2();
    List<Object> key = List.of(kernel, bandwidthMeters, cell);
    // Bin once onto the fine lattice when it fits, so each phase is a strided copy (O(cells))
    // rather than another pass over every event (O(n)).
    long fineCells = (long) rows * cols * s * s;
    double[] fine = fineCells <= MAX_FINE_LATTICE_CELLS ? new double[(int) fineCells] : null;
    if (fine != null) {
      int fineCols = cols * s;
      for (int i = 0; i < n; i++) {
        if (fx[i] < 0) {
          continue;
        }
        double w = points.weight(i);
        int k = fy[i] * fineCols + fx[i];
        fine[k] += w * (1 - tx[i]) * (1 - ty[i]);
        fine[k + 1] += w * tx[i] * (1 - ty[i]);
        fine[k + fineCols] += w * (1 - tx[i]) * ty[i];
        fine[k + fineCols + 1] += w * tx[i] * ty[i];
      }
    }
    Convolution.Phases phases =
        new Convolution.Phases() {
          @Override
          public int count() {
            return s * s;
          }

          @Override
          public void data(int k, double[] buf) {
            int ay = k / s;
            int ax = k % s;
            if (fine != null) {
              int fineCols = cols * s;
              for (int r = 0; r < rows; r++) {
                int src = (r * s + ay) * fineCols + ax;
                int dst = r * cols;
                for (int c = 0; c < cols; c++) {
                  buf[dst + c] = fine[src + c * s];
                }
              }
              return;
            }
            for (int i = 0; i < n; i++) {
              if (fx[i] < 0) {
                continue;
              }
              double w = points.weight(i);
              for (int oy = 0; oy < 2; oy++) {
                int gy = fy[i] + oy;
                if (gy % s != ay) {
                  continue;
                }
                double wy = oy == 0 ? 1 - ty[i] : ty[i];
                for (int ox = 0; ox < 2; ox++) {
                  int gx = fx[i] + ox;
                  if (gx % s != ax) {
                    continue;
                  }
                  double wx = ox == 0 ? 1 - tx[i] : tx[i];
                  buf[(gy / s) * cols + gx / s] += w * wx * wy;
                }
              }
            }
          }

          @Override
          public double[] stencil(int k) {
            return cellStencil(
                kernel, bandwidthMeters, cell, r, (double) (k % s) / s, (double) (k / s) / s, norm);
          }

          @Override
          public Object cacheKey(int k) {
            return k == 0 ? key : List.of(key, s, k);
          }
        };
    double[] values = Convolution.convolveSum(phases, grid.ny(), grid.nx(), p, r);
    if (edgeCorrection) {
      double[] share =
          Convolution.convolveSum(
              new Convolution.Phases() {
                @Override
                public int count() {
                  return 1;
                }

                @Override
                public void data(int k, double[] buf) {
                  for (int iy = p; iy < p + grid.ny(); iy++) {
                    Arrays.fill(buf, iy * cols + p, iy * cols + p + grid.nx(), 1 / norm);
                  }
                }

                @Override
                public double[] stencil(int k) {
                  return cellStencil(kernel, bandwidthMeters, cell, r, 0, 0, norm);
                }

                @Override
                public Object cacheKey(int k) {
                  return key;
                }
              },
              grid.ny(),
              grid.nx(),
              p,
              r);
      for (int i = 0; i < values.length; i++) {
        values[i] /= Math.max(share[i], MIN_EDGE_SHARE);
      }
    }
    // FFT round-off leaves noise of about 1e-15 × max where the true density is 0; clear it so
    // empty areas are exactly 0 (transparent in PNGs, outside contours).
    double max = 0;
    for (double v : values) {
      max = Math.max(max, v);
    }
    double floor = max * ROUND_OFF;
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i] < floor ? 0 : (float) values[i];
    }
    return new DensityGrid(grid, out, kernel, bandwidthMeters);
  }

  /**
   * The kernel's mass in each cell at offset (dj, di) cells from a node at sub-cell phase (ax, ay)
   * (fractions of a cell), renormalised to sum to 1, times {@code norm} (10⁶/A).
   */
  static double[] cellStencil(
      Kernel kernel, double h, double cell, int r, double ax, double ay, double norm) {
    int w = 2 * r + 1;
    double[] st = new double[w * w];
    double sum = 0;
    for (int di = -r; di <= r; di++) {
      double y0 = ((di - ay) * cell - cell / 2) / h;
      double y1 = ((di - ay) * cell + cell / 2) / h;
      for (int dj = -r; dj <= r; dj++) {
        double x0 = ((dj - ax) * cell - cell / 2) / h;
        double x1 = ((dj - ax) * cell + cell / 2) / h;
        double m = CellMass.of(kernel, x0, x1, y0, y1);
        st[(di + r) * w + dj + r] = m;
        sum += m;
      }
    }
    for (int i = 0; i < st.length; i++) {
      st[i] *= norm / sum;
    }
    return st;
  }

  /**
   * The density by direct summation of every event's exact cell masses (the oracle): O(n × kernel
   * area) mass evaluations.
   */
  public static DensityGrid exact(
      PointSet points, GridSpec grid, Kernel kernel, double bandwidthMeters) {
    radiusCells(grid, kernel, bandwidthMeters);
    double h = bandwidthMeters;
    double cell = grid.cellSizeMeters();
    double reach = kernel.supportRadius() * h + cell;
    double[] sum = new double[grid.cellCount()];
    double norm = 1e6 / grid.cellAreaM2();
    for (int i = 0; i < points.size(); i++) {
      double px = points.x(i);
      double py = points.y(i);
      int ix0 = Math.max(0, (int) Math.floor((px - reach - grid.minX()) / cell));
      int ix1 = Math.min(grid.nx() - 1, (int) Math.floor((px + reach - grid.minX()) / cell));
      int iy0 = Math.max(0, (int) Math.floor((py - reach - grid.minY()) / cell));
      int iy1 = Math.min(grid.ny() - 1, (int) Math.floor((py + reach - grid.minY()) / cell));
      double w = points.weight(i) * norm;
      double[] columnMass = null;
      if (kernel == Kernel.GAUSSIAN) {
        // Inside the cut the Gaussian's cell mass factorises: precompute the 1-D factors.
        columnMass = new double[ix1 - ix0 + 1];
        for (int ix = ix0; ix <= ix1; ix++) {
          double x0 = (grid.minX() + ix * cell - px) / h;
          columnMass[ix - ix0] = CellMass.normalMass(x0, x0 + cell / h);
        }
      }
      double r2 = kernel.supportRadius() * kernel.supportRadius();
      for (int iy = iy0; iy <= iy1; iy++) {
        double y0 = (grid.minY() + iy * cell - py) / h;
        double y1 = y0 + cell / h;
        double farY = Math.max(Math.abs(y0), Math.abs(y1));
        double rowMass = columnMass == null ? 0 : CellMass.normalMass(y0, y1);
        int row = iy * grid.nx();
        for (int ix = ix0; ix <= ix1; ix++) {
          double x0 = (grid.minX() + ix * cell - px) / h;
          double x1 = x0 + cell / h;
          double farX = Math.max(Math.abs(x0), Math.abs(x1));
          double m =
              columnMass != null && farX * farX + farY * farY <= r2
                  ? columnMass[ix - ix0] * rowMass / CellMass.GAUSSIAN_MASS_INSIDE
                  : CellMass.of(kernel, x0, x1, y0, y1);
          sum[row + ix] += w * m;
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
   * that is not positive, is smaller than an eighth of a cell (below one cell the mass is still
   * exact but the 0.5 % bound is not guaranteed), or reaches more than {@value #MAX_RADIUS_CELLS}
   * cells.
   */
  public static int radiusCells(GridSpec grid, Kernel kernel, double bandwidthMeters) {
    double cell = grid.cellSizeMeters();
    if (!(bandwidthMeters > 0) || !Double.isFinite(bandwidthMeters)) {
      throw DomainException.invalid(
          "bandwidth", "bandwidth must be a positive number of metres, was " + bandwidthMeters);
    }
    if (bandwidthMeters < cell / 8) {
      throw DomainException.invalid(
          "bandwidth",
          "bandwidth "
              + bandwidthMeters
              + " m is less than an eighth of the cell size "
              + cell
              + " m");
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
}
