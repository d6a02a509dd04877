package se.tryggkarta.hotspot.sites;

import java.util.ArrayList;
import java.util.List;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.XY;
import se.tryggkarta.hotspot.grid.Convolution;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.grid.PointSet;
import se.tryggkarta.hotspot.kde.DensityGrid;

/**
 * Ranks patrol sites on a density map. The score of a circle centred on cell c is its density mass
 *
 * <pre>  m(c) = Σ_{c' : |c' − c| ≤ r} f(c') · A_cell / 10⁶     [expected events]</pre>
 *
 * computed for every cell at once by FFT convolution with a disk. Candidate centres are the local
 * peaks of m (no cell within r holds more), so a broad hot spot gets one site at its peak instead
 * of a ring of sites on its shoulders, which is what plain greedy coverage gives and what hid
 * smaller hot spots behind a big one. Sites are then chosen greedily among the peaks (the classic
 * maximal-coverage heuristic, Church &amp; ReVelle 1974): the highest-mass peak, then the highest
 * at least 2r from every chosen centre, until N sites or no peak is left. Ties go to the
 * south-western cell, so results are deterministic. Stateless and thread-safe.
 */
public final class PatrolSites {
  public static final int MAX_SITES = 100;
  public static final double MAX_RADIUS_METERS = 5000;

  private PatrolSites() {}

  /**
   * The top {@code n} sites of radius {@code radiusMeters} on the map; {@code events} are counted
   * per site. Fewer than n when the map runs out of mass.
   */
  public static List<PatrolSite> rank(
      DensityGrid density, PointSet events, double radiusMeters, int n) {
    GridSpec g = density.grid();
    double[] expected = new double[g.cellCount()];
    double km2 = g.cellAreaM2() / 1e6;
    for (int i = 0; i < expected.length; i++) {
      expected[i] = density.value(i) * km2;
    }
    return rank(g, expected, events, radiusMeters, n);
  }

  /**
   * As {@link #rank(DensityGrid, PointSet, double, int)} on any surface of expected events per cell
   * (a forecast model's output, or weighted points binned at cell centres).
   */
  public static List<PatrolSite> rank(
      GridSpec g, double[] expectedEvents, PointSet events, double radiusMeters, int n) {
    if (expectedEvents.length != g.cellCount()) {
      throw new IllegalArgumentException(
          expectedEvents.length + " values for " + g.cellCount() + " cells");
    }
    if (n < 1 || n > MAX_SITES) {
      throw DomainException.invalid("n", "n must be 1.." + MAX_SITES + ", was " + n);
    }
    if (!(radiusMeters >= g.cellSizeMeters() / 2) || radiusMeters > MAX_RADIUS_METERS) {
      throw DomainException.invalid(
          "radius",
          "radius must be "
              + g.cellSizeMeters() / 2
              + ".."
              + MAX_RADIUS_METERS
              + " m (at least half a cell), was "
              + radiusMeters);
    }
    double[] mass = circleMass(g, expectedEvents, radiusMeters);
    boolean[] excluded = notPeaks(g, mass, radiusMeters);
    double minSep2 = 4 * radiusMeters * radiusMeters;
    List<PatrolSite> sites = new ArrayList<>();
    while (sites.size() < n) {
      int best = -1;
      for (int i = 0; i < mass.length; i++) {
        if (!excluded[i] && mass[i] > 0 && (best < 0 || mass[i] > mass[best])) {
          best = i;
        }
      }
      if (best < 0) {
        break;
      }
      XY c = g.centre(best);
      sites.add(
          new PatrolSite(
              sites.size() + 1,
              String.format(
                  java.util.Locale.ROOT, "site-%d-%d", Math.round(c.x()), Math.round(c.y())),
              c,
              radiusMeters,
              mass[best],
              countWithin(events, c, radiusMeters)));
      int reach = (int) Math.ceil(2 * radiusMeters / g.cellSizeMeters());
      int bx = best % g.nx();
      int by = best / g.nx();
      for (int iy = Math.max(0, by - reach); iy <= Math.min(g.ny() - 1, by + reach); iy++) {
        for (int ix = Math.max(0, bx - reach); ix <= Math.min(g.nx() - 1, bx + reach); ix++) {
          double dx = (ix - bx) * g.cellSizeMeters();
          double dy = (iy - by) * g.cellSizeMeters();
          if (dx * dx + dy * dy < minSep2) {
            excluded[iy * g.nx() + ix] = true;
          }
        }
      }
    }
    return List.copyOf(sites);
  }

  /** True for every cell that some cell within the radius beats (holds more mass). */
  static boolean[] notPeaks(GridSpec g, double[] mass, double radiusMeters) {
    int reach = (int) Math.floor(radiusMeters / g.cellSizeMeters());
    double r2 = radiusMeters * radiusMeters;
    double cell = g.cellSizeMeters();
    boolean[] out = new boolean[mass.length];
    for (int iy = 0; iy < g.ny(); iy++) {
      for (int ix = 0; ix < g.nx(); ix++) {
        int i = iy * g.nx() + ix;
        double m = mass[i];
        search:
        for (int dy = -reach; dy <= reach; dy++) {
          int y = iy + dy;
          if (y < 0 || y >= g.ny()) {
            continue;
          }
          for (int dx = -reach; dx <= reach; dx++) {
            int x = ix + dx;
            if (x < 0 || x >= g.nx() || (dx * dx + dy * dy) * cell * cell > r2) {
              continue;
            }
            if (mass[y * g.nx() + x] > m) {
              out[i] = true;
              break search;
            }
          }
        }
      }
    }
    return out;
  }

  /** The density mass (expected events) in a circle of the radius around every cell centre. */
  static double[] circleMass(DensityGrid density, double radiusMeters) {
    GridSpec g = density.grid();
    double[] expected = new double[g.cellCount()];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = density.value(i) * g.cellAreaM2() / 1e6;
    }
    return circleMass(g, expected, radiusMeters);
  }

  /** The expected events in a circle of the radius around every cell centre. */
  static double[] circleMass(GridSpec g, double[] expected, double radiusMeters) {
    int r = (int) Math.floor(radiusMeters / g.cellSizeMeters());
    int w = 2 * r + 1;
    float[] disk = new float[w * w];
    double r2 = radiusMeters * radiusMeters;
    for (int di = -r; di <= r; di++) {
      for (int dj = -r; dj <= r; dj++) {
        double d2 =
            (di * g.cellSizeMeters()) * (di * g.cellSizeMeters())
                + (dj * g.cellSizeMeters()) * (dj * g.cellSizeMeters());
        disk[(di + r) * w + dj + r] = d2 <= r2 ? 1 : 0;
      }
    }
    int cols = g.nx() + 2 * r;
    float[] padded = new float[(g.ny() + 2 * r) * cols];
    for (int iy = 0; iy < g.ny(); iy++) {
      for (int ix = 0; ix < g.nx(); ix++) {
        padded[(iy + r) * cols + ix + r] = (float) expected[iy * g.nx() + ix];
      }
    }
    float[] conv = Convolution.convolve(padded, g.ny(), g.nx(), r, disk, r);
    double[] out = new double[conv.length];
    for (int i = 0; i < conv.length; i++) {
      out[i] = Math.max(0, conv[i]);
    }
    return out;
  }

  private static int countWithin(PointSet events, XY c, double radius) {
    int count = 0;
    double r2 = radius * radius;
    for (int i = 0; i < events.size(); i++) {
      double dx = events.x(i) - c.x();
      double dy = events.y(i) - c.y();
      if (dx * dx + dy * dy <= r2) {
        count++;
      }
    }
    return count;
  }
}
