package se.tryggkarta.route;

import java.util.List;
import se.tryggkarta.common.Text;
import se.tryggkarta.route.graph.StreetPath;

/**
 * The lit, low-risk route between two points next to the plain shortest one, so the detour shows.
 *
 * @param safe the route under {@link se.tryggkarta.route.graph.LitStreetCost}
 * @param shortest the shortest route by length
 * @param warnings where a point was moved past a fragment of network or a tunnel
 */
public record SafeRoute(StreetPath safe, StreetPath shortest, List<Text> warnings) {
  public SafeRoute {
    warnings = List.copyOf(warnings);
  }

  /** How much longer the safe route is, metres (≥ 0 up to rounding). */
  public double detourMeters() {
    return safe.lengthMeters() - shortest.lengthMeters();
  }
}
