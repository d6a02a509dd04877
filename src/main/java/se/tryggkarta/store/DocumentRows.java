package se.tryggkarta.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.tryggkarta.document.StoredDocument;

/**
 * The reads and deletes of the documents table that the GeoPackage and the PostGIS store share:
 * both keep documents in a table {@code (collection, scope, doc_id, json, updated_at)} and differ
 * only in the table's name and how {@code updated_at} is stored. Writes stay in each store, because
 * they differ (timestamps, batching, locking). Runs on the caller's connection and transaction;
 * stateless and thread-safe.
 */
public final class DocumentRows {
  /** Reads the {@code updated_at} column as the store keeps it. */
  @FunctionalInterface
  public interface TimestampColumn {
    Instant read(ResultSet rs, int column) throws SQLException;
  }

  private final String table;
  private final TimestampColumn updatedAt;

  /**
   * @param table the documents table's name, a constant of the store (never user input)
   */
  public DocumentRows(String table, TimestampColumn updatedAt) {
    this.table = table;
    this.updatedAt = updatedAt;
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

  private String select() {
    return "SELECT collection, scope, doc_id, json, updated_at FROM " + table;
  }

  private StoredDocument read(ResultSet rs) throws SQLException {
    return new StoredDocument(
        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), updatedAt.read(rs, 5));
  }
}
