package se.tryggkarta.lighting.coverage;

import java.util.List;
import java.util.Objects;

/**
 * How one segment is lit. {@code litMeters + darkBrokenMeters + darkMissingMeters} equals the
 * segment's length (up to rounding).
 *
 * @param source what the figures rest on
 * @param litIntervals the lit stretches in order along the line, disjoint; their lengths sum to
 *     {@code litMeters}. This is the one lit model of the service: the lighting map, the safe route
 *     and the walk planner all read it (the latter two through {@code route.NetworkLighting}).
 * @param stretches the dark stretches at least the configured minimum long, in order along the line
 */
public record SegmentCoverage(
    StreetLine street,
    LitSource source,
    double litMeters,
    double darkBrokenMeters,
    double darkMissingMeters,
    List<LitInterval> litIntervals,
    List<DarkStretch> stretches) {
  public SegmentCoverage {
    Objects.requireNonNull(street, "street");
    Objects.requireNonNull(source, "source");
    litIntervals = List.copyOf(litIntervals);
    stretches = List.copyOf(stretches);
  }

  public double lengthMeters() {
    return street.lengthMeters();
  }

  /** Lit share of the length, 0..1 (1 for a zero-length segment). */
  public double litShare() {
    double len = lengthMeters();
    return len > 0 ? litMeters / len : 1;
  }
}
