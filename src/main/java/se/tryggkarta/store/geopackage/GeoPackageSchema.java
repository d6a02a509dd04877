package se.tryggkarta.store.geopackage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.Function;

/**
 * Creates and checks the file's schema: the GeoPackage 1.3 core tables (so QGIS and GDAL open the
 * file), one feature table per layer with an R-tree spatial index maintained by the standard
 * triggers, the workspaces (a feature table, so boundaries show in QGIS) and the documents table.
 */
final class GeoPackageSchema {
  /** 'GPKG' as the SQLite application id (GeoPackage 1.2+). */
  static final int APPLICATION_ID = 0x47504B47;

  /** GeoPackage 1.3.0 as the SQLite user version. */
  static final int GPKG_VERSION = 10300;

  /** Tryggkarta's own schema version, kept in tk_meta. */
  static final int SCHEMA_VERSION = 2;

  private static final String WGS84_WKT =
      "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,"
          + "AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,"
          + "AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,"
          + "AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4326\"]]";

  private GeoPackageSchema() {}

  /** Creates everything missing; a no-op on a file that is already up to date. */
  static void ensure(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      if (tableExists(c, "tk_meta")) {
        ensureVersionCounter(s);
        upgrade(c, s);
        ensurePhotos(s);
        return;
      }
      s.execute("PRAGMA application_id = " + APPLICATION_ID);
      s.execute("PRAGMA user_version = " + GPKG_VERSION);
      s.execute(
          "CREATE TABLE IF NOT EXISTS gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER"
              + " PRIMARY KEY, organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,"
              + " definition TEXT NOT NULL, description TEXT)");
      s.execute(
          "INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES ('WGS 84 geodetic', 4326, 'EPSG', 4326, '"
              + WGS84_WKT.replace("'", "''")
              + "', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')");
      s.execute(
          "INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE',"
              + " -1, 'undefined', 'undefined cartesian coordinate reference system')");
      s.execute(
          "INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE',"
              + " 0, 'undefined', 'undefined geographic coordinate reference system')");
      s.execute(
          "CREATE TABLE IF NOT EXISTS gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type"
              + " TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change"
              + " DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE,"
              + " min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER, CONSTRAINT"
              + " fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))");
      s.execute(
          "CREATE TABLE IF NOT EXISTS gpkg_geometry_columns (table_name TEXT NOT NULL, column_name"
              + " TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT"
              + " NOT NULL, m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name,"
              + " column_name), CONSTRAINT uk_gc_table_name UNIQUE (table_name), CONSTRAINT fk_gc_tn"
              + " FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name), CONSTRAINT fk_gc_srs"
              + " FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))");
      s.execute(
          "CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT, column_name TEXT,"
              + " extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL,"
              + " CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))");

      featureTable(
          s,
          "workspaces",
          "GEOMETRY",
          "Tryggkarta workspaces and their boundaries",
          "id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, crs_epsg INTEGER NOT NULL, time_zone TEXT NOT"
              + " NULL, public_access BOOLEAN NOT NULL, min_events INTEGER NOT NULL, min_cell_m"
              + " DOUBLE NOT NULL, data_version INTEGER NOT NULL DEFAULT 0, settings TEXT");
      for (LayerTable t : LayerTable.values()) {
        featureTable(
            s,
            t.table(),
            t.geometryType,
            "Tryggkarta layer " + t.layer().slug(),
            "workspace_id TEXT NOT NULL, external_id TEXT NOT NULL, "
                + String.join(", ", t.columnDdl)
                + ", extra TEXT, UNIQUE (workspace_id, external_id)");
        if (t.timeColumn().isPresent()) {
          s.execute(
              "CREATE INDEX IF NOT EXISTS idx_"
                  + t.table()
                  + "_time ON "
                  + t.table()
                  + " (workspace_id, "
                  + t.timeColumn().get()
                  + ")");
        }
      }
      s.execute(
          "CREATE TABLE IF NOT EXISTS tk_documents (fid INTEGER PRIMARY KEY AUTOINCREMENT,"
              + " collection TEXT NOT NULL, scope TEXT NOT NULL, doc_id TEXT NOT NULL, json TEXT NOT"
              + " NULL, updated_at DATETIME NOT NULL, UNIQUE (collection, scope, doc_id))");
      s.execute(
          "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description)"
              + " VALUES ('tk_documents', 'attributes', 'tk_documents', 'Tryggkarta commitments,"
              + " activities and API keys as JSON')");
      s.execute(
          "CREATE TABLE tk_meta (fid INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE,"
              + " value TEXT NOT NULL)");
      s.execute(
          "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description)"
              + " VALUES ('tk_meta', 'attributes', 'tk_meta', 'Tryggkarta schema version')");
      s.execute(
          "INSERT INTO tk_meta (key, value) VALUES ('schema_version', '" + SCHEMA_VERSION + "')");
      ensureVersionCounter(s);
      ensurePhotos(s);
    }
  }

  /**
   * Schema version 2: the photo table (walk findings' photos as blobs, stripped of metadata before
   * they get here). Files of version 1 get it when they are opened.
   */
  private static void ensurePhotos(Statement s) throws SQLException {
    s.execute(
        "CREATE TABLE IF NOT EXISTS tk_photos (fid INTEGER PRIMARY KEY AUTOINCREMENT, workspace_id"
            + " TEXT NOT NULL, photo_id TEXT NOT NULL, finding_id TEXT NOT NULL, content_type TEXT"
            + " NOT NULL, bytes BLOB NOT NULL, UNIQUE (workspace_id, photo_id))");
    s.execute(
        "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description)"
            + " VALUES ('tk_photos', 'attributes', 'tk_photos', 'Tryggkarta walk finding photos"
            + " (JPEG, without metadata)')");
    s.execute(
        "UPDATE tk_meta SET value = '"
            + SCHEMA_VERSION
            + "' WHERE key = 'schema_version' AND CAST(value AS INTEGER) < "
            + SCHEMA_VERSION);
  }

  /**
   * The one counter every workspace's data version is drawn from, so versions never repeat, not
   * even after a workspace is deleted and created again. Files written before the counter existed
   * start it at their highest version.
   */
  private static void ensureVersionCounter(Statement s) throws SQLException {
    s.execute(
        "INSERT OR IGNORE INTO tk_meta (key, value) SELECT 'data_version_counter',"
            + " COALESCE(MAX(data_version), 0) FROM workspaces");
  }

  /**
   * Brings a file written by an earlier version up to date, column by column, so a planner's file
   * keeps working after an upgrade: {@code workspaces.settings} (night hours, category names; NULL
   * reads as the defaults).
   */
  private static void upgrade(Connection c, Statement s) throws SQLException {
    if (!columnExists(c, "workspaces", "settings")) {
      s.execute("ALTER TABLE workspaces ADD COLUMN settings TEXT");
    }
  }

  private static boolean columnExists(Connection c, String table, String column)
      throws SQLException {
    try (var ps = c.prepareStatement("SELECT 1 FROM pragma_table_info(?) WHERE name = ?")) {
      ps.setString(1, table);
      ps.setString(2, column);
      try (var rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static void featureTable(
      Statement s, String table, String geometryType, String description, String columns)
      throws SQLException {
    s.execute(
        "CREATE TABLE IF NOT EXISTS "
            + table
            + " (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom "
            + geometryType
            + ", "
            + columns
            + ")");
    s.execute(
        "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description,"
            + " srs_id) VALUES ('"
            + table
            + "', 'features', '"
            + table
            + "', '"
            + description
            + "', 4326)");
    s.execute(
        "INSERT OR IGNORE INTO gpkg_geometry_columns VALUES ('"
            + table
            + "', 'geom', '"
            + geometryType
            + "', 4326, 0, 0)");
    rtreeIndex(s, table);
  }

  /**
   * The GeoPackage R-tree spatial index extension (§F.3): virtual table plus its triggers. The
   * update triggers delete and re-insert instead of the 1.2 text's INSERT OR REPLACE, because an
   * outer UPSERT's conflict policy (ABORT) overrides a trigger's OR REPLACE in SQLite, which made
   * re-imports fail; GeoPackage 1.4 changed its triggers for the same reason.
   */
  static void rtreeIndex(Statement s, String t) throws SQLException {
    String r = "rtree_" + t + "_geom";
    String bounds =
        "NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)";
    s.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS " + r + " USING rtree(id, minx, maxx, miny, maxy)");
    s.execute(
        "INSERT OR IGNORE INTO gpkg_extensions VALUES ('"
            + t
            + "', 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree',"
            + " 'write-only')");
    s.execute(
        "CREATE TRIGGER IF NOT EXISTS "
            + r
            + "_insert AFTER INSERT ON "
            + t
            + " WHEN (new.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN INSERT INTO "
            + r
            + " VALUES ("
            + bounds
            + "); END");
    s.execute(
        "CREATE TRIGGER IF NOT EXISTS "
            + r
            + "_update1 AFTER UPDATE OF geom ON "
            + t
            + " WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN"
            + " DELETE FROM "
            + r
            + " WHERE id = OLD.fid; INSERT INTO "
            + r
            + " VALUES ("
            + bounds
            + "); END");
    s.execute(
        "CREATE TRIGGER IF NOT EXISTS "
            + r
            + "_update2 AFTER UPDATE OF geom ON "
            + t
            + " WHEN OLD.fid = NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom)) BEGIN DELETE"
            + " FROM "
            + r
            + " WHERE id = OLD.fid; END");
    s.execute(
        "CREATE TRIGGER IF NOT EXISTS "
            + r
            + "_update3 AFTER UPDATE ON "
            + t
            + " WHEN OLD.fid != NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN"
            + " DELETE FROM "
            + r
            + " WHERE id = OLD.fid; INSERT INTO "
            + r
            + " VALUES ("
            + bounds
            + "); END");
    s.execute(
        "CREATE TRIGGER IF NOT EXISTS "
            + r
            + "_update4 AFTER UPDATE ON "
            + t
            + " WHEN OLD.fid != NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom)) BEGIN DELETE"
            + " FROM "
            + r
            + " WHERE id IN (OLD.fid, NEW.fid); END");
    s.execute(
        "CREATE TRIGGER IF NOT EXISTS "
            + r
            + "_delete AFTER DELETE ON "
            + t
            + " WHEN old.geom NOT NULL BEGIN DELETE FROM "
            + r
            + " WHERE id = OLD.fid; END");
  }

  /**
   * Registers the SQL functions the R-tree triggers call. Every writing connection needs them; GDAL
   * and QGIS bring their own.
   */
  static void registerFunctions(Connection c) throws SQLException {
    Function.create(c, "ST_IsEmpty", bool(GpkgGeometry::isEmpty), 1, Function.FLAG_DETERMINISTIC);
    Function.create(c, "ST_MinX", bound(0), 1, Function.FLAG_DETERMINISTIC);
    Function.create(c, "ST_MaxX", bound(1), 1, Function.FLAG_DETERMINISTIC);
    Function.create(c, "ST_MinY", bound(2), 1, Function.FLAG_DETERMINISTIC);
    Function.create(c, "ST_MaxY", bound(3), 1, Function.FLAG_DETERMINISTIC);
  }

  private static Function bool(java.util.function.Predicate<byte[]> test) {
    return new Function() {
      @Override
      protected void xFunc() throws SQLException {
        result(test.test(value_blob(0)) ? 1 : 0);
      }
    };
  }

  private static Function bound(int index) {
    return new Function() {
      @Override
      protected void xFunc() throws SQLException {
        byte[] blob = value_blob(0);
        if (blob == null || GpkgGeometry.isEmpty(blob)) {
          result();
        } else {
          result(GpkgGeometry.envelope(blob)[index]);
        }
      }
    };
  }

  private static boolean tableExists(Connection c, String table) throws SQLException {
    try (var ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
