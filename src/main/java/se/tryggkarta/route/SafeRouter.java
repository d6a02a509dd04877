package se.tryggkarta.route;

import java.util.List;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.route.graph.Dijkstra;
import se.tryggkarta.route.graph.EdgeCost;
import se.tryggkarta.route.graph.LitStreetCost;
import se.tryggkarta.route.graph.Location;
import se.tryggkarta.route.graph.Snapper;
import se.tryggkarta.route.graph.StreetGraph;
import se.tryggkarta.route.graph.StreetPath;

/**
 * Routes between two points twice: by {@link LitStreetCost} (darkness and incident density weigh
 * against length) and by plain length. Both points snap to the street within {@value
 * Snapper#DEFAULT_MAX_DISTANCE_M} m. Thread-safe.
 */
public final class SafeRouter {
  private final NetworkService networks;
  private final EdgeCost safeCost;

  public SafeRouter(NetworkService networks) {
    this(networks, LitStreetCost.DEFAULT);
  }

  public SafeRouter(NetworkService networks, EdgeCost safeCost) {
    this.networks = networks;
    this.safeCost = safeCost;
  }

  /** The safe and the shortest route; UNPROCESSABLE when a point is off the network. */
  public SafeRoute route(String workspaceId, LonLat from, LonLat to) {
    return route(networks.network(workspaceId), from, to, safeCost);
  }

  /**
   * As {@link #route(String, LonLat, LonLat)}, with each edge's risk read from {@code risk} at the
   * edge's middle (relative to the largest on the network) instead of counted from raw incidents:
   * the public's safe route, from a release's density.
   */
  public SafeRoute route(String workspaceId, LonLat from, LonLat to, RiskSurface risk) {
    StreetNetwork net = networks.network(workspaceId);
    StreetGraph g = net.graph();
    double[] relative = new double[g.edgeCount()];
    double max = 0;
    for (int e = 0; e < g.edgeCount(); e++) {
      List<LonLat> mid = g.slice(e, 0.5, 0.5);
      relative[e] = mid.isEmpty() ? 0 : Math.max(0, risk.at(mid.get(0)));
      max = Math.max(max, relative[e]);
    }
    for (int e = 0; e < relative.length; e++) {
      relative[e] = max > 0 ? relative[e] / max : 0;
    }
    LitStreetCost weights = safeCost instanceof LitStreetCost l ? l : LitStreetCost.DEFAULT;
    return route(net, from, to, weights.withRisk(relative));
  }

  private static SafeRoute route(StreetNetwork net, LonLat from, LonLat to, EdgeCost cost) {
    Location a = net.snapper().snap("from", from, Snapper.DEFAULT_MAX_DISTANCE_M);
    Location b = net.snapper().snap("to", to, Snapper.DEFAULT_MAX_DISTANCE_M);
    StreetPath safe = path(new Dijkstra(net.graph(), cost), a, b);
    StreetPath shortest = path(new Dijkstra(net.graph(), EdgeCost.LENGTH), a, b);
    return new SafeRoute(safe, shortest);
  }

  private static StreetPath path(Dijkstra d, Location a, Location b) {
    return d.from(a)
        .pathTo(b)
        .orElseThrow(
            () -> new DomainException(ErrorKind.UNPROCESSABLE, "to", "no walkable way to 'to'"));
  }
}
