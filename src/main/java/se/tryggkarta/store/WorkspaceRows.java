package se.tryggkarta.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.workspace.PublicPrivacy;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceSettingsJson;

/**
 * The reads of the workspaces table that the GeoPackage and the PostGIS store share: both keep a
 * workspace as {@code (id, name, crs_epsg, time_zone, public_access, min_events, min_cell_m,
 * settings, data_version)} plus a boundary geometry, and differ only in the boundary column (its
 * name and encoding) and in how they write it. Runs on the caller's connection and transaction;
 * stateless and thread-safe.
 */
public final class WorkspaceRows {
  /**
   * The plain columns {@link #bindFields} binds, in its order; each store adds the boundary and the
   * id in its own dialect.
   */
  public static final List<String> FIELDS =
      List.of(
          "name", "crs_epsg", "time_zone", "public_access", "min_events", "min_cell_m", "settings");

  private final String select;
  private final GeometryColumn boundary;

  /**
   * @param boundarySelect the select expression of the boundary column, a constant of the store
   * @param boundary decodes what {@code boundarySelect} gives
   */
  public WorkspaceRows(String boundarySelect, GeometryColumn boundary) {
    this.select =
        "SELECT " + boundarySelect + ", id, " + String.join(", ", FIELDS) + " FROM workspaces";
    this.boundary = boundary;
  }

  public Optional<Workspace> find(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(select + " WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  /** All workspaces, ordered by id. */
  public List<Workspace> list(Connection c) throws SQLException {
    List<Workspace> all = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(select + " ORDER BY id")) {
      while (rs.next()) {
        all.add(read(rs));
      }
    }
    return all;
  }

  private Workspace read(ResultSet rs) throws SQLException {
    byte[] geometry = rs.getBytes(1);
    return new Workspace(
        rs.getString(2),
        rs.getString(3),
        Crs.of(rs.getInt(4)),
        geometry == null ? Optional.empty() : Optional.of(boundary.decode(geometry)),
        ZoneId.of(rs.getString(5)),
        rs.getBoolean(6),
        new PublicPrivacy(rs.getInt(7), rs.getDouble(8)),
        WorkspaceSettingsJson.read(rs.getString(9)));
  }

  /** Binds the {@link #FIELDS} of a workspace from parameter {@code first}; returns the next. */
  public static int bindFields(PreparedStatement ps, Workspace w, int first) throws SQLException {
    int i = first;
    ps.setString(i++, w.name());
    ps.setInt(i++, w.crs().epsg());
    ps.setString(i++, w.timeZone().getId());
    ps.setBoolean(i++, w.publicAccess());
    ps.setInt(i++, w.privacy().minEvents());
    ps.setDouble(i++, w.privacy().minCellMeters());
    ps.setString(i++, WorkspaceSettingsJson.write(w.settings()));
    return i;
  }

  public static boolean exists(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM workspaces WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Throws NOT_FOUND when there is no workspace with the id. */
  public static void require(Connection c, String id) throws SQLException {
    if (!exists(c, id)) {
      throw DomainException.notFound("workspace", id);
    }
  }

  /** The workspace's data version; NOT_FOUND when there is no such workspace. */
  public static long dataVersion(Connection c, String id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT data_version FROM workspaces WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw DomainException.notFound("workspace", id);
        }
        return rs.getLong(1);
      }
    }
  }

  /**
   * Deletes the rows of a table whose {@code column} equals the workspace id; both names are
   * constants of the store. Returns how many went.
   */
  public static int deleteOf(Connection c, String table, String column, String id)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM " + table + " WHERE " + column + " = ?")) {
      ps.setString(1, id);
      return ps.executeUpdate();
    }
  }
}
