package se.tryggkarta.hotspot;

import se.tryggkarta.common.Crs;
import se.tryggkarta.hotspot.kde.DensityGrid;

/**
 * A density map as served: the grid (events per km², in {@code crs}), how many events and how much
 * weight went in, and how many cells were blanked for privacy (0 for members).
 */
public record DensityMap(
    Crs crs,
    DensityGrid density,
    int events,
    double weightedEvents,
    int suppressedCells,
    Audience audience) {}
