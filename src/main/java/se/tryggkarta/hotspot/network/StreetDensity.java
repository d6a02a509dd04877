package se.tryggkarta.hotspot.network;

import java.util.Arrays;
import java.util.List;
import se.tryggkarta.common.XY;

/**
 * A network kernel density on lixels ({@link NetworkKde}): lixel {@code i} lies on one edge between
 * two positions along it and holds the density at its middle, in events per metre of street. Lixels
 * are numbered edge by edge, from each edge's {@code from} node. Immutable (the arrays are never
 * handed out); thread-safe.
 */
public final class StreetDensity {
  private final LineNetwork network;
  private final int[] firstLixel;
  private final double[] density;
  private final double bandwidthMeters;
  private final double lixelMeters;
  private final int eventsSnapped;
  private final int eventsBeyondSnap;

  StreetDensity(
      LineNetwork network,
      int[] firstLixel,
      double[] density,
      double bandwidthMeters,
      double lixelMeters,
      int eventsSnapped,
      int eventsBeyondSnap) {
    this.network = network;
    this.firstLixel = firstLixel;
    this.density = density;
    this.bandwidthMeters = bandwidthMeters;
    this.lixelMeters = lixelMeters;
    this.eventsSnapped = eventsSnapped;
    this.eventsBeyondSnap = eventsBeyondSnap;
  }

  /** How many lixels. */
  public int size() {
    return density.length;
  }

  /** The edge lixel {@code i} lies on. */
  public int edge(int i) {
    int k = Arrays.binarySearch(firstLixel, i);
    if (k >= 0) {
      // Every edge has at least one lixel, so firstLixel rises strictly.
      return k;
    }
    return -k - 2;
  }

  /** Where lixel {@code i} starts, metres along its edge from the edge's {@code from} node. */
  public double fromMeters(int i) {
    int e = edge(i);
    int n = firstLixel[e + 1] - firstLixel[e];
    return (i - firstLixel[e]) * network.lengthMeters(e) / n;
  }

  /** Where lixel {@code i} ends, metres along its edge. */
  public double toMeters(int i) {
    int e = edge(i);
    int n = firstLixel[e + 1] - firstLixel[e];
    return (i - firstLixel[e] + 1) * network.lengthMeters(e) / n;
  }

  /** The lixel's length, metres. */
  public double lengthMeters(int i) {
    return toMeters(i) - fromMeters(i);
  }

  /** The lixel's line in the network's CRS (at least two points). */
  public List<XY> line(int i) {
    return network.slice(edge(i), fromMeters(i), toMeters(i));
  }

  /** λ at the lixel's middle, events per metre of street (see {@link NetworkKde}). */
  public double density(int i) {
    return density[i];
  }

  /** The highest λ, events per metre; 0 without events. */
  public double max() {
    double m = 0;
    for (double d : density) {
      m = Math.max(m, d);
    }
    return m;
  }

  public double bandwidthMeters() {
    return bandwidthMeters;
  }

  /** The longest lixel asked for, metres (lixels are that long or shorter). */
  public double lixelMeters() {
    return lixelMeters;
  }

  /** Events snapped to the network and counted. */
  public int eventsSnapped() {
    return eventsSnapped;
  }

  /** Events left out for lying further from every street than the snapping limit. */
  public int eventsBeyondSnap() {
    return eventsBeyondSnap;
  }
}
