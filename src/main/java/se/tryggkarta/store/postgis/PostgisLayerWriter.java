package se.tryggkarta.store.postgis;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Array;
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
 * One import into one layer table, as one PostgreSQL transaction on one pooled connection. Layer
 * tables are partitioned by workspace (migration {@code V2}); an import takes one of two paths:
 *
 * <ul>
 *   <li><b>Bulk load</b>, when the workspace has no partition of the layer yet (its first import,
 *       or the first after the workspace was deleted and created again): records stream through
 *       {@code COPY ... FROM STDIN} (binary format) straight into a new table without indexes;
 *       {@link #commit()} keeps the last write of a repeated id, builds the primary key, GiST and
 *       time indexes in bulk and attaches the table as the workspace's partition. Building an index
 *       once is several times cheaper than keeping it up to date row by row.
 *   <li><b>Merge</b>, when the partition exists: records stream through COPY into a temporary
 *       staging table (dropped at the end of the transaction) and {@link #commit()} upserts them
 *       with one {@code INSERT ... SELECT DISTINCT ON (external_id) ... ON CONFLICT DO UPDATE}.
 * </ul>
 *
 * Either way the last write of an external id wins, as in the GeoPackage store; nothing is held in
 * Java memory beyond the COPY buffer (and, on the bulk path, 8–16 bytes per id to spot repeated
 * ones, see {@link RepeatedIds}); until the commit no other connection sees any of it, and a lost
 * connection or a crash aborts the transaction on the server (DDL included), so nothing is
 * half-stored.
 *
 * <p>The workspace row is locked {@code FOR KEY SHARE} for the whole import so the workspace cannot
 * be deleted underneath it, and a transaction-scoped advisory lock on (layer, workspace) makes
 * imports into the same layer of the same workspace take turns, so two first imports cannot both
 * create the partition. Not thread-safe: one import, one thread.
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

  /**
   * The workspace's partition of the layer table as a quoted SQL identifier, whether it exists yet
   * or not; and the workspace id as a SQL literal, for the DDL that takes no bind parameters. Both
   * are quoted by PostgreSQL itself ({@code quote_ident}, {@code quote_literal}).
   */
  private final String partition;

  private final String workspaceLiteral;

  private final boolean bulkLoad;
  private final RepeatedIds repeatedIds = new RepeatedIds();
  private final WKBWriter wkb = new WKBWriter(2, true);
  private final CopyRow row = new CopyRow();
  private final PGCopyOutputStream copy;
  private final OutputStream out;
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
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT pg_advisory_xact_lock(hashtextextended(?, 0)), quote_ident(p.name),"
                + " to_regclass(quote_ident(p.name)) IS NULL, quote_literal(?)"
                + " FROM tk_partition_name(?, ?) AS p (name)")) {
      ps.setString(1, table.table() + '/' + workspaceId);
      ps.setString(2, workspaceId);
      ps.setString(3, table.table());
      ps.setString(4, workspaceId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        this.partition = rs.getString(2);
        this.bulkLoad = rs.getBoolean(3);
        this.workspaceLiteral = rs.getString(4);
      }
    }
    String typed = String.join(", ", table.columnNames());
    String copySql;
    try (Statement s = c.createStatement()) {
      if (bulkLoad) {
        // tk_seq (the row's place in the import) decides which write of a repeated id is the last;
        // it is dropped before the table becomes a partition. The CHECK lets ATTACH PARTITION
        // skip its scan of the rows.
        s.execute(
            "CREATE TABLE "
                + partition
                + " (LIKE "
                + table.table()
                + " INCLUDING DEFAULTS, tk_seq bigint NOT NULL, CHECK (workspace_id = "
                + workspaceLiteral
                + "))");
        copySql =
            "COPY "
                + partition
                + " (tk_seq, external_id, geom, "
                + typed
                + ", extra, workspace_id) FROM STDIN (FORMAT binary)";
      } else {
        s.execute(
            "CREATE TEMP TABLE tk_stage ON COMMIT DROP AS SELECT 0::bigint AS tk_seq, external_id,"
                + " geom, "
                + typed
                + ", extra FROM "
                + table.table()
                + " WITH NO DATA");
        copySql =
            "COPY tk_stage (tk_seq, external_id, geom, "
                + typed
                + ", extra) FROM STDIN (FORMAT binary)";
      }
    }
    this.copy = new PGCopyOutputStream(c.unwrap(PGConnection.class), copySql, COPY_BUFFER_BYTES);
    this.out = new BufferedOutputStream(copy, COPY_BUFFER_BYTES);
    try {
      out.write(CopyRow.HEADER);
    } catch (IOException e) {
      throw copyFailed(e);
    }
  }

  /** Whether this import creates the workspace's partition (see the class comment). */
  boolean bulkLoad() {
    return bulkLoad;
  }

  @Override
  public void write(LayerRecord r) {
    if (finished) {
      throw new IllegalStateException("writer already committed or closed");
    }
    table.requireLayerOf(r);
    row.start().number(staged).text("id", r.externalId());
    row.geometry(wkb.write(r.geometryWgs84()));
    table.appendColumns(r, row);
    row.jsonb("extra", StoreColumns.extraJson(r.extra()));
    if (bulkLoad) {
      row.text("workspace", workspaceId);
      repeatedIds.add(r.externalId());
    }
    try {
      row.writeTo(out);
    } catch (IOException e) {
      throw copyFailed(e);
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
      out.write(CopyRow.TRAILER);
      out.flush();
      copy.endCopy();
      WriteSummary summary = bulkLoad ? attachPartition() : merge();
      PostgisStore.bumpDataVersion(c, workspaceId);
      c.commit();
      committed = true;
      if (staged >= ANALYZE_AFTER_ROWS) {
        analyze();
      }
      return summary;
    } catch (IOException e) {
      throw copyFailed(e);
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
      // the partition the import wrote to: the planner prunes to it for the workspace's queries
      s.execute("ANALYZE " + partition);
      c.commit();
    } catch (SQLException e) {
      // only statistics: the import itself is committed, and autovacuum analyses later anyway
    }
  }

  /**
   * Bulk load: drops the earlier writes of repeated ids, builds the indexes and attaches the table
   * as the workspace's partition. Every row is new.
   */
  private WriteSummary attachPartition() throws SQLException {
    long superseded = 0;
    if (!repeatedIds.candidates().isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "DELETE FROM "
                  + partition
                  + " t USING (SELECT external_id, max(tk_seq) AS last_seq FROM "
                  + partition
                  + " WHERE external_id = ANY (?) GROUP BY external_id) l"
                  + " WHERE t.external_id = l.external_id AND t.tk_seq < l.last_seq")) {
        Array ids = c.createArrayOf("text", repeatedIds.candidates().toArray());
        ps.setArray(1, ids);
        superseded = ps.executeUpdate();
      }
    }
    try (Statement s = c.createStatement()) {
      // index builds sort in memory up to this much, instead of in temporary files
      s.execute("SET LOCAL maintenance_work_mem = '256MB'");
      s.execute("ALTER TABLE " + partition + " DROP COLUMN tk_seq");
      // PostgreSQL names the indexes (<partition>_pkey, <partition>_geom_idx, ...), cut to fit
      // its 63-byte names and clear of every name in use, as it does for CREATE TABLE ...
      // PARTITION OF.
      s.execute("ALTER TABLE " + partition + " ADD PRIMARY KEY (external_id, workspace_id)");
      s.execute("CREATE INDEX ON " + partition + " USING gist (geom)");
      if (table.timeColumn().isPresent()) {
        s.execute("CREATE INDEX ON " + partition + " (" + table.timeColumn().get() + ")");
      }
      s.execute(
          "ALTER TABLE "
              + table.table()
              + " ATTACH PARTITION "
              + partition
              + " FOR VALUES IN ("
              + workspaceLiteral
              + ")");
    }
    // an id written twice in one import replaced its own earlier row: count it as an update
    return new WriteSummary(staged - superseded, superseded);
  }

  /** Merge: upserts the staged rows; returns how many were new and how many replaced one. */
  private WriteSummary merge() throws SQLException {
    String cols = String.join(", ", table.columnNames());
    String updates =
        table.columnNames().stream()
            .map(col -> col + " = EXCLUDED." + col)
            .collect(Collectors.joining(", "));
    String sql =
        "WITH up AS (INSERT INTO "
            + partition
            + " (workspace_id, external_id, geom, "
            + cols
            + ", extra) SELECT DISTINCT ON (external_id) ?, external_id, geom, "
            + cols
            + ", extra FROM tk_stage ORDER BY external_id, tk_seq DESC"
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

  /** A COPY that failed on the wire: the connection is broken and leaves the pool. */
  private DomainException copyFailed(IOException e) {
    broken = true;
    return PostgisStore.failure(new SQLException("COPY failed: " + e.getMessage(), "08006", e));
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
