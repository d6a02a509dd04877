package se.tryggkarta.store.geopackage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Writes small GeoPackages that attack a reader through SQLite itself, as uploads for tests: a
 * feature "table" that is a view running an endless recursive query (the 28 KB file that filled
 * {@code /var/tmp} at 126 MB/s), metadata tables replaced by such views, generated columns, virtual
 * and {@code WITHOUT ROWID} tables, and files declaring or holding very many tables. Each starts
 * from a minimal valid GeoPackage with an {@code incidents} table of three points near Kungälv
 * (11.98 E, 57.87 N). Stateless.
 */
public final class HostileGeoPackages {
  /** The kinds of hostile file, by the corpus name they are posted under. */
  public enum Kind {
    VALID("valid"),
    RECURSIVE_VIEW("feature-table-is-recursive-view"),
    CONTENTS_VIEW("gpkg-contents-is-recursive-view"),
    GENERATED_COLUMN("generated-column"),
    VIRTUAL_TABLE("virtual-table"),
    WITHOUT_ROWID("without-rowid-table"),
    TOO_MANY_TABLES("too-many-declared-tables");

    public final String slug;

    Kind(String slug) {
      this.slug = slug;
    }
  }

  private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
  private static final String ENDLESS =
      "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r)";

  private HostileGeoPackages() {}

  /** Writes the kind of file to {@code file} (replacing it). */
  public static Path write(Path file, Kind kind) {
    return switch (kind) {
      case VALID -> create(file, c -> incidentsTable(c, "incidents", ""));
      case RECURSIVE_VIEW ->
          create(
              file,
              c -> {
                exec(
                    c,
                    "CREATE VIEW incidents AS "
                        + ENDLESS
                        + " SELECT x AS fid, randomblob(4096) AS geom, 'i' || x AS id,"
                        + " '2024-05-01T22:00:00Z' AS occurred_at, 'theft' AS category FROM r"
                        + " ORDER BY randomblob(16)");
                declare(c, "incidents");
              });
      case CONTENTS_VIEW ->
          create(
              file,
              c -> {
                incidentsTable(c, "incidents", "");
                exec(c, "DROP TABLE gpkg_contents");
                exec(
                    c,
                    "CREATE VIEW gpkg_contents AS "
                        + ENDLESS
                        + " SELECT 'incidents' AS table_name, 'features' AS data_type,"
                        + " hex(randomblob(4096)) AS identifier FROM r ORDER BY identifier");
              });
      case GENERATED_COLUMN ->
          create(
              file,
              c ->
                  incidentsTable(
                      c,
                      "incidents",
                      ", note TEXT GENERATED ALWAYS AS (hex(zeroblob(50000000))) VIRTUAL"));
      case VIRTUAL_TABLE ->
          create(
              file,
              c -> {
                exec(c, "CREATE VIRTUAL TABLE incidents USING rtree(fid, minx, maxx)");
                declare(c, "incidents");
              });
      case WITHOUT_ROWID ->
          create(
              file,
              c -> {
                exec(
                    c,
                    "CREATE TABLE incidents (fid INTEGER PRIMARY KEY, geom BLOB, id TEXT,"
                        + " occurred_at TEXT, category TEXT) WITHOUT ROWID");
                declare(c, "incidents");
              });
      case TOO_MANY_TABLES ->
          withManyDeclaredTables(file, UploadedGeoPackage.MAX_DECLARED_TABLES + 1);
    };
  }

  /** A valid GeoPackage that also declares {@code tables} feature tables it does not hold. */
  public static Path withManyDeclaredTables(Path file, int tables) {
    return create(
        file,
        c -> {
          incidentsTable(c, "incidents", "");
          exec(c, "BEGIN");
          for (int i = 0; i < tables; i++) {
            exec(
                c,
                "INSERT INTO gpkg_contents (table_name, data_type, srs_id) VALUES ('t"
                    + i
                    + "', 'features', 4326)");
          }
          exec(c, "COMMIT");
        });
  }

  private interface Sql {
    void run(Connection c) throws SQLException;
  }

  private static Path create(Path file, Sql body) {
    try {
      Files.deleteIfExists(file);
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
        exec(c, "PRAGMA application_id = 1196444487");
        exec(c, "PRAGMA user_version = 10300");
        exec(
            c,
            "CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY"
                + " KEY, organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,"
                + " definition TEXT NOT NULL, description TEXT)");
        exec(
            c,
            "INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84', 4326, 'EPSG', 4326, 'undefined',"
                + " NULL)");
        exec(
            c,
            "CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT"
                + " NOT NULL, identifier TEXT, description TEXT DEFAULT '', last_change TEXT,"
                + " min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER)");
        exec(
            c,
            "CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT"
                + " NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT"
                + " NOT NULL, m TINYINT NOT NULL, PRIMARY KEY (table_name, column_name))");
        exec(
            c,
            "INSERT INTO gpkg_geometry_columns VALUES ('incidents', 'geom', 'POINT', 4326, 0, 0)");
        body.run(c);
      }
      return file;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write the test GeoPackage " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void incidentsTable(Connection c, String name, String extraColumns)
      throws SQLException {
    exec(
        c,
        "CREATE TABLE "
            + name
            + " (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom BLOB, id TEXT, occurred_at TEXT,"
            + " category TEXT"
            + extraColumns
            + ")");
    declare(c, name);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO " + name + " (geom, id, occurred_at, category) VALUES (?, ?, ?, ?)")) {
      for (int i = 0; i < 3; i++) {
        ps.setBytes(
            1,
            GpkgGeometry.encode(WGS84.createPoint(new Coordinate(11.98 + i * 0.001, 57.87)), 4326));
        ps.setString(2, "gp" + i);
        ps.setString(3, "2024-05-01T22:00:00Z");
        ps.setString(4, "theft");
        ps.executeUpdate();
      }
    }
  }

  private static void declare(Connection c, String table) throws SQLException {
    exec(
        c,
        "INSERT INTO gpkg_contents (table_name, data_type, srs_id) VALUES ('"
            + table
            + "', 'features', 4326)");
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
