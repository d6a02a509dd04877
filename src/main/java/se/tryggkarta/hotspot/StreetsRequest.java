package se.tryggkarta.hotspot;

import java.util.Objects;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.hotspot.network.NetworkKde;

/**
 * A hot-streets request: the events to count and the network kernel's scale.
 *
 * @param bandwidthMeters h along the streets, 0 &lt; h ≤ {@value NetworkKde#MAX_BANDWIDTH_METERS}
 * @param lixelMeters the longest lixel, {@value NetworkKde#MIN_LIXEL_METERS}..{@value
 *     NetworkKde#MAX_LIXEL_METERS}
 */
public record StreetsRequest(EventFilter filter, double bandwidthMeters, double lixelMeters) {
  /** The house's default scale, as for density maps. */
  public static final double DEFAULT_BANDWIDTH_METERS = 150;

  /** A quarter of a short block: short enough to show where along a street events gather. */
  public static final double DEFAULT_LIXEL_METERS = 25;

  public StreetsRequest {
    Objects.requireNonNull(filter, "filter");
    if (!(bandwidthMeters > 0) || bandwidthMeters > NetworkKde.MAX_BANDWIDTH_METERS) {
      throw DomainException.invalid(
          "bandwidth",
          "bandwidth must be > 0 and ≤ "
              + NetworkKde.MAX_BANDWIDTH_METERS
              + " m, was "
              + bandwidthMeters);
    }
    if (!(lixelMeters >= NetworkKde.MIN_LIXEL_METERS)
        || lixelMeters > NetworkKde.MAX_LIXEL_METERS) {
      throw DomainException.invalid(
          "lixel",
          "lixel must be "
              + NetworkKde.MIN_LIXEL_METERS
              + ".."
              + NetworkKde.MAX_LIXEL_METERS
              + " m, was "
              + lixelMeters);
    }
  }
}
