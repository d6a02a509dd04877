package se.tryggkarta.hotspot;

import java.util.List;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.Crs;
import se.tryggkarta.hotspot.sites.PatrolSite;

/**
 * Ranked patrol sites. Members get the circles; the public gets, per site, only the minimum-size
 * square cell holding its centre, and only when that cell holds at least k events.
 *
 * @param model the forecast model that produced the ranking ({@code naive}, {@code kde-150}, {@code
 *     blend-150-50}, {@code etas-100}, ...)
 * @param validated true when the model was chosen by rolling-origin validation on the selection's
 *     own history (the default), false when it was asked for or could not be validated
 */
public record SitesResult(
    Crs crs,
    List<PatrolSite> sites,
    List<PublicCell> publicCells,
    Audience audience,
    String model,
    boolean validated) {
  public SitesResult {
    sites = List.copyOf(sites);
    publicCells = List.copyOf(publicCells);
  }

  /** Sites of an unnamed, unvalidated model. */
  public SitesResult(
      Crs crs, List<PatrolSite> sites, List<PublicCell> publicCells, Audience audience) {
    this(crs, sites, publicCells, audience, "unspecified", false);
  }

  /** A site as the public sees it: its rank, score and the aggregated cell (projected metres). */
  public record PublicCell(int rank, double score, int events, Bbox cellXY) {}
}
