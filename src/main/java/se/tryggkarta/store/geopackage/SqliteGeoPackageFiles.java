package se.tryggkarta.store.geopackage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sqlite.SQLiteConfig;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.FieldError;
import se.tryggkarta.ingest.GeoPackageFiles;
import se.tryggkarta.ingest.RecordSource;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerRecord;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.layer.WriteSummary;
import se.tryggkarta.workspace.Workspace;

/**
 * GeoPackage files for import and export, through sqlite-jdbc. Reading opens the file read-only and
 * streams one feature table's rows; writing creates a fresh Tryggkarta GeoPackage (the same schema
 * as the store, so QGIS and GDAL open it) holding one layer. Thread-safe.
 */
public final class SqliteGeoPackageFiles implements GeoPackageFiles {
  private static final byte[] SQLITE_MAGIC =
      "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  /** The workspace id records carry inside export files. */
  static final String EXPORT_WORKSPACE = "export";

  @Override
  public RecordSource openTable(Path file, Optional<String> table, Layer layer) {
    requireSqlite(file);
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    Connection c = null;
    try {
      c =
          DriverManager.getConnection(
              "jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
      GeoPackageSchema.registerFunctions(c);
      return GeoPackageTableSource.open(c, chooseTable(c, table, layer));
    } catch (SQLException e) {
      close(c);
      throw notGeoPackage("the file cannot be read as a GeoPackage: " + e.getMessage());
    } catch (RuntimeException e) {
      close(c);
      throw e;
    }
  }

  private static void requireSqlite(Path file) {
    byte[] head = new byte[SQLITE_MAGIC.length];
    try (InputStream in = Files.newInputStream(file)) {
      int n = in.readNBytes(head, 0, head.length);
      if (n < head.length || !Arrays.equals(head, SQLITE_MAGIC)) {
        throw notGeoPackage("not a GeoPackage: the file does not start with the SQLite header");
      }
    } catch (IOException e) {
      throw new DomainException(ErrorKind.UNAVAILABLE, "cannot read the uploaded file: " + e);
    }
  }

  private static String chooseTable(Connection c, Optional<String> wanted, Layer layer)
      throws SQLException {
    List<String> tables = new ArrayList<>();
    try (var s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT c.table_name FROM gpkg_contents c JOIN gpkg_geometry_columns g ON"
                    + " g.table_name = c.table_name WHERE c.data_type = 'features' ORDER BY"
                    + " c.table_name")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw notGeoPackage("not a GeoPackage: it has no gpkg_contents or gpkg_geometry_columns");
    }
    if (wanted.isPresent()) {
      for (String t : tables) {
        if (t.equalsIgnoreCase(wanted.get())) {
          return t;
        }
      }
      throw DomainException.invalid(
          "table", "the GeoPackage has no feature table '" + wanted.get() + "'; it has " + tables);
    }
    String own = LayerTable.of(layer).table;
    for (String t : tables) {
      if (t.equalsIgnoreCase(own) || t.equalsIgnoreCase(layer.slug())) {
        return t;
      }
    }
    List<String> others = tables.stream().filter(t -> !t.equals("workspaces")).toList();
    if (others.size() == 1) {
      return others.get(0);
    }
    throw DomainException.invalid(
        "table",
        others.isEmpty()
            ? "the GeoPackage has no feature table"
            : "the GeoPackage has several feature tables " + others + "; choose one with table=");
  }

  static DomainException notGeoPackage(String reason) {
    return new DomainException(
        ErrorKind.INVALID_INPUT,
        reason,
        Optional.of("body"),
        List.of(FieldError.ofField("body", reason)),
        null);
  }

  private static void close(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // already failing; the first error is the one to report
      }
    }
  }

  @Override
  public LayerWriter createLayerFile(Path file, Layer layer) {
    GeoPackageStore store = GeoPackageStore.open(file);
    try {
      store.createWorkspace(Workspace.of(EXPORT_WORKSPACE, "Export"));
      LayerWriter inner = store.openWriter(EXPORT_WORKSPACE, layer);
      return new LayerWriter() {
        @Override
        public void write(LayerRecord record) {
          inner.write(record);
        }

        @Override
        public WriteSummary commit() {
          return inner.commit();
        }

        @Override
        public void close() {
          try {
            inner.close();
          } finally {
            store.close();
          }
        }
      };
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** Crs of a GeoPackage SRS row, when it is an EPSG one. */
  static Optional<Crs> crsOf(String organization, int organizationId) {
    if (organization != null
        && organization.toUpperCase(Locale.ROOT).equals("EPSG")
        && organizationId > 0) {
      return Optional.of(Crs.of(organizationId));
    }
    return Optional.empty();
  }
}
