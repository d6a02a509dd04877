package se.tryggkarta;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
   * settings ({@link LightingService#litStreets}), as fractions of the segment's length. A
   * segment's dark rest is known dark when lamps reach it or a tag says so, and also when the
   * workspace has a lamp inventory at all: then a street no lamp reaches is dark for want of a
   * lamp, as the lighting map counts it ("missing"), not for want of data.
   */
  static NetworkLighting network(LightingService lighting) {
    return workspaceId -> {
      CoverageResult r = lighting.litStreets(workspaceId);
      CoverageSummary summary = r.summary();
      boolean inventory = summary.workingLamps() + summary.brokenLamps() > 0;
      Map<String, SegmentLight> segments = new HashMap<>();
      for (SegmentCoverage s : r.segments()) {
        double length = s.lengthMeters();
        List<SegmentLight.Span> spans = new ArrayList<>(s.litIntervals().size());
        for (LitInterval i : s.litIntervals()) {
          if (length > 0) {
            spans.add(new SegmentLight.Span(i.fromMeters() / length, i.toMeters() / length));
          }
        }
        boolean known = s.source() != LitSource.NONE || inventory;
        segments.put(s.street().id(), new SegmentLight(spans, known));
      }
      return new NetworkLighting.StreetLighting(segments, summary.workingLamps());
    };
  }
}
