package se.tryggkarta.release;

import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.grid.PointSet;

/**
 * A release's protected event counts for one slice and group, one per public cell: the sum over the
 * period's months of (count + geometric noise), then counts below the threshold (k or more) set to
 * 0 (suppression). These are the only numbers public products are computed from. Immutable (the
 * array is never handed out); thread-safe.
 */
public final class ProtectedCounts {
  private final GridSpec grid;
  private final int[] counts;
  private final int suppressedCells;
  private final int threshold;

  ProtectedCounts(GridSpec grid, int[] counts, int suppressedCells, int threshold) {
    if (counts.length != grid.cellCount()) {
      throw new IllegalArgumentException("counts do not fit the grid");
    }
    this.grid = grid;
    this.counts = counts.clone();
    this.suppressedCells = suppressedCells;
    this.threshold = threshold;
  }

  /** The smallest count shown: sums below it were set to 0 (k, or more where noise is larger). */
  public int threshold() {
    return threshold;
  }

  /** The public cells, in the workspace's CRS. */
  public GridSpec grid() {
    return grid;
  }

  /**
   * The protected count of cell {@code i} (row-major from the south-west): 0 or at least {@link
   * #threshold}.
   */
  public int count(int i) {
    return counts[i];
  }

  /** The sum of all protected counts. */
  public long total() {
    long t = 0;
    for (int c : counts) {
      t += c;
    }
    return t;
  }

  /** How many cells had a positive noisy count below k and were set to 0. */
  public int suppressedCells() {
    return suppressedCells;
  }

  /** The cells with a positive count as weighted points at the cells' centres. */
  public PointSet asPoints() {
    int n = 0;
    for (int c : counts) {
      if (c > 0) {
        n++;
      }
    }
    double[] x = new double[n];
    double[] y = new double[n];
    double[] w = new double[n];
    int k = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        x[k] = grid.centreX(i % grid.nx());
        y[k] = grid.centreY(i / grid.nx());
        w[k++] = counts[i];
      }
    }
    return PointSet.of(x, y, w);
  }

  /** The index of the cell holding (x, y), or −1 outside the grid. */
  public int cellAt(double x, double y) {
    int ix = (int) Math.floor((x - grid.minX()) / grid.cellSizeMeters());
    int iy = (int) Math.floor((y - grid.minY()) / grid.cellSizeMeters());
    if (ix < 0 || iy < 0 || ix >= grid.nx() || iy >= grid.ny()) {
      return -1;
    }
    return iy * grid.nx() + ix;
  }
}
