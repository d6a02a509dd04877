package se.tryggkarta.hotspot.forecast;

import java.util.Arrays;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.grid.PointSet;
import se.tryggkarta.hotspot.kde.DensityGrid;
import se.tryggkarta.hotspot.kde.Kernel;
import se.tryggkarta.hotspot.kde.KernelDensity;

/**
 * A self-exciting point process (ETAS / Hawkes) for crime, after Mohler, Short, Brantingham,
 * Schoenberg &amp; Tita (2011), "Self-exciting point process modeling of crime", JASA 106(493), and
 * Mohler et al. (2015), "Randomized controlled field trials of predictive policing", JASA 110(512).
 * The conditional intensity (events per m² per day) is
 *
 * <pre>
 *   λ(x, t) = μ(x) + Σ_{t_j &lt; t} g(t − t_j, x − x_j),
 *   g(t, d) = θ ω e^(−ω t) · exp(−|d|² / 2σ²) / (2π σ²)
 * </pre>
 *
 * a stable background μ plus near-repeat triggering: each event begets on average θ more, after an
 * exponential delay of mean 1/ω days, at a Gaussian distance of scale σ. It is fitted by EM
 * (stochastic declustering; Veen &amp; Schoenberg 2008, Mohler et al. 2011 §3):
 *
 * <pre>
 *   E:  p_ij = g(t_i − t_j, x_i − x_j) / λ(x_i, t_i),   p_ii = μ(x_i) / λ(x_i, t_i)
 *   M:  θ = Σ p_ij / Σ_j (1 − e^(−ω (T − t_j))),   ω = Σ p_ij / Σ p_ij (t_i − t_j),
 *       σ² = Σ p_ij |x_i − x_j|² / (2 Σ p_ij),      μ(x) = Σ_i p_ii φ_η(x − x_i) / T
 * </pre>
 *
 * where the background μ is a Gaussian kernel density (cut at 4η) of the events weighted by their
 * background probabilities p_ii, with bandwidth η, summed directly at the events (past 30 million
 * neighbour pairs, as a million events in a dense city give, it is held on a grid of η/2 cells and
 * read as the cell mean). Pairs are considered up to {@code maxLagDays} and {@code
 * maxDistanceMeters} apart, which bounds the cost to O(n · neighbours) per iteration; σ is held
 * below a quarter of the distance cap and 1/ω below a quarter of the lag cap, so the cut-off pairs
 * carry at most e^(−8) and e^(−4) of the triggering. The ω update ignores the end-of-window
 * correction (bias of order 1/(ωT)).
 *
 * <p>A forecast for [T₀, T₁) is the expected count per cell: the background's cell mass times (T₁ −
 * T₀)/T plus every past event's remaining first-generation offspring, θ (e^(−ω(T₀−t_j)) −
 * e^(−ω(T₁−t_j))), spread by the Gaussian cell masses of scale σ. Stateless and thread-safe.
 */
public final class Etas {
  private Etas() {}

  /**
   * Fitted parameters.
   *
   * @param backgroundPerDay μ integrated over the area: background events per day
   * @param theta θ, mean number of events each event triggers (branching ratio, &lt; 1)
   * @param omegaPerDay ω, the triggering's decay rate (mean delay 1/ω days)
   * @param sigmaMeters σ, the triggering's spatial scale
   */
  public record Parameters(
      double backgroundPerDay, double theta, double omegaPerDay, double sigmaMeters) {}

  /**
   * How the model is fitted.
   *
   * @param backgroundBandwidthMeters η, the background kernel's standard deviation
   * @param maxLagDays the longest delay considered between an event and its trigger
   * @param maxDistanceMeters the longest distance considered
   * @param maxIterations EM iterations at most
   * @param tolerance stop when θ (absolutely, below 0.01), ω and σ change by less than this share
   *     in one iteration
   */
  public record Settings(
      double backgroundBandwidthMeters,
      double maxLagDays,
      double maxDistanceMeters,
      int maxIterations,
      double tolerance) {
    public Settings {
      if (!(backgroundBandwidthMeters > 0 && maxLagDays > 0 && maxDistanceMeters > 0)) {
        throw DomainException.invalid("etas", "ETAS scales must be > 0");
      }
      if (maxIterations < 1 || !(tolerance > 0)) {
        throw DomainException.invalid("etas", "ETAS needs ≥ 1 iteration and a tolerance > 0");
      }
    }
  }

