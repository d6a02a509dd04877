package se.tryggkarta.route.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static se.tryggkarta.route.graph.Graphs.at;
import static se.tryggkarta.route.graph.Graphs.line;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.WeightedPseudograph;
import org.junit.jupiter.api.Test;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.layer.Lit;
import se.tryggkarta.layer.StreetSegment;

class DijkstraTest {
  /** Length sums of a few edges agree to well under a millimetre. */
  static final double TOLERANCE_M = 1e-6;

  /** Haversine vs. the local metre grid the fixtures are laid out on: under 0.5 %. */
  static final double LAYOUT_TOLERANCE = 0.005;

  /** The naive O(V²) Dijkstra: scan for the unsettled node of least cost, no heap. */
  static double[] naive(StreetGraph g, EdgeCost c, int source) {
    double[] dist = new double[g.nodeCount()];
    boolean[] done = new boolean[g.nodeCount()];
    Arrays.fill(dist, Double.POSITIVE_INFINITY);
    dist[source] = 0;
    for (int k = 0; k < g.nodeCount(); k++) {
      int u = -1;
      for (int v = 0; v < g.nodeCount(); v++) {
        if (!done[v] && (u < 0 || dist[v] < dist[u])) {
          u = v;
        }
      }
      if (u < 0 || dist[u] == Double.POSITIVE_INFINITY) {
        break;
      }
      done[u] = true;
      for (int e = 0; e < g.edgeCount(); e++) {
        if (g.from(e) == u || g.to(e) == u) {
          int v = g.other(e, u);
          dist[v] = Math.min(dist[v], dist[u] + c.cost(g, e));
        }
      }
    }
    return dist;
  }

  @Test
  void a_square_with_a_diagonal_splits_at_shared_vertices_and_takes_the_diagonal() {
    // A(0,0) B(300,0) C(300,400) D(0,400); lines A-B-C (one line through B), C-D-A, and A-C.
    // Junctions: A and C (ends, shared); B and D are interior vertices used once: no nodes there.
    // Edges: A→C via B (300 + 400 = 700 m), C→A via D (700 m), diagonal A–C (√(300²+400²) = 500 m).
    StreetGraph g =
        Graphs.tagLit(
            List.of(
                line("abc", Lit.YES, at(0, 0), at(300, 0), at(300, 400)),
                line("cda", Lit.NO, at(300, 400), at(0, 400), at(0, 0)),
                line("ac", Lit.NO, at(0, 0), at(300, 400))));
    assertThat(g.nodeCount()).isEqualTo(2);
    assertThat(g.edgeCount()).isEqualTo(3);
    int a = nodeNear(g, at(0, 0));
    int c = nodeNear(g, at(300, 400));
    ShortestPathTree t = new Dijkstra(g, EdgeCost.LENGTH).fromNode(a);
    assertThat(t.costTo(c)).isCloseTo(500, offset(500 * LAYOUT_TOLERANCE));
  }

  @Test
  void the_lit_street_cost_prefers_the_lit_detour_over_the_dark_diagonal() {
    // Same square. LitStreetCost(2, 0): the lit path A-B-C costs 700·(1+0) = 700; the dark diagonal
    // 500·(1+2·1) = 1500; dark C-D-A 700·3 = 2100. The safe route is A-B-C, 200 m longer.
    StreetGraph g =
        Graphs.tagLit(
            List.of(
                line("abc", Lit.YES, at(0, 0), at(300, 0), at(300, 400)),
                line("cda", Lit.NO, at(300, 400), at(0, 400), at(0, 0)),
                line("ac", Lit.NO, at(0, 0), at(300, 400))));
    int a = nodeNear(g, at(0, 0));
    int c = nodeNear(g, at(300, 400));
    ShortestPathTree t = new Dijkstra(g, new LitStreetCost(2, 0)).fromNode(a);
    assertThat(t.costTo(c)).isCloseTo(700, offset(700 * LAYOUT_TOLERANCE));
    StreetPath p = t.pathTo(Location.atNode(g, c)).orElseThrow();
    assertThat(p.lengthMeters()).isCloseTo(700, offset(700 * LAYOUT_TOLERANCE));
    assertThat(p.litShare()).isCloseTo(1.0, offset(1e-9));
  }

  @Test
  void impassable_edges_are_never_used() {
    // A line A-B-C of two 100 m edges; B-C costs +Infinity, so C is unreachable and the search
    // does not throw.
    StreetGraph g =
        Graphs.tagLit(
            List.of(
                line("ab", Lit.YES, at(0, 0), at(100, 0)),
                line("bc", Lit.NO, at(100, 0), at(200, 0))));
    EdgeCost noDark =
        (gr, e) -> gr.lit(e) == Lit.NO ? Double.POSITIVE_INFINITY : gr.lengthMeters(e);
    ShortestPathTree t = new Dijkstra(g, noDark).fromNode(nodeNear(g, at(0, 0)));
    assertThat(t.costTo(nodeNear(g, at(200, 0)))).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(t.pathTo(Location.atNode(g, nodeNear(g, at(200, 0))))).isEmpty();
  }

