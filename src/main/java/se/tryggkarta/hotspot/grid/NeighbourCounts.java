package se.tryggkarta.hotspot.grid;

/**
 * How many points lie near each cell centre, for privacy suppression. Points are binned to their
 * nearest cell centre and summed over a disk of radius r − d/2 (d: the cell diagonal) by FFT, so
 * every counted point truly lies within r of the centre: the count never exceeds the true number,
 * and suppression based on it errs on the side of hiding. Stateless and thread-safe.
 */
public final class NeighbourCounts {
  private NeighbourCounts() {}

  /** For each cell, a lower bound of the number of points within {@code radiusMeters}. */
  public static int[] within(PointSet points, GridSpec g, double radiusMeters) {
    double cell = g.cellSizeMeters();
    double inner = radiusMeters - cell * Math.sqrt(2) / 2;
    int r = (int) Math.max(0, Math.floor(Math.max(0, inner) / cell));
    int p = r;
    int cols = g.nx() + 2 * p;
    int rows = g.ny() + 2 * p;
    float[] bins = new float[rows * cols];
    for (int i = 0; i < points.size(); i++) {
      long ix = (long) Math.floor((points.x(i) - g.minX()) / cell) + p;
      long iy = (long) Math.floor((points.y(i) - g.minY()) / cell) + p;
      if (ix >= 0 && iy >= 0 && ix < cols && iy < rows) {
        bins[(int) (iy * cols + ix)] += 1;
      }
    }
    int w = 2 * r + 1;
    float[] disk = new float[w * w];
    double inner2 = inner * inner;
    for (int di = -r; di <= r; di++) {
      for (int dj = -r; dj <= r; dj++) {
        double d2 = (di * cell) * (di * cell) + (dj * cell) * (dj * cell);
        disk[(di + r) * w + dj + r] = inner >= 0 && d2 <= inner2 ? 1 : 0;
      }
    }
    float[] conv = Convolution.convolve(bins, g.ny(), g.nx(), p, disk, r);
    int[] out = new int[conv.length];
    for (int i = 0; i < conv.length; i++) {
      out[i] = Math.round(conv[i]);
    }
    return out;
  }
}
