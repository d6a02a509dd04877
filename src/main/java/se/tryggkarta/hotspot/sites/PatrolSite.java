package se.tryggkarta.hotspot.sites;

import java.util.Objects;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.XY;

/**
 * One ranked patrol site: a circle in the workspace's CRS.
 *
 * @param rank 1 for the best site
 * @param id a stable id derived from the centre (whole metres), the same on every re-run over the
 *     same data and parameters
 * @param centre the circle's centre, projected metres
 * @param radiusMeters the circle's radius
 * @param score the density mass in the circle: the expected (weighted) number of events there
 * @param eventsCovered how many events (unweighted) lie within the radius
 */
public record PatrolSite(
    int rank, String id, XY centre, double radiusMeters, double score, int eventsCovered) {
  public PatrolSite {
    if (rank < 1) {
      throw DomainException.invalid("rank", "rank must be ≥ 1, was " + rank);
    }
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(centre, "centre");
    if (!(radiusMeters > 0)) {
      throw DomainException.invalid("radius", "radius must be > 0 m, was " + radiusMeters);
    }
  }

  /** π r², square metres. */
  public double areaM2() {
    return Math.PI * radiusMeters * radiusMeters;
  }
}
