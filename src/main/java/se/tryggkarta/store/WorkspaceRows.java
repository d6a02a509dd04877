package se.tryggkarta.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.workspace.PublicPrivacy;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceSettingsJson;

/**
 * The workspaces table's SQL, shared by the GeoPackage and the PostGIS store: both keep a workspace
 * as {@code (id, name, crs_epsg, time_zone, public_access, min_events, min_cell_m, settings,
 * data_version)} plus a boundary geometry, unique by id, and differ only in the boundary column
 * ({@link BoundaryColumn}) and how a settings parameter is written. Deleting a workspace's layer
 * rows stays in each store (the PostGIS store drops partitions). Runs on the caller's connection
 * and transaction; stateless and thread-safe.
 */
public final class WorkspaceRows {
  /** Encodes a boundary as the store's boundary column keeps it. */
  @FunctionalInterface
  public interface BoundaryEncoding {
    byte[] encode(Geometry boundaryWgs84);
  }

  /**
   * The boundary column in a store's dialect; all strings are constants of the store.
   *
   * @param name the column's name
   * @param select the select expression whose value {@code decoding} reads
   * @param parameter the SQL that takes {@code encoding}'s bytes as a bind parameter
   * @param nullType the JDBC type of a missing boundary's NULL
   */
  public record BoundaryColumn(
      String name,
      String select,
      String parameter,
      int nullType,
      BoundaryEncoding encoding,
      GeometryColumn decoding) {}

  /** The plain columns, in the order {@link #insert} and {@link #update} bind them. */
  private static final List<String> FIELDS =
      List.of(
          "name", "crs_epsg", "time_zone", "public_access", "min_events", "min_cell_m", "settings");

  private final BoundaryColumn boundary;
  private final String select;
  private final String insert;
  private final String update;

  /**
   * @param settingsParameter the SQL that takes the settings JSON text as a bind parameter
   */
  public WorkspaceRows(BoundaryColumn boundary, String settingsParameter) {
    this.boundary = boundary;
    this.select =
        "SELECT " + boundary.select() + ", id, " + String.join(", ", FIELDS) + " FROM workspaces";
    List<String> parameters = new ArrayList<>(Collections.nCopies(FIELDS.size() - 1, "?"));
    parameters.add(settingsParameter);
    parameters.add(boundary.parameter());
    this.insert =
        "INSERT INTO workspaces ("
            + String.join(", ", FIELDS)
            + ", "
            + boundary.name()
            + ", id, data_version) VALUES ("
            + String.join(", ", parameters)
            + ", ?, 0) ON CONFLICT (id) DO NOTHING";
    List<String> assignments = new ArrayList<>();
    for (int i = 0; i < FIELDS.size(); i++) {
      assignments.add(FIELDS.get(i) + " = " + parameters.get(i));
    }
    assignments.add(boundary.name() + " = " + boundary.parameter());
    this.update = "UPDATE workspaces SET " + String.join(", ", assignments) + " WHERE id = ?";
  }

  /**
   * Inserts a new workspace with data version 0, which the caller advances in the same transaction;
   * false (and nothing written) when the id is taken.
   */
  public boolean insert(Connection c, Workspace w) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(insert)) {
      bind(ps, w);
      return ps.executeUpdate() == 1;
    }
  }

  /** Replaces a workspace's fields and boundary; false when there is no workspace with its id. */
  public boolean update(Connection c, Workspace w) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(update)) {
      bind(ps, w);
      return ps.executeUpdate() == 1;
    }
  }

  /**
   * Binds the fields, the boundary and the id, in the order of {@link #insert} and {@link #update}.
   */
  private void bind(PreparedStatement ps, Workspace w) throws SQLException {
    int i = 1;
    ps.setString(i++, w.name());
    ps.setInt(i++, w.crs().epsg());
    ps.setString(i++, w.timeZone().getId());
    ps.setBoolean(i++, w.publicAccess());
    ps.setInt(i++, w.privacy().minEvents());
    ps.setDouble(i++, w.privacy().minCellMeters());
    ps.setString(i++, WorkspaceSettingsJson.write(w.settings()));
    if (w.boundaryWgs84().isPresent()) {
      ps.setBytes(i++, boundary.encoding().encode(w.boundaryWgs84().get()));
    } else {
      ps.setNull(i++, boundary.nullType());
    }
    ps.setString(i, w.id());
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
        geometry == null ? Optional.empty() : Optional.of(boundary.decoding().decode(geometry)),
        ZoneId.of(rs.getString(5)),
        rs.getBoolean(6),
        new PublicPrivacy(rs.getInt(7), rs.getDouble(8)),
        WorkspaceSettingsJson.read(rs.getString(9)));
  }

  public static boolean exists(Connection c, String id) throws SQLException {
    return exists(c, id, "");
  }

  /** Throws NOT_FOUND when there is no workspace with the id. */
  public static void require(Connection c, String id) throws SQLException {
    require(c, id, "");
  }

  /**
   * Throws NOT_FOUND when there is no workspace with the id, else locks its row as {@code lock}
   * says (a locking clause such as {@code FOR KEY SHARE}, a constant of the store) until the
   * transaction ends.
   */
  public static void require(Connection c, String id, String lock) throws SQLException {
    if (!exists(c, id, lock)) {
      throw DomainException.notFound("workspace", id);
    }
  }

  private static boolean exists(Connection c, String id, String lock) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(("SELECT 1 FROM workspaces WHERE id = ? " + lock).strip())) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
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
