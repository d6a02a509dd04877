package se.tryggkarta.store.geopackage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
 * GeoPackage files for import and export, through sqlite-jdbc. Reading opens a private read-only
 * copy of the upload and streams one feature table's rows, with the work bounded ({@link
 * UploadedGeoPackage}); writing creates a fresh Tryggkarta GeoPackage (the same schema as the
 * store, so QGIS and GDAL open it) holding one layer. Thread-safe.
 */
public final class SqliteGeoPackageFiles implements GeoPackageFiles {
  private static final byte[] SQLITE_MAGIC =
      "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  /** The workspace id records carry inside export files. */
  static final String EXPORT_WORKSPACE = "export";

  /**
   * Opens the upload through {@link UploadedGeoPackage}: a private read-only copy, real feature
   * tables only, bounded work. The caller's file is not modified; the copy goes with the source.
   */
  @Override
  public RecordSource openTable(Path file, Optional<String> table, Layer layer) {
    requireSqlite(file);
    return UploadedGeoPackage.open(file, table, LayerTable.of(layer).table(), layer.slug());
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

  static DomainException notGeoPackage(String reason) {
    return new DomainException(
        ErrorKind.INVALID_INPUT,
        reason,
        Optional.of("body"),
        List.of(FieldError.ofField("body", reason)),
        null);
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
