package se.tryggkarta.route.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.layer.Lit;
import se.tryggkarta.layer.StreetSegment;

/**
 * An undirected walkable street graph in compressed adjacency arrays (CSR): node {@code n}'s edges
 * are {@code adjEdge[adjStart[n] .. adjStart[n+1])}. Street lines are split into edges at every
 * vertex they share exactly with another line (or with themselves) and at their ends; vertices used
 * by one line only stay inside the edge geometry.
 *
 * <p>Why not JGraphT: the walk planner runs one single-source search per candidate stop (40+ per
 * request) and the research note measured JGraphT's many-to-many paths as slow; primitive arrays
 * keep a 10 000-edge town in well under a megabyte and a full search in about a millisecond.
 * JGraphT stays the independent oracle in the tests.
 *
 * <p>Per edge it keeps the geodesic length in metres, the lit fraction (the share of the edge that
 * the lighting feature's lit intervals cover, handed in as {@link SegmentLight} per segment), the
 * dark share the safe router penalises, and a relative risk in [0, 1] from the incidents within
 * {@value #RISK_RADIUS_M} m of the edge's middle. The graph does not judge lighting itself: one lit
 * model, in {@code lighting}, so routes and the lighting map agree.
 *
 * <p>Subnetworks: a connected component shorter than {@value #MIN_NETWORK_LENGTH_M} m of street
 * (other than the largest) is a fragment, typically a way cut off at the edge of an extract or a
 * path inside a closed area; the {@link Snapper} never puts a point on one, as GraphHopper drops
 * components below its {@code min_network_size}. Edges underground ({@link #isUnderground}) are
 * routable but are not snapped to either (GraphHopper's {@code snap_preventions=tunnel}): a point
 * on the surface belongs on the street above, not in the service tunnel beneath it. Immutable and
 * thread-safe.
 */
public final class StreetGraph {
  /** Incidents within this distance of an edge's middle count towards its risk, in metres. */
  public static final double RISK_RADIUS_M = 50;

  /**
   * Components with less street than this, in metres, are fragments (unless the largest): too small
   * for a safety walk, and almost always an artefact of how the network was cut or mapped.
   */
  public static final double MIN_NETWORK_LENGTH_M = 1000;

  private final LocalProjection projection;
  private final double[] nodeLon;
  private final double[] nodeLat;
  private final int[] edgeFrom;
  private final int[] edgeTo;
  private final double[] lengthM;
  private final double[] localLengthM;
  private final double[] litFraction;
  private final double[] darkShare;
  private final double[] risk;
  private final byte[] lit;
  private final boolean[] lightingKnown;
  private final int[] geomStart;
  private final double[] geomLon;
  private final double[] geomLat;
  private final int[] edgeSegment;
  private final String[] segmentIds;
  private final String[] segmentHighway;
  private final String[] segmentName;
  private final int[] adjStart;
  private final int[] adjEdge;
  private final int[] component;
  private final int mainComponent;
  private final double[] componentLengthM;
  private final boolean[] segmentUnderground;

