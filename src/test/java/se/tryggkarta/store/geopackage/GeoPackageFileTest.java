package se.tryggkarta.store.geopackage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.HourWindow;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceSettings;

/** Checks that the store's file is a GeoPackage other tools read, not only a SQLite database. */
class GeoPackageFileTest {
  @TempDir Path dir;

  @Test
  void storedIncidentsAreReadableAsGeoPackageFeaturesByAnIndependentLibrary() {
    Path file = dir.resolve("t.gpkg");
    try (GeoPackageStore store = GeoPackageStore.open(file)) {
      store.createWorkspace(Workspace.of("kungalv", "Kungälv"));
      try (LayerWriter w = store.openWriter("kungalv", Layer.INCIDENTS)) {
        w.write(incident("a", 11.98, 57.87));
        w.write(incident("b", 11.99, 57.88));
        w.commit();
      }
    }
    try (GeoPackage gp = GeoPackageManager.open(file.toFile())) {
      assertThat(gp.getFeatureTables())
          .contains("incidents", "lamps", "places", "streets", "workspaces");
      FeatureDao dao = gp.getFeatureDao("incidents");
      assertThat(dao.count()).isEqualTo(2);
      assertThat(dao.getSrsId()).isEqualTo(4326);
      assertThat(new mil.nga.geopackage.extension.rtree.RTreeIndexExtension(gp).has("incidents"))
          .isTrue();
      assertThat(gp.getApplicationId()).isEqualTo("GPKG");
    }
  }

  @Test
  void aFileWrittenBeforeWorkspaceSettingsOpensWithTheDefaultsAndStoresNewOnes() throws Exception {
    Path file = dir.resolve("old.gpkg");
    try (GeoPackageStore store = GeoPackageStore.open(file)) {
      store.createWorkspace(Workspace.of("kungalv", "Kungälv"));
    }
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        var s = c.createStatement()) {
      s.execute("ALTER TABLE workspaces DROP COLUMN settings");
    }
    try (GeoPackageStore store = GeoPackageStore.open(file)) {
      Workspace w = store.findWorkspace("kungalv").orElseThrow();
      assertThat(w.settings()).isEqualTo(WorkspaceSettings.DEFAULT);
      store.updateWorkspace(
          w.withSettings(WorkspaceSettings.DEFAULT.withNight(new HourWindow(21, 5))));
      assertThat(store.findWorkspace("kungalv").orElseThrow().settings().night().text())
          .isEqualTo("21-05");
    }
  }

  @Test
  void bboxQueryUsesTheRtreeAndReturnsOnlyPointsInside() {
    try (GeoPackageStore store = GeoPackageStore.open(dir.resolve("b.gpkg"))) {
      store.createWorkspace(Workspace.of("ws", "WS"));
      try (LayerWriter w = store.openWriter("ws", Layer.INCIDENTS)) {
        for (int i = 0; i < 100; i++) {
          w.write(incident("p" + i, 11.0 + i * 0.01, 57.0 + i * 0.01));
        }
        w.commit();
      }
      var page =
          store.query(
              "ws", Layer.INCIDENTS, LayerQuery.ALL.withBbox(new Bbox(11.095, 57.0, 11.205, 58.0)));
      // points 10..20 have lon 11.10..11.20: eleven points
      assertThat(page.total()).isEqualTo(11);
      assertThat(page.items()).hasSize(11);
    }
  }

  @Test
  void dataSurvivesReopeningTheFile() {
    Path file = dir.resolve("r.gpkg");
    try (GeoPackageStore store = GeoPackageStore.open(file)) {
      store.createWorkspace(Workspace.of("ws", "WS"));
      try (LayerWriter w = store.openWriter("ws", Layer.INCIDENTS)) {
        w.write(incident("x", 12, 58));
        w.commit();
      }
    }
    try (GeoPackageStore store = GeoPackageStore.open(file)) {
      assertThat(store.findRecord("ws", Layer.INCIDENTS, "x")).contains(incident("x", 12, 58));
    }
  }

  private static Incident incident(String id, double lon, double lat) {
    return new Incident(
        id,
        new LonLat(lon, lat),
        Instant.parse("2024-03-01T22:15:00Z"),
        "theft",
        1.0,
        Map.of("k", "v"));
  }
}
