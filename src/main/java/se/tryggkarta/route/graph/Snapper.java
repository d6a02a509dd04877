package se.tryggkarta.route.graph;

import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.ItemDistance;
import org.locationtech.jts.index.strtree.STRtree;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.LonLat;

/**
 * Puts points on the nearest edge of the graph's largest connected component, so that every snapped
 * pair is connected (small fragments cut off at an extract's edge are never snapped to). Uses a JTS
 * {@link STRtree} of edge envelopes in the local projection and exact point-to-polyline distance.
 * Thread-safe after construction (the tree is built eagerly and only queried).
 */
public final class Snapper {
  /** The default largest distance from a point to a street, in metres. */
  public static final double DEFAULT_MAX_DISTANCE_M = 300;

  private final StreetGraph graph;
  private final STRtree tree = new STRtree();
  private final boolean empty;

  public Snapper(StreetGraph graph) {
    this.graph = graph;
    LocalProjection p = graph.projection();
    int added = 0;
    for (int e = 0; e < graph.edgeCount(); e++) {
      if (!graph.isInMainComponent(e)) {
        continue;
      }
      Envelope env = new Envelope();
      for (int i = 0; i < graph.pointCount(e); i++) {
        env.expandToInclude(p.x(graph.pointLon(e, i)), p.y(graph.pointLat(e, i)));
      }
      tree.insert(env, e);
      added++;
    }
    tree.build();
    this.empty = added == 0;
  }

  /** The nearest location on the main component, whatever its distance; empty for no network. */
  public Optional<Location> nearest(LonLat point) {
    if (empty) {
      return Optional.empty();
    }
    LocalProjection p = graph.projection();
    double x = p.x(point.lon());
    double y = p.y(point.lat());
    Envelope q = new Envelope(x, x, y, y);
    ItemDistance distance =
        (ItemBoundable a, ItemBoundable b) -> {
          Object ia = a.getItem();
          Object ib = b.getItem();
          int edge = (ia instanceof Integer i) ? i : (Integer) ib;
          return project(edge, x, y)[1];
        };
    Object found = tree.nearestNeighbour(q, POINT, distance);
    int edge = (Integer) found;
    double[] best = project(edge, x, y);
    double fraction =
        graph.localLengthMeters(edge) == 0 ? 0 : best[0] / graph.localLengthMeters(edge);
    fraction = Math.max(0, Math.min(1, fraction));
    LonLat snapped = graph.pointAt(edge, best[0]);
    return Optional.of(new Location(edge, fraction, snapped, point, best[1]));
  }

  /**
   * The nearest location within {@code maxDistanceM}. Throws UNPROCESSABLE naming {@code field}
   * when the network is empty or the point is farther from every street.
   */
  public Location snap(String field, LonLat point, double maxDistanceM) {
    Location l =
        nearest(point)
            .orElseThrow(
                () ->
                    new DomainException(
                        ErrorKind.UNPROCESSABLE,
                        field,
                        "the workspace has no street network; import one first"));
    if (l.distanceMeters() > maxDistanceM) {
      throw new DomainException(
          ErrorKind.UNPROCESSABLE,
          field,
          String.format(
              java.util.Locale.ROOT,
              "%s (%.6f, %.6f) is %.0f m from the nearest street, more than %.0f m",
              field,
              point.lon(),
              point.lat(),
              l.distanceMeters(),
              maxDistanceM));
    }
    return l;
  }

  private static final Object POINT = new Object();

  /** {along the edge in local metres, distance in metres} of the closest point of the edge. */
  private double[] project(int edge, double x, double y) {
    LocalProjection p = graph.projection();
    double bestD = Double.POSITIVE_INFINITY;
    double bestAlong = 0;
    double along = 0;
    for (int i = 0; i < graph.pointCount(edge) - 1; i++) {
      double x0 = p.x(graph.pointLon(edge, i));
      double y0 = p.y(graph.pointLat(edge, i));
      double x1 = p.x(graph.pointLon(edge, i + 1));
      double y1 = p.y(graph.pointLat(edge, i + 1));
      double dx = x1 - x0;
      double dy = y1 - y0;
      double len2 = dx * dx + dy * dy;
      double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / len2));
      double d = Math.hypot(x0 + t * dx - x, y0 + t * dy - y);
      if (d < bestD) {
        bestD = d;
        bestAlong = along + t * Math.sqrt(len2);
      }
      along += Math.sqrt(len2);
    }
    return new double[] {bestAlong, bestD};
  }
}
