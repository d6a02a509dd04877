package se.tryggkarta.hotspot.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.XY;
import se.tryggkarta.hotspot.grid.PointSet;

class NetworkKdeTest {
  /** Densities are about 1/h ≈ 0.01 per metre; the oracle must agree to rounding. */
  private static final double TOLERANCE_PER_METER = 1e-12;

  private static final double BANDWIDTH_M = 120;
  private static final double LIXEL_M = 25;
  private static final double MAX_SNAP_M = 50;

  /**
   * A square A(0,0) B(100,0) C(100,100) D(0,100) with the diagonal A–C (141.42 m), a bent side B–C
   * through (130,50) (2·√(30²+50²) = 116.62 m), a dead end B–E(200,0), and a separate street
   * G(500,0)–H(600,0). Edge order: A–B, B–C, C–D, D–A, A–C, B–E, G–H.
   */
  static LineNetwork squareWithDiagonal() {
    LineNetwork.Builder b = LineNetwork.builder();
    int a = b.addNode(new XY(0, 0));
    int bb = b.addNode(new XY(100, 0));
    int c = b.addNode(new XY(100, 100));
    int d = b.addNode(new XY(0, 100));
    int e = b.addNode(new XY(200, 0));
    int g = b.addNode(new XY(500, 0));
    int h = b.addNode(new XY(600, 0));
    b.addEdge(a, bb, List.of(new XY(0, 0), new XY(100, 0)));
    b.addEdge(bb, c, List.of(new XY(100, 0), new XY(130, 50), new XY(100, 100)));
    b.addEdge(c, d, List.of(new XY(100, 100), new XY(0, 100)));
    b.addEdge(d, a, List.of(new XY(0, 100), new XY(0, 0)));
    b.addEdge(a, c, List.of(new XY(0, 0), new XY(100, 100)));
    b.addEdge(bb, e, List.of(new XY(100, 0), new XY(200, 0)));
    b.addEdge(g, h, List.of(new XY(500, 0), new XY(600, 0)));
    return b.build();
  }

  /** Off-street events, one exactly on a dead end's node, one too far to snap. */
  static PointSet events() {
    return PointSet.of(
        new double[] {50, 120, 0, 200, 550, 1000, 70},
        new double[] {3, 40, 50, 0, 2, 1000, 69},
        new double[] {1, 2, 0.5, 1, 1, 1, 1.5});
  }

