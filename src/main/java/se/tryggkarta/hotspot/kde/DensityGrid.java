package se.tryggkarta.hotspot.kde;

import se.tryggkarta.common.XY;
import se.tryggkarta.hotspot.grid.GridSpec;

/**
 * A density surface: one value per cell of a {@link GridSpec}, in expected events per km², row 0 in
 * the south. Immutable (the values are copied in and out); thread-safe.
 */
public final class DensityGrid {
  private final GridSpec grid;
  private final float[] perKm2;
  private final Kernel kernel;
  private final double bandwidthMeters;

  public DensityGrid(GridSpec grid, float[] perKm2, Kernel kernel, double bandwidthMeters) {
    if (perKm2.length != grid.cellCount()) {
      throw new IllegalArgumentException(
          "values " + perKm2.length + " do not fit grid " + grid.nx() + "×" + grid.ny());
    }
    this.grid = grid;
    this.perKm2 = perKm2.clone();
    this.kernel = kernel;
    this.bandwidthMeters = bandwidthMeters;
  }

  public GridSpec grid() {
    return grid;
  }

  public Kernel kernel() {
    return kernel;
  }

  public double bandwidthMeters() {
    return bandwidthMeters;
  }

  /** The value of cell (ix, iy) in events per km². */
  public double value(int ix, int iy) {
    return perKm2[iy * grid.nx() + ix];
  }

  /** The value of the flat cell index {@code iy·nx + ix}. */
  public double value(int index) {
    return perKm2[index];
  }

  /** The value of the cell holding the point; 0 outside the grid. Events per km². */
  public double valueAt(XY p) {
    int i = grid.indexOf(p.x(), p.y());
    return i < 0 ? 0 : perKm2[i];
  }

  /** A copy of the values, row-major from the south-west cell. */
  public float[] values() {
    return perKm2.clone();
  }

  public double max() {
    double m = 0;
    for (float v : perKm2) {
      m = Math.max(m, v);
    }
    return m;
  }

  /** Σ value × cell area: the expected (weighted) number of events inside the grid. */
  public double integralEvents() {
    double s = 0;
    for (float v : perKm2) {
      s += v;
    }
    return s * grid.cellAreaM2() / 1e6;
  }

  /** A copy with the given values (same grid, kernel and bandwidth). */
  public DensityGrid withValues(float[] newPerKm2) {
    return new DensityGrid(grid, newPerKm2, kernel, bandwidthMeters);
  }
}
