package se.tryggkarta.hotspot;

import java.util.List;
import se.tryggkarta.common.Crs;
import se.tryggkarta.hotspot.gistar.GiStarResult;

/**
 * Gi* as served: the result, and the hexagons to show (members: those with any event in their
 * neighbourhood; the public: those whose neighbourhood holds at least k events).
 */
public record GiStarMap(
    Crs crs, GiStarResult result, List<Integer> shown, double alpha, Audience audience) {
  public GiStarMap {
    shown = List.copyOf(shown);
  }
}