  /** η = 100 m, pairs up to 60 days and 600 m, at most 60 iterations, tolerance 1e-4. */
  public static final Settings DEFAULT = new Settings(100, 60, 600, 60, 1e-4);

  /** A fit: parameters, per-event background probabilities, the background grid and its span. */
  public record Fit(
      Parameters parameters,
      int iterations,
      double startDay,
      double endDay,
      TimedEvents events,
      double[] backgroundProbability,
      Settings settings) {}

  /** Fits the model to events observed over [startDay, endDay). */
  public static Fit fit(TimedEvents ev, double startDay, double endDay, Settings s) {
    int n = ev.size();
    if (n < 2) {
      throw DomainException.invalid("etas", "ETAS needs at least 2 events, there were " + n);
    }
    double span = endDay - startDay;
    if (!(span > 0)) {
      throw DomainException.invalid("etas", "ETAS needs a period of positive length");
    }
    Pairs pairs = Pairs.of(ev, s.maxLagDays(), s.maxDistanceMeters());
    double eta = s.backgroundBandwidthMeters();
    Neighbours background = Neighbours.of(ev.points(), eta);
    double[] pBack = new double[n];
    Arrays.fill(pBack, 1);
    double theta = 0.2;
    double omega = 1.0 / 7;
    double sigma = Math.min(100, s.maxDistanceMeters() / 4);
    double[] lambda = new double[n];
    int iter = 0;
    while (iter < s.maxIterations()) {
      iter++;
      double[] bgAt = background.sums(pBack, span);
      System.arraycopy(bgAt, 0, lambda, 0, n);
      double norm = 1 / (2 * Math.PI * sigma * sigma);
      for (int k = 0; k < pairs.size(); k++) {
        lambda[pairs.i[k]] += trigger(theta, omega, sigma, norm, pairs.dt[k], pairs.d2[k]);
      }
      double sumP = 0;
      double sumPdt = 0;
      double sumPd2 = 0;
      // g is recomputed rather than stored: 4 bytes a pair fewer at a million events.
      for (int k = 0; k < pairs.size(); k++) {
        double g = trigger(theta, omega, sigma, norm, pairs.dt[k], pairs.d2[k]);
        double p = lambda[pairs.i[k]] > 0 ? g / lambda[pairs.i[k]] : 0;
        sumP += p;
        sumPdt += p * pairs.dt[k];
        sumPd2 += p * pairs.d2[k];
      }
      for (int i = 0; i < n; i++) {
        pBack[i] = lambda[i] > 0 ? bgAt[i] / lambda[i] : 1;
      }
      double exposure = 0;
      for (int j = 0; j < n; j++) {
        exposure += 1 - Math.exp(-omega * (endDay - ev.day(j)));
      }
      double newTheta = exposure > 0 ? Math.min(0.95, sumP / exposure) : 0;
      double newOmega = sumPdt > 0 ? Math.max(4 / s.maxLagDays(), sumP / sumPdt) : omega;
      double newSigma =
          sumP > 0
              ? Math.max(1, Math.min(s.maxDistanceMeters() / 4, Math.sqrt(sumPd2 / (2 * sumP))))
              : sigma;
      double change =
          Math.max(
              Math.abs(newTheta - theta) / Math.max(theta, 0.01),
              Math.max(Math.abs(newOmega - omega) / omega, Math.abs(newSigma - sigma) / sigma));
      theta = newTheta;
      omega = newOmega;
      sigma = newSigma;
      if (change < s.tolerance()) {
        break;
      }
    }
    double backgroundEvents = 0;
    for (double p : pBack) {
      backgroundEvents += p;
    }
    return new Fit(
        new Parameters(backgroundEvents / span, theta, omega, sigma),
        iter,
        startDay,
        endDay,
        ev,
        pBack,
        s);
  }

