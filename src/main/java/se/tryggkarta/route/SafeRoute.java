package se.tryggkarta.route;

import se.tryggkarta.route.graph.StreetPath;

/**
 * The lit, low-risk route between two points next to the plain shortest one, so the detour shows.
 *
 * @param safe the route under {@link se.tryggkarta.route.graph.LitStreetCost}
 * @param shortest the shortest route by length
 */
public record SafeRoute(StreetPath safe, StreetPath shortest) {
  /** How much longer the safe route is, metres (≥ 0 up to rounding). */
  public double detourMeters() {
    return safe.lengthMeters() - shortest.lengthMeters();
  }
}
