package se.tryggkarta.hotspot;

import java.util.List;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.Crs;
import se.tryggkarta.hotspot.sites.PatrolSite;

/**
 * Ranked patrol sites. Members get the circles; the public gets, per site, only the minimum-size
 * square cell holding its centre, and only when that cell holds at least k events.
 */
public record SitesResult(
    Crs crs, List<PatrolSite> sites, List<PublicCell> publicCells, Audience audience) {
  public SitesResult {
    sites = List.copyOf(sites);
    publicCells = List.copyOf(publicCells);
  }

  /** A site as the public sees it: its rank, score and the aggregated cell (projected metres). */
  public record PublicCell(int rank, double score, int events, Bbox cellXY) {}
}
