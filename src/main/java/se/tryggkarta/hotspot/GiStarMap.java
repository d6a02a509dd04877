package se.tryggkarta.hotspot;

import java.util.List;
import se.tryggkarta.common.Crs;
import se.tryggkarta.hotspot.gistar.GiStarResult;

/**
 * Gi* as served: the result, and the hexagons to show. Members get every hexagon of the grid that
 * z, x̄ and S were computed on (those with no events too), so an independent Gi* over the returned
 * cells and their counts reproduces each z; the public gets those whose neighbourhood holds at
 * least k events.
 */
public record GiStarMap(
    Crs crs, GiStarResult result, List<Integer> shown, double alpha, Audience audience) {
  public GiStarMap {
    shown = List.copyOf(shown);
  }
}
