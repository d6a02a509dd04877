package se.tryggkarta.store.postgis;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.layer.LayerRecord;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.layer.WriteSummary;
import se.tryggkarta.store.StoreColumns;

/**
 * One import into one layer table, as one PostgreSQL transaction on one pooled connection.
 *
 * <p>Records stream through {@code COPY ... FROM STDIN} (text format) into a temporary staging
 * table that is dropped at the end of the transaction; nothing is held in Java memory beyond the
 * COPY buffer. {@link #commit()} moves the staged rows into the layer table with one {@code INSERT
 * ... SELECT DISTINCT ON (external_id) ... ON CONFLICT DO UPDATE} (the last write of an external id
 * wins, as in the GeoPackage store), bumps the workspace's data version and commits. Until then no
 * other connection sees any of it; a lost connection or a crash aborts the transaction on the
 * server, so nothing is half-stored.
 *
 * <p>The workspace row is locked {@code FOR KEY SHARE} for the whole import so the workspace cannot
 * be deleted underneath it. Not thread-safe: one import, one thread.
 */
final class PostgisLayerWriter implements LayerWriter {
  private static final int COPY_BUFFER_BYTES = 1 << 16;

  /**
   * Imports at least this large refresh the table's planner statistics at once, so the very next
   * bbox or time query uses the GiST or time index instead of waiting for autovacuum.
   */
  static final long ANALYZE_AFTER_ROWS = 10_000;

  private final Connection c;
  private final Consumer<Connection> evict;
  private final String workspaceId;
  private final PgLayerTable table;
  private final WKBWriter wkb = new WKBWriter(2, true);
  private final CopyRow row = new CopyRow();
  private final PGCopyOutputStream copy;
  private final Writer out;
  private long staged;
  private boolean finished;
  private boolean broken;

  /**
   * @param evict takes a connection whose COPY failed out of the pool (the failure bypassed the
   *     pool's own broken-connection detection)
   */
  PostgisLayerWriter(
      Connection c, Consumer<Connection> evict, String workspaceId, PgLayerTable table)
      throws SQLException {
    this.c = c;
    this.evict = evict;
    this.workspaceId = workspaceId;
    this.table = table;
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TEMP TABLE tk_stage ON COMMIT DROP AS SELECT 0::bigint AS seq, external_id,"
              + " geom, "
              + String.join(", ", table.columns)
              + ", extra FROM "
              + table.table
              + " WITH NO DATA");
    }
    String columns = "seq, external_id, geom, " + String.join(", ", table.columns) + ", extra";
    this.copy =
        new PGCopyOutputStream(
            c.unwrap(PGConnection.class),
            "COPY tk_stage (" + columns + ") FROM STDIN",
            COPY_BUFFER_BYTES);
    this.out =
        new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), COPY_BUFFER_BYTES);
  }

  @Override
  public void write(LayerRecord r) {
    if (finished) {
      throw new IllegalStateException("writer already committed or closed");
    }
    if (r.layer() != table.layer) {
      throw DomainException.invalid(
          "layer", "a " + r.layer().slug() + " record cannot go into " + table.layer.slug());
    }
    row.start().number(staged).text("id", r.externalId());
    row.raw(WKBWriter.toHex(wkb.write(r.geometryWgs84())));
    table.appendColumns(r, row);
    String extra = StoreColumns.extraJson(r.extra());
    if (extra != null && extra.contains("\\u0000")) {
      throw DomainException.invalid("extra", "a property contains a NUL character (U+0000)");
    }
    row.text("extra", extra);
    String line = row.end();
    try {
      out.write(line);
    } catch (IOException e) {
      broken = true;
      throw PostgisStore.failure(new SQLException("COPY failed: " + e.getMessage(), "08006", e));
    }
    staged++;
  }

  @Override
  public WriteSummary commit() {
    if (finished) {
      throw new IllegalStateException("writer already committed or closed");
    }
    boolean committed = false;
    try {
      out.flush();
      copy.endCopy();
      WriteSummary summary = merge();
      PostgisStore.bumpDataVersion(c, workspaceId);
      c.commit();
      committed = true;
      if (staged >= ANALYZE_AFTER_ROWS) {
        analyze();
      }
      return summary;
    } catch (IOException e) {
      broken = true;
      throw PostgisStore.failure(new SQLException("COPY failed: " + e.getMessage(), "08006", e));
    } catch (SQLException e) {
      broken = true;
      throw PostgisStore.failure(e);
    } finally {
      if (committed) {
        finished = true;
        closeConnection();
      } else {
        close();
      }
    }
  }

  private void analyze() {
    try (Statement s = c.createStatement()) {
      s.execute("ANALYZE " + table.table);
      c.commit();
    } catch (SQLException e) {
      // only statistics: the import itself is committed, and autovacuum analyses later anyway
    }
  }

  /** Upserts the staged rows; returns how many were new and how many replaced a stored one. */
  private WriteSummary merge() throws SQLException {
    String cols = String.join(", ", table.columns);
    String updates =
        table.columns.stream()
            .map(col -> col + " = EXCLUDED." + col)
            .collect(Collectors.joining(", "));
    String sql =
        "WITH up AS (INSERT INTO "
            + table.table
            + " (workspace_id, external_id, geom, "
            + cols
            + ", extra) SELECT DISTINCT ON (external_id) ?, external_id, geom, "
            + cols
            + ", extra FROM tk_stage ORDER BY external_id, seq DESC"
            + " ON CONFLICT (workspace_id, external_id) DO UPDATE SET geom = EXCLUDED.geom, "
            + updates
            + ", extra = EXCLUDED.extra RETURNING (xmax = 0) AS inserted)"
            + " SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted)"
            + " FROM up";
    try (Statement s = c.createStatement()) {
      // the DISTINCT ON sort of a large import stays in memory instead of spilling to disk
      s.execute("SET LOCAL work_mem = '256MB'");
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, workspaceId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        long inserted = rs.getLong(1);
        long replaced = rs.getLong(2);
        // an id written twice in one import replaced its own earlier row: count it as an update
        long duplicates = staged - inserted - replaced;
        return new WriteSummary(inserted, replaced + duplicates);
      }
    }
  }

  @Override
  public void close() {
    if (finished) {
      return;
    }
    finished = true;
    try {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    } catch (SQLException e) {
      // the connection is probably gone; the rollback below (or the server) discards the import
    }
    try {
      c.rollback();
    } catch (SQLException e) {
      // a broken connection has been rolled back by the server already
    } finally {
      closeConnection();
    }
  }

  /** Hands the connection back to the pool, which evicts it when it is broken. */
  private void closeConnection() {
    if (broken) {
      evict.accept(c);
      return;
    }
    try {
      c.close();
    } catch (SQLException e) {
      // nothing left to undo: the transaction is committed or rolled back
    }
  }
}