  private StreetGraph(Builder b, Map<String, SegmentLight> lighting, List<LonLat> incidents) {
    this.projection = b.projection;
    this.nodeLon = b.nodeLon.toArray();
    this.nodeLat = b.nodeLat.toArray();
    this.edgeFrom = b.edgeFrom.toArray();
    this.edgeTo = b.edgeTo.toArray();
    this.lengthM = b.lengthM.toArray();
    this.geomStart = b.geomStart.toArray();
    this.geomLon = b.geomLon.toArray();
    this.geomLat = b.geomLat.toArray();
    this.edgeSegment = b.edgeSegment.toArray();
    this.segmentIds = b.segmentIds.toArray(String[]::new);
    this.segmentHighway = b.segmentHighway.toArray(String[]::new);
    this.segmentName = b.segmentName.toArray(String[]::new);
    this.segmentUnderground = Arrays.copyOf(b.segmentUnderground, segmentIds.length);
    int n = nodeLon.length;
    int m = edgeFrom.length;
    this.adjStart = new int[n + 1];
    for (int e = 0; e < m; e++) {
      adjStart[edgeFrom[e] + 1]++;
      adjStart[edgeTo[e] + 1]++;
    }
    for (int i = 0; i < n; i++) {
      adjStart[i + 1] += adjStart[i];
    }
    this.adjEdge = new int[2 * m];
    int[] fill = Arrays.copyOf(adjStart, n);
    for (int e = 0; e < m; e++) {
      adjEdge[fill[edgeFrom[e]]++] = e;
      adjEdge[fill[edgeTo[e]]++] = e;
    }
    this.localLengthM = new double[m];
    for (int e = 0; e < m; e++) {
      double len = 0;
      for (int i = geomStart[e]; i < geomStart[e + 1] - 1; i++) {
        len +=
            Math.hypot(
                projection.x(geomLon[i + 1]) - projection.x(geomLon[i]),
                projection.y(geomLat[i + 1]) - projection.y(geomLat[i]));
      }
      localLengthM[e] = len;
    }
    this.component = new int[n];
    int components = labelComponents();
    this.componentLengthM = new double[components];
    for (int e = 0; e < m; e++) {
      componentLengthM[component[edgeFrom[e]]] += lengthM[e];
    }
    int main = -1;
    for (int c = 0; c < components; c++) {
      if (main < 0 || componentLengthM[c] > componentLengthM[main]) {
        main = c;
      }
    }
    this.mainComponent = main;
    this.litFraction = new double[m];
    this.darkShare = new double[m];
    this.risk = new double[m];
    this.lit = Arrays.copyOf(b.edgeLit, m);
    this.lightingKnown = new boolean[m];
    light(b, lighting);
    risk(incidents);
  }

  /**
   * Builds the graph from street lines, the lighting of each line by its external id (a line
   * missing from the map is {@link SegmentLight#UNKNOWN}) and incident points (for risk). Lines are
   * joined where their WGS84 vertices are equal.
   */
  public static StreetGraph build(
      List<StreetSegment> streets, Map<String, SegmentLight> lighting, List<LonLat> incidents) {
    Builder b = new Builder(streets);
    return new StreetGraph(b, Map.copyOf(lighting), List.copyOf(incidents));
  }

  public int nodeCount() {
    return nodeLon.length;
  }

  public int edgeCount() {
    return edgeFrom.length;
  }

  public LocalProjection projection() {
    return projection;
  }

  public LonLat node(int n) {
    return new LonLat(nodeLon[n], nodeLat[n]);
  }

  public int from(int edge) {
    return edgeFrom[edge];
  }

  public int to(int edge) {
    return edgeTo[edge];
  }

  /** The end of {@code edge} that is not {@code node}. */
  public int other(int edge, int node) {
    return edgeFrom[edge] == node ? edgeTo[edge] : edgeFrom[edge];
  }

  /** Geodesic length of the edge's line, in metres. */
  public double lengthMeters(int edge) {
    return lengthM[edge];
  }

  /** Length in the local projection, in metres (for fractions along the edge). */
  double localLengthMeters(int edge) {
    return localLengthM[edge];
  }

  /** The edge's lighting tag. */
  public Lit lit(int edge) {
    return Lit.values()[lit[edge]];
  }

  /** Share of the edge's length that is lit, 0..1, from the lighting feature's lit intervals. */
  public double litFraction(int edge) {
    return litFraction[edge];
  }

  /** Whether the edge's dark part is known dark ({@link SegmentLight#known}). */
  public boolean isLightingKnown(int edge) {
    return lightingKnown[edge];
  }

  /**
   * The darkness the safe router penalises, 0..1: 1 − lit fraction where the lighting is known,
   * half of it where it is not (unknown is not known dark).
   */
  public double darkShare(int edge) {
    return darkShare[edge];
  }

