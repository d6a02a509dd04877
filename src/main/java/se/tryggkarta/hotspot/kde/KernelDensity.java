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
 * estimators", JCGS 3), made exact at coarse cells by oversampling and higher-order binning: events
 * are binned onto a lattice s times finer than the cells with cubic B-spline weights (each weight
 * split exactly over its 4 × 4 nearest nodes), and each of the s² sub-lattices (phases) is
 * convolved by real-to-complex FFT with the cell masses M_c seen from that phase's nodes,
 * prefiltered so that the estimate is the cubic spline interpolant of M_c at the event ({@link
 * #phaseStencils}, {@link Convolution#convolveSum}). Every phase's stencil is renormalised to sum
 * to exactly 1 (times 10⁶/A), so mass is conserved. The only approximation left is the spline's
 * interpolation of M_c between lattice nodes, of order Δ⁴ ∂⁴M with Δ = cell/s where the kernel is
 * smooth (linear binning's was Δ²/8 · sup |∂²M|). {@link #phasesPerAxis} picks the least s that
 * keeps even a lone event, whose own peak is the grid's maximum, within {@value
 * #PLANNED_ERROR_OF_MAX} of it at every bandwidth/cell ≥ 1 for the quartic, Gaussian and
 * Epanechnikov kernels (docs/hotspots.md has the table). Cost O(n + s²·M² log M) for an M × M
 * padded grid: s = 1 from bandwidth/cell 6 (quartic).
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

  /**
   * The largest fine binning lattice held at once (128 MiB of doubles); past it, per-phase passes.
   */
  static final long MAX_FINE_LATTICE_CELLS = 16_000_000L;

  /**
   * Most phases per axis (so at most 64 transforms): reached below bandwidth/cell 1, and by the
   * uniform kernel below 2.
   */
  static final int MAX_PHASES_PER_AXIS = 8;

  private KernelDensity() {}

  /** The density by oversampled binning and FFT convolution. */
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
    return fft(
        points,
        grid,
        kernel,
        bandwidthMeters,
        edgeCorrection,
        phasesPerAxis(grid, kernel, bandwidthMeters));
  }

  /**
   * Lattice phases per cell side for a kernel and bandwidth/cell ratio ρ = h / cell: the least that
   * keep even one lone event, the hardest case, within {@value #PLANNED_ERROR_OF_MAX} of its own
   * peak (the worst of 16 sub-cell positions against {@link #exact}, docs/hotspots.md has the
   * table):
   *
   * <ul>
   *   <li>quartic: 1 from ρ ≥ 6, else max(2, ⌈4/ρ⌉) (2 from ρ ≥ 2, 4 at ρ = 1);
   *   <li>Gaussian: 1 from ρ ≥ 1.5, else max(2, ⌈2/ρ⌉);
   *   <li>Epanechnikov, whose slope jumps at the rim: 2 from ρ ≥ 4, 3 from ρ ≥ 2, else max(4,
   *       ⌈6/ρ⌉);
   *   <li>uniform, whose value jumps at the rim: max(4, ⌈16/ρ⌉). No lattice resolves a lone event's
   *       rim to 0.5 % (it stays within 0.4–2 % of its peak); clustered events are within the
   *       bound.
   * </ul>
   *
   * At most {@value #MAX_PHASES_PER_AXIS}, reached only below ρ = 1 (where the bound is not
   * promised).
   */
  static int phasesPerAxis(GridSpec grid, Kernel kernel, double bandwidthMeters) {
    double rho = bandwidthMeters / grid.cellSizeMeters();
    int s =
        switch (kernel) {
          case QUARTIC -> rho >= 6 ? 1 : Math.max(2, phases(4, rho));
          case GAUSSIAN -> rho >= 1.5 ? 1 : Math.max(2, phases(2, rho));
          case EPANECHNIKOV -> rho >= 4 ? 2 : rho >= 2 ? 3 : Math.max(4, phases(6, rho));
          case UNIFORM -> Math.max(4, phases(16, rho));
        };
    return Math.min(MAX_PHASES_PER_AXIS, s);
  }

  /** The planned worst error of a lone event, as a share of its peak. */
  static final double PLANNED_ERROR_OF_MAX = 0.0045;

  private static int phases(double latticeStepsPerBandwidth, double rho) {
    return (int) Math.min(MAX_PHASES_PER_AXIS, Math.ceil(latticeStepsPerBandwidth / rho - 1e-9));
  }

  /**
   * Fine lattice nodes past the kernel's reach kept of a prefiltered stencil: its tails decay by 2
   * − √3 ≈ 0.27 a node, so after 6 nodes they are below 4e-4 of its largest ringing (itself below 1
   * % of the peak).
   */
  static final int CUBIC_TAIL_NODES = 6;

  /** The stencil radius in cells: the kernel's reach, a cell for the phases, the cubic tails. */
  static int stencilRadius(GridSpec grid, Kernel kernel, double bandwidthMeters, int s) {
    return radiusCells(grid, kernel, bandwidthMeters) + 2 + (CUBIC_TAIL_NODES + s - 1) / s;
  }

  /** {@link #estimate} with s lattice phases per cell side. */
  static DensityGrid fft(
      PointSet points,
      GridSpec grid,
      Kernel kernel,
      double bandwidthMeters,
      boolean edgeCorrection,
      int s) {
    int r = stencilRadius(grid, kernel, bandwidthMeters, s);
    int p = r + 1;
    int rows = grid.ny() + 2 * p;
    int cols = grid.nx() + 2 * p;
    double cell = grid.cellSizeMeters();
    double norm = 1e6 / grid.cellAreaM2();
    Lattice lattice = new Lattice(points, grid, p, s);
    // With several phases, bin once onto the fine lattice when it fits, so each phase is a strided
    // copy (O(cells)) rather than another pass over every event (O(n)).
    long fineCells = (long) rows * cols * s * s;
    double[] fine =
        s > 1 && fineCells <= MAX_FINE_LATTICE_CELLS ? new double[(int) fineCells] : null;
    if (fine != null) {
      lattice.binAll(fine, cols * s);
    }
    List<Object> key = List.of(kernel, bandwidthMeters, cell, s, "cubic");
    double[][] stencils = new double[s * s][];
    Convolution.Phases phases =
        new Convolution.Phases() {
          @Override
          public int count() {
            return s * s;
          }

          @Override
          public void data(int k, double[] buf, int stride) {
            if (s == 1) {
              lattice.binAll(buf, stride);
            } else if (fine != null) {
              int fineCols = cols * s;
              for (int r = 0; r < rows; r++) {
                int src = (r * s + k / s) * fineCols + k % s;
                int dst = r * stride;
                for (int c = 0; c < cols; c++) {
                  buf[dst + c] = fine[src + c * s];
                }
              }
            } else {
              lattice.binPhase(k % s, k / s, buf, stride);
            }
          }

          @Override
          public double[] stencil(int k) {
            if (stencils[k] == null) {
              double[][] all = phaseStencils(kernel, bandwidthMeters, cell, r, s, true, norm);
              System.arraycopy(all, 0, stencils, 0, all.length);
            }
            return stencils[k];
          }

          @Override
          public Object cacheKey(int k) {
            return List.of(key, k);
          }
        };
    double[] values = Convolution.convolveSum(phases, grid.ny(), grid.nx(), p, r);
    clearRoundOffKeepingMass(values);
    if (edgeCorrection) {
      double[] share = insideShare(grid, kernel, bandwidthMeters, norm);
      for (int i = 0; i < values.length; i++) {
        values[i] /= Math.max(share[i], MIN_EDGE_SHARE);
      }
    }
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (float) values[i];
    }
    return new DensityGrid(grid, out, kernel, bandwidthMeters);
  }

  /**
   * For each cell, the share of the mass of a kernel centred on it that falls inside the grid: Σ_c'
   * M_c'(c) over the grid's cells, by convolving the grid's indicator with the cell masses seen
   * from a cell centre (exact at the nodes, so not prefiltered).
   */
  private static double[] insideShare(GridSpec grid, Kernel kernel, double h, double norm) {
    int r = radiusCells(grid, kernel, h) + 2;
    int p = r + 1;
    double cell = grid.cellSizeMeters();
    return Convolution.convolveSum(
        new Convolution.Phases() {
          @Override
          public int count() {
            return 1;
          }

          @Override
          public void data(int k, double[] buf, int stride) {
            for (int iy = p; iy < p + grid.ny(); iy++) {
              Arrays.fill(buf, iy * stride + p, iy * stride + p + grid.nx(), 1 / norm);
            }
          }

          @Override
          public double[] stencil(int k) {
            return phaseStencils(kernel, h, cell, r, 1, false, norm)[0];
          }

          @Override
          public Object cacheKey(int k) {
            return List.of(kernel, h, cell, 1, "cell masses");
          }
        },
        grid.ny(),
        grid.nx(),
        p,
        r);
  }

  /**
   * Sets values below {@value #ROUND_OFF} of the maximum to 0 and scales the rest so the total is
   * unchanged. Below that share are FFT round-off (about 1e-15 of the maximum in double, either
   * sign) and the cubic spline's ringing just outside a kernel's rim (down to −0.1 % of a lone
   * event's peak, in all at most 0.1 % of its mass): a density is never negative, and the integral
   * stays the weighted count. The scale differs from 1 by that share at most.
   */
  static void clearRoundOffKeepingMass(double[] values) {
    double max = 0;
    double total = 0;
    for (double v : values) {
      max = Math.max(max, v);
      total += v;
    }
    double floor = max * ROUND_OFF;
    double kept = 0;
    for (int i = 0; i < values.length; i++) {
      if (values[i] < floor) {
        values[i] = 0;
      } else {
        kept += values[i];
      }
    }
    if (kept > 0 && total > 0) {
      double scale = total / kept;
      for (int i = 0; i < values.length; i++) {
        values[i] *= scale;
      }
    }
  }

  /**
   * The events on the binning lattice, with cubic B-spline weights: an event at lattice coordinate
   * u = g + t (g its lower node, 0 ≤ t &lt; 1) gives nodes g − 1 … g + 2 the weights β₃(t + 1),
   * β₃(t), β₃(1 − t), β₃(2 − t) per axis, β₃ the cubic B-spline (they sum to 1). Node (gx, gy) lies
   * at the padded grid's cell centre (gx / s, gy / s), so a phase (ax, ay) = (gx mod s, gy mod s)
   * is one sub-lattice of cell spacing. Events whose nodes would fall outside the padded lattice
   * lie farther than the kernel reaches from the grid and are skipped.
   */
  private static final class Lattice {
    /** Lattice rows per band of the bucket sort in {@link #binAll}: 2⁴ = 16. */
    private static final int BAND_SHIFT = 4;

    private final PointSet points;
    private final double originX;
    private final double originY;
    private final double perMeter;
    private final int s;
    private final int cols;
    private final int rows;

    Lattice(PointSet points, GridSpec grid, int padding, int s) {
      this.points = points;
      this.perMeter = s / grid.cellSizeMeters();
      this.originX = grid.minX() - (padding - 0.5) * grid.cellSizeMeters();
      this.originY = grid.minY() - (padding - 0.5) * grid.cellSizeMeters();
      this.s = s;
      this.cols = grid.nx() + 2 * padding;
      this.rows = grid.ny() + 2 * padding;
    }

    /** Whether the event's 4 × 4 nodes lie on the lattice. */
    private boolean onLattice(double ux, double uy) {
      return ux >= 1 && uy >= 1 && ux < cols * s - 2 && uy < rows * s - 2;
    }

    /**
     * Bins every event onto the whole lattice (fine, or the cells when s = 1), row i of the lattice
     * at {@code i·stride}. Events are first bucket-sorted by bands of 16 lattice rows (two
     * sequential passes), so the binning itself writes within a few hundred kilobytes at a time
     * instead of jumping across the whole lattice for every event: half the time for a million
     * events in random order. Sub-node offsets are kept in single precision meanwhile (3e-8 of a
     * lattice step); weights in double.
     */
    void binAll(double[] target, int stride) {
      int bands = ((rows * s) >> BAND_SHIFT) + 1;
      int[] next = new int[bands + 1];
      for (int i = 0; i < points.size(); i++) {
        double ux = (points.x(i) - originX) * perMeter;
        double uy = (points.y(i) - originY) * perMeter;
        if (onLattice(ux, uy)) {
          next[((int) uy >> BAND_SHIFT) + 1]++;
        }
      }
      for (int b = 0; b < bands; b++) {
        next[b + 1] += next[b];
      }
      int kept = next[bands];
      int[] node = new int[kept];
      float[] fracX = new float[kept];
      float[] fracY = new float[kept];
      double[] weight = new double[kept];
      for (int i = 0; i < points.size(); i++) {
        double ux = (points.x(i) - originX) * perMeter;
        double uy = (points.y(i) - originY) * perMeter;
        if (onLattice(ux, uy)) {
          int fx = (int) ux;
          int fy = (int) uy;
          int q = next[fy >> BAND_SHIFT]++;
          node[q] = fy * stride + fx;
          fracX[q] = (float) (ux - fx);
          fracY[q] = (float) (uy - fy);
          weight[q] = points.weight(i);
        }
      }
      for (int q = 0; q < kept; q++) {
        double tx = fracX[q];
        double ty = fracY[q];
        double w = weight[q];
        double x0 = cubeOver6(1 - tx);
        double x1 = centre(tx);
        double x3 = cubeOver6(tx);
        double x2 = 1 - x0 - x1 - x3;
        double y0 = w * cubeOver6(1 - ty);
        double y1 = w * centre(ty);
        double y3 = w * cubeOver6(ty);
        double y2 = w - y0 - y1 - y3;
        int k = node[q] - stride - 1;
        target[k] += y0 * x0;
        target[k + 1] += y0 * x1;
        target[k + 2] += y0 * x2;
        target[k + 3] += y0 * x3;
        k += stride;
        target[k] += y1 * x0;
        target[k + 1] += y1 * x1;
        target[k + 2] += y1 * x2;
        target[k + 3] += y1 * x3;
        k += stride;
        target[k] += y2 * x0;
        target[k + 1] += y2 * x1;
        target[k + 2] += y2 * x2;
        target[k + 3] += y2 * x3;
        k += stride;
        target[k] += y3 * x0;
        target[k + 1] += y3 * x1;
        target[k + 2] += y3 * x2;
        target[k + 3] += y3 * x3;
      }
    }

    /**
     * Bins every event's share on the nodes of phase (ax, ay) into a cell-spaced buffer: one pass
     * over the events per phase, for lattices too large to hold at once.
     */
    void binPhase(int ax, int ay, double[] target, int stride) {
      double[] wx = new double[4];
      double[] wy = new double[4];
      for (int i = 0; i < points.size(); i++) {
        double ux = (points.x(i) - originX) * perMeter;
        double uy = (points.y(i) - originY) * perMeter;
        if (!onLattice(ux, uy)) {
          continue;
        }
        int fx = (int) ux;
        int fy = (int) uy;
        weights(ux - fx, wx);
        weights(uy - fy, wy);
        double w = points.weight(i);
        for (int a = 0; a < 4; a++) {
          int gy = fy - 1 + a;
          if (gy % s != ay) {
            continue;
          }
          for (int b = 0; b < 4; b++) {
            int gx = fx - 1 + b;
            if (gx % s == ax) {
              target[gy / s * stride + gx / s] += w * wy[a] * wx[b];
            }
          }
        }
      }
    }

    private static void weights(double t, double[] out) {
      out[0] = cubeOver6(1 - t);
      out[1] = centre(t);
      out[3] = cubeOver6(t);
      out[2] = 1 - out[0] - out[1] - out[3];
    }

    /** β₃ at distance 2 − t: t³/6. */
    private static double cubeOver6(double t) {
      return t * t * t / 6;
    }

    /** β₃ at distance t &lt; 1: 2/3 − t² + t³/2. */
    private static double centre(double t) {
      return 2.0 / 3 - t * t + t * t * t / 2;
    }
  }

  /**
   * The stencils of every phase (ax, ay) (k = ay·s + ax): the kernel's mass in each cell at offset
   * (dj, di) cells from a node at sub-cell phase (ax/s, ay/s), prefiltered for cubic binning or not
   * (the exact masses seen from the node), each renormalised to sum to 1, times {@code norm}
   * (10⁶/A).
   *
   * <p>The masses are taken once on the fine lattice, T(e) = M(cell centred at e·Δ), in one octant
   * (T is symmetric in both axes and their swap), and phase (ax, ay)'s stencil is T(d·s − a). The
   * prefilter is the exact inverse of the sampled B-spline (1/6, 4/6, 1/6) along each axis, so that
   * Σ_g β₃(u − g) T̃(c − g) interpolates T at every node (Unser, Aldroubi & Eden 1991, "Fast
   * B-spline transforms for continuous image representation and interpolation", IEEE PAMI 13); its
   * tails beyond the stencil radius are dropped, which the renormalisation absorbs.
   */
  static double[][] phaseStencils(
      Kernel kernel, double h, double cell, int r, int s, boolean prefiltered, double norm) {
    int half = r * s + s;
    int w = 2 * half + 1;
    double step = cell / s;
    double[] t = new double[w * w];
    for (int ey = 0; ey <= half; ey++) {
      double y0 = (ey * step - cell / 2) / h;
      double y1 = (ey * step + cell / 2) / h;
      for (int ex = 0; ex <= ey; ex++) {
        double m =
            CellMass.of(kernel, (ex * step - cell / 2) / h, (ex * step + cell / 2) / h, y0, y1);
        for (int sy = -1; sy <= 1; sy += 2) {
          for (int sx = -1; sx <= 1; sx += 2) {
            t[(half + sy * ey) * w + half + sx * ex] = m;
            t[(half + sy * ex) * w + half + sx * ey] = m;
          }
        }
      }
    }
    if (prefiltered) {
      double[] line = new double[w];
      for (int i = 0; i < w; i++) {
        System.arraycopy(t, i * w, line, 0, w);
        prefilterCubic(line);
        System.arraycopy(line, 0, t, i * w, w);
      }
      for (int j = 0; j < w; j++) {
        for (int i = 0; i < w; i++) {
          line[i] = t[i * w + j];
        }
        prefilterCubic(line);
        for (int i = 0; i < w; i++) {
          t[i * w + j] = line[i];
        }
      }
    }
    int sw = 2 * r + 1;
    double[][] out = new double[s * s][];
    for (int ay = 0; ay < s; ay++) {
      for (int ax = 0; ax < s; ax++) {
        double[] st = new double[sw * sw];
        double sum = 0;
        for (int di = -r; di <= r; di++) {
          int row = (di * s - ay + half) * w + half - ax;
          for (int dj = -r; dj <= r; dj++) {
            double m = t[row + dj * s];
            st[(di + r) * sw + dj + r] = m;
            sum += m;
          }
        }
        for (int i = 0; i < st.length; i++) {
          st[i] *= norm / sum;
        }
        out[ay * s + ax] = st;
      }
    }
    return out;
  }

  /** The pole of the cubic B-spline prefilter, √3 − 2. */
  private static final double CUBIC_POLE = Math.sqrt(3) - 2;

  /**
   * Replaces x by the coefficients c with (c[k−1] + 4c[k] + c[k+1]) / 6 = x[k], x being zero
   * outside the line: c⁺[k] = x[k] + z c⁺[k−1] from c⁺[−1] = 0; c⁻[k] = z (c⁻[k+1] − c⁺[k]) from
   * c⁻[n−1] = −z c⁺[n−1] / (1 − z²), the sum of the recursion over the zero tail; c = 6 c⁻.
   */
  static void prefilterCubic(double[] x) {
    double z = CUBIC_POLE;
    double prev = 0;
    for (int k = 0; k < x.length; k++) {
      prev = x[k] + z * prev;
      x[k] = prev;
    }
    int last = x.length - 1;
    double next = -z * x[last] / (1 - z * z);
    x[last] = 6 * next;
    for (int k = last - 1; k >= 0; k--) {
      next = z * (next - x[k]);
      x[k] = 6 * next;
    }
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
