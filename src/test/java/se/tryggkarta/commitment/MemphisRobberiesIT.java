package se.tryggkarta.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import se.tryggkarta.commitment.link.Coverage;
import se.tryggkarta.commitment.link.HotspotSite;
import se.tryggkarta.commitment.link.IncidentGridSites;
import se.tryggkarta.commitment.link.PlaceChange;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.common.XY;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.store.geopackage.GeoPackageStore;
import se.tryggkarta.workspace.PublicPrivacy;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * Real data: the 2,245 Memphis personal robberies of 2019 (sfhotspot's canonical data, Crime Open
 * Database, see ../shared/data/crime-memphis-robberies/SOURCE.md), in UTM zone 16N. The ranked grid
 * cells and the change counts are checked against brute-force counts over the CSV itself.
 */
class MemphisRobberiesIT {
  static final Path CSV = Path.of("../shared/data/crime-memphis-robberies/memphis_robberies.csv");
  static final Crs UTM16N = Crs.of(32616);
  static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  static final double CELL_METERS = 250;

  @TempDir Path dir;

  record Row(LonLat at, Instant when) {}

  static List<Row> rows() throws IOException {
    List<Row> out = new ArrayList<>();
    for (String line : Files.readAllLines(CSV).subList(1, Files.readAllLines(CSV).size())) {
      String[] f = line.split(",");
      out.add(
          new Row(
              new LonLat(Double.parseDouble(f[3]), Double.parseDouble(f[4])),
              LocalDateTime.parse(f[2]).atZone(CHICAGO).toInstant()));
    }
    return out;
  }

  @Test
  void grid_sites_coverage_and_change_counts_agree_with_brute_force_on_memphis_robberies()
      throws IOException {
    List<Row> rows = rows();
    assertThat(rows).hasSize(2245);
    try (GeoPackageStore store = GeoPackageStore.open(dir.resolve("m.gpkg"))) {
      Workspace w =
          new Workspace(
              "memphis",
              "Memphis",
              UTM16N,
              Optional.empty(),
              CHICAGO,
              false,
              PublicPrivacy.DEFAULT);
      store.createWorkspace(w);
      try (LayerWriter lw = store.openWriter("memphis", Layer.INCIDENTS)) {
        for (int i = 0; i < rows.size(); i++) {
          lw.write(
              new Incident("r" + i, rows.get(i).at(), rows.get(i).when(), "robbery", 1, Map.of()));
        }
        lw.commit();
      }
      List<HotspotSite> sites =
          new IncidentGridSites(store, CELL_METERS).topSites(w, TimeRange.ALL, Set.of(), 10);
      assertThat(sites).hasSize(10);
      for (HotspotSite s : sites) {
        Geometry cell = UTM16N.fromWgs84(s.areaWgs84());
        var c = cell.getCentroid();
        long ix = (long) Math.floor(c.getX() / CELL_METERS);
        long iy = (long) Math.floor(c.getY() / CELL_METERS);
        long brute =
            rows.stream()
                .map(r -> UTM16N.toXY(r.at()))
                .filter(
                    p ->
                        (long) Math.floor(p.x() / CELL_METERS) == ix
                            && (long) Math.floor(p.y() / CELL_METERS) == iy)
                .count();
        assertThat(s.eventCount()).as(s.id()).isEqualTo(brute);
      }
      // A promise on the strongest cell: a point at its centre with a 100 m buffer.
      var top = UTM16N.fromWgs84(sites.get(0).areaWgs84()).getCentroid();
      LonLat centre = UTM16N.toLonLat(new XY(top.getX(), top.getY()));
      Geometry point =
          new GeometryFactory().createPoint(new Coordinate(centre.lon(), centre.lat()));
      WorkspaceService workspaces = new WorkspaceService(store);
      CommitmentService service =
          new CommitmentService(
              workspaces,
              store,
              store,
              new IncidentGridSites(store, CELL_METERS),
              Clock.fixed(Instant.parse("2020-01-15T00:00:00Z"), ZoneOffset.UTC));
      service.create(
          "memphis",
          new Commitment(
              "presence",
              "Presence",
              "",
              "police",
              CommitmentKind.PRESENCE,
              LocalDate.parse("2019-07-01"),
              LocalDate.parse("2019-12-31"),
              OptionalLong.of(100),
              List.of(),
              List.of(CommitmentPlace.of("Top cell", point, 100)),
              Set.of(),
              CommitmentState.ACTIVE));
      Coverage coverage = service.coverage("memphis", TimeRange.ALL, 10);
      assertThat(coverage.sites().get(0).covered()).isTrue();
      PlaceChange change = service.changes("memphis", LocalDate.parse("2019-12-31"), 500).get(0);
      // during: 1 Jul – 31 Dec (184 days); before: the 184 days from 29 Dec 2018 (none before 2019)
      var f = change.figures().orElseThrow();
      Instant mid = LocalDate.parse("2019-07-01").atStartOfDay(CHICAGO).toInstant();
      XY c = new XY(top.getX(), top.getY());
      long bruteBefore =
          rows.stream()
              .filter(r -> r.when().isBefore(mid) && UTM16N.toXY(r.at()).distanceTo(c) <= 100)
              .count();
      long bruteDuring =
          rows.stream()
              .filter(r -> !r.when().isBefore(mid) && UTM16N.toXY(r.at()).distanceTo(c) <= 100)
              .count();
      long ringDuring =
          rows.stream()
              .filter(r -> !r.when().isBefore(mid))
              .mapToDouble(r -> UTM16N.toXY(r.at()).distanceTo(c))
              .filter(d -> d > 100 && d <= 600)
              .count();
      // the buffer is a polygon approximating the circle (8 segments a quadrant): allow points
      // within a metre of the circle to fall either way
      long nearEdge =
          rows.stream()
              .mapToDouble(r -> UTM16N.toXY(r.at()).distanceTo(c))
              .filter(d -> Math.abs(d - 100) < 1 || Math.abs(d - 600) < 1)
              .count();
      assertThat(f.placeBefore()).isBetween(bruteBefore - nearEdge, bruteBefore + nearEdge);
      assertThat(f.placeDuring()).isBetween(bruteDuring - nearEdge, bruteDuring + nearEdge);
      assertThat(f.comparisonDuring()).isBetween(ringDuring - nearEdge, ringDuring + nearEdge);
      assertThat(f.placeBefore() + f.placeDuring()).isPositive();
    }
  }
}