  /** Incident density near the edge relative to the densest edge, 0..1 (0 without incidents). */
  public double risk(int edge) {
    return risk[edge];
  }

  public String segmentId(int edge) {
    return segmentIds[edgeSegment[edge]];
  }

  public String highway(int edge) {
    return segmentHighway[edgeSegment[edge]];
  }

  public Optional<String> name(int edge) {
    return Optional.ofNullable(segmentName[edgeSegment[edge]]);
  }

  /** Number of edges at node {@code n}. */
  public int degree(int n) {
    return adjStart[n + 1] - adjStart[n];
  }

  /** The {@code i}-th edge at node {@code n}, 0 ≤ i < degree(n). */
  public int edgeAt(int n, int i) {
    return adjEdge[adjStart[n] + i];
  }

  /** Whether the edge belongs to the largest connected component, by length of street. */
  public boolean isInMainComponent(int edge) {
    return component[edgeFrom[edge]] == mainComponent;
  }

  /** The connected component the edge belongs to (a label; equal labels are connected). */
  public int component(int edge) {
    return component[edgeFrom[edge]];
  }

  /** The length of street in the edge's connected component, in metres. */
  public double componentLengthMeters(int edge) {
    return componentLengthM[component[edgeFrom[edge]]];
  }

  /**
   * Whether the edge lies on a fragment: a component other than the largest with less than {@value
   * #MIN_NETWORK_LENGTH_M} m of street.
   */
  public boolean isInSubnetwork(int edge) {
    return !isInMainComponent(edge) && componentLengthMeters(edge) < MIN_NETWORK_LENGTH_M;
  }

  /**
   * Whether the edge runs underground: its street is tagged {@code tunnel} (any value but {@code
   * no} and {@code building_passage}, which is at ground level), {@code location=underground} or
   * {@code indoor=yes}, as OpenStreetMap tags them and the network readers keep them.
   */
  public boolean isUnderground(int edge) {
    return segmentUnderground[edgeSegment[edge]];
  }

  /** The rule of {@link #isUnderground} on a street's stored tags. */
  static boolean underground(Map<String, Object> tags) {
    Object tunnel = tags.get("tunnel");
    if (tunnel != null && !"no".equals(tunnel) && !"building_passage".equals(tunnel)) {
      return true;
    }
    return "underground".equals(tags.get("location")) || "yes".equals(tags.get("indoor"));
  }

  public double totalLengthMeters() {
    double s = 0;
    for (double l : lengthM) {
      s += l;
    }
    return s;
  }

  /** Number of vertices of the edge's line, including both ends. */
  public int pointCount(int edge) {
    return geomStart[edge + 1] - geomStart[edge];
  }

  public double pointLon(int edge, int i) {
    return geomLon[geomStart[edge] + i];
  }

  public double pointLat(int edge, int i) {
    return geomLat[geomStart[edge] + i];
  }

  /**
   * The part of the edge's line between two fractions of its length (0 = from-node, 1 = to-node),
   * in travel order: reversed when {@code f1 > f0}.
   */
  public List<LonLat> slice(int edge, double f0, double f1) {
    boolean reverse = f0 > f1;
    double a = Math.min(f0, f1) * localLengthM[edge];
    double b = Math.max(f0, f1) * localLengthM[edge];
    List<LonLat> out = new ArrayList<>();
    int s = geomStart[edge];
    int count = pointCount(edge);
    double along = 0;
    out.add(pointAt(edge, a));
    for (int i = 0; i < count - 1; i++) {
      double seg =
          Math.hypot(
              projection.x(geomLon[s + i + 1]) - projection.x(geomLon[s + i]),
              projection.y(geomLat[s + i + 1]) - projection.y(geomLat[s + i]));
      along += seg;
      if (along > a && along < b) {
        out.add(new LonLat(geomLon[s + i + 1], geomLat[s + i + 1]));
      }
    }
    out.add(pointAt(edge, b));
    if (reverse) {
      java.util.Collections.reverse(out);
    }
    return out;
  }

