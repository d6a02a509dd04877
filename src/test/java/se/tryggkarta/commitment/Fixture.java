package se.tryggkarta.commitment;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import se.tryggkarta.commitment.link.HotspotSites;
import se.tryggkarta.commitment.link.IncidentGridSites;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.XY;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.layer.Place;
import se.tryggkarta.store.geopackage.GeoPackageStore;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * A GeoPackage store in a temporary folder with one workspace and two places, laid out in SWEREF 99
 * TM metres near Kungälv: "Resecentrum" is the 100 m square x 320000..320100, y 6418000..6418100
 * and "Parken" the 100 m square x 321000..321100, y 6418000..6418100.
 */
final class Fixture implements AutoCloseable {
  static final String WS = "kv";
  static final double X0 = 320_000;
  static final double Y0 = 6_418_000;
  static final Crs CRS = Crs.sweref99tm();
  static final GeometryFactory GF = new GeometryFactory();

  final GeoPackageStore store;
  final WorkspaceService workspaces;
  final CommitmentService service;

  Fixture(Path dir, String workspaceId, Instant now) {
    this(dir, workspaceId, now, null);
  }

  Fixture(Path dir, String workspaceId, Instant now, HotspotSites sites) {
    store = GeoPackageStore.open(dir.resolve("t.gpkg"));
    workspaces = new WorkspaceService(store);
    store.createWorkspace(Workspace.of(workspaceId, "Test"));
    service =
        new CommitmentService(
            workspaces,
            store,
            store,
            sites != null ? sites : new IncidentGridSites(store, 200),
            Clock.fixed(now, ZoneOffset.UTC));
  }

  void addPlaces(String workspaceId) {
    try (LayerWriter w = store.openWriter(workspaceId, Layer.PLACES)) {
      w.write(new Place("p-rc", "Resecentrum", square(X0, Y0, 100), Map.of()));
      w.write(new Place("p-park", "Parken", square(X0 + 1000, Y0, 100), Map.of()));
      w.commit();
    }
  }

  void addIncidents(String workspaceId, List<Incident> incidents) {
    try (LayerWriter w = store.openWriter(workspaceId, Layer.INCIDENTS)) {
      incidents.forEach(w::write);
      w.commit();
    }
  }

  static Incident incident(String id, double x, double y, Instant at, String category) {
    return new Incident(id, lonLat(x, y), at, category, 1, Map.of());
  }

  /** A square in WGS84 whose SWEREF 99 TM corner is (x, y) and side {@code side} metres. */
  static Geometry square(double x, double y, double side) {
    Geometry xy =
        GF.createPolygon(
            new Coordinate[] {
              new Coordinate(x, y),
              new Coordinate(x + side, y),
              new Coordinate(x + side, y + side),
              new Coordinate(x, y + side),
              new Coordinate(x, y)
            });
    return CRS.toWgs84(xy);
  }

  static LonLat lonLat(double x, double y) {
    return CRS.toLonLat(new XY(x, y));
  }

  static Commitment presence(
      String id, String start, String end, long target, List<CommitmentPlace> places) {
    return new Commitment(
        id,
        "Närvaro",
        "",
        "police",
        CommitmentKind.PRESENCE,
        java.time.LocalDate.parse(start),
        java.time.LocalDate.parse(end),
        target < 0 ? OptionalLong.empty() : OptionalLong.of(target),
        List.of(),
        places,
        Set.of(),
        CommitmentState.ACTIVE);
  }

  static Activity at(
      String id, String commitmentId, Instant t, Optional<LonLat> where, boolean outside) {
    return new Activity(
        id, commitmentId, t, 1, where, Optional.empty(), outside, Optional.empty(), false, "test");
  }

  @Override
  public void close() {
    store.close();
  }
}
