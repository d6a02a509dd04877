package se.tryggkarta.lighting.priority;

import java.util.Objects;
import se.tryggkarta.common.XY;

/**
 * Night-time incidents at one point in the workspace's projected CRS: their analysis weight (≥ 0)
 * and how many they are (1 for a raw record; a protected count for a release's cell centre).
 */
public record IncidentPoint(XY position, double weight, int events) {
  public IncidentPoint {
    Objects.requireNonNull(position, "position");
    if (events < 1) {
      throw new IllegalArgumentException("an incident point stands for ≥ 1 events, was " + events);
    }
  }

  /** One incident with its weight. */
  public IncidentPoint(XY position, double weight) {
    this(position, weight, 1);
  }
}
