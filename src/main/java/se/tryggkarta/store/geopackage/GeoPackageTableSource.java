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
 * workspace column is dropped and the {@code extra} JSON spread into properties. Not thread-safe;
 * closing closes the connection.
 */
final class GeoPackageTableSource implements RecordSource {
  private final Connection c;
  private final PreparedStatement select;
  private final ResultSet rows;
  private final String geometryColumn;
  private final Optional<Crs> crs;
  private final List<String> columns = new ArrayList<>();
  private final boolean tryggkartaLayout;
  private long number;

  private GeoPackageTableSource(
      Connection c, String table, String geometryColumn, Optional<Crs> crs) throws SQLException {
    this.c = c;
    this.geometryColumn = geometryColumn;
    this.crs = crs;
    this.select =
        c.prepareStatement("SELECT * FROM \"" + table.replace("\"", "\"\"") + "\" ORDER BY 1");
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

  static GeoPackageTableSource open(Connection c, String table) throws SQLException {
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
            c, table, rs.getString(1), SqliteGeoPackageFiles.crsOf(rs.getString(2), rs.getInt(3)));
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
      throw SqliteGeoPackageFiles.notGeoPackage(
          "the GeoPackage table cannot be read: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    try {
      rows.close();
      select.close();
      c.close();
    } catch (SQLException ignored) {
      // read-only connection; nothing to lose
    }
  }
}
