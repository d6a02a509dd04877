package se.tryggkarta.hotspot.contour;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.kde.DensityGrid;

/**
 * Highest-density regions (Hyndman 1996, "Computing and graphing highest density regions", The
 * American Statistician 50(2)): for a mass share p the level is
 *
 * <pre>  t_p = max { t : Σ_{cells with f ≥ t} f ≥ p · Σ_all f }</pre>
 *
 * and the region is the union of the cells with f ≥ t_p — the smallest set of cells that holds p of
 * the mass. Polygons follow cell edges (runs of cells per row, dissolved with JTS's unary union),
 * so they are exact for the grid and never cross it. Stateless and thread-safe.
 */
public final class MassContours {
  /** The default shares: the areas holding 25, 50 and 75 % of the mass. */
  public static final List<Double> DEFAULT_FRACTIONS = List.of(0.25, 0.5, 0.75);

  private MassContours() {}

  /** One band per mass share (each 0 &lt; p &lt; 1), in the order given. */
  public static List<ContourBand> byMass(
      DensityGrid d, List<Double> fractions, GeometryFactory gf) {
    float[] v = d.values();
    float[] sorted = v.clone();
    Arrays.sort(sorted);
    double total = 0;
    for (float x : v) {
      total += x;
    }
    List<ContourBand> out = new ArrayList<>();
    for (double p : fractions) {
      if (!(p > 0 && p < 1)) {
        throw DomainException.invalid("mass", "mass shares must be between 0 and 1, was " + p);
      }
      double level = levelFor(sorted, total, p);
      out.add(new ContourBand(Optional.of(p), level, region(d, level, gf)));
    }
    return out;
  }

  /** One band per density level (events per km², each &gt; 0), in the order given. */
  public static List<ContourBand> byLevel(DensityGrid d, List<Double> levels, GeometryFactory gf) {
    List<ContourBand> out = new ArrayList<>();
    for (double level : levels) {
      if (!(level > 0) || !Double.isFinite(level)) {
        throw DomainException.invalid("levels", "levels must be > 0 events/km², was " + level);
      }
      out.add(new ContourBand(Optional.empty(), level, region(d, level, gf)));
    }
    return out;
  }

  private static double levelFor(float[] ascending, double total, double p) {
    if (total <= 0) {
      return Double.POSITIVE_INFINITY;
    }
    double acc = 0;
    for (int i = ascending.length - 1; i >= 0; i--) {
      acc += ascending[i];
      if (acc >= p * total) {
        return ascending[i];
      }
    }
    return ascending[0];
  }

  /** The union of the cells with value ≥ level (and > 0). */
  static Geometry region(DensityGrid d, double level, GeometryFactory gf) {
    GridSpec g = d.grid();
    List<Polygon> runs = new ArrayList<>();
    double cell = g.cellSizeMeters();
    for (int iy = 0; iy < g.ny(); iy++) {
      int start = -1;
      for (int ix = 0; ix <= g.nx(); ix++) {
        boolean in = ix < g.nx() && d.value(ix, iy) >= level && d.value(ix, iy) > 0;
        if (in && start < 0) {
          start = ix;
        } else if (!in && start >= 0) {
          double x0 = g.minX() + start * cell;
          double x1 = g.minX() + ix * cell;
          double y0 = g.minY() + iy * cell;
          double y1 = y0 + cell;
          runs.add(
              gf.createPolygon(
                  new org.locationtech.jts.geom.Coordinate[] {
                    new org.locationtech.jts.geom.Coordinate(x0, y0),
                    new org.locationtech.jts.geom.Coordinate(x1, y0),
                    new org.locationtech.jts.geom.Coordinate(x1, y1),
                    new org.locationtech.jts.geom.Coordinate(x0, y1),
                    new org.locationtech.jts.geom.Coordinate(x0, y0)
                  }));
          start = -1;
        }
      }
    }
    if (runs.isEmpty()) {
      return gf.createMultiPolygon();
    }
    return UnaryUnionOp.union(runs, gf);
  }
}
