package se.tryggkarta.store.geopackage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import se.tryggkarta.layer.LayerRecord;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.layer.WriteSummary;
import se.tryggkarta.store.StoreColumns;

/**
 * One import into one feature table, as one SQLite transaction on the store's writer connection.
 * Holds the store's write lock from creation to commit or close. Not thread-safe.
 *
 * <p>Speed: one prepared UPSERT ({@code INSERT ... ON CONFLICT (workspace_id, external_id) DO
 * UPDATE}) reused for every row and sent in batches of {@value #BATCH_ROWS}; the GeoPackage R-tree
 * triggers stay in charge of the spatial index (an update fires the {@code update1} trigger, which
 * deletes and re-inserts the entry). New versus updated is counted without a per-row SELECT: the
 * workspace's row count before and after gives the inserts, {@code inserted = after − before}, and
 * every other write replaced an existing id, {@code updated = written − inserted}.
 */
final class GeoPackageLayerWriter implements LayerWriter {
  private final Connection c;
  private final ReentrantLock lock;
  private final String workspaceId;
  private final LayerTable table;
  static final int BATCH_ROWS = 1000;

  private final PreparedStatement upsert;
  private final long rowsBefore;
  private long written;
  private int pending;
  private boolean finished;

  GeoPackageLayerWriter(Connection c, ReentrantLock lock, String workspaceId, LayerTable table)
      throws SQLException {
    this.c = c;
    this.lock = lock;
    this.workspaceId = workspaceId;
    this.table = table;
    c.setAutoCommit(false);
    this.rowsBefore = countRows();
    var cols = table.columnNames();
    StringBuilder update = new StringBuilder("geom=excluded.geom, extra=excluded.extra");
    for (String col : cols) {
      update.append(", ").append(col).append("=excluded.").append(col);
    }
    this.upsert =
        c.prepareStatement(
            "INSERT INTO "
                + table.table()
                + " (geom, workspace_id, external_id, extra, "
                + String.join(", ", cols)
                + ") VALUES (?,?,?,?"
                + ",?".repeat(cols.size())
                + ") ON CONFLICT (workspace_id, external_id) DO UPDATE SET "
                + update);
  }

  @Override
  public void write(LayerRecord r) {
    if (finished) {
      throw new IllegalStateException("writer already committed or closed");
    }
    table.requireLayerOf(r);
    try {
      upsert.setBytes(1, GpkgGeometry.encode(r.geometryWgs84(), 4326));
      upsert.setString(2, workspaceId);
      upsert.setString(3, r.externalId());
      upsert.setString(4, StoreColumns.extraJson(r.extra()));
      table.bind(r, upsert, 5);
      upsert.addBatch();
      written++;
      if (++pending >= BATCH_ROWS) {
        flush();
      }
    } catch (SQLException e) {
      throw GeoPackageStore.failure(e);
    }
  }

  @Override
  public WriteSummary commit() {
    if (finished) {
      throw new IllegalStateException("writer already committed or closed");
    }
    try {
      flush();
      long inserted = countRows() - rowsBefore;
      GeoPackageStore.bumpDataVersion(c, workspaceId);
      c.commit();
      finished = true;
      return new WriteSummary(inserted, written - inserted);
    } catch (SQLException e) {
      throw GeoPackageStore.failure(e);
    } finally {
      if (finished) {
        release(true);
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
      c.rollback();
    } catch (SQLException e) {
      throw GeoPackageStore.failure(e);
    } finally {
      release(false);
    }
  }

  private void flush() throws SQLException {
    if (pending > 0) {
      upsert.executeBatch();
      pending = 0;
    }
  }

  private long countRows() throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT COUNT(*) FROM " + table.table() + " WHERE workspace_id=?")) {
      ps.setString(1, workspaceId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Ends the transaction's hold on the writer; after a commit, checkpoints it into the file. */
  private void release(boolean committed) {
    try {
      upsert.close();
      c.setAutoCommit(true);
      if (committed) {
        GeoPackageStore.checkpoint(c);
      }
    } catch (SQLException e) {
      throw GeoPackageStore.failure(e);
    } finally {
      lock.unlock();
    }
  }
}
