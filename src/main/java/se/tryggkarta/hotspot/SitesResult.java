package se.tryggkarta.hotspot;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.Crs;
import se.tryggkarta.hotspot.sites.PatrolSite;
import se.tryggkarta.hotspot.sites.SiteProfile;

/**
 * Ranked patrol sites. Members get the circles; the public gets, per site, only the minimum-size
 * square cell holding its centre, and only when that cell holds at least k events.
 *
 * @param model the forecast model that produced the ranking ({@code naive}, {@code kde-150}, {@code
 *     blend-150-50}, {@code etas-100}, ...)
 * @param validated true when the model was chosen by rolling-origin validation on the selection's
 *     own history (the default), false when it was asked for or could not be validated
 * @param profiles members' site profiles (hours, categories, previous period) by site id; empty for
 *     the public, whose cells never carry one, and for layers without times
 */
public record SitesResult(
    Crs crs,
    List<PatrolSite> sites,
    List<PublicCell> publicCells,
    Audience audience,
    String model,
    boolean validated,
    Map<String, SiteProfile> profiles) {
  public SitesResult {
    sites = List.copyOf(sites);
    publicCells = List.copyOf(publicCells);
    profiles = Map.copyOf(profiles);
    if (audience == Audience.PUBLIC && !profiles.isEmpty()) {
      throw new IllegalArgumentException("public sites never carry profiles");
    }
  }

  /** Sites of a named model without profiles. */
  public SitesResult(
      Crs crs,
      List<PatrolSite> sites,
      List<PublicCell> publicCells,
      Audience audience,
      String model,
      boolean validated) {
    this(crs, sites, publicCells, audience, model, validated, Map.of());
  }

  /** The same sites with these profiles (one per site at most). */
  public SitesResult withProfiles(List<SiteProfile> list) {
    Map<String, SiteProfile> byId = new java.util.HashMap<>();
    list.forEach(p -> byId.put(p.siteId(), p));
    return new SitesResult(crs, sites, publicCells, audience, model, validated, byId);
  }

  /** The profile of a site, when members' sites have one. */
  public Optional<SiteProfile> profile(PatrolSite site) {
    return Optional.ofNullable(profiles.get(site.id()));
  }

  /** Sites of an unnamed, unvalidated model. */
  public SitesResult(
      Crs crs, List<PatrolSite> sites, List<PublicCell> publicCells, Audience audience) {
    this(crs, sites, publicCells, audience, "unspecified", false);
  }

  /** A site as the public sees it: its rank, score and the aggregated cell (projected metres). */
  public record PublicCell(int rank, double score, int events, Bbox cellXY) {}
}
