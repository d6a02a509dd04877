package se.tryggkarta.route;

import java.util.Map;
import se.tryggkarta.route.graph.SegmentLight;

/**
 * The port through which the street graph learns which parts of each street are lit. The lighting
 * feature owns the one lit model (exact lit intervals under the lamps' footprints, lamps beating
 * {@code lit} tags); the composition root adapts it to this port, so the safe route's lit share,
 * the walk planner's dark stretches and the lighting map agree to the metre. Implementations are
 * thread-safe.
 */
@FunctionalInterface
public interface NetworkLighting {
  /** The workspace's street lighting as of its current data. */
  StreetLighting lighting(String workspaceId);

  /**
   * The lighting of a workspace's streets.
   *
   * @param segments by street segment external id; a segment missing here is {@link
   *     SegmentLight#UNKNOWN}
   * @param workingLamps the working lamps it rests on
   */
  record StreetLighting(Map<String, SegmentLight> segments, int workingLamps) {
    public StreetLighting {
      segments = Map.copyOf(segments);
      if (workingLamps < 0) {
        throw new IllegalArgumentException("workingLamps must be ≥ 0, was " + workingLamps);
      }
    }
  }
}
