package se.tryggkarta.route.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import se.tryggkarta.common.LonLat;

/**
 * The result of one {@link Dijkstra} search: least costs to every node and the edge each was
 * reached by, plus the way to a location part-way along an edge. Immutable; thread-safe.
 */
public final class ShortestPathTree {
  private final Dijkstra search;
  private final Location source;
  private final double[] dist;
  private final int[] pred;

  ShortestPathTree(Dijkstra search, Location source, double[] dist, int[] pred) {
    this.search = search;
    this.source = source;
    this.dist = dist;
    this.pred = pred;
  }

  /** Least cost to node {@code n}; +Infinity when unreachable. */
  public double costTo(int n) {
    return dist[n];
  }

  /** Least cost to a location on an edge; +Infinity when unreachable. */
  public double costTo(Location target) {
    return best(target)[0];
  }

  /** {cost, how: -1 along the shared edge, else the node the target edge is entered from}. */
  private double[] best(Location t) {
    StreetGraph g = search.graph();
    double c = search.cost().cost(g, t.edge());
    int a = g.from(t.edge());
    int b = g.to(t.edge());
    double viaA = dist[a] + Dijkstra.part(c, t.fraction());
    double viaB = dist[b] + Dijkstra.part(c, 1 - t.fraction());
    double[] r = viaA <= viaB ? new double[] {viaA, a} : new double[] {viaB, b};
    if (t.edge() == source.edge()) {
      double direct = Dijkstra.part(c, Math.abs(t.fraction() - source.fraction()));
      if (direct <= r[0]) {
        r = new double[] {direct, -1};
      }
    }
    return r;
  }

  /** The least-cost path to a location, or empty when it cannot be reached. */
  public Optional<StreetPath> pathTo(Location target) {
    double[] best = best(target);
    if (!(best[0] < Double.POSITIVE_INFINITY)) {
      return Optional.empty();
    }
    StreetGraph g = search.graph();
    List<LonLat> coords = new ArrayList<>();
    double lengthM = 0;
    double litM = 0;
    if (best[1] < 0) {
      coords.addAll(g.slice(target.edge(), source.fraction(), target.fraction()));
      double part = Math.abs(target.fraction() - source.fraction());
      lengthM += g.lengthMeters(target.edge()) * part;
      litM += g.lengthMeters(target.edge()) * part * g.litFraction(target.edge());
      return Optional.of(new StreetPath(coords, lengthM, litM, best[0], List.of(target.edge())));
    }
    int entry = (int) best[1];
    List<Integer> edges = new ArrayList<>();
    List<List<LonLat>> pieces = new ArrayList<>();
    double fEntry = g.from(target.edge()) == entry ? 0 : 1;
    pieces.add(g.slice(target.edge(), fEntry, target.fraction()));
    edges.add(target.edge());
    double part = Math.abs(target.fraction() - fEntry);
    lengthM += g.lengthMeters(target.edge()) * part;
    litM += g.lengthMeters(target.edge()) * part * g.litFraction(target.edge());
    int n = entry;
    while (pred[n] >= 0) {
      int e = pred[n];
      int prev = g.other(e, n);
      pieces.add(g.slice(e, g.from(e) == prev ? 0 : 1, g.from(e) == prev ? 1 : 0));
      edges.add(e);
      lengthM += g.lengthMeters(e);
      litM += g.lengthMeters(e) * g.litFraction(e);
      n = prev;
    }
    double fStart = g.from(source.edge()) == n ? 0 : 1;
    pieces.add(g.slice(source.edge(), source.fraction(), fStart));
    edges.add(source.edge());
    double head = Math.abs(fStart - source.fraction());
    lengthM += g.lengthMeters(source.edge()) * head;
    litM += g.lengthMeters(source.edge()) * head * g.litFraction(source.edge());
    Collections.reverse(pieces);
    Collections.reverse(edges);
    for (List<LonLat> piece : pieces) {
      for (LonLat p : piece) {
        if (coords.isEmpty() || !coords.get(coords.size() - 1).equals(p)) {
          coords.add(p);
        }
      }
    }
    return Optional.of(new StreetPath(coords, lengthM, litM, best[0], edges));
  }
}
