package se.tryggkarta.route.graph;

import java.util.Locale;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.ItemDistance;
import org.locationtech.jts.index.strtree.STRtree;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.LonLat;

/**
 * Puts points on the nearest edge a walk can start from: never on a fragment (a component of less
 * than {@value StreetGraph#MIN_NETWORK_LENGTH_M} m of street other than the largest, {@link
 * StreetGraph#isInSubnetwork}) and never underground ({@link StreetGraph#isUnderground}), the two
 * ways real, cut OpenStreetMap extracts put a point on a piece of network it cannot walk on from
 * (GraphHopper's {@code min_network_size} and {@code snap_preventions}). When no edge qualifies (a
 * network that is all tunnel), edges of the largest component are used. {@link #skipped} tells a
 * caller that a nearer edge was passed over, so it can warn. Uses JTS {@link STRtree}s of edge
 * envelopes in the local projection and exact point-to-polyline distance. Thread-safe after
 * construction (the trees are built eagerly and only queried).
 */
public final class Snapper {
  /** The default largest distance from a point to a street, in metres. */
  public static final double DEFAULT_MAX_DISTANCE_M = 300;

  /** Why an edge nearer than the snapped location was not used. */
  public enum SkipReason {
    /** The edge lies on a fragment cut off from the network. */
    FRAGMENT,
    /** The edge runs underground (a tunnel). */
    UNDERGROUND
  }

  /**
   * A nearer edge that snapping passed over.
   *
   * @param edge the edge
   * @param distanceMeters the point's distance from it, metres
   * @param reason why it was passed over
   * @param componentLengthMeters the street length of its connected component, metres
   */
  public record Skipped(
      int edge, double distanceMeters, SkipReason reason, double componentLengthMeters) {}

  private static final Object POINT = new Object();

  private final StreetGraph graph;
  private final STRtree usable = new STRtree();
  private final STRtree passedOver = new STRtree();
  private final boolean empty;
  private final boolean anyPassedOver;

  public Snapper(StreetGraph graph) {
    this.graph = graph;
    int added = 0;
    for (int e = 0; e < graph.edgeCount(); e++) {
      if (!graph.isInSubnetwork(e) && !graph.isUnderground(e)) {
        added++;
      }
    }
    boolean fallback = added == 0;
    int skipped = 0;
    for (int e = 0; e < graph.edgeCount(); e++) {
      boolean use =
          fallback
              ? graph.isInMainComponent(e)
              : !graph.isInSubnetwork(e) && !graph.isUnderground(e);
      if (use) {
        usable.insert(envelope(e), e);
      } else {
        passedOver.insert(envelope(e), e);
        skipped++;
      }
    }
    usable.build();
    passedOver.build();
    this.empty = graph.edgeCount() == 0;
    this.anyPassedOver = skipped > 0;
  }

  private Envelope envelope(int e) {
    LocalProjection p = graph.projection();
    Envelope env = new Envelope();
    for (int i = 0; i < graph.pointCount(e); i++) {
      env.expandToInclude(p.x(graph.pointLon(e, i)), p.y(graph.pointLat(e, i)));
    }
    return env;
  }

  /** The nearest location a walk can use, whatever its distance; empty for no network. */
  public Optional<Location> nearest(LonLat point) {
    if (empty) {
      return Optional.empty();
    }
    LocalProjection p = graph.projection();
    double x = p.x(point.lon());
    double y = p.y(point.lat());
    int edge = nearestEdge(usable, x, y);
    double[] best = project(edge, x, y);
    double fraction =
        graph.localLengthMeters(edge) == 0 ? 0 : best[0] / graph.localLengthMeters(edge);
    fraction = Math.max(0, Math.min(1, fraction));
    LonLat snapped = graph.pointAt(edge, best[0]);
    return Optional.of(new Location(edge, fraction, snapped, point, best[1]));
  }

  /**
   * The nearest edge snapping passed over for {@code chosen} (a location {@link #nearest} gave),
   * when it lies nearer to the point than {@code chosen} does.
   */
  public Optional<Skipped> skipped(Location chosen) {
    if (!anyPassedOver) {
      return Optional.empty();
    }
    LocalProjection p = graph.projection();
    double x = p.x(chosen.original().lon());
    double y = p.y(chosen.original().lat());
    int edge = nearestEdge(passedOver, x, y);
    double d = project(edge, x, y)[1];
    if (d >= chosen.distanceMeters()) {
      return Optional.empty();
    }
    return Optional.of(
        new Skipped(
            edge,
            d,
            graph.isInSubnetwork(edge) ? SkipReason.FRAGMENT : SkipReason.UNDERGROUND,
            graph.componentLengthMeters(edge)));
  }

  private int nearestEdge(STRtree tree, double x, double y) {
    Envelope q = new Envelope(x, x, y, y);
    ItemDistance distance =
        (ItemBoundable a, ItemBoundable b) -> {
          Object ia = a.getItem();
          Object ib = b.getItem();
          int edge = (ia instanceof Integer i) ? i : (Integer) ib;
          return project(edge, x, y)[1];
        };
    return (Integer) tree.nearestNeighbour(q, POINT, distance);
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
              Locale.ROOT,
              "%s (%.6f, %.6f) is %.0f m from the nearest street, more than %.0f m",
              field,
              point.lon(),
              point.lat(),
              l.distanceMeters(),
              maxDistanceM));
    }
    return l;
  }

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
