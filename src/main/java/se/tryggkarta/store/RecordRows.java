package se.tryggkarta.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Consumer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.layer.LayerRecord;

/**
 * The reads and deletes of a layer's records that the GeoPackage and the PostGIS store share; the
 * table's {@link RecordTable} and the query's {@link RecordFilter} carry what differs. Writes stay
 * in each store's layer writer, because they differ (bulk loads, COPY, partitions). Runs on the
 * caller's connection and transaction; stateless and thread-safe.
 */
public final class RecordRows {
  private RecordRows() {}

  public static Optional<LayerRecord> find(
      Connection c, RecordTable t, String workspaceId, String externalId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + t.selectList()
                + " FROM "
                + t.table()
                + " WHERE workspace_id = ? AND external_id = ?")) {
      ps.setString(1, workspaceId);
      ps.setString(2, externalId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(t.read(rs)) : Optional.empty();
      }
    }
  }

  /** Deletes one record; false when there was none. */
  public static boolean delete(Connection c, RecordTable t, String workspaceId, String externalId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM " + t.table() + " WHERE workspace_id = ? AND external_id = ?")) {
      ps.setString(1, workspaceId);
      ps.setString(2, externalId);
      return ps.executeUpdate() > 0;
    }
  }

  /** How many records the filter selects. */
  public static long count(Connection c, RecordTable t, RecordFilter where) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT count(*) FROM " + t.table() + " WHERE " + where.sql())) {
      where.bind(c, ps, 1);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The filter's records ordered by external id, without paging. */
  public static String selectSql(RecordTable t, RecordFilter where) {
    return "SELECT "
        + t.selectList()
        + " FROM "
        + t.table()
        + " WHERE "
        + where.sql()
        + " ORDER BY external_id";
  }

  /**
   * Streams the query's page of the filter's records, ordered by external id, to the sink.
   *
   * @param fetchSize rows the driver fetches at a time, 0 for the driver's default
   */
  public static void select(
      Connection c,
      RecordTable t,
      RecordFilter where,
      LayerQuery q,
      int fetchSize,
      Consumer<LayerRecord> sink)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(selectSql(t, where) + " LIMIT ? OFFSET ?")) {
      ps.setFetchSize(fetchSize);
      int i = where.bind(c, ps, 1);
      ps.setInt(i++, q.limit());
      ps.setLong(i, q.offset());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sink.accept(t.read(rs));
        }
      }
    }
  }
}
