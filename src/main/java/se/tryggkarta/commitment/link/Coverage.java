package se.tryggkarta.commitment.link;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import se.tryggkarta.common.Crs;

/**
 * Which hotspot sites the promised places cover, and which promised places have drifted away from
 * the hotspots. A site is covered by a place when the site's area and the place's buffered area
 * intersect (share at least one point) in the projected CRS; a place is "still a hotspot" when it
 * covers at least one of the sites. Stateless and thread-safe.
 *
 * @param sites every site in rank order, each with the places covering it
 * @param places every promised place, with the sites it covers
 */
public record Coverage(List<SiteCoverage> sites, List<PlaceDrift> places) {
  public Coverage {
    sites = List.copyOf(sites);
    places = List.copyOf(places);
  }

  /** A place covering a site. */
  public record PlaceRef(String commitmentId, String placeName) {}

  /** A site and the places covering it; uncovered when the list is empty. */
  public record SiteCoverage(HotspotSite site, List<PlaceRef> coveredBy) {
    public SiteCoverage {
      coveredBy = List.copyOf(coveredBy);
    }

    public boolean covered() {
      return !coveredBy.isEmpty();
    }
  }

  /** A promised place and the sites it covers; drifted (a re-targeting hint) when empty. */
  public record PlaceDrift(String commitmentId, String placeName, List<String> siteIds) {
    public PlaceDrift {
      siteIds = List.copyOf(siteIds);
    }

    public boolean stillHotspot() {
      return !siteIds.isEmpty();
    }
  }

  /** The sites no promised place covers, in rank order. */
  public List<HotspotSite> uncovered() {
    return sites.stream().filter(s -> !s.covered()).map(SiteCoverage::site).toList();
  }

  /** Matches sites (WGS84 areas, projected with {@code crs}) against promised areas. */
  public static Coverage of(List<HotspotSite> sites, List<PromisedArea> areas, Crs crs) {
    List<Geometry> siteAreas = sites.stream().map(s -> crs.fromWgs84(s.areaWgs84())).toList();
    List<List<String>> perArea = new ArrayList<>();
    List<List<PlaceRef>> perSite = new ArrayList<>();
    sites.forEach(s -> perSite.add(new ArrayList<>()));
    for (PromisedArea a : areas) {
      PreparedGeometry prepared = PreparedGeometryFactory.prepare(a.areaXY());
      List<String> covered = new ArrayList<>();
      for (int i = 0; i < sites.size(); i++) {
        if (prepared.intersects(siteAreas.get(i))) {
          covered.add(sites.get(i).id());
          perSite.get(i).add(new PlaceRef(a.commitmentId(), a.placeName()));
        }
      }
      perArea.add(covered);
    }
    List<SiteCoverage> sc = new ArrayList<>();
    for (int i = 0; i < sites.size(); i++) {
      sc.add(new SiteCoverage(sites.get(i), perSite.get(i)));
    }
    List<PlaceDrift> pd = new ArrayList<>();
    for (int i = 0; i < areas.size(); i++) {
      pd.add(new PlaceDrift(areas.get(i).commitmentId(), areas.get(i).placeName(), perArea.get(i)));
    }
    return new Coverage(sc, pd);
  }
}
