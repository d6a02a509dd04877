package se.tryggkarta.lighting;

import java.util.List;
import se.tryggkarta.lighting.coverage.CoverageSummary;

/**
 * Before/after figures of a planned change.
 *
 * @param workspaceBefore coverage of the whole network today
 * @param workspaceAfter coverage with the change
 * @param areaBefore coverage of the segments within {@link LightingService#WHAT_IF_AREA_METERS} of
 *     a changed lamp, today
 * @param areaAfter the same segments with the change
 * @param areaScoreBefore the summed priority score of the candidates in that area today
 * @param areaScoreAfter the same after the change (lower: less benefit left to gain)
 * @param resolvedPriorityIds priorities in the area that the change removes
 */
public record WhatIfResult(
    CoverageSummary workspaceBefore,
    CoverageSummary workspaceAfter,
    CoverageSummary areaBefore,
    CoverageSummary areaAfter,
    double areaScoreBefore,
    double areaScoreAfter,
    List<String> resolvedPriorityIds) {
  public WhatIfResult {
    resolvedPriorityIds = List.copyOf(resolvedPriorityIds);
  }
}
