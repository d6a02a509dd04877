package se.tryggkarta.lighting.priority;

import java.util.Objects;
import se.tryggkarta.common.XY;

/** A night-time incident in the workspace's projected CRS, with its analysis weight (≥ 0). */
public record IncidentPoint(XY position, double weight) {
  public IncidentPoint {
    Objects.requireNonNull(position, "position");
  }
}
