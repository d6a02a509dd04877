package se.tryggkarta.route.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import se.tryggkarta.layer.Lit;
import se.tryggkarta.layer.StreetSegment;

/** Street lines for graph tests, in WGS84 near 58°N (Stenungsund). */
final class Graphs {
  static final GeometryFactory WGS84 = new GeometryFactory();
  static final double LON0 = 11.8;
  static final double LAT0 = 58.07;

  /** Degrees of latitude per metre (on the mean sphere). */
  static final double DEG_PER_M = 1 / (Math.toRadians(1) * LocalProjection.EARTH_RADIUS_M);

  private Graphs() {}

  static StreetSegment line(String id, Lit lit, double[]... lonLats) {
    Coordinate[] c = new Coordinate[lonLats.length];
    for (int i = 0; i < lonLats.length; i++) {
      c[i] = new Coordinate(lonLats[i][0], lonLats[i][1]);
    }
    return new StreetSegment(
        id, WGS84.createLineString(c), "residential", lit, Optional.empty(), Map.of());
  }

  /** A street line with extra OSM tags (tunnel, layer, ...). */
  static StreetSegment tagged(String id, Map<String, Object> tags, double[]... lonLats) {
    StreetSegment s = line(id, Lit.UNKNOWN, lonLats);
    return new StreetSegment(id, s.geometryWgs84(), "service", Lit.UNKNOWN, Optional.empty(), tags);
  }

  /**
   * The lighting the lighting feature gives streets no lamp reaches: a {@code lit=yes} line lit end
   * to end, a {@code lit=no} line known dark, an untagged one unknown.
   */
  static Map<String, SegmentLight> tagLighting(List<StreetSegment> streets) {
    Map<String, SegmentLight> out = new HashMap<>();
    for (StreetSegment s : streets) {
      out.put(
          s.externalId(),
          switch (s.lit()) {
            case YES ->
                new SegmentLight(
                    List.of(new SegmentLight.Span(0, s.geometryWgs84().getNumPoints() - 1)), true);
            case NO -> new SegmentLight(List.of(), true);
            case UNKNOWN -> SegmentLight.UNKNOWN;
          });
    }
    return out;
  }

  /** A graph lit by the lines' tags alone ({@link #tagLighting}), without incidents. */
  static StreetGraph tagLit(List<StreetSegment> streets) {
    return StreetGraph.build(streets, tagLighting(streets), List.of());
  }

  /** A point {@code eastM} metres east and {@code northM} north of (LON0, LAT0), approximately. */
  static double[] at(double eastM, double northM) {
    return new double[] {
      LON0 + eastM * DEG_PER_M / Math.cos(Math.toRadians(LAT0)), LAT0 + northM * DEG_PER_M
    };
  }

  /**
   * A random planar-ish street net: a jittered w×h grid of junctions 100 m apart, each grid link
   * kept with probability {@code keep}, some with a middle vertex; lit at random.
   */
  static List<StreetSegment> randomGrid(Random r, int w, int h, double keep) {
    double[][][] p = new double[w][h][];
    for (int i = 0; i < w; i++) {
      for (int j = 0; j < h; j++) {
        p[i][j] = at(i * 100 + r.nextDouble() * 30, j * 100 + r.nextDouble() * 30);
      }
    }
    List<StreetSegment> out = new ArrayList<>();
    int id = 0;
    for (int i = 0; i < w; i++) {
      for (int j = 0; j < h; j++) {
        for (int[] d : new int[][] {{1, 0}, {0, 1}}) {
          int a = i + d[0];
          int b = j + d[1];
          if (a >= w || b >= h || r.nextDouble() > keep) {
            continue;
          }
          Lit lit = Lit.values()[r.nextInt(3)];
          if (r.nextBoolean()) {
            double[] mid = {
              (p[i][j][0] + p[a][b][0]) / 2 + (r.nextDouble() - 0.5) * 2e-4,
              (p[i][j][1] + p[a][b][1]) / 2 + (r.nextDouble() - 0.5) * 1e-4
            };
            out.add(line("s" + id++, lit, p[i][j], mid, p[a][b]));
          } else {
            out.add(line("s" + id++, lit, p[i][j], p[a][b]));
          }
        }
      }
    }
    return out;
  }
}