  private static double trigger(
      double theta, double omega, double sigma, double norm, double dt, double d2) {
    return theta * omega * Math.exp(-omega * dt) * norm * Math.exp(-d2 / (2 * sigma * sigma));
  }

  /**
   * Each event's neighbours within the background kernel's reach (4η), with the kernel's value
   * φ_η(x_i − x_j) per m², itself included: μ(x_i) = Σ_j p_jj φ_η(x_i − x_j) / T by direct
   * summation (exact, and cheaper than a grid for the sizes a municipality has).
   */
  static final class Neighbours {
    /** Past this many neighbour entries the background is held on a grid instead. */
    static final long MAX_ENTRIES = 30_000_000L;

    private final int[] start;
    private final int[] index;
    private final float[] kernel;
    private final PointSet points;
    private final GridSpec grid;
    private final double eta;

    private Neighbours(
        int[] start, int[] index, float[] kernel, PointSet points, GridSpec grid, double eta) {
      this.start = start;
      this.index = index;
      this.kernel = kernel;
      this.points = points;
      this.grid = grid;
      this.eta = eta;
    }

    static Neighbours of(PointSet p, double eta) {
      if (pairCount(p, eta) > MAX_ENTRIES) {
        // A million events in a dense city: the Gaussian KDE on η/2 cells (cell means).
        GridSpec g = GridSpec.covering(p.bounds().expandedBy(5 * eta), eta / 2);
        return new Neighbours(null, null, null, p, g, eta);
      }
      return direct(p, eta);
    }

    /** Σ over events of the neighbours within 4η, from the grid counts (an upper bound). */
    private static long pairCount(PointSet p, double eta) {
      double reach = 4 * eta;
      Bbox b = p.bounds();
      int cols = (int) Math.min(4096, Math.floor(b.width() / reach) + 1);
      int rows = (int) Math.min(4096, Math.floor(b.height() / reach) + 1);
      double cw = Math.max(b.width() / cols, 1e-9) * (1 + 1e-12);
      double ch = Math.max(b.height() / rows, 1e-9) * (1 + 1e-12);
      long[] count = new long[cols * rows];
      for (int k = 0; k < p.size(); k++) {
        int cx = Math.min(cols - 1, (int) ((p.x(k) - b.minX()) / cw));
        int cy = Math.min(rows - 1, (int) ((p.y(k) - b.minY()) / ch));
        count[cy * cols + cx]++;
      }
      long total = 0;
      for (int cy = 0; cy < rows; cy++) {
        for (int cx = 0; cx < cols; cx++) {
          long around = 0;
          for (int y = Math.max(0, cy - 1); y <= Math.min(rows - 1, cy + 1); y++) {
            for (int x = Math.max(0, cx - 1); x <= Math.min(cols - 1, cx + 1); x++) {
              around += count[y * cols + x];
            }
          }
          total += count[cy * cols + cx] * around;
        }
      }
      return total;
    }

