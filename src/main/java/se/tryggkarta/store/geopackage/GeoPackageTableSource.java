package se.tryggkarta.store.geopackage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.locationtech.jts.geom.Geometry;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.FieldError;
import se.tryggkarta.ingest.RecordSource;
import se.tryggkarta.ingest.SourceRecord;
import se.tryggkarta.store.StoreColumns;

/**
 * Streams the rows of one GeoPackage feature table as source records: the geometry column decoded
 * from the GeoPackage blob, every other column (except the {@code fid} key) as a property. Record
 * numbers count rows from 1 in {@code fid} order. A Tryggkarta export (columns {@code
 * workspace_id}, {@code external_id} and {@code extra}) is read back as it was written: the
 * workspace column is dropped and the {@code extra} JSON spread into properties. Opened only by
 * {@link UploadedGeoPackage}, which bounds the work and owns the file. Not thread-safe; closing
 * closes the connection and hands back to the owner.
 */
final class GeoPackageTableSource implements RecordSource {
  private final Connection c;
  private final PreparedStatement select;
  private final ResultSet rows;
  private final String geometryColumn;
  private final Optional<Crs> crs;
  private final List<String> columns = new ArrayList<>();
  private final boolean tryggkartaLayout;
  private final LongConsumer beforeRow;
  private final Runnable onClose;
  private long number;

  private GeoPackageTableSource(
      Connection c,
      String table,
      String geometryColumn,
      Optional<Crs> crs,
      LongConsumer beforeRow,
      Runnable onClose)
      throws SQLException {
    this.c = c;
    this.geometryColumn = geometryColumn;
    this.crs = crs;
    this.beforeRow = beforeRow;
    this.onClose = onClose;
    // a rowid table's natural order is rowid (fid) order, with no sorting and no temporary storage
    this.select = c.prepareStatement("SELECT * FROM " + UploadedGeoPackage.quote(table));
    beforeRow.accept(1);
    this.rows = select.executeQuery();
    ResultSetMetaData meta = rows.getMetaData();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      columns.add(meta.getColumnName(i));
    }
    this.tryggkartaLayout =
        columns.contains("workspace_id")
            && columns.contains("external_id")
            && columns.contains("extra");
  }

  /**
   * @param beforeRow called with the number of the row about to be fetched (1-based)
   * @param onClose called once the statement is closed
   */
  static GeoPackageTableSource open(
      Connection c, String table, LongConsumer beforeRow, Runnable onClose) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT g.column_name, s.organization, s.organization_coordsys_id FROM"
                + " gpkg_geometry_columns g LEFT JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id"
                + " WHERE g.table_name = ?")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw SqliteGeoPackageFiles.notGeoPackage("table " + table + " has no geometry column");
        }
        return new GeoPackageTableSource(
            c,
            table,
            rs.getString(1),
            SqliteGeoPackageFiles.crsOf(rs.getString(2), rs.getInt(3)),
            beforeRow,
            onClose);
      }
    }
  }

  @Override
  public Optional<Crs> declaredCrs() {
    return crs;
  }

  @Override
  public Optional<SourceRecord> next() {
    try {
      beforeRow.accept(number + 1);
      if (!rows.next()) {
        return Optional.empty();
      }
      number++;
      List<FieldError> problems = new ArrayList<>();
      Optional<Geometry> geometry = Optional.empty();
      Map<String, Object> properties = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        String name = columns.get(i);
        if (name.equalsIgnoreCase("fid") || (tryggkartaLayout && name.equals("workspace_id"))) {
          continue;
        }
        if (name.equals(geometryColumn)) {
          byte[] blob = rows.getBytes(i + 1);
          if (blob != null && !GpkgGeometry.isEmpty(blob)) {
            try {
              geometry = Optional.of(GpkgGeometry.decode(blob));
            } catch (RuntimeException e) {
              problems.add(
                  FieldError.ofRecord(
                      number, "geometry", "malformed geometry blob: " + e.getMessage()));
            }
          }
          continue;
        }
        Object v = rows.getObject(i + 1);
        if (v == null) {
          continue;
        }
        if (tryggkartaLayout && name.equals("extra") && v instanceof String json) {
          try {
            StoreColumns.parseExtra(json, "GeoPackage").forEach(properties::putIfAbsent);
          } catch (RuntimeException e) {
            problems.add(FieldError.ofRecord(number, "extra", "extra is not a JSON object"));
          }
          continue;
        }
        properties.put(name, v instanceof byte[] ? "(binary)" : v);
      }
      return Optional.of(
          new SourceRecord(number, Optional.empty(), geometry, properties, problems));
    } catch (SQLException e) {
      String m = String.valueOf(e.getMessage());
      if (m.contains("interrupt")) {
        throw UploadedGeoPackage.tooSlow();
      }
      if (m.contains("too big")) {
        throw new se.tryggkarta.common.DomainException(
            se.tryggkarta.common.ErrorKind.TOO_LARGE,
            "record " + (number + 1) + " holds a value larger than 64 MiB",
            Optional.of("body"),
            List.of(FieldError.ofRecord(number + 1, "row", "a value larger than 64 MiB")),
            null);
      }
      throw SqliteGeoPackageFiles.notGeoPackage(
          "the GeoPackage table cannot be read at record " + (number + 1));
    }
  }

  @Override
  public void close() {
    try {
      rows.close();
      select.close();
    } catch (SQLException ignored) {
      // read-only connection; nothing to lose
    } finally {
      onClose.run();
    }
  }
}
