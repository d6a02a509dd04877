package se.tryggkarta.route;

import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.route.graph.Dijkstra;
import se.tryggkarta.route.graph.EdgeCost;
import se.tryggkarta.route.graph.LitStreetCost;
import se.tryggkarta.route.graph.Location;
import se.tryggkarta.route.graph.Snapper;
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
    StreetNetwork net = networks.network(workspaceId);
    Location a = net.snapper().snap("from", from, Snapper.DEFAULT_MAX_DISTANCE_M);
    Location b = net.snapper().snap("to", to, Snapper.DEFAULT_MAX_DISTANCE_M);
    StreetPath safe = path(new Dijkstra(net.graph(), safeCost), a, b);
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
