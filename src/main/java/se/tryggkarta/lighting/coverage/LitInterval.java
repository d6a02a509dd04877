package se.tryggkarta.lighting.coverage;

import se.tryggkarta.common.DomainException;

/**
 * One lit stretch of a street segment, as distances along its line from the line's first vertex, in
 * metres of the workspace's projected CRS.
 *
 * @param fromMeters where the lit stretch starts, ≥ 0
 * @param toMeters where it ends, ≥ {@code fromMeters}
 */
public record LitInterval(double fromMeters, double toMeters) {
  public LitInterval {
    if (!(fromMeters >= 0 && toMeters >= fromMeters && Double.isFinite(toMeters))) {
      throw DomainException.invalid(
          "interval",
          "lit interval must satisfy 0 ≤ from ≤ to, was [" + fromMeters + ", " + toMeters + "]");
    }
  }

  public double lengthMeters() {
    return toMeters - fromMeters;
  }
}
