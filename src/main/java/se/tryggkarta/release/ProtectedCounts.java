package se.tryggkarta.release;

import se.tryggkarta.common.XY;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.grid.PointSet;

/**
 * A release's protected counts for one slice and group, one per public cell: the sum over the
 * period's months of (count + two-sided geometric noise). Unbiased and not suppressed, so a cell's
 * count may be negative or a few events where none happened: these are the numbers every public
 * product is computed from, never shown cell by cell; each product suppresses what noise alone
 * could produce ({@link ReleaseThresholds}). Immutable (the array is never handed out);
 * thread-safe.
 */
public final class ProtectedCounts {
  private final GridSpec grid;
  private final int[] counts;
  private final int tables;
  private final double epsilon;

  /**
   * @param tables how many monthly tables each cell's count sums (months × slices × groups)
   * @param epsilon each table's ε
   */
  ProtectedCounts(GridSpec grid, int[] counts, int tables, double epsilon) {
    if (counts.length != grid.cellCount()) {
      throw new IllegalArgumentException("counts do not fit the grid");
    }
    this.grid = grid;
    this.counts = counts.clone();
    this.tables = tables;
    this.epsilon = epsilon;
  }

  /** The public cells, in the workspace's CRS. */
  public GridSpec grid() {
    return grid;
  }

  /** The noisy count of cell {@code i} (row-major from the south-west); may be negative. */
  public int count(int i) {
    return counts[i];
  }

  /** The variance of one cell's noise: tables × Var Z. */
  public double noiseVariance() {
    return tables * CellNoise.variance(epsilon);
  }

  /** How many monthly tables each cell's count sums: each is one noise draw. */
  public int tables() {
    return tables;
  }

  /** Each table's ε. */
  public double epsilon() {
    return epsilon;
  }

  /** The sum of all noisy counts. */
  public long total() {
    long t = 0;
    for (int c : counts) {
      t += c;
    }
    return t;
  }

  /** The cells with a positive count as weighted points at their centres. */
  public PointSet positivePoints() {
    return points(1);
  }

  /** The cells with a negative count as points weighted by its magnitude. */
  public PointSet negativePoints() {
    return points(-1);
  }

  private PointSet points(int sign) {
    int n = 0;
    for (int c : counts) {
      if (c * sign > 0) {
        n++;
      }
    }
    double[] x = new double[n];
    double[] y = new double[n];
    double[] w = new double[n];
    int k = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] * sign > 0) {
        x[k] = grid.centreX(i % grid.nx());
        y[k] = grid.centreY(i / grid.nx());
        w[k++] = Math.abs(counts[i]);
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

  /** The noisy sum and the number of cells whose centres lie within {@code radius} of a point. */
  public AreaSum within(XY centre, double radiusMeters) {
    double c = grid.cellSizeMeters();
    int ix0 = Math.max(0, (int) Math.floor((centre.x() - radiusMeters - grid.minX()) / c));
    int ix1 =
        Math.min(grid.nx() - 1, (int) Math.floor((centre.x() + radiusMeters - grid.minX()) / c));
    int iy0 = Math.max(0, (int) Math.floor((centre.y() - radiusMeters - grid.minY()) / c));
    int iy1 =
        Math.min(grid.ny() - 1, (int) Math.floor((centre.y() + radiusMeters - grid.minY()) / c));
    long sum = 0;
    int cells = 0;
    for (int iy = iy0; iy <= iy1; iy++) {
      for (int ix = ix0; ix <= ix1; ix++) {
        double dx = grid.centreX(ix) - centre.x();
        double dy = grid.centreY(iy) - centre.y();
        if (dx * dx + dy * dy <= radiusMeters * radiusMeters) {
          sum += counts[iy * grid.nx() + ix];
          cells++;
        }
      }
    }
    return new AreaSum(sum, cells);
  }

  /** A noisy sum over some cells and how many cells it adds (its variance: cells × the cell's). */
  public record AreaSum(long sum, int cells) {}
}
