package se.tryggkarta;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.LineString;
import se.tryggkarta.lighting.LightingService;
import se.tryggkarta.lighting.coverage.CoverageResult;
import se.tryggkarta.lighting.coverage.CoverageSummary;
import se.tryggkarta.lighting.coverage.LitInterval;
import se.tryggkarta.lighting.coverage.LitSource;
import se.tryggkarta.lighting.coverage.SegmentCoverage;
import se.tryggkarta.route.NetworkLighting;
import se.tryggkarta.route.graph.SegmentLight;

/**
 * The adapter that gives the street graph the lighting feature's lit intervals through the port the
 * route feature declares ({@link NetworkLighting}). It lives beside {@link Wiring} because only the
 * composition root may know two features at once. Thread-safe.
 */
final class LightingPorts {
  private LightingPorts() {}

  /**
   * Each street segment's lit intervals, exactly as the lighting map computes them with its default
   * settings ({@link LightingService#litStreets}), in the vertex units {@link SegmentLight} asks
   * for. A segment's dark rest is known dark when lamps reach it or a tag says so, and also when
   * the workspace has a lamp inventory at all: then a street no lamp reaches is dark for want of a
   * lamp, as the lighting map counts it ("missing"), not for want of data.
   */
  static NetworkLighting network(LightingService lighting) {
    return workspaceId -> {
      CoverageResult r = lighting.litStreets(workspaceId);
      CoverageSummary summary = r.summary();
      boolean inventory = summary.workingLamps() + summary.brokenLamps() > 0;
      Map<String, SegmentLight> segments = new HashMap<>();
      for (SegmentCoverage s : r.segments()) {
        double[] along = alongMeters(s.street().lineMeters());
        List<SegmentLight.Span> spans = new ArrayList<>(s.litIntervals().size());
        for (LitInterval i : s.litIntervals()) {
          if (i.toMeters() > i.fromMeters()) {
            spans.add(
                new SegmentLight.Span(
                    vertexUnits(along, i.fromMeters()), vertexUnits(along, i.toMeters())));
          }
        }
        boolean known = s.source() != LitSource.NONE || inventory;
        segments.put(s.street().id(), new SegmentLight(spans, known));
      }
      return new NetworkLighting.StreetLighting(segments, summary.workingLamps());
    };
  }

  /** Distance of each vertex from the first along the line, in the line's metres. */
  private static double[] alongMeters(LineString line) {
    double[] along = new double[line.getNumPoints()];
    for (int i = 1; i < along.length; i++) {
      along[i] = along[i - 1] + line.getCoordinateN(i - 1).distance(line.getCoordinateN(i));
    }
    return along;
  }

  /**
   * The position {@code d} metres along the line in vertex units: {@code i + t} for the point a
   * fraction t of the way along piece i. Zero-length pieces are stepped over.
   */
  static double vertexUnits(double[] along, double d) {
    int last = along.length - 1;
    if (d >= along[last]) {
      return last;
    }
    int i = 0;
    while (i + 1 < last && along[i + 1] <= d) {
      i++;
    }
    double piece = along[i + 1] - along[i];
    return piece > 0 ? i + Math.max(0, Math.min(1, (d - along[i]) / piece)) : i;
  }
}
