package se.tryggkarta.lighting;

import java.util.List;
import java.util.Map;
import se.tryggkarta.lighting.coverage.CoverageSummary;
import se.tryggkarta.lighting.priority.Priority;
import se.tryggkarta.workspace.Workspace;

/**
 * A ranked list of lighting work for one workspace; geometry in the workspace's CRS.
 *
 * @param priorities every candidate, best first (callers cut to n)
 * @param nightIncidents how many incidents fell in the night window and time range
 * @param openActions the items that already have an open action: item id → action id
 */
public record PriorityList(
    Workspace workspace,
    LightingRequest request,
    CoverageSummary coverage,
    List<Priority> priorities,
    int nightIncidents,
    Map<String, String> openActions) {
  public PriorityList {
    priorities = List.copyOf(priorities);
    openActions = Map.copyOf(openActions);
  }
}
