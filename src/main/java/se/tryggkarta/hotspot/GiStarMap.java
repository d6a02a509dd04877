package se.tryggkarta.hotspot;

import java.util.List;
import java.util.Optional;
import se.tryggkarta.common.Crs;
import se.tryggkarta.hotspot.gistar.GiStarResult;
import se.tryggkarta.hotspot.gistar.IncrementalAutocorrelation;

/**
 * Gi* as served: the result, and the hexagons to show. Members get every hexagon of the grid that
 * z, x̄ and S were computed on (those with no events too), so an independent Gi* over the returned
 * cells and their counts reproduces each z; the public gets those whose neighbourhood holds at
 * least k events. {@code bandScan} is the incremental spatial autocorrelation behind an automatic
 * band, when one was asked for.
 */
public record GiStarMap(
    Crs crs,
    GiStarResult result,
    List<Integer> shown,
    double alpha,
    Audience audience,
    Optional<IncrementalAutocorrelation.Scan> bandScan) {
  public GiStarMap {
    shown = List.copyOf(shown);
  }

  /** With a band that was given or the default. */
  public GiStarMap(
      Crs crs, GiStarResult result, List<Integer> shown, double alpha, Audience audience) {
    this(crs, result, shown, alpha, audience, Optional.empty());
  }
}
