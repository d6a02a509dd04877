package se.tryggkarta.hotspot.gistar;

import java.util.Arrays;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.XY;
import se.tryggkarta.hotspot.grid.PointSet;

/**
 * A grid of pointy-top regular hexagons in a projected CRS, stored as rows ("odd-r" offset layout:
 * odd rows are shifted east by half a cell). {@code widthMeters} is the flat-to-flat width, which
 * is also the distance between neighbouring centres; the side (circumradius) is s = width/√3, rows
 * are 1.5·s apart and each hexagon covers (√3/2)·width². Point location uses axial coordinates and
 * cube rounding (Red Blob Games, "Hexagonal Grids", 2013). Immutable and thread-safe.
 */
public final class HexGrid {
  /** The most hexagons one analysis accepts. */
  public static final int MAX_CELLS = 5_000_000;

  private static final double SQRT3 = Math.sqrt(3);

  private final double originX;
  private final double originY;
  private final double widthMeters;
  private final double side;
  private final int cols;
  private final int rows;

  private HexGrid(double originX, double originY, double widthMeters, int cols, int rows) {
    this.originX = originX;
    this.originY = originY;
    this.widthMeters = widthMeters;
    this.side = widthMeters / SQRT3;
    this.cols = cols;
    this.rows = rows;
  }

  /** Hexagons of the given width whose centres cover the extent, with one spare row and column. */
  public static HexGrid covering(Bbox extentXY, double widthMeters) {
    if (!(widthMeters > 0) || !Double.isFinite(widthMeters)) {
      throw DomainException.invalid("cell", "hexagon width must be > 0 m, was " + widthMeters);
    }
    double side = widthMeters / SQRT3;
    double c = Math.ceil(extentXY.width() / widthMeters) + 1;
    double r = Math.ceil(extentXY.height() / (1.5 * side)) + 1;
    if (c * r > MAX_CELLS) {
      throw DomainException.invalid(
          "cell",
          String.format(
              java.util.Locale.ROOT,
              "%.0f hexagons of %.1f m exceed the limit of %d; use a larger cell",
              c * r,
              widthMeters,
              MAX_CELLS));
    }
    return new HexGrid(extentXY.minX(), extentXY.minY(), widthMeters, (int) c, (int) r);
  }

  /**
   * The documented automatic width: hexagons about n/2 in number (at least 100, at most 100 000)
   * over the extent, so a typical cell holds a couple of events — enough for counts to vary, few
   * enough cells for a stable mean and variance — and never below {@code minimumMeters}.
   */
  public static double autoWidth(Bbox extentXY, int events, double minimumMeters) {
    double cells = Math.max(100, Math.min(100_000, events / 2.0));
    double area = Math.max(extentXY.width() * extentXY.height(), 1);
    return Math.max(minimumMeters, Math.sqrt(area / cells / (SQRT3 / 2)));
  }

  /**
   * The documented automatic distance band: twice the width, so every inner cell has the two rings
   * of 18 neighbours around it (6 at width, 6 at √3·width, 6 at 2·width) — ArcGIS's guidance is at
   * least 8 — while the neighbourhood stays local.
   */
  public static double autoBand(double widthMeters) {
    return 2 * widthMeters * (1 + 1e-9);
  }

  public double widthMeters() {
    return widthMeters;
  }

  public int size() {
    return cols * rows;
  }

  public double cellAreaM2() {
    return SQRT3 / 2 * widthMeters * widthMeters;
  }

  public double centreX(int index) {
    int row = index / cols;
    int col = index % cols;
    return originX + (col + 0.5 * (row & 1)) * widthMeters;
  }

  public double centreY(int index) {
    return originY + (index / cols) * 1.5 * side;
  }

  public XY centre(int index) {
    return new XY(centreX(index), centreY(index));
  }

  /** The six corners, counter-clockwise from the east-north-east one, in metres. */
  public XY[] corners(int index) {
    double cx = centreX(index);
    double cy = centreY(index);
    XY[] out = new XY[6];
    for (int k = 0; k < 6; k++) {
      double a = Math.toRadians(30 + 60 * k);
      out[k] = new XY(cx + side * Math.cos(a), cy + side * Math.sin(a));
    }
    return out;
  }

