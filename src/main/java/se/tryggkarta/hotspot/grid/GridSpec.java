package se.tryggkarta.hotspot.grid;

import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.XY;

/**
 * A regular square grid in a projected CRS: its south-west corner, cell size in metres and number
 * of columns ({@code nx}, west to east) and rows ({@code ny}, south to north). Cell {@code (ix,
 * iy)} has its centre at {@code (minX + (ix + ½)·cell, minY + (iy + ½)·cell)}.
 */
public record GridSpec(double minX, double minY, double cellSizeMeters, int nx, int ny) {
  /** The largest grid any analysis accepts (25 million cells, about 100 MB of floats). */
  public static final long MAX_CELLS = 25_000_000L;

  public GridSpec {
    if (!Double.isFinite(minX) || !Double.isFinite(minY)) {
      throw DomainException.invalid("bbox", "grid origin must be finite");
    }
    if (!(cellSizeMeters > 0) || !Double.isFinite(cellSizeMeters)) {
      throw DomainException.invalid("cell", "cell size must be > 0 m, was " + cellSizeMeters);
    }
    if (nx < 1 || ny < 1) {
      throw DomainException.invalid(
          "cell", "grid must have at least one cell, was " + nx + "×" + ny);
    }
    if ((long) nx * ny > MAX_CELLS) {
      throw DomainException.invalid(
          "cell",
          "grid of "
              + nx
              + "×"
              + ny
              + " = "
              + ((long) nx * ny)
              + " cells exceeds the limit of "
              + MAX_CELLS
              + "; use a larger cell or a smaller bbox");
    }
  }

  /** The grid of {@code cell}-metre cells that covers the extent (rounded up to whole cells). */
  public static GridSpec covering(Bbox extentXY, double cellSizeMeters) {
    if (!(cellSizeMeters > 0) || !Double.isFinite(cellSizeMeters)) {
      throw DomainException.invalid("cell", "cell size must be > 0 m, was " + cellSizeMeters);
    }
    double nxD = Math.max(1, Math.ceil(extentXY.width() / cellSizeMeters));
    double nyD = Math.max(1, Math.ceil(extentXY.height() / cellSizeMeters));
    if (nxD * nyD > MAX_CELLS) {
      throw DomainException.invalid(
          "cell",
          String.format(
              java.util.Locale.ROOT,
              "grid of %.0f×%.0f cells exceeds the limit of %d; use a larger cell or a smaller bbox",
              nxD,
              nyD,
              MAX_CELLS));
    }
    return new GridSpec(extentXY.minX(), extentXY.minY(), cellSizeMeters, (int) nxD, (int) nyD);
  }

  public int cellCount() {
    return nx * ny;
  }

  public double cellAreaM2() {
    return cellSizeMeters * cellSizeMeters;
  }

  public double maxX() {
    return minX + nx * cellSizeMeters;
  }

  public double maxY() {
    return minY + ny * cellSizeMeters;
  }

  public Bbox extent() {
    return new Bbox(minX, minY, maxX(), maxY());
  }

  public double centreX(int ix) {
    return minX + (ix + 0.5) * cellSizeMeters;
  }

  public double centreY(int iy) {
    return minY + (iy + 0.5) * cellSizeMeters;
  }

  public XY centre(int index) {
    return new XY(centreX(index % nx), centreY(index / nx));
  }

  /** The column holding x, or −1 when outside. */
  public int column(double x) {
    double c = Math.floor((x - minX) / cellSizeMeters);
    return c < 0 || c >= nx ? -1 : (int) c;
  }

  /** The row holding y, or −1 when outside. */
  public int row(double y) {
    double r = Math.floor((y - minY) / cellSizeMeters);
    return r < 0 || r >= ny ? -1 : (int) r;
  }

  /** The flat index {@code iy·nx + ix} of the cell holding the point, or −1 when outside. */
  public int indexOf(double x, double y) {
    int c = column(x);
    int r = row(y);
    return c < 0 || r < 0 ? -1 : r * nx + c;
  }
}
