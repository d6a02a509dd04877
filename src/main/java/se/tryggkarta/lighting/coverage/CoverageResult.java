package se.tryggkarta.lighting.coverage;

import java.util.List;
import java.util.Map;

/**
 * The coverage of a whole network.
 *
 * @param segments one entry per street segment, in input order
 * @param repairGainMeters for each broken lamp: the dark length (metres) inside its radius that no
 *     working lamp reaches, i.e. what repairing it alone would light. Overlapping broken lamps each
 *     get the shared part.
 */
public record CoverageResult(
    List<SegmentCoverage> segments, CoverageSummary summary, Map<String, Double> repairGainMeters) {
  public CoverageResult {
    segments = List.copyOf(segments);
    repairGainMeters = Map.copyOf(repairGainMeters);
  }

  /** Every listed dark stretch, segment by segment. */
  public List<DarkStretch> darkStretches() {
    return segments.stream().flatMap(s -> s.stretches().stream()).toList();
  }
}
