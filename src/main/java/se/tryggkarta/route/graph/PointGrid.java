package se.tryggkarta.route.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import se.tryggkarta.common.LonLat;

/**
 * Points bucketed in square cells of the local projection, for "any / how many / which within r"
 * queries with r no larger than the cell size (the 3×3 block around the query cell is searched).
 * Immutable after construction; thread-safe.
 */
public final class PointGrid {
  private final LocalProjection projection;
  private final double cellM;
  private final Map<Long, List<double[]>> cells = new HashMap<>();

  /** A grid of the points; {@link #within} answers with their positions in this list. */
  public PointGrid(LocalProjection projection, double cellM, List<LonLat> points) {
    this.projection = projection;
    this.cellM = cellM;
    for (int i = 0; i < points.size(); i++) {
      LonLat p = points.get(i);
      double x = projection.x(p.lon());
      double y = projection.y(p.lat());
      cells
          .computeIfAbsent(key(cell(x), cell(y)), k -> new ArrayList<>())
          .add(new double[] {x, y, i});
    }
  }

  private long cell(double v) {
    return (long) Math.floor(v / cellM);
  }

  private static long key(long cx, long cy) {
    return (cx << 32) ^ (cy & 0xffffffffL);
  }

  boolean anyWithin(LonLat p, double radiusM) {
    return countWithin(p, radiusM, true) > 0;
  }

  int countWithin(LonLat p, double radiusM) {
    return countWithin(p, radiusM, false);
  }

  /** The positions (in the constructor's list) of the points within the radius, ascending. */
  public List<Integer> within(LonLat p, double radiusM) {
    List<Integer> out = new ArrayList<>();
    visitWithin(
        p,
        radiusM,
        q -> {
          out.add((int) q[2]);
          return true;
        });
    out.sort(null);
    return out;
  }

  private int countWithin(LonLat p, double radiusM, boolean firstOnly) {
    int[] count = {0};
    visitWithin(
        p,
        radiusM,
        q -> {
          count[0]++;
          return !firstOnly;
        });
    return count[0];
  }

  /** Hands each point within the radius to {@code visit} until it answers false. */
  private void visitWithin(LonLat p, double radiusM, Predicate<double[]> visit) {
    double x = projection.x(p.lon());
    double y = projection.y(p.lat());
    long cx = cell(x);
    long cy = cell(y);
    for (long i = cx - 1; i <= cx + 1; i++) {
      for (long j = cy - 1; j <= cy + 1; j++) {
        for (double[] q : cells.getOrDefault(key(i, j), List.of())) {
          if (Math.hypot(q[0] - x, q[1] - y) <= radiusM && !visit.test(q)) {
            return;
          }
        }
      }
    }
  }
}
