package se.tryggkarta.lighting.priority;

import org.locationtech.jts.geom.Geometry;
import se.tryggkarta.common.Lang;

/**
 * The port through which the ranking learns how many night-time incidents happen around a place.
 * {@link KernelNightDensity} implements it with a direct kernel sum; the hotspot engine can take
 * its place. Implementations are thread-safe and never return NaN.
 */
public interface NightDensity {
  /**
   * Night-time exposure of the target in the projected CRS (metres). {@code weightedCount} around a
   * point: Σ w_j k(d_j) with d_j the distance from incident j and k a kernel with k(0) = 1. Along a
   * line: the kernel integrated along the line, normalised so an incident on a long line counts 1,
   * which makes the figure additive over the parts of a line. {@code incidentsWithinReach}: how
   * many incidents (unweighted) lie within the kernel's reach. Never NaN.
   */
  Exposure exposure(Geometry targetMeters);

  /**
   * @param weightedCount N, finite, ≥ 0
   * @param incidentsWithinReach incidents that contribute to N, ≥ 0
   */
  record Exposure(double weightedCount, int incidentsWithinReach) {}

  /**
   * A few words on the method, for explanations: "quartic kernel, 100 m" / "kvartisk kärna, 100 m".
   */
  String describe(Lang lang);
}
