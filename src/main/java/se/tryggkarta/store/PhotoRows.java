package se.tryggkarta.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import se.tryggkarta.finding.StoredPhoto;

/**
 * The photo table's SQL, shared by the GeoPackage store ({@code tk_photos}, a BLOB column) and the
 * PostGIS store ({@code photos}, a {@code bytea} column): {@code (workspace_id, photo_id,
 * finding_id, content_type, bytes)}, unique by workspace and photo id. Both dialects accept the
 * same upsert. Runs on the caller's connection and transaction; stateless and thread-safe.
 */
public final class PhotoRows {
  private PhotoRows() {}

  /** Inserts or replaces one photo; {@code table} is a constant of the store. */
  public static void put(Connection c, String table, String workspaceId, StoredPhoto p)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO "
                + table
                + " (workspace_id, photo_id, finding_id, content_type, bytes) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (workspace_id, photo_id) DO UPDATE SET finding_id ="
                + " excluded.finding_id, content_type = excluded.content_type, bytes ="
                + " excluded.bytes")) {
      ps.setString(1, workspaceId);
      ps.setString(2, p.id());
      ps.setString(3, p.findingId());
      ps.setString(4, p.contentType());
      ps.setBytes(5, p.bytes());
      ps.executeUpdate();
    }
  }

  public static Optional<StoredPhoto> find(
      Connection c, String table, String workspaceId, String photoId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT photo_id, finding_id, content_type, bytes FROM "
                + table
                + " WHERE workspace_id = ? AND photo_id = ?")) {
      ps.setString(1, workspaceId);
      ps.setString(2, photoId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(
                new StoredPhoto(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4)))
            : Optional.empty();
      }
    }
  }

  public static boolean delete(Connection c, String table, String workspaceId, String photoId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM " + table + " WHERE workspace_id = ? AND photo_id = ?")) {
      ps.setString(1, workspaceId);
      ps.setString(2, photoId);
      return ps.executeUpdate() > 0;
    }
  }
}
