package se.tryggkarta.lighting.coverage;

import java.util.Objects;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.XY;
import se.tryggkarta.layer.LampStatus;

/**
 * One lamp in the workspace's projected CRS, with the radius it lights.
 *
 * @param id the lamp's external id in the {@code lamps} layer
 * @param position easting/northing in metres
 * @param radiusMeters the street within this distance counts as lit when the lamp works
 */
public record LampPoint(String id, XY position, LampStatus status, double radiusMeters) {
  public LampPoint {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(status, "status");
    if (!(radiusMeters > 0) || !Double.isFinite(radiusMeters)) {
      throw DomainException.invalid("radius", "lamp radius must be > 0 m, was " + radiusMeters);
    }
  }

  public LampPoint withStatus(LampStatus s) {
    return new LampPoint(id, position, s, radiusMeters);
  }
}
