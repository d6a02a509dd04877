package se.tryggkarta.hotspot;

import se.tryggkarta.common.Crs;
import se.tryggkarta.hotspot.kde.DensityGrid;

/**
 * A density map as served: the grid (events per km², in {@code crs}), how many events and how much
 * weight went in, how many cells were blanked for privacy (0 for members), and how the bandwidth
 * was chosen ({@code "given"}, or {@link se.tryggkarta.hotspot.kde.Bandwidth#METHOD} for auto).
 */
public record DensityMap(
    Crs crs,
    DensityGrid density,
    int events,
    double weightedEvents,
    int suppressedCells,
    Audience audience,
    String bandwidthMethod) {
  /** A map whose bandwidth was given by the caller. */
  public DensityMap(
      Crs crs,
      DensityGrid density,
      int events,
      double weightedEvents,
      int suppressedCells,
      Audience audience) {
    this(crs, density, events, weightedEvents, suppressedCells, audience, "given");
  }
}
