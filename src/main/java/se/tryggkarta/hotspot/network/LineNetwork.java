package se.tryggkarta.hotspot.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.XY;

/**
 * An undirected street network in a projected, metric CRS (the workspace's): nodes, and edges
 * between them that each carry their polyline. Lengths and positions along an edge are planar
 * metres in that CRS, measured from the edge's {@code from} node. Node {@code n}'s edges are {@code
 * adjEdge[adjStart[n] .. adjStart[n+1])} (compressed adjacency arrays). Immutable; thread-safe.
 */
public final class LineNetwork {
  private final double[] nodeX;
  private final double[] nodeY;
  private final int[] edgeFrom;
  private final int[] edgeTo;
  private final int[] geomStart;
  private final double[] geomX;
  private final double[] geomY;
  private final double[] lengthM;
  private final int[] adjStart;
  private final int[] adjEdge;
  private final STRtree segments;

  private LineNetwork(Builder b) {
    this.nodeX = Arrays.copyOf(b.nodeX, b.nodes);
    this.nodeY = Arrays.copyOf(b.nodeY, b.nodes);
    int m = b.edgeFrom.size();
    this.edgeFrom = b.edgeFrom.stream().mapToInt(Integer::intValue).toArray();
    this.edgeTo = b.edgeTo.stream().mapToInt(Integer::intValue).toArray();
    this.geomStart = new int[m + 1];
    int points = 0;
    for (int e = 0; e < m; e++) {
      geomStart[e] = points;
      points += b.lines.get(e).length;
    }
    geomStart[m] = points;
    this.geomX = new double[points];
    this.geomY = new double[points];
    this.lengthM = new double[m];
    this.segments = new STRtree();
    for (int e = 0; e < m; e++) {
      XY[] line = b.lines.get(e);
      double len = 0;
      for (int i = 0; i < line.length; i++) {
        geomX[geomStart[e] + i] = line[i].x();
        geomY[geomStart[e] + i] = line[i].y();
        if (i > 0) {
          len += line[i].distanceTo(line[i - 1]);
          Envelope env = new Envelope(line[i - 1].x(), line[i].x(), line[i - 1].y(), line[i].y());
          segments.insert(env, geomStart[e] + i - 1);
        }
      }
      lengthM[e] = len;
    }
    this.adjStart = new int[nodeX.length + 1];
    for (int e = 0; e < m; e++) {
      adjStart[edgeFrom[e] + 1]++;
      adjStart[edgeTo[e] + 1]++;
    }
    for (int i = 0; i < nodeX.length; i++) {
      adjStart[i + 1] += adjStart[i];
    }
    this.adjEdge = new int[2 * m];
    int[] fill = Arrays.copyOf(adjStart, nodeX.length);
    for (int e = 0; e < m; e++) {
      adjEdge[fill[edgeFrom[e]]++] = e;
      adjEdge[fill[edgeTo[e]]++] = e;
    }
    segments.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public int nodeCount() {
    return nodeX.length;
  }

  public int edgeCount() {
    return edgeFrom.length;
  }

  public int from(int edge) {
    return edgeFrom[edge];
  }

  public int to(int edge) {
    return edgeTo[edge];
  }

  /** The edge's planar length along its polyline, metres. */
  public double lengthMeters(int edge) {
    return lengthM[edge];
  }

  /** Number of edges at node {@code n} (a loop counts twice). */
  public int degree(int n) {
    return adjStart[n + 1] - adjStart[n];
  }

  /** The {@code i}-th edge at node {@code n}, 0 ≤ i < degree(n). */
  public int edgeAt(int n, int i) {
    return adjEdge[adjStart[n] + i];
  }

  /** The sum of all edge lengths, metres. */
  public double totalLengthMeters() {
    double s = 0;
    for (double l : lengthM) {
      s += l;
    }
    return s;
  }

  /**
   * The part of an edge's polyline between two positions along it, metres from its {@code from}
   * node, {@code 0 ≤ fromMeters ≤ toMeters ≤ lengthMeters(edge)}; at least two points.
   */
  public List<XY> slice(int edge, double fromMeters, double toMeters) {
    List<XY> out = new ArrayList<>();
    out.add(pointAt(edge, fromMeters));
    double walked = 0;
    for (int i = geomStart[edge] + 1; i < geomStart[edge + 1]; i++) {
      walked += Math.hypot(geomX[i] - geomX[i - 1], geomY[i] - geomY[i - 1]);
      if (walked > fromMeters && walked < toMeters) {
        out.add(new XY(geomX[i], geomY[i]));
      }
    }
    out.add(pointAt(edge, toMeters));
    return out;
  }

  /** The point {@code alongMeters} from the edge's {@code from} node, clamped to the edge. */
  public XY pointAt(int edge, double alongMeters) {
    double walked = 0;
    int last = geomStart[edge + 1] - 1;
    for (int i = geomStart[edge]; i < last; i++) {
      double seg = Math.hypot(geomX[i + 1] - geomX[i], geomY[i + 1] - geomY[i]);
      if (walked + seg >= alongMeters && seg > 0) {
        double f = Math.max(0, (alongMeters - walked) / seg);
        return new XY(
            geomX[i] + f * (geomX[i + 1] - geomX[i]), geomY[i] + f * (geomY[i + 1] - geomY[i]));
      }
      walked += seg;
    }
    return new XY(geomX[last], geomY[last]);
  }

  /**
   * The nearest point of the network to (x, y), as an edge and a position along it; ties go to the
   * lower edge number then the earlier vertex, so snapping is deterministic.
   */
  public NetworkPosition snap(double x, double y) {
    if (edgeCount() == 0) {
      throw new IllegalStateException("an empty network has no nearest point");
    }
    double[] best = {Double.POSITIVE_INFINITY};
    int[] bestVertex = {-1};
    double reach = 16;
    while (bestVertex[0] < 0 || best[0] > reach) {
      Envelope query = new Envelope(x - reach, x + reach, y - reach, y + reach);
      segments.query(
          query,
          item -> {
            int v = (Integer) item;
            double d = segmentDistance(v, x, y);
            if (d < best[0] || (d == best[0] && v < bestVertex[0])) {
              best[0] = d;
              bestVertex[0] = v;
            }
          });
      if (bestVertex[0] >= 0 && best[0] <= reach) {
        break;
      }
      reach *= 4;
    }
    int v = bestVertex[0];
    int edge = edgeOfVertex(v);
    double along = 0;
    for (int i = geomStart[edge]; i < v; i++) {
      along += Math.hypot(geomX[i + 1] - geomX[i], geomY[i + 1] - geomY[i]);
    }
    double sx = geomX[v + 1] - geomX[v];
    double sy = geomY[v + 1] - geomY[v];
    double seg2 = sx * sx + sy * sy;
    double t =
        seg2 == 0
            ? 0
            : Math.max(0, Math.min(1, ((x - geomX[v]) * sx + (y - geomY[v]) * sy) / seg2));
    along += t * Math.sqrt(seg2);
    return new NetworkPosition(edge, Math.min(along, lengthM[edge]), best[0]);
  }

  private double segmentDistance(int v, double x, double y) {
    double sx = geomX[v + 1] - geomX[v];
    double sy = geomY[v + 1] - geomY[v];
    double seg2 = sx * sx + sy * sy;
    double t =
        seg2 == 0
            ? 0
            : Math.max(0, Math.min(1, ((x - geomX[v]) * sx + (y - geomY[v]) * sy) / seg2));
    return Math.hypot(x - (geomX[v] + t * sx), y - (geomY[v] + t * sy));
  }

  private int edgeOfVertex(int vertex) {
    int i = Arrays.binarySearch(geomStart, vertex);
    // Every edge has at least two points, so geomStart rises strictly.
    return i >= 0 ? i : -i - 2;
  }

  /**
   * Collects nodes and edges. Each edge's polyline runs from its {@code from} node to its {@code
   * to} node (distances along the network are taken along the polylines).
   */
  public static final class Builder {
    private double[] nodeX = new double[16];
    private double[] nodeY = new double[16];
    private int nodes;
    private final List<Integer> edgeFrom = new ArrayList<>();
    private final List<Integer> edgeTo = new ArrayList<>();
    private final List<XY[]> lines = new ArrayList<>();

    private Builder() {}

    /** Adds a node and returns its number (0, 1, 2, ...). */
    public int addNode(XY at) {
      if (nodes == nodeX.length) {
        nodeX = Arrays.copyOf(nodeX, nodes * 2);
        nodeY = Arrays.copyOf(nodeY, nodes * 2);
      }
      nodeX[nodes] = at.x();
      nodeY[nodes] = at.y();
      return nodes++;
    }

    /**
     * Adds an edge along {@code line} (at least two points) from node {@code from} to {@code to}.
     */
    public Builder addEdge(int from, int to, List<XY> line) {
      if (from < 0 || from >= nodes || to < 0 || to >= nodes) {
        throw DomainException.invalid(
            "edge", "edge nodes must be 0.." + (nodes - 1) + ", were " + from + " and " + to);
      }
      if (line.size() < 2) {
        throw DomainException.invalid(
            "edge", "an edge needs at least 2 points, had " + line.size());
      }
      edgeFrom.add(from);
      edgeTo.add(to);
      lines.add(line.toArray(XY[]::new));
      return this;
    }

    public LineNetwork build() {
      return new LineNetwork(this);
    }
  }
}
