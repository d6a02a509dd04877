package se.tryggkarta.commitment.link;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import se.tryggkarta.common.DomainException;

/**
 * One ranked hotspot site, as the hotspot engine proposes it for patrols.
 *
 * @param rank 1 for the strongest site
 * @param id a stable id for the site within one ranking
 * @param areaWgs84 its area in WGS84 (a polygon; a point is accepted)
 * @param eventCount how many incidents support it in the period asked for
 */
public record HotspotSite(int rank, String id, Geometry areaWgs84, long eventCount) {
  public HotspotSite {
    if (rank < 1) {
      throw DomainException.invalid("rank", "rank must be >= 1, was " + rank);
    }
    Objects.requireNonNull(id, "id");
    if (areaWgs84 == null || areaWgs84.isEmpty()) {
      throw DomainException.invalid("area", "a hotspot site needs an area");
    }
    if (eventCount < 0) {
      throw DomainException.invalid("eventCount", "eventCount must be >= 0, was " + eventCount);
    }
  }
}