    private static Neighbours direct(PointSet p, double eta) {
      int n = p.size();
      double reach = 4 * eta;
      Bbox b = p.bounds();
      int cols = (int) Math.min(2048, Math.floor(b.width() / reach) + 1);
      int rows = (int) Math.min(2048, Math.floor(b.height() / reach) + 1);
      double cw = Math.max(b.width() / cols, 1e-9) * (1 + 1e-12);
      double ch = Math.max(b.height() / rows, 1e-9) * (1 + 1e-12);
      int[] cellOf = new int[n];
      int[] count = new int[cols * rows + 1];
      for (int k = 0; k < n; k++) {
        int cx = Math.min(cols - 1, (int) ((p.x(k) - b.minX()) / cw));
        int cy = Math.min(rows - 1, (int) ((p.y(k) - b.minY()) / ch));
        cellOf[k] = cy * cols + cx;
        count[cellOf[k] + 1]++;
      }
      for (int c = 0; c < cols * rows; c++) {
        count[c + 1] += count[c];
      }
      int[] members = new int[n];
      int[] fill = Arrays.copyOf(count, count.length);
      for (int k = 0; k < n; k++) {
        members[fill[cellOf[k]]++] = k;
      }
      int reachX = (int) Math.ceil(reach / cw);
      int reachY = (int) Math.ceil(reach / ch);
      double reach2 = reach * reach;
      double norm = 1 / (2 * Math.PI * eta * eta * (1 - Math.exp(-8)));
      int[] start = new int[n + 1];
      int[] index = new int[Math.max(16, n * 8)];
      float[] kernel = new float[index.length];
      int size = 0;
      for (int k = 0; k < n; k++) {
        start[k] = size;
        int cx = cellOf[k] % cols;
        int cy = cellOf[k] / cols;
        for (int yy = Math.max(0, cy - reachY); yy <= Math.min(rows - 1, cy + reachY); yy++) {
          for (int xx = Math.max(0, cx - reachX); xx <= Math.min(cols - 1, cx + reachX); xx++) {
            int c = yy * cols + xx;
            for (int m = count[c]; m < count[c + 1]; m++) {
              int j = members[m];
              double dx = p.x(k) - p.x(j);
              double dy = p.y(k) - p.y(j);
              double d2 = dx * dx + dy * dy;
              if (d2 < reach2) {
                if (size == index.length) {
                  index = Arrays.copyOf(index, 2 * size);
                  kernel = Arrays.copyOf(kernel, 2 * size);
                }
                index[size] = j;
                kernel[size] = (float) (norm * Math.exp(-d2 / (2 * eta * eta)));
                size++;
              }
            }
          }
        }
      }
      start[n] = size;
      return new Neighbours(start, index, kernel, p, null, eta);
    }