  /** The point {@code alongM} local metres from the edge's from-node. */
  LonLat pointAt(int edge, double alongM) {
    int s = geomStart[edge];
    int count = pointCount(edge);
    double along = 0;
    for (int i = 0; i < count - 1; i++) {
      double x0 = projection.x(geomLon[s + i]);
      double y0 = projection.y(geomLat[s + i]);
      double x1 = projection.x(geomLon[s + i + 1]);
      double y1 = projection.y(geomLat[s + i + 1]);
      double seg = Math.hypot(x1 - x0, y1 - y0);
      if (along + seg >= alongM && seg > 0) {
        double t = Math.max(0, Math.min(1, (alongM - along) / seg));
        return new LonLat(projection.lon(x0 + t * (x1 - x0)), projection.lat(y0 + t * (y1 - y0)));
      }
      along += seg;
    }
    return new LonLat(geomLon[s + count - 1], geomLat[s + count - 1]);
  }

  /** Labels every node with its connected component; returns the number of components. */
  private int labelComponents() {
    Arrays.fill(component, -1);
    int label = 0;
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int start = 0; start < component.length; start++) {
      if (component[start] >= 0) {
        continue;
      }
      component[start] = label;
      queue.add(start);
      while (!queue.isEmpty()) {
        int n = queue.poll();
        for (int i = adjStart[n]; i < adjStart[n + 1]; i++) {
          int o = other(adjEdge[i], n);
          if (component[o] < 0) {
            component[o] = label;
            queue.add(o);
          }
        }
      }
      label++;
    }
    return label;
  }

  /**
   * Cuts each segment's lit spans to its edges, piece by piece: an edge's lit metres are the sum
   * over its straight pieces of the piece's geodesic length times its lit share.
   */
  private void light(Builder b, Map<String, SegmentLight> lighting) {
    for (int e = 0; e < edgeCount(); e++) {
      SegmentLight light = lighting.getOrDefault(segmentIds[edgeSegment[e]], SegmentLight.UNKNOWN);
      int first = b.edgeFirstVertex.get(e);
      double litM = 0;
      for (int k = 0; k + 1 < pointCount(e); k++) {
        double pieceM =
            LocalProjection.haversineMeters(
                pointLon(e, k), pointLat(e, k), pointLon(e, k + 1), pointLat(e, k + 1));
        litM += pieceM * light.litShareOfPiece(first + k);
      }
      litFraction[e] = lengthM[e] > 0 ? Math.min(1, litM / lengthM[e]) : 0;
      lightingKnown[e] = light.known();
      darkShare[e] = light.known() ? 1 - litFraction[e] : 0.5 * (1 - litFraction[e]);
    }
  }

  private void risk(List<LonLat> incidents) {
    if (incidents.isEmpty()) {
      return;
    }
    PointGrid incidentGrid = new PointGrid(projection, RISK_RADIUS_M, incidents);
    int[] incidentCount = new int[edgeCount()];
    int max = 0;
    for (int e = 0; e < edgeCount(); e++) {
      incidentCount[e] = incidentGrid.countWithin(pointAt(e, localLengthM[e] / 2), RISK_RADIUS_M);
      max = Math.max(max, incidentCount[e]);
    }
    for (int e = 0; e < edgeCount(); e++) {
      risk[e] = max == 0 ? 0 : incidentCount[e] / (double) max;
    }
  }

  /** Splits street lines into edges at shared vertices; the arrays grow as it goes. */
  private static final class Builder {
    final LocalProjection projection;
    final DoubleList nodeLon = new DoubleList();
    final DoubleList nodeLat = new DoubleList();
    final IntList edgeFrom = new IntList();
    final IntList edgeTo = new IntList();
    final DoubleList lengthM = new DoubleList();
    final IntList geomStart = new IntList();
    final DoubleList geomLon = new DoubleList();
    final DoubleList geomLat = new DoubleList();
    final IntList edgeSegment = new IntList();
    final IntList edgeFirstVertex = new IntList();
    final List<String> segmentIds = new ArrayList<>();
    final List<String> segmentHighway = new ArrayList<>();
    final List<String> segmentName = new ArrayList<>();
    boolean[] segmentUnderground = new boolean[16];
    byte[] edgeLit = new byte[16];

    Builder(List<StreetSegment> streets) {
      Map<Coordinate, Integer> uses = new HashMap<>();
      double sumLon = 0;
      double sumLat = 0;
      long points = 0;
      for (StreetSegment s : streets) {
        LineString line = s.geometryWgs84();
        for (int i = 0; i < line.getNumPoints(); i++) {
          Coordinate c = key(line.getCoordinateN(i));
          int weight = (i == 0 || i == line.getNumPoints() - 1) ? 2 : 1;
          uses.merge(c, weight, Integer::sum);
          sumLon += c.x;
          sumLat += c.y;
          points++;
        }
      }
      this.projection =
          new LocalProjection(
              points == 0 ? new LonLat(0, 0) : new LonLat(sumLon / points, sumLat / points));
      Map<Coordinate, Integer> nodeIds = new HashMap<>();
      for (StreetSegment s : streets) {
        int seg = segmentIds.size();
        segmentIds.add(s.externalId());
        segmentHighway.add(s.highway().intern());
        segmentName.add(s.name().orElse(null));
        if (seg >= segmentUnderground.length) {
          segmentUnderground = Arrays.copyOf(segmentUnderground, segmentUnderground.length * 2);
        }
        segmentUnderground[seg] = underground(s.extra());
        LineString line = s.geometryWgs84();
        int start = 0;
        for (int i = 1; i < line.getNumPoints(); i++) {
          Coordinate c = key(line.getCoordinateN(i));
          if (uses.get(c) > 1 || i == line.getNumPoints() - 1) {
            addEdge(line, start, i, seg, s.lit(), nodeIds);
            start = i;
          }
        }
      }
      geomStart.add(geomLon.size());
    }

    private static Coordinate key(Coordinate c) {
      return new Coordinate(c.x, c.y);
    }

    private int node(Coordinate c, Map<Coordinate, Integer> nodeIds) {
      return nodeIds.computeIfAbsent(
          c,
          k -> {
            nodeLon.add(k.x);
            nodeLat.add(k.y);
            return nodeLon.size() - 1;
          });
    }

    private void addEdge(
        LineString line, int i0, int i1, int seg, Lit lit, Map<Coordinate, Integer> nodeIds) {
      double len = 0;
      for (int i = i0; i < i1; i++) {
        Coordinate a = line.getCoordinateN(i);
        Coordinate b = line.getCoordinateN(i + 1);
        len += LocalProjection.haversineMeters(a.x, a.y, b.x, b.y);
      }
      int from = node(key(line.getCoordinateN(i0)), nodeIds);
      int to = node(key(line.getCoordinateN(i1)), nodeIds);
      if (from == to && len == 0) {
        return;
      }
      int e = edgeFrom.size();
      edgeFrom.add(from);
      edgeTo.add(to);
      lengthM.add(len);
      edgeSegment.add(seg);
      edgeFirstVertex.add(i0);
      geomStart.add(geomLon.size());
      for (int i = i0; i <= i1; i++) {
        geomLon.add(line.getCoordinateN(i).x);
        geomLat.add(line.getCoordinateN(i).y);
      }
      if (e >= edgeLit.length) {
        edgeLit = Arrays.copyOf(edgeLit, edgeLit.length * 2);
      }
      edgeLit[e] = (byte) lit.ordinal();
    }
  }

  /** A growable primitive array. */
  static final class DoubleList {
    private double[] a = new double[16];
    private int n;

    void add(double v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    int size() {
      return n;
    }

    double[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }

  /** A growable primitive array. */
  static final class IntList {
    private int[] a = new int[16];
    private int n;

    void add(int v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    int size() {
      return n;
    }

    int get(int i) {
      return a[i];
    }

    int[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }
}
