package se.tryggkarta.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.tryggkarta.document.StoredDocument;

/**
 * The documents table's SQL, shared by the GeoPackage and the PostGIS store: both keep documents in
 * a table {@code (collection, scope, doc_id, json, updated_at)}, unique by the first three, and
 * differ only in the table's name and how {@code updated_at} is stored. Runs on the caller's
 * connection and transaction; stateless and thread-safe.
 */
public final class DocumentRows {
  /** Reads the {@code updated_at} column as the store keeps it. */
  @FunctionalInterface
  public interface TimestampColumn {
    Instant read(ResultSet rs, int column) throws SQLException;
  }

  private final String table;
  private final TimestampColumn updatedAt;
  private final String now;

  /**
   * @param table the documents table's name, a constant of the store (never user input)
   * @param updatedAt reads the {@code updated_at} column
   * @param now the SQL expression of the current time as {@code updated_at} stores it, a constant
   */
  public DocumentRows(String table, TimestampColumn updatedAt, String now) {
    this.table = table;
    this.updatedAt = updatedAt;
    this.now = now;
  }

  /** Inserts or replaces the documents in one batch, each stamped with {@code now}. */
  public void put(Connection c, String collection, String scope, Map<String, String> jsonById)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO "
                + table
                + " (collection, scope, doc_id, json, updated_at) VALUES (?, ?, ?, ?, "
                + now
                + ") ON CONFLICT (collection, scope, doc_id) DO UPDATE"
                + " SET json = excluded.json, updated_at = excluded.updated_at")) {
      for (var e : jsonById.entrySet()) {
        ps.setString(1, collection);
        ps.setString(2, scope);
        ps.setString(3, e.getKey());
        ps.setString(4, e.getValue());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  public Optional<StoredDocument> find(Connection c, String collection, String scope, String id)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(select() + " WHERE collection = ? AND scope = ? AND doc_id = ?")) {
      ps.setString(1, collection);
      ps.setString(2, scope);
      ps.setString(3, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  /** The collection's documents in one scope, ordered by id. */
  public List<StoredDocument> list(Connection c, String collection, String scope)
      throws SQLException {
    List<StoredDocument> all = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(select() + " WHERE collection = ? AND scope = ? ORDER BY doc_id")) {
      ps.setString(1, collection);
      ps.setString(2, scope);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          all.add(read(rs));
        }
      }
    }
    return all;
  }

  /** Deletes one document; false when there was none. */
  public boolean delete(Connection c, String collection, String scope, String id)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM " + table + " WHERE collection = ? AND scope = ? AND doc_id = ?")) {
      ps.setString(1, collection);
      ps.setString(2, scope);
      ps.setString(3, id);
      return ps.executeUpdate() > 0;
    }
  }

  /** Deletes every document of a scope (a workspace's, when it goes). */
  public void deleteScope(Connection c, String scope) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE scope = ?")) {
      ps.setString(1, scope);
      ps.executeUpdate();
    }
  }

  private String select() {
    return "SELECT collection, scope, doc_id, json, updated_at FROM " + table;
  }

  private StoredDocument read(ResultSet rs) throws SQLException {
    return new StoredDocument(
        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), updatedAt.read(rs, 5));
  }
}
