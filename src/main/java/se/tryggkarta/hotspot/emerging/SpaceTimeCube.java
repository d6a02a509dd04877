package se.tryggkarta.hotspot.emerging;

import se.tryggkarta.common.DomainException;
import se.tryggkarta.hotspot.gistar.HexGrid;
import se.tryggkarta.hotspot.grid.PointSet;

/**
 * A space-time cube (ArcGIS's "Create Space Time Cube By Aggregating Points"): the weighted event
 * sum of every hexagon of a grid in every time step. Every cell of every step is present, zero when
 * empty, as emerging hot spot analysis needs a complete cube. Immutable; thread-safe.
 */
public final class SpaceTimeCube {
  /** The most bins (hexagons × steps) one cube holds. */
  public static final int MAX_BINS = 20_000_000;

  private final HexGrid grid;
  private final int steps;
  private final double[] sums;

  private SpaceTimeCube(HexGrid grid, int steps, double[] sums) {
    this.grid = grid;
    this.steps = steps;
    this.sums = sums;
  }

  /**
   * Bins points into the grid's hexagons and the given steps.
   *
   * @param stepOfPoint the step (0-based, oldest first) of each point; a point with a step outside
   *     [0, steps) or outside the grid is left out
   */
  public static SpaceTimeCube of(HexGrid grid, int steps, PointSet points, int[] stepOfPoint) {
    if (stepOfPoint.length != points.size()) {
      throw new IllegalArgumentException(
          "steps of " + stepOfPoint.length + " points for " + points.size() + " points");
    }
    if (steps < 1 || (long) steps * grid.size() > MAX_BINS) {
      throw DomainException.invalid(
          "step",
          steps + " time steps × " + grid.size() + " hexagons exceed " + MAX_BINS + " bins");
    }
    double[] sums = new double[steps * grid.size()];
    for (int e = 0; e < points.size(); e++) {
      int t = stepOfPoint[e];
      int cell = grid.indexOf(points.x(e), points.y(e));
      if (t >= 0 && t < steps && cell >= 0) {
        sums[t * grid.size() + cell] += points.weight(e);
      }
    }
    return new SpaceTimeCube(grid, steps, sums);
  }

  public HexGrid grid() {
    return grid;
  }

  /** The number of time steps. */
  public int steps() {
    return steps;
  }

  /** The number of hexagons (locations). */
  public int cells() {
    return grid.size();
  }

  /** The weighted event sum of a hexagon in a step. */
  public double sum(int step, int cell) {
    return sums[step * grid.size() + cell];
  }

  /** A copy of one step's sums, by hexagon. */
  public double[] step(int step) {
    double[] out = new double[grid.size()];
    System.arraycopy(sums, step * grid.size(), out, 0, out.length);
    return out;
  }
}