    /** Σ_j weight_j φ_η(x_i − x_j) / span for every event i (per m² per day). */
    double[] sums(double[] weight, double span) {
      if (grid != null) {
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
          x[i] = points.x(i);
          y[i] = points.y(i);
        }
        DensityGrid d =
            KernelDensity.estimate(PointSet.of(x, y, weight), grid, Kernel.GAUSSIAN, eta);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
          out[i] = d.valueAt(points.xy(i)) / 1e6 / span;
        }
        return out;
      }
      double[] out = new double[start.length - 1];
      for (int i = 0; i < out.length; i++) {
        double s = 0;
        for (int k = start[i]; k < start[i + 1]; k++) {
          s += weight[index[k]] * kernel[k];
        }
        out[i] = s / span;
      }
      return out;
    }
  }

  /** The expected events per cell of the grid in [fromDay, toDay), fromDay ≥ the fit's end. */
  public static double[] forecast(Fit fit, GridSpec grid, double fromDay, double toDay) {
    TimedEvents ev = fit.events();
    PointSet p = ev.points();
    int n = ev.size();
    double span = fit.endDay() - fit.startDay();
    double window = toDay - fromDay;
    double[] x = new double[n];
    double[] y = new double[n];
    double[] bgWeight = new double[n];
    double[] trigger = new double[n];
    Parameters par = fit.parameters();
    for (int i = 0; i < n; i++) {
      x[i] = p.x(i);
      y[i] = p.y(i);
      bgWeight[i] = fit.backgroundProbability()[i] * window / span;
      double a = Math.max(0, fromDay - ev.day(i));
      double b = Math.max(0, toDay - ev.day(i));
      trigger[i] =
          par.theta() * (Math.exp(-par.omegaPerDay() * a) - Math.exp(-par.omegaPerDay() * b));
    }
    double km2 = grid.cellAreaM2() / 1e6;
    double[] out = new double[grid.cellCount()];
    DensityGrid background =
        KernelDensity.estimate(
            PointSet.of(x, y, bgWeight),
            grid,
            Kernel.GAUSSIAN,
            Math.max(fit.settings().backgroundBandwidthMeters(), grid.cellSizeMeters() / 2));
    DensityGrid triggered =
        KernelDensity.estimate(
            PointSet.of(x, y, trigger),
            grid,
            Kernel.GAUSSIAN,
            Math.max(par.sigmaMeters(), grid.cellSizeMeters() / 2));
    for (int c = 0; c < out.length; c++) {
      out[c] = (background.value(c) + triggered.value(c)) * km2;
    }
    return out;
  }

  /** Candidate (earlier j, later i) pairs within the lag and distance caps, found by a grid. */
  static final class Pairs {
    int[] i = new int[1024];
    float[] dt = new float[1024];
    float[] d2 = new float[1024];
    private int size;

    int size() {
      return size;
    }

    private void add(int later, double lag, double dist2) {
      if (size == i.length) {
        i = Arrays.copyOf(i, 2 * size);
        dt = Arrays.copyOf(dt, 2 * size);
        d2 = Arrays.copyOf(d2, 2 * size);
      }
      i[size] = later;
      dt[size] = (float) lag;
      d2[size] = (float) dist2;
      size++;
    }

    static Pairs of(TimedEvents ev, double maxLag, double maxDist) {
      PointSet p = ev.points();
      Bbox b = p.bounds();
      int cols = (int) Math.min(2048, Math.floor(b.width() / maxDist) + 1);
      int rows = (int) Math.min(2048, Math.floor(b.height() / maxDist) + 1);
      double cw = Math.max(b.width() / cols, 1e-9) * (1 + 1e-12);
      double ch = Math.max(b.height() / rows, 1e-9) * (1 + 1e-12);
      int n = ev.size();
      int[] cellOf = new int[n];
      int[] count = new int[cols * rows + 1];
      for (int k = 0; k < n; k++) {
        int cx = Math.min(cols - 1, (int) ((p.x(k) - b.minX()) / cw));
        int cy = Math.min(rows - 1, (int) ((p.y(k) - b.minY()) / ch));
        cellOf[k] = cy * cols + cx;
        count[cellOf[k] + 1]++;
      }
      for (int c = 0; c < cols * rows; c++) {
        count[c + 1] += count[c];
      }
      // Events per cell, in time order (events are sorted by time).
      int[] members = new int[n];
      int[] fill = Arrays.copyOf(count, count.length);
      for (int k = 0; k < n; k++) {
        members[fill[cellOf[k]]++] = k;
      }
      int reachX = (int) Math.ceil(maxDist / cw);
      int reachY = (int) Math.ceil(maxDist / ch);
      double maxDist2 = maxDist * maxDist;
      Pairs out = new Pairs();
      for (int k = 0; k < n; k++) {
        int cx = cellOf[k] % cols;
        int cy = cellOf[k] / cols;
        double t = ev.day(k);
        for (int yy = Math.max(0, cy - reachY); yy <= Math.min(rows - 1, cy + reachY); yy++) {
          for (int xx = Math.max(0, cx - reachX); xx <= Math.min(cols - 1, cx + reachX); xx++) {
            int c = yy * cols + xx;
            // Members of c are in time order: walk back from the last one before k.
            int lo = count[c];
            int hi = count[c + 1];
            int pos = upperBelow(members, lo, hi, k);
            for (int m = pos - 1; m >= lo; m--) {
              int j = members[m];
              double lag = t - ev.day(j);
              if (lag > maxLag) {
                break;
              }
              double dx = p.x(k) - p.x(j);
              double dy = p.y(k) - p.y(j);
              double dd = dx * dx + dy * dy;
              if (dd <= maxDist2) {
                out.add(k, lag, dd);
              }
            }
          }
        }
      }
      return out;
    }

    /** The first position in members[lo, hi) whose event index is ≥ k (indices ascend). */
    private static int upperBelow(int[] members, int lo, int hi, int k) {
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (members[mid] < k) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }
}
