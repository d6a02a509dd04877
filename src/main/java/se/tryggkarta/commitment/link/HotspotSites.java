package se.tryggkarta.commitment.link;

import java.util.List;
import java.util.Set;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.workspace.Workspace;

/**
 * The port to the hotspot engine: the top-N ranked sites of a workspace in a period. The default
 * implementation is {@link IncidentGridSites}; the hotspot feature may supply its own. Sites must
 * never be finer than the workspace's {@code privacy().minCellMeters()}. Implementations are
 * thread-safe.
 */
public interface HotspotSites {
  /**
   * The strongest sites first (rank 1, 2, …), at most {@code n}; empty when the period holds no
   * incidents.
   *
   * @param categories incident categories to count (lower case); empty means all
   */
  List<HotspotSite> topSites(Workspace workspace, TimeRange period, Set<String> categories, int n);
}
