package se.tryggkarta.route.graph;

import java.util.Arrays;

/**
 * Dijkstra's single-source least-cost search (Dijkstra 1959) with a binary heap and lazy deletion:
 * settle the unsettled node u of least tentative cost d(u), then for each edge (u, v) relax {@code
 * d(v) ← min(d(v), d(u) + c(u, v))}. O((V + E) log V). Sources may be locations part-way along an
 * edge: both ends start with the cost of the part of the edge between the point and that end.
 *
 * <p>Edges of cost +Infinity are never relaxed. The search itself never throws. One instance holds
 * no state between calls; thread-safe.
 */
public final class Dijkstra {
  private final StreetGraph graph;
  private final EdgeCost cost;

  public Dijkstra(StreetGraph graph, EdgeCost cost) {
    this.graph = graph;
    this.cost = cost;
  }

  public StreetGraph graph() {
    return graph;
  }

  public EdgeCost cost() {
    return cost;
  }

  /** The full tree of least costs from a node. */
  public ShortestPathTree fromNode(int source) {
    double[] dist = new double[graph.nodeCount()];
    Arrays.fill(dist, Double.POSITIVE_INFINITY);
    int[] pred = new int[graph.nodeCount()];
    Arrays.fill(pred, -1);
    Heap heap = new Heap(graph.nodeCount());
    dist[source] = 0;
    heap.push(0, source);
    run(dist, pred, heap);
    return new ShortestPathTree(this, Location.atNode(graph, source), dist, pred);
  }

  /** The full tree of least costs from a location on an edge. */
  public ShortestPathTree from(Location source) {
    double[] dist = new double[graph.nodeCount()];
    Arrays.fill(dist, Double.POSITIVE_INFINITY);
    int[] pred = new int[graph.nodeCount()];
    Arrays.fill(pred, -1);
    Heap heap = new Heap(graph.nodeCount());
    double c = cost.cost(graph, source.edge());
    int a = graph.from(source.edge());
    int b = graph.to(source.edge());
    dist[a] = part(c, source.fraction());
    dist[b] = Math.min(dist[b], part(c, 1 - source.fraction()));
    if (a == b) {
      dist[a] = Math.min(part(c, source.fraction()), part(c, 1 - source.fraction()));
    }
    heap.push(dist[a], a);
    heap.push(dist[b], b);
    run(dist, pred, heap);
    return new ShortestPathTree(this, source, dist, pred);
  }

  /** The cost of a fraction of an edge: 0 for no part of it, even when the edge is impassable. */
  static double part(double edgeCost, double fraction) {
    return fraction <= 0 ? 0 : edgeCost * fraction;
  }

  private void run(double[] dist, int[] pred, Heap heap) {
    boolean[] settled = new boolean[dist.length];
    while (!heap.isEmpty()) {
      double d = heap.peekKey();
      int u = heap.pop();
      if (settled[u] || d > dist[u] || d == Double.POSITIVE_INFINITY) {
        continue;
      }
      settled[u] = true;
      for (int i = 0; i < graph.degree(u); i++) {
        int e = graph.edgeAt(u, i);
        double c = cost.cost(graph, e);
        if (!(c < Double.POSITIVE_INFINITY)) {
          continue;
        }
        int v = graph.other(e, u);
        double nd = d + c;
        if (nd < dist[v]) {
          dist[v] = nd;
          pred[v] = e;
          heap.push(nd, v);
        }
      }
    }
  }

  /** A binary min-heap of (key, node) pairs; duplicates allowed (lazy decrease-key). */
  static final class Heap {
    private double[] keys;
    private int[] nodes;
    private int size;

    Heap(int capacity) {
      keys = new double[Math.max(4, capacity)];
      nodes = new int[keys.length];
    }

    boolean isEmpty() {
      return size == 0;
    }

    double peekKey() {
      return keys[0];
    }

    void push(double key, int node) {
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
        nodes = Arrays.copyOf(nodes, size * 2);
      }
      int i = size++;
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (keys[parent] <= key) {
          break;
        }
        keys[i] = keys[parent];
        nodes[i] = nodes[parent];
        i = parent;
      }
      keys[i] = key;
      nodes[i] = node;
    }

    int pop() {
      int top = nodes[0];
      size--;
      if (size > 0) {
        double key = keys[size];
        int node = nodes[size];
        int i = 0;
        while (true) {
          int l = 2 * i + 1;
          if (l >= size) {
            break;
          }
          int c = (l + 1 < size && keys[l + 1] < keys[l]) ? l + 1 : l;
          if (keys[c] >= key) {
            break;
          }
          keys[i] = keys[c];
          nodes[i] = nodes[c];
          i = c;
        }
        keys[i] = key;
        nodes[i] = node;
      }
      return top;
    }
  }
}
