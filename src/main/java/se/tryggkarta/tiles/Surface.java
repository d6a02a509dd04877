package se.tryggkarta.tiles;

import java.util.Optional;
import se.tryggkarta.analysis.AnalysisPool;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.XY;
import se.tryggkarta.hotspot.DensityMap;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.kde.DensityGrid;

/**
 * One workspace-wide density surface that tiles are cut from, with a summed-area table of its cells
 * (Crow 1984, "Summed-area tables for texture mapping": S(i, j) = Σ_{i' < i, j' < j} v(i', j'), so
 * a rectangle's sum is S(i1, j1) − S(i0, j1) − S(i1, j0) + S(i0, j0)). Empty when no events match.
 * Immutable; thread-safe.
 */
final class Surface implements AnalysisPool.Weighed {
  private final Optional<DensityMap> map;
  private final double[] sat;
  private final double maxPerKm2;
  private final double[] boundsWgs84;

  Surface(Optional<DensityMap> map) {
    this.map = map;
    if (map.isEmpty()) {
      this.sat = new double[0];
      this.maxPerKm2 = 0;
      this.boundsWgs84 = new double[] {0, 0, 0, 0};
      return;
    }
    DensityGrid d = map.get().density();
    GridSpec g = d.grid();
    int w = g.nx() + 1;
    this.sat = new double[w * (g.ny() + 1)];
    for (int iy = 0; iy < g.ny(); iy++) {
      double row = 0;
      for (int ix = 0; ix < g.nx(); ix++) {
        row += d.value(ix, iy);
        sat[(iy + 1) * w + ix + 1] = sat[iy * w + ix + 1] + row;
      }
    }
    this.maxPerKm2 = d.max();
    Crs crs = map.get().crs();
    double west = Double.POSITIVE_INFINITY;
    double south = Double.POSITIVE_INFINITY;
    double east = Double.NEGATIVE_INFINITY;
    double north = Double.NEGATIVE_INFINITY;
    int steps = 8;
    for (int i = 0; i <= steps; i++) {
      for (int j = 0; j <= steps; j++) {
        LonLat p =
            crs.toLonLat(
                new XY(
                    g.minX() + (g.maxX() - g.minX()) * i / steps,
                    g.minY() + (g.maxY() - g.minY()) * j / steps));
        west = Math.min(west, p.lon());
        east = Math.max(east, p.lon());
        south = Math.min(south, p.lat());
        north = Math.max(north, p.lat());
      }
    }
    this.boundsWgs84 = new double[] {west, south, east, north};
  }

  boolean isEmpty() {
    return map.isEmpty();
  }

  Optional<DensityMap> map() {
    return map;
  }

  double maxPerKm2() {
    return maxPerKm2;
  }

  /** Whether the tile's box meets the surface's box (both in WGS84, with a small margin). */
  boolean meets(double[] tileWgs84) {
    if (map.isEmpty()) {
      return false;
    }
    double m = 1e-4;
    return tileWgs84[0] <= boundsWgs84[2] + m
        && tileWgs84[2] >= boundsWgs84[0] - m
        && tileWgs84[1] <= boundsWgs84[3] + m
        && tileWgs84[3] >= boundsWgs84[1] - m;
  }

  /** The value of the cell holding p (0 outside): events per km². */
  double valueAt(XY p) {
    return map.get().density().valueAt(p);
  }

  /**
   * The mean density over the square of side {@code sizeMeters} centred on p: the mean of the cells
   * whose centres fall inside it, cells off the grid counting 0; the cell holding p when no centre
   * falls inside.
   */
  double meanOver(XY p, double sizeMeters) {
    GridSpec g = map.get().density().grid();
    double c = g.cellSizeMeters();
    long ix0 = (long) Math.ceil((p.x() - sizeMeters / 2 - g.minX()) / c - 0.5);
    long ix1 = (long) Math.floor((p.x() + sizeMeters / 2 - g.minX()) / c - 0.5);
    long iy0 = (long) Math.ceil((p.y() - sizeMeters / 2 - g.minY()) / c - 0.5);
    long iy1 = (long) Math.floor((p.y() + sizeMeters / 2 - g.minY()) / c - 0.5);
    if (ix1 < ix0 || iy1 < iy0) {
      return valueAt(p);
    }
    double count = (double) (ix1 - ix0 + 1) * (iy1 - iy0 + 1);
    int a0 = (int) Math.max(0, ix0);
    int a1 = (int) Math.min(g.nx() - 1, ix1);
    int b0 = (int) Math.max(0, iy0);
    int b1 = (int) Math.min(g.ny() - 1, iy1);
    if (a1 < a0 || b1 < b0) {
      return 0;
    }
    int w = g.nx() + 1;
    double sum =
        sat[(b1 + 1) * w + a1 + 1]
            - sat[b0 * w + a1 + 1]
            - sat[(b1 + 1) * w + a0]
            + sat[b0 * w + a0];
    return Math.max(0, sum / count);
  }

  @Override
  public int weightBytes() {
    return (int) Math.min(Integer.MAX_VALUE, 64L + sat.length * 8L + sat.length * 4L);
  }
}