  @Test
  void node_to_node_costs_equal_jgrapht_and_the_naive_dijkstra_on_random_graphs() {
    Random r = new Random(42);
    for (int trial = 0; trial < 20; trial++) {
      List<StreetSegment> streets = Graphs.randomGrid(r, 6 + r.nextInt(5), 6 + r.nextInt(5), 0.75);
      StreetGraph g = Graphs.tagLit(streets);
      EdgeCost cost = trial % 2 == 0 ? EdgeCost.LENGTH : LitStreetCost.DEFAULT;
      WeightedPseudograph<Integer, DefaultWeightedEdge> oracle =
          new WeightedPseudograph<>(DefaultWeightedEdge.class);
      for (int n = 0; n < g.nodeCount(); n++) {
        oracle.addVertex(n);
      }
      for (int e = 0; e < g.edgeCount(); e++) {
        DefaultWeightedEdge x = oracle.addEdge(g.from(e), g.to(e));
        oracle.setEdgeWeight(x, cost.cost(g, e));
      }
      int source = r.nextInt(g.nodeCount());
      ShortestPathTree t = new Dijkstra(g, cost).fromNode(source);
      var paths = new DijkstraShortestPath<>(oracle).getPaths(source);
      double[] naive = naive(g, cost, source);
      for (int n = 0; n < g.nodeCount(); n++) {
        double expected = paths.getWeight(n);
        assertThat(t.costTo(n))
            .as("trial %d node %d", trial, n)
            .isCloseTo(expected, offset(TOLERANCE_M));
        assertThat(naive[n]).isCloseTo(expected, offset(TOLERANCE_M));
      }
    }
  }

  @Test
  void costs_between_points_on_edges_equal_the_oracle_on_the_graph_split_at_those_points() {
    Random r = new Random(99);
    for (int trial = 0; trial < 30; trial++) {
      List<StreetSegment> streets = Graphs.randomGrid(r, 5, 5, 0.8);
      StreetGraph g = Graphs.tagLit(streets);
      Snapper s = new Snapper(g);
      LonLat p =
          new LonLat(Graphs.at(r.nextDouble() * 400, 0)[0], Graphs.at(0, r.nextDouble() * 400)[1]);
      LonLat q =
          new LonLat(Graphs.at(r.nextDouble() * 400, 0)[0], Graphs.at(0, r.nextDouble() * 400)[1]);
      Location a = s.nearest(p).orElseThrow();
      Location b = s.nearest(q).orElseThrow();
      // Oracle: node-to-node costs from the ends of a's edge to the ends of b's edge, plus parts.
      ShortestPathTree fromU = new Dijkstra(g, EdgeCost.LENGTH).fromNode(g.from(a.edge()));
      ShortestPathTree fromV = new Dijkstra(g, EdgeCost.LENGTH).fromNode(g.to(a.edge()));
      double la = g.lengthMeters(a.edge());
      double lb = g.lengthMeters(b.edge());
      double best = Double.POSITIVE_INFINITY;
      for (int end = 0; end < 2; end++) {
        ShortestPathTree t = end == 0 ? fromU : fromV;
        double head = la * (end == 0 ? a.fraction() : 1 - a.fraction());
        best = Math.min(best, head + t.costTo(g.from(b.edge())) + lb * b.fraction());
        best = Math.min(best, head + t.costTo(g.to(b.edge())) + lb * (1 - b.fraction()));
      }
      if (a.edge() == b.edge()) {
        best = Math.min(best, la * Math.abs(a.fraction() - b.fraction()));
      }
      ShortestPathTree t = new Dijkstra(g, EdgeCost.LENGTH).from(a);
      assertThat(t.costTo(b)).as("trial %d", trial).isCloseTo(best, offset(TOLERANCE_M));
      StreetPath path = t.pathTo(b).orElseThrow();
      assertThat(path.lengthMeters()).isCloseTo(best, offset(1e-6));
      assertThat(path.coordinates().get(0)).isEqualTo(a.snapped());
      // The line's own length matches the reported length (geometry and arithmetic agree).
      double lineM = 0;
      for (int i = 1; i < path.coordinates().size(); i++) {
        LonLat x = path.coordinates().get(i - 1);
        LonLat y = path.coordinates().get(i);
        lineM += LocalProjection.haversineMeters(x.lon(), x.lat(), y.lon(), y.lat());
      }
      assertThat(lineM)
          .isCloseTo(path.lengthMeters(), offset(path.lengthMeters() * LAYOUT_TOLERANCE + 0.01));
    }
  }

  static int nodeNear(StreetGraph g, double[] lonLat) {
    int best = -1;
    double bestD = Double.POSITIVE_INFINITY;
    for (int n = 0; n < g.nodeCount(); n++) {
      double d =
          LocalProjection.haversineMeters(g.node(n).lon(), g.node(n).lat(), lonLat[0], lonLat[1]);
      if (d < bestD) {
        bestD = d;
        best = n;
      }
    }
    return best;
  }
}
