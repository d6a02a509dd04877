package se.tryggkarta.route.graph;

import se.tryggkarta.common.LonLat;

/**
 * A point put on the street graph: a position along one edge.
 *
 * @param edge the edge it lies on
 * @param fraction how far along the edge from its from-node, 0..1 of its length
 * @param snapped the position on the edge, WGS84
 * @param original the point as given, WGS84
 * @param distanceMeters how far the given point lies from the street, metres
 */
public record Location(
    int edge, double fraction, LonLat snapped, LonLat original, double distanceMeters) {
  public Location {
    if (edge < 0) {
      throw new IllegalArgumentException("edge must be >= 0, was " + edge);
    }
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be in 0..1, was " + fraction);
    }
  }

  /** The location at node {@code n}, expressed on one of its edges. */
  public static Location atNode(StreetGraph g, int n) {
    int e = g.edgeAt(n, 0);
    double f = g.from(e) == n ? 0 : 1;
    return new Location(e, f, g.node(n), g.node(n), 0);
  }
}
