package se.tryggkarta.route;

import se.tryggkarta.route.graph.Snapper;
import se.tryggkarta.route.graph.StreetGraph;

/**
 * A workspace's street graph as of one data version, with its snapper. Immutable; thread-safe.
 *
 * @param dataVersion the workspace data version it was built from
 * @param lampCount working lamps taken into account
 * @param incidentCount incidents taken into account for risk
 */
public record StreetNetwork(
    String workspaceId,
    long dataVersion,
    StreetGraph graph,
    Snapper snapper,
    int lampCount,
    int incidentCount) {

  public boolean isEmpty() {
    return graph.edgeCount() == 0;
  }
}
