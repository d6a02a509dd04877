package se.tryggkarta.hotspot.emerging;

import java.util.Optional;
import se.tryggkarta.common.XY;
import se.tryggkarta.hotspot.gistar.HexGrid;

/**
 * The result of {@link EmergingHotspots#analyse}: per hexagon its class, the Mann–Kendall trend of
 * its Gi* z series, the series itself and its event sums. Immutable (arrays copied out);
 * thread-safe.
 */
public final class EmergingResult {
  private final SpaceTimeCube cube;
  private final double bandMeters;
  private final int timeLag;
  private final double alpha;
  private final double[][] z;
  private final MannKendall[] trends;
  private final EmergingClass[] classes;

  EmergingResult(
      SpaceTimeCube cube,
      double bandMeters,
      int timeLag,
      double alpha,
      double[][] z,
      MannKendall[] trends,
      EmergingClass[] classes) {
    this.cube = cube;
    this.bandMeters = bandMeters;
    this.timeLag = timeLag;
    this.alpha = alpha;
    this.z = z;
    this.trends = trends;
    this.classes = classes;
  }

  public SpaceTimeCube cube() {
    return cube;
  }

  public HexGrid grid() {
    return cube.grid();
  }

  public double bandMeters() {
    return bandMeters;
  }

  /** The time lag k: previous steps in each neighbourhood. */
  public int timeLag() {
    return timeLag;
  }

  /** The level for each step's Gi* p-value and for the trend's. */
  public double alpha() {
    return alpha;
  }

  /** The number of hexagons. */
  public int size() {
    return classes.length;
  }

  public EmergingClass emergingClass(int cell) {
    return classes[cell];
  }

  /** The Mann–Kendall trend of the hexagon's z series. */
  public MannKendall trend(int cell) {
    return trends[cell];
  }

  /** The hexagon's Gi* z-score per step, oldest first (a copy). */
  public double[] zScores(int cell) {
    return z[cell].clone();
  }

  /** The hexagon's weighted event sum over all steps. */
  public double total(int cell) {
    double s = 0;
    for (int t = 0; t < cube.steps(); t++) {
      s += cube.sum(t, cell);
    }
    return s;
  }

  /**
   * The class of the hexagon holding a point in the grid's CRS; empty outside the grid. For other
   * features (a patrol site's space-time class).
   */
  public Optional<EmergingClass> classAt(XY point) {
    int cell = cube.grid().indexOf(point.x(), point.y());
    return cell < 0 ? Optional.empty() : Optional.of(classes[cell]);
  }
}
