package se.tryggkarta.commitment.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.XY;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.store.geopackage.GeoPackageStore;
import se.tryggkarta.workspace.Workspace;

class ChangeCounterTest {
  static final Crs CRS = Crs.sweref99tm();
  @TempDir Path dir;

  @Test
  void counts_place_and_ring_before_and_during_and_gives_the_hand_computed_did() {
    try (GeoPackageStore store = GeoPackageStore.open(dir.resolve("c.gpkg"))) {
      Workspace w = Workspace.of("chg", "Change");
      store.createWorkspace(w);
      // The place: 100 m square at (320000, 6418000). Ring: up to 500 m outside it.
      // Period 2024-01-01..2024-12-31, as of 2024-06-30 → during = 182 days (1 Jan–30 Jun 2024,
      // leap year), before = the 182 days up to 31 Dec 2023 (2023-07-03..2023-12-31).
      // Place: 12 before, 6 during. Ring (300 m east): 30 before, 27 during.
      // Far away (2 km): 50, never counted. Before the before window (2023-06-01): 9, not counted.
      List<Incident> list = new ArrayList<>();
      add(list, 12, 320_050, 6_418_050, "2023-10-01T12:00:00Z");
      add(list, 6, 320_050, 6_418_050, "2024-03-01T12:00:00Z");
      add(list, 30, 320_400, 6_418_050, "2023-10-01T12:00:00Z");
      add(list, 27, 320_400, 6_418_050, "2024-03-01T12:00:00Z");
      add(list, 50, 322_000, 6_418_050, "2024-03-01T12:00:00Z");
      add(list, 9, 320_050, 6_418_050, "2023-06-01T12:00:00Z");
      try (LayerWriter lw = store.openWriter("chg", Layer.INCIDENTS)) {
        list.forEach(lw::write);
        lw.commit();
      }
      GeometryFactory gf = new GeometryFactory();
      var square =
          gf.createPolygon(
              new Coordinate[] {
                new Coordinate(320_000, 6_418_000), new Coordinate(320_100, 6_418_000),
                new Coordinate(320_100, 6_418_100), new Coordinate(320_000, 6_418_100),
                new Coordinate(320_000, 6_418_000)
              });
      PlaceChange c =
          new ChangeCounter(store)
              .change(
                  w,
                  new PromisedArea("p", "Torget", square),
                  Set.of(),
                  LocalDate.parse("2024-01-01"),
                  LocalDate.parse("2024-12-31"),
                  LocalDate.parse("2024-06-30"),
                  500);
      assertThat(c.beforeFrom()).isEqualTo(LocalDate.parse("2023-07-03"));
      assertThat(c.duringTo()).isEqualTo(LocalDate.parse("2024-07-01"));
      DiffInDiff f = c.figures().orElseThrow();
      assertThat(
              List.of(f.placeBefore(), f.placeDuring(), f.comparisonBefore(), f.comparisonDuring()))
          .containsExactly(12L, 6L, 30L, 27L);
      // 182 days = 5.9796 months; DiD = ((6 − 12) − (27 − 30)) / 5.9796 = −3 / 5.9796
      assertThat(f.difference()).isCloseTo(-3 / (182 / (365.2425 / 12)), within(1e-9));
      // the monthly series runs July 2023 – June 2024 and holds the same incidents
      assertThat(c.months()).hasSize(12);
      assertThat(c.months().get(0).month()).isEqualTo(java.time.YearMonth.of(2023, 7));
      assertThat(c.months())
          .filteredOn(m -> m.place() + m.comparison() > 0)
          .containsExactly(
              new PlaceChange.MonthCount(java.time.YearMonth.of(2023, 10), 12, 30),
              new PlaceChange.MonthCount(java.time.YearMonth.of(2024, 3), 6, 27));
    }
  }

  private static void add(List<Incident> list, int n, double x, double y, String at) {
    for (int i = 0; i < n; i++) {
      list.add(
          new Incident(
              "i" + list.size(),
              CRS.toLonLat(new XY(x + i % 5, y + i / 5)),
              Instant.parse(at),
              "drugs",
              1,
              Map.of()));
    }
  }
}
