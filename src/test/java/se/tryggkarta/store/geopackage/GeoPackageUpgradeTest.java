package se.tryggkarta.store.geopackage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.finding.StoredPhoto;
import se.tryggkarta.workspace.Workspace;

/** Files written before the photo table (schema version 1) gain it when they are opened. */
class GeoPackageUpgradeTest {
  @TempDir Path dir;

  @Test
  void aVersionOneFileGainsThePhotoTableAndKeepsItsData() throws SQLException {
    Path file = dir.resolve("old.gpkg");
    try (GeoPackageStore store = GeoPackageStore.open(file)) {
      store.createWorkspace(Workspace.of("kungalv", "Kungälv"));
      store.putDocument("commitments", "kungalv", "c", "{\"v\":1}");
    }
    // Turn it back into a version 1 file: no photo table, no gpkg_contents row, version 1.
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE tk_photos");
      s.execute("DELETE FROM gpkg_contents WHERE table_name = 'tk_photos'");
      s.execute("UPDATE tk_meta SET value = '1' WHERE key = 'schema_version'");
    }
    try (GeoPackageStore store = GeoPackageStore.open(file)) {
      assertThat(store.findDocument("commitments", "kungalv", "c")).isPresent();
      store.putPhoto("kungalv", new StoredPhoto("p", "f", "image/jpeg", new byte[] {1, 2}));
      assertThat(store.findPhoto("kungalv", "p")).isPresent();
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT value FROM tk_meta WHERE key = 'schema_version'")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo(String.valueOf(GeoPackageSchema.SCHEMA_VERSION));
    }
  }
}
