package se.tryggkarta.route.graph;

import java.util.List;

/**
 * A walk along the streets.
 *
 * @param coordinates the line, WGS84, in walking order (at least one point)
 * @param lengthMeters geodesic length in metres
 * @param litMeters how much of it is lit, metres, by the lighting feature's lit intervals
 * @param cost the cost under the weighting that found it
 * @param edges the graph edges walked, in order (the first and last possibly in part)
 */
public record StreetPath(
    List<se.tryggkarta.common.LonLat> coordinates,
    double lengthMeters,
    double litMeters,
    double cost,
    List<Integer> edges) {
  public StreetPath {
    coordinates = List.copyOf(coordinates);
    edges = List.copyOf(edges);
  }

  /** Lit share of the length, 0..1 (1 for an empty path). */
  public double litShare() {
    return lengthMeters == 0 ? 1 : Math.min(1, litMeters / lengthMeters);
  }
}
