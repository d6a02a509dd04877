package se.tryggkarta.commitment.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import se.tryggkarta.common.Crs;

/** Coverage and drift with hand-built sites and places, laid out in SWEREF 99 TM metres. */
class CoverageTest {
  static final Crs CRS = Crs.sweref99tm();
  static final GeometryFactory GF = new GeometryFactory();

  static Geometry squareXY(double x, double y, double side) {
    return GF.createPolygon(
        new Coordinate[] {
          new Coordinate(x, y),
          new Coordinate(x + side, y),
          new Coordinate(x + side, y + side),
          new Coordinate(x, y + side),
          new Coordinate(x, y)
        });
  }

  static HotspotSite site(int rank, double x, double y, long count) {
    return new HotspotSite(rank, "s" + rank, CRS.toWgs84(squareXY(x, y, 200)), count);
  }

  @Test
  void sites_overlapping_a_buffered_place_are_covered_and_the_rest_are_not() {
    // sites: 200 m cells at x = 320000 (1), 320400 (2), 321000 (3)
    List<HotspotSite> sites =
        List.of(
            site(1, 320_000, 6_418_000, 30),
            site(2, 320_400, 6_418_000, 20),
            site(3, 321_000, 6_418_000, 10));
    // Resecentrum: 50 m square at x 320100..320150 buffered 50 m → reaches x 320050..320200: cell 1
    // only.
    // Torget: 10 m square at x 320750..320760 buffered 100 m → x 320650..320860: touches neither
    // cell 2 (ends at 320600 — 50 m short) nor cell 3.
    PromisedArea rc =
        new PromisedArea("narvaro", "Resecentrum", squareXY(320_100, 6_418_100, 50).buffer(50));
    PromisedArea torget =
        new PromisedArea("narvaro", "Torget", squareXY(320_750, 6_418_100, 10).buffer(100));
    Coverage c = Coverage.of(sites, List.of(rc, torget), CRS);
    assertThat(c.sites().get(0).coveredBy())
        .containsExactly(new Coverage.PlaceRef("narvaro", "Resecentrum"));
    assertThat(c.uncovered()).extracting(HotspotSite::id).containsExactly("s2", "s3");
    assertThat(c.places().get(0).stillHotspot()).isTrue();
    assertThat(c.places().get(0).siteIds()).containsExactly("s1");
    assertThat(c.places().get(1).stillHotspot()).as("Torget has drifted").isFalse();
  }

  @Test
  void a_place_spanning_two_sites_covers_both_and_one_site_may_be_covered_twice() {
    List<HotspotSite> sites =
        List.of(site(1, 320_000, 6_418_000, 9), site(2, 320_200, 6_418_000, 8));
    PromisedArea wide = new PromisedArea("a", "Stråket", squareXY(320_150, 6_418_050, 100));
    PromisedArea other = new PromisedArea("b", "Hållplatsen", squareXY(320_010, 6_418_010, 10));
    Coverage c = Coverage.of(sites, List.of(wide, other), CRS);
    assertThat(c.places().get(0).siteIds()).containsExactly("s1", "s2");
    assertThat(c.sites().get(0).coveredBy()).hasSize(2);
    assertThat(c.uncovered()).isEmpty();
  }

  @Test
  void no_sites_means_every_place_has_drifted_and_nothing_is_uncovered() {
    Coverage c =
        Coverage.of(List.of(), List.of(new PromisedArea("a", "P", squareXY(0, 0, 10))), CRS);
    assertThat(c.uncovered()).isEmpty();
    assertThat(c.places().get(0).stillHotspot()).isFalse();
  }
}
