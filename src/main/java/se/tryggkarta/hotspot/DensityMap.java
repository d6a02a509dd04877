package se.tryggkarta.hotspot;

import se.tryggkarta.common.Crs;
import se.tryggkarta.hotspot.kde.DensityGrid;

/**
 * A density map as served: the grid (events per km², in {@code crs}), how many events and how much
 * weight went in, and how many cells were blanked for privacy (0 for members).
 */
public record DensityMap(
    Crs crs,
    DensityGrid density,
    int events,
    double weightedEvents,
    int suppressedCells,
    Audience audience) {

  /**
   * The map cut to the cells whose centres lie in {@code extentXY} (workspace CRS): a display crop
   * that changes no value. UNPROCESSABLE (field {@code bbox}) when no cell's centre lies inside.
   */
  public DensityMap croppedTo(se.tryggkarta.common.Bbox extentXY) {
    var g = density.grid();
    double c = g.cellSizeMeters();
    int ix0 = Math.max(0, (int) Math.ceil((extentXY.minX() - g.minX()) / c - 0.5));
    int ix1 = Math.min(g.nx() - 1, (int) Math.floor((extentXY.maxX() - g.minX()) / c - 0.5));
    int iy0 = Math.max(0, (int) Math.ceil((extentXY.minY() - g.minY()) / c - 0.5));
    int iy1 = Math.min(g.ny() - 1, (int) Math.floor((extentXY.maxY() - g.minY()) / c - 0.5));
    if (ix1 < ix0 || iy1 < iy0) {
      throw new se.tryggkarta.common.DomainException(
          se.tryggkarta.common.ErrorKind.UNPROCESSABLE, "bbox", "the bbox does not meet the map");
    }
    var sub =
        new se.tryggkarta.hotspot.grid.GridSpec(
            g.minX() + ix0 * c, g.minY() + iy0 * c, c, ix1 - ix0 + 1, iy1 - iy0 + 1);
    float[] v = new float[sub.cellCount()];
    for (int iy = iy0; iy <= iy1; iy++) {
      for (int ix = ix0; ix <= ix1; ix++) {
        v[(iy - iy0) * sub.nx() + ix - ix0] = (float) density.value(ix, iy);
      }
    }
    return new DensityMap(
        crs,
        new DensityGrid(sub, v, density.kernel(), density.bandwidthMeters()),
        events,
        weightedEvents,
        suppressedCells,
        audience);
  }
}