  /** The hexagon holding the point, or −1 outside the grid. */
  public int indexOf(double x, double y) {
    double px = x - originX;
    double py = y - originY;
    double q = (SQRT3 / 3 * px - py / 3) / side;
    double r = (2.0 / 3 * py) / side;
    double s = -q - r;
    long rq = Math.round(q);
    long rr = Math.round(r);
    long rs = Math.round(s);
    double dq = Math.abs(rq - q);
    double dr = Math.abs(rr - r);
    double ds = Math.abs(rs - s);
    if (dq > dr && dq > ds) {
      rq = -rr - rs;
    } else if (dr > ds) {
      rr = -rq - rs;
    }
    return offsetIndex(rq, rr);
  }

  private int offsetIndex(long q, long r) {
    long col = q + (r - (r & 1)) / 2;
    if (r < 0 || r >= rows || col < 0 || col >= cols) {
      return -1;
    }
    return (int) (r * cols + col);
  }

  /** Σ weights of the points in each hexagon. */
  public double[] sums(PointSet points) {
    double[] s = new double[size()];
    for (int i = 0; i < points.size(); i++) {
      int k = indexOf(points.x(i), points.y(i));
      if (k >= 0) {
        s[k] += points.weight(i);
      }
    }
    return s;
  }

  /** For each hexagon, the hexagons (itself included) whose centres are within the band. */
  public int[][] neighbours(double bandMeters) {
    int[][] offsets = offsets(bandMeters);
    int m = offsets[0].length;
    int[][] out = new int[size()][];
    int[] tmp = new int[m];
    for (int i = 0; i < size(); i++) {
      long r = i / cols;
      long q = (i % cols) - (r - (r & 1)) / 2;
      int c = 0;
      for (int k = 0; k < m; k++) {
        int j = offsetIndex(q + offsets[0][k], r + offsets[1][k]);
        if (j >= 0) {
          tmp[c++] = j;
        }
      }
      out[i] = Arrays.copyOf(tmp, c);
    }
    return out;
  }

  /**
   * Σ_j values[j] over each hexagon's neighbourhood (itself included) into {@code sums}, and the
   * neighbourhood's size into {@code counts}: the same as {@link #neighbours} without building the
   * lists.
   */
  public void neighbourhoodSums(double[] values, double bandMeters, double[] sums, int[] counts) {
    int[][] offsets = offsets(bandMeters);
    int m = offsets[0].length;
    for (int i = 0; i < size(); i++) {
      long r = i / cols;
      long q = (i % cols) - (r - (r & 1)) / 2;
      double s = 0;
      int c = 0;
      for (int k = 0; k < m; k++) {
        int j = offsetIndex(q + offsets[0][k], r + offsets[1][k]);
        if (j >= 0) {
          s += values[j];
          c++;
        }
      }
      sums[i] = s;
      counts[i] = c;
    }
  }

  /** The axial offsets (dq in [0], dr in [1]) of the centres within the band. */
  private int[][] offsets(double bandMeters) {
    int reach = (int) Math.ceil(bandMeters / (1.5 * side)) + 1;
    int reachQ = (int) Math.ceil(bandMeters / widthMeters) + reach + 1;
    int[] dqs = new int[(2 * reachQ + 1) * (2 * reach + 1)];
    int[] drs = new int[dqs.length];
    int m = 0;
    double band2 = bandMeters * bandMeters;
    for (int dr = -reach; dr <= reach; dr++) {
      for (int dq = -reachQ; dq <= reachQ; dq++) {
        double dx = widthMeters * (dq + dr / 2.0);
        double dy = 1.5 * side * dr;
        if (dx * dx + dy * dy <= band2) {
          dqs[m] = dq;
          drs[m] = dr;
          m++;
        }
      }
    }
    return new int[][] {Arrays.copyOf(dqs, m), Arrays.copyOf(drs, m)};
  }
}
