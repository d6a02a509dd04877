package se.tryggkarta.workspace;

import se.tryggkarta.common.DomainException;

/**
 * How public (anonymous) outputs are protected: a grid cell, hexagon or contour part is shown only
 * when at least {@code minEvents} events support it, and public grids are never finer than {@code
 * minCellMeters}. Small counts in small cells are what lets a reader point at one household; both
 * rules keep every public number an aggregate of several events over a block-sized area.
 *
 * @param minEvents k, the least number of events a public cell must rest on (default 5)
 * @param minCellMeters the finest public grid cell size in metres (default 100)
 */
public record PublicPrivacy(int minEvents, double minCellMeters) {
  public static final PublicPrivacy DEFAULT = new PublicPrivacy(5, 100);

  public PublicPrivacy {
    if (minEvents < 1 || minEvents > 1000) {
      throw DomainException.invalid("minEvents", "must be 1..1000, was " + minEvents);
    }
    if (!(minCellMeters >= 10 && minCellMeters <= 5000)) {
      throw DomainException.invalid("minCellMeters", "must be 10..5000 m, was " + minCellMeters);
    }
  }
}