  @Test
  void densityEqualsTheKernelSumOverFloydWarshallDistancesOnAHandBuiltNetwork() {
    LineNetwork net = squareWithDiagonal();
    PointSet events = events();
    StreetDensity got = NetworkKde.estimate(net, events, BANDWIDTH_M, LIXEL_M, MAX_SNAP_M);

    // The oracle: every lixel middle and snapped event becomes a node of a finer graph, whose
    // all-pairs shortest paths Floyd–Warshall gives; then the kernel sum directly.
    List<double[]> edgeGeometry = geometry();
    List<TreeSet<Double>> stops = new ArrayList<>();
    List<List<Double>> middles = new ArrayList<>();
    for (double[] line : edgeGeometry) {
      double len = length(line);
      TreeSet<Double> s = new TreeSet<>(List.of(0.0, len));
      int n = Math.max(1, (int) Math.ceil(len / LIXEL_M - 1e-9));
      List<Double> mids = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        mids.add((k + 0.5) * len / n);
      }
      s.addAll(mids);
      stops.add(s);
      middles.add(mids);
    }
    int[] eventEdge = new int[events.size()];
    double[] eventAlong = new double[events.size()];
    boolean[] snapped = new boolean[events.size()];
    for (int i = 0; i < events.size(); i++) {
      double best = Double.POSITIVE_INFINITY;
      for (int e = 0; e < edgeGeometry.size(); e++) {
        double[] line = edgeGeometry.get(e);
        double walked = 0;
        for (int v = 0; v + 3 < line.length; v += 2) {
          double sx = line[v + 2] - line[v];
          double sy = line[v + 3] - line[v + 1];
          double seg = Math.hypot(sx, sy);
          double t =
              Math.max(
                  0,
                  Math.min(
                      1,
                      ((events.x(i) - line[v]) * sx + (events.y(i) - line[v + 1]) * sy)
                          / (seg * seg)));
          double dist =
              Math.hypot(events.x(i) - line[v] - t * sx, events.y(i) - line[v + 1] - t * sy);
          if (dist < best) {
            best = dist;
            eventEdge[i] = e;
            eventAlong[i] = walked + t * seg;
          }
          walked += seg;
        }
      }
      snapped[i] = best <= MAX_SNAP_M;
      if (snapped[i]) {
        stops.get(eventEdge[i]).add(eventAlong[i]);
      }
    }
    // Node ids: the 7 street nodes first, then every interior stop of every edge.
    int[][] ends = {{0, 1}, {1, 2}, {2, 3}, {3, 0}, {0, 2}, {1, 4}, {5, 6}};
    List<double[]> stopIds = new ArrayList<>(); // {edge, along, id}
    int next = 7;
    List<int[]> links = new ArrayList<>();
    List<Double> linkLength = new ArrayList<>();
    for (int e = 0; e < stops.size(); e++) {
      Double[] s = stops.get(e).toArray(Double[]::new);
      int prev = ends[e][0];
      for (int k = 1; k < s.length; k++) {
        int id = k == s.length - 1 ? ends[e][1] : next++;
        stopIds.add(new double[] {e, s[k], id});
        links.add(new int[] {prev, id});
        linkLength.add(s[k] - s[k - 1]);
        prev = id;
      }
      stopIds.add(new double[] {e, 0, ends[e][0]});
    }
    double[][] d = new double[next][next];
    for (double[] row : d) {
      Arrays.fill(row, Double.POSITIVE_INFINITY);
    }
    for (int i = 0; i < next; i++) {
      d[i][i] = 0;
    }
    for (int l = 0; l < links.size(); l++) {
      int u = links.get(l)[0];
      int v = links.get(l)[1];
      d[u][v] = Math.min(d[u][v], linkLength.get(l));
      d[v][u] = d[u][v];
    }
    for (int k = 0; k < next; k++) {
      for (int i = 0; i < next; i++) {
        for (int j = 0; j < next; j++) {
          if (d[i][k] + d[k][j] < d[i][j]) {
            d[i][j] = d[i][k] + d[k][j];
          }
        }
      }
    }
    int lixel = 0;
    double maxSeen = 0;
    for (int e = 0; e < middles.size(); e++) {
      for (double mid : middles.get(e)) {
        int s = idOf(stopIds, e, mid);
        double expected = 0;
        for (int i = 0; i < events.size(); i++) {
          if (!snapped[i]) {
            continue;
          }
          double dist = d[idOf(stopIds, eventEdge[i], eventAlong[i])][s];
          if (dist < BANDWIDTH_M) {
            double u = dist / BANDWIDTH_M;
            expected += events.weight(i) * 15 / 16 * (1 - u * u) * (1 - u * u) / BANDWIDTH_M;
          }
        }
        assertThat(got.edge(lixel)).isEqualTo(e);
        assertThat(got.density(lixel))
            .as("lixel %d on edge %d at %.2f m", lixel, e, mid)
            .isCloseTo(expected, org.assertj.core.data.Offset.offset(TOLERANCE_PER_METER));
        maxSeen = Math.max(maxSeen, expected);
        lixel++;
      }
    }
    assertThat(got.size()).isEqualTo(lixel);
    assertThat(maxSeen).isGreaterThan(0.005);
    assertThat(got.eventsSnapped()).isEqualTo(6);
    assertThat(got.eventsBeyondSnap()).isEqualTo(1);
  }

  @Test
  void aLoneEventMidwayAlongALongStreetSpreadsItsWeightOverTheStreet() {
    LineNetwork.Builder b = LineNetwork.builder();
    int a = b.addNode(new XY(0, 0));
    int z = b.addNode(new XY(1000, 0));
    b.addEdge(a, z, List.of(new XY(0, 0), new XY(1000, 0)));
    PointSet one = PointSet.of(new double[] {500}, new double[] {10}, new double[] {3});
    StreetDensity s = NetworkKde.estimate(b.build(), one, 100, 1, 50);
    double mass = 0;
    for (int i = 0; i < s.size(); i++) {
      mass += s.density(i) * s.lengthMeters(i);
    }
    // ∫ K(d/h)/h over both sides is 1 for the quartic kernel; midpoint sums of 1 m lixels.
    assertThat(mass).isCloseTo(3, org.assertj.core.data.Offset.offset(1e-3));
    assertThat(s.size()).isEqualTo(1000);
  }

  @Test
  void eventsAtEqualDistancesAlongSymmetricStreetsGiveMirroredDensities() {
    LineNetwork net = squareWithDiagonal();
    // One event at A: the lixels of A–B and D–A mirror each other (both 100 m, 4 lixels).
    PointSet atA = PointSet.of(new double[] {0}, new double[] {0}, new double[] {1});
    StreetDensity s = NetworkKde.estimate(net, atA, BANDWIDTH_M, LIXEL_M, MAX_SNAP_M);
    for (int k = 0; k < 4; k++) {
      assertThat(s.density(k))
          .isCloseTo(s.density(16 - k), org.assertj.core.data.Offset.offset(1e-15));
    }
  }

  @Test
  void rejectsANonPositiveBandwidthAndTooShortLixels() {
    LineNetwork net = squareWithDiagonal();
    assertThatThrownBy(() -> NetworkKde.estimate(net, events(), 0, LIXEL_M, MAX_SNAP_M))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("bandwidth");
    assertThatThrownBy(() -> NetworkKde.estimate(net, events(), BANDWIDTH_M, 0.5, MAX_SNAP_M))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("lixel");
  }

  private static int idOf(List<double[]> stopIds, int edge, double along) {
    for (double[] s : stopIds) {
      if (s[0] == edge && s[1] == along) {
        return (int) s[2];
      }
    }
    throw new AssertionError("no stop at " + along + " on edge " + edge);
  }

  private static List<double[]> geometry() {
    return List.of(
        new double[] {0, 0, 100, 0},
        new double[] {100, 0, 130, 50, 100, 100},
        new double[] {100, 100, 0, 100},
        new double[] {0, 100, 0, 0},
        new double[] {0, 0, 100, 100},
        new double[] {100, 0, 200, 0},
        new double[] {500, 0, 600, 0});
  }

  private static double length(double[] line) {
    double len = 0;
    for (int v = 0; v + 3 < line.length; v += 2) {
      len += Math.hypot(line[v + 2] - line[v], line[v + 3] - line[v + 1]);
    }
    return len;
  }
}
