package se.tryggkarta.lighting;

import java.util.List;
import se.tryggkarta.lighting.coverage.CoverageSummary;
import se.tryggkarta.lighting.priority.Priority;
import se.tryggkarta.workspace.Workspace;

/**
 * A ranked list of lighting work for one workspace; geometry in the workspace's CRS.
 *
 * @param priorities every candidate, best first (callers cut to n)
 * @param nightIncidents how many incidents fell in the night window and time range
 */
public record PriorityList(
    Workspace workspace,
    LightingRequest request,
    CoverageSummary coverage,
    List<Priority> priorities,
    int nightIncidents) {
  public PriorityList {
    priorities = List.copyOf(priorities);
  }
}
