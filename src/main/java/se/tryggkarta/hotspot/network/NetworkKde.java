package se.tryggkarta.hotspot.network;

import java.util.Arrays;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.hotspot.grid.PointSet;

/**
 * Network kernel density estimation, the "simple" method of spNetwork's {@code nkde(method =
 * "simple")} (Gelb 2021, "spNetwork: A Package for Network Kernel Density Estimation", The R
 * Journal 13(2); Xie &amp; Yan 2008, "Kernel density estimation of traffic accidents in a network
 * space", Computers, Environment and Urban Systems 32): events are snapped to their nearest point
 * on the network, the network is cut into lixels (Xie &amp; Yan's linear pixels), and the density
 * at a lixel's middle s is
 *
 * <pre>  λ(s) = Σ_i w_i · K(d_i(s) / h) / h,   K(u) = 15/16 · (1 − u²)²  for u &lt; 1, else 0</pre>
 *
 * where d_i(s) is the shortest-path distance along the network from event i's snapped point to s, h
 * the bandwidth and w_i the event's weight: the sum of spNetwork's {@code quartic_kernel(d, bw)},
 * which already divides by the bandwidth, i.e. its {@code sum_k}. The unit is events per metre of
 * street. The simple method does not split an event's mass at intersections, so, as spNetwork
 * warns, it is not a true density (its mass over the network exceeds Σ w_i where streets meet
 * within h); it is the one that ranks street segments as the literature on hot streets does
 * (Weisburd 2015, "The law of crime concentration and the criminology of place", Criminology 53).
 *
 * <p>Lixels: each edge is cut into the fewest equal parts no longer than the lixel length (where
 * spNetwork's {@code lixelize_lines} leaves one shorter remainder), so every edge has at least one
 * lixel. Distances come from one Dijkstra per event, stopped at h, from the two ends of the event's
 * edge; on the event's own edge the direct distance along it also counts. Events further than
 * {@code maxSnapMeters} from every street are left out and counted. Stateless and thread-safe.
 */
public final class NetworkKde {
  public static final double MAX_BANDWIDTH_METERS = 5000;
  public static final double MIN_LIXEL_METERS = 1;
  public static final double MAX_LIXEL_METERS = 1000;

  /** The most lixels one estimate may have (about 30 MB of results). */
  public static final int MAX_LIXELS = 2_000_000;

  private NetworkKde() {}

  /**
   * The density on every lixel of the network.
   *
   * @param events weighted points in the network's CRS, metres
   * @param bandwidthMeters h, 0 &lt; h ≤ {@value #MAX_BANDWIDTH_METERS}
   * @param lixelMeters the longest lixel, {@value #MIN_LIXEL_METERS}..{@value #MAX_LIXEL_METERS}
   * @param maxSnapMeters events further from the network than this are left out
   */
  public static StreetDensity estimate(
      LineNetwork network,
      PointSet events,
      double bandwidthMeters,
      double lixelMeters,
      double maxSnapMeters) {
    if (!(bandwidthMeters > 0) || bandwidthMeters > MAX_BANDWIDTH_METERS) {
      throw DomainException.invalid(
          "bandwidth",
          "bandwidth must be > 0 and ≤ " + MAX_BANDWIDTH_METERS + " m, was " + bandwidthMeters);
    }
    if (!(lixelMeters >= MIN_LIXEL_METERS) || lixelMeters > MAX_LIXEL_METERS) {
      throw DomainException.invalid(
          "lixel",
          "lixel must be " + MIN_LIXEL_METERS + ".." + MAX_LIXEL_METERS + " m, was " + lixelMeters);
    }
    int m = network.edgeCount();
    int[] firstLixel = new int[m + 1];
    long total = 0;
    for (int e = 0; e < m; e++) {
      firstLixel[e] = (int) total;
      total += lixelsOn(network.lengthMeters(e), lixelMeters);
      if (total > MAX_LIXELS) {
        throw DomainException.invalid(
            "lixel",
            "a lixel of "
                + lixelMeters
                + " m cuts the network into more than "
                + MAX_LIXELS
                + " lixels; use a longer one");
      }
    }
    firstLixel[m] = (int) total;
    double[] density = new double[(int) total];
    int beyond = 0;
    if (m > 0 && !events.isEmpty()) {
      Search search = new Search(network, bandwidthMeters);
      for (int i = 0; i < events.size(); i++) {
        NetworkPosition at = network.snap(events.x(i), events.y(i));
        if (at.offsetMeters() > maxSnapMeters) {
          beyond++;
          continue;
        }
        search.spread(at, events.weight(i), i, firstLixel, density);
      }
    }
    return new StreetDensity(
        network, firstLixel, density, bandwidthMeters, lixelMeters, events.size() - beyond, beyond);
  }

  /** How many lixels an edge of this length gets: the fewest parts no longer than the lixel. */
  static int lixelsOn(double lengthMeters, double lixelMeters) {
    return Math.max(1, (int) Math.ceil(lengthMeters / lixelMeters - 1e-9));
  }

