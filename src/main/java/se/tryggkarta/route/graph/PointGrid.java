package se.tryggkarta.route.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.tryggkarta.common.LonLat;

/**
 * Points bucketed in square cells of the local projection, for "any / how many within r" queries
 * with r no larger than the cell size (the 3×3 block around the query cell is searched). Immutable
 * after construction; thread-safe.
 */
final class PointGrid {
  private final LocalProjection projection;
  private final double cellM;
  private final Map<Long, List<double[]>> cells = new HashMap<>();

  PointGrid(LocalProjection projection, double cellM, List<LonLat> points) {
    this.projection = projection;
    this.cellM = cellM;
    for (LonLat p : points) {
      double x = projection.x(p.lon());
      double y = projection.y(p.lat());
      cells.computeIfAbsent(key(cell(x), cell(y)), k -> new ArrayList<>()).add(new double[] {x, y});
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

  private int countWithin(LonLat p, double radiusM, boolean firstOnly) {
    double x = projection.x(p.lon());
    double y = projection.y(p.lat());
    long cx = cell(x);
    long cy = cell(y);
    int count = 0;
    for (long i = cx - 1; i <= cx + 1; i++) {
      for (long j = cy - 1; j <= cy + 1; j++) {
        List<double[]> bucket = cells.get(key(i, j));
        if (bucket == null) {
          continue;
        }
        for (double[] q : bucket) {
          if (Math.hypot(q[0] - x, q[1] - y) <= radiusM) {
            count++;
            if (firstOnly) {
              return count;
            }
          }
        }
      }
    }
    return count;
  }
}
