package se.tryggkarta.hotspot;

import java.time.LocalDate;
import java.util.Optional;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.XY;
import se.tryggkarta.hotspot.emerging.EmergingClass;
import se.tryggkarta.hotspot.emerging.EmergingResult;
import se.tryggkarta.hotspot.emerging.TimeStep;

/**
 * Emerging hot spots as served, for members only (the classes rest on single steps' counts): the
 * result over every hexagon of the grid, the step and the local first day of the first step.
 */
public record EmergingMap(Crs crs, EmergingResult result, TimeStep step, LocalDate firstStep) {

  /** The local first day of step k (0 = the first). */
  public LocalDate stepStart(int k) {
    return step.plus(firstStep, k);
  }

  /**
   * The class of the hexagon holding a point in the workspace's CRS; empty outside the grid. For
   * other features, e.g. a patrol site's space-time class.
   */
  public Optional<EmergingClass> classAt(XY point) {
    return result.classAt(point);
  }
}