  /** The quartic kernel of spNetwork, K(d/h)/h, per metre; 0 from d = h on. */
  static double quartic(double distanceMeters, double bandwidthMeters) {
    double u = distanceMeters / bandwidthMeters;
    if (u >= 1) {
      return 0;
    }
    double v = 1 - u * u;
    return 15.0 / 16.0 * v * v / bandwidthMeters;
  }

  /**
   * One event's bounded Dijkstra over reusable arrays (one search per estimate, not per event; not
   * thread-safe, and never shared).
   */
  private static final class Search {
    private final LineNetwork net;
    private final double h;
    private final double[] dist;
    private final boolean[] settled;
    private final int[] edgeStamp;
    private int[] touched = new int[64];
    private int touchedCount;
    private double[] heapKey = new double[64];
    private int[] heapNode = new int[64];
    private int heapSize;

    Search(LineNetwork net, double bandwidthMeters) {
      this.net = net;
      this.h = bandwidthMeters;
      this.dist = new double[net.nodeCount()];
      this.settled = new boolean[net.nodeCount()];
      this.edgeStamp = new int[net.edgeCount()];
      Arrays.fill(dist, Double.POSITIVE_INFINITY);
      Arrays.fill(edgeStamp, -1);
    }

    void spread(NetworkPosition at, double weight, int stamp, int[] firstLixel, double[] density) {
      int e = at.edge();
      double len = net.lengthMeters(e);
      offer(net.from(e), at.alongMeters());
      offer(net.to(e), len - at.alongMeters());
      while (heapSize > 0) {
        double d = heapKey[0];
        int u = heapNode[0];
        pop();
        if (settled[u] || d > dist[u]) {
          continue;
        }
        settled[u] = true;
        for (int k = 0; k < net.degree(u); k++) {
          int f = net.edgeAt(u, k);
          int v = net.from(f) == u ? net.to(f) : net.from(f);
          offer(v, d + net.lengthMeters(f));
        }
      }
      addEdge(e, at, weight, firstLixel, density);
      edgeStamp[e] = stamp;
      for (int t = 0; t < touchedCount; t++) {
        int u = touched[t];
        if (!settled[u]) {
          continue;
        }
        for (int k = 0; k < net.degree(u); k++) {
          int f = net.edgeAt(u, k);
          if (edgeStamp[f] != stamp) {
            edgeStamp[f] = stamp;
            addEdge(f, at, weight, firstLixel, density);
          }
        }
      }
      for (int t = 0; t < touchedCount; t++) {
        dist[touched[t]] = Double.POSITIVE_INFINITY;
        settled[touched[t]] = false;
      }
      touchedCount = 0;
    }

    /** Adds the event's kernel to the lixels of edge f, by the nearer of its ends (or directly). */
    private void addEdge(
        int f, NetworkPosition at, double weight, int[] firstLixel, double[] density) {
      double len = net.lengthMeters(f);
      double da = settled[net.from(f)] ? dist[net.from(f)] : Double.POSITIVE_INFINITY;
      double db = settled[net.to(f)] ? dist[net.to(f)] : Double.POSITIVE_INFINITY;
      boolean own = f == at.edge();
      int n = firstLixel[f + 1] - firstLixel[f];
      for (int k = 0; k < n; k++) {
        double p = (k + 0.5) * len / n;
        double d = Math.min(da + p, db + (len - p));
        if (own) {
          d = Math.min(d, Math.abs(p - at.alongMeters()));
        }
        if (d < h) {
          density[firstLixel[f] + k] += weight * quartic(d, h);
        }
      }
    }

    /** A tentative distance to node v, kept when shorter than h and than the one it has. */
    private void offer(int v, double d) {
      if (!(d < h) || !(d < dist[v])) {
        return;
      }
      if (dist[v] == Double.POSITIVE_INFINITY) {
        if (touchedCount == touched.length) {
          touched = Arrays.copyOf(touched, touchedCount * 2);
        }
        touched[touchedCount++] = v;
      }
      dist[v] = d;
      push(d, v);
    }

    private void push(double key, int node) {
      if (heapSize == heapKey.length) {
        heapKey = Arrays.copyOf(heapKey, heapSize * 2);
        heapNode = Arrays.copyOf(heapNode, heapSize * 2);
      }
      int i = heapSize++;
      while (i > 0) {
        int parent = (i - 1) / 2;
        if (heapKey[parent] <= key) {
          break;
        }
        heapKey[i] = heapKey[parent];
        heapNode[i] = heapNode[parent];
        i = parent;
      }
      heapKey[i] = key;
      heapNode[i] = node;
    }

    private void pop() {
      double key = heapKey[--heapSize];
      int node = heapNode[heapSize];
      int i = 0;
      while (true) {
        int child = 2 * i + 1;
        if (child >= heapSize) {
          break;
        }
        if (child + 1 < heapSize && heapKey[child + 1] < heapKey[child]) {
          child++;
        }
        if (heapKey[child] >= key) {
          break;
        }
        heapKey[i] = heapKey[child];
        heapNode[i] = heapNode[child];
        i = child;
      }
      heapKey[i] = key;
      heapNode[i] = node;
    }
  }
}
