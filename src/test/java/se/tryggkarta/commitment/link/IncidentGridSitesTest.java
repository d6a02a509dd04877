package se.tryggkarta.commitment.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.common.XY;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.store.geopackage.GeoPackageStore;
import se.tryggkarta.workspace.Workspace;

class IncidentGridSitesTest {
  static final Crs CRS = Crs.sweref99tm();
  @TempDir Path dir;

  @Test
  void ranked_cells_hold_exactly_the_incidents_a_brute_force_count_finds() {
    Random random = new Random(42);
    List<XY> points = new ArrayList<>();
    List<Instant> times = new ArrayList<>();
    try (GeoPackageStore store = GeoPackageStore.open(dir.resolve("g.gpkg"))) {
      Workspace w = Workspace.of("grid", "Grid");
      store.createWorkspace(w);
      try (LayerWriter lw = store.openWriter("grid", Layer.INCIDENTS)) {
        for (int i = 0; i < 600; i++) {
          // a cluster around (320 250, 6 418 250) and a uniform background over 2 km
          XY p =
              i % 3 == 0
                  ? new XY(
                      320_250 + random.nextGaussian() * 60, 6_418_250 + random.nextGaussian() * 60)
                  : new XY(
                      319_000 + random.nextDouble() * 2000, 6_417_000 + random.nextDouble() * 2000);
          Instant t =
              Instant.parse("2024-01-01T00:00:00Z").plusSeconds(random.nextInt(365 * 86_400));
          points.add(p);
          times.add(t);
          lw.write(
              new Incident(
                  "i" + i, CRS.toLonLat(p), t, i % 2 == 0 ? "drugs" : "theft", 1, Map.of()));
        }
        lw.commit();
      }
      TimeRange firstHalf =
          TimeRange.of(
              Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-07-01T00:00:00Z"));
      List<HotspotSite> sites =
          new IncidentGridSites(store, 200).topSites(w, firstHalf, Set.of(), 8);
      assertThat(sites).hasSize(8);
      GeometryFactory gf = new GeometryFactory();
      for (int k = 0; k < sites.size(); k++) {
        HotspotSite s = sites.get(k);
        assertThat(s.rank()).isEqualTo(k + 1);
        if (k > 0) {
          assertThat(s.eventCount()).isLessThanOrEqualTo(sites.get(k - 1).eventCount());
        }
        // brute force: count the points in the period whose cell index equals the site's cell
        Geometry cell = CRS.fromWgs84(s.areaWgs84());
        var c = cell.getCentroid();
        long ix = (long) Math.floor(c.getX() / 200);
        long iy = (long) Math.floor(c.getY() / 200);
        long brute = 0;
        for (int i = 0; i < points.size(); i++) {
          if (firstHalf.contains(times.get(i))
              && (long) Math.floor(points.get(i).x() / 200) == ix
              && (long) Math.floor(points.get(i).y() / 200) == iy) {
            brute++;
          }
        }
        assertThat(s.eventCount()).as("site %s", s.id()).isEqualTo(brute);
        assertThat(cell.getArea())
            .isCloseTo(200 * 200, org.assertj.core.data.Percentage.withPercentage(0.01));
        assertThat(gf.createPoint(new Coordinate(c.getX(), c.getY())).within(cell)).isTrue();
      }
      // the cluster's cell is the strongest
      assertThat(
              CRS.fromWgs84(sites.get(0).areaWgs84())
                  .contains(gf.createPoint(new Coordinate(320_250, 6_418_250))))
          .isTrue();
      // categories filter: only drugs
      long drugs =
          new IncidentGridSites(store, 200)
              .topSites(w, TimeRange.ALL, Set.of("drugs"), 1000).stream()
                  .mapToLong(HotspotSite::eventCount)
                  .sum();
      assertThat(drugs).isEqualTo(300);
    }
  }

  @Test
  void cells_are_never_finer_than_the_workspace_privacy_minimum() {
    try (GeoPackageStore store = GeoPackageStore.open(dir.resolve("h.gpkg"))) {
      Workspace w = Workspace.of("fine", "Fine");
      store.createWorkspace(w);
      try (LayerWriter lw = store.openWriter("fine", Layer.INCIDENTS)) {
        lw.write(
            new Incident(
                "a",
                CRS.toLonLat(new XY(320_010, 6_418_010)),
                Instant.parse("2024-01-01T00:00:00Z"),
                "x",
                1,
                Map.of()));
        lw.commit();
      }
      HotspotSite s =
          new IncidentGridSites(store, 20).topSites(w, TimeRange.ALL, Set.of(), 1).get(0);
      // asked for 20 m, the default privacy minimum is 100 m
      assertThat(CRS.fromWgs84(s.areaWgs84()).getArea())
          .isCloseTo(100 * 100, org.assertj.core.data.Percentage.withPercentage(0.01));
    }
  }
}
