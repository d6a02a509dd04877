package se.tryggkarta.store.geopackage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.layer.LayerRecord;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.layer.WriteSummary;

/**
 * One import into one feature table, as one SQLite transaction on the store's writer connection.
 * Holds the store's write lock from creation to commit or close. Not thread-safe.
 */
final class GeoPackageLayerWriter implements LayerWriter {
  private final Connection c;
  private final ReentrantLock lock;
  private final String workspaceId;
  private final LayerTable table;
  private final PreparedStatement exists;
  private final PreparedStatement upsert;
  private long inserted;
  private long updated;
  private boolean finished;

  GeoPackageLayerWriter(Connection c, ReentrantLock lock, String workspaceId, LayerTable table)
      throws SQLException {
    this.c = c;
    this.lock = lock;
    this.workspaceId = workspaceId;
    this.table = table;
    c.setAutoCommit(false);
    this.exists =
        c.prepareStatement(
            "SELECT 1 FROM " + table.table + " WHERE workspace_id=? AND external_id=?");
    var cols = table.columnNames();
    StringBuilder update = new StringBuilder("geom=excluded.geom, extra=excluded.extra");
    for (String col : cols) {
      update.append(", ").append(col).append("=excluded.").append(col);
    }
    this.upsert =
        c.prepareStatement(
            "INSERT INTO "
                + table.table
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
    if (r.layer() != table.layer) {
      throw DomainException.invalid(
          "layer", "a " + r.layer().slug() + " record cannot go into " + table.layer.slug());
    }
    try {
      exists.setString(1, workspaceId);
      exists.setString(2, r.externalId());
      try (ResultSet rs = exists.executeQuery()) {
        if (rs.next()) {
          updated++;
        } else {
          inserted++;
        }
      }
      upsert.setBytes(1, GpkgGeometry.encode(r.geometryWgs84(), 4326));
      upsert.setString(2, workspaceId);
      upsert.setString(3, r.externalId());
      upsert.setString(4, LayerTable.extraJson(r.extra()));
      table.bind(r, upsert, 5);
      upsert.executeUpdate();
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
      GeoPackageStore.bumpDataVersion(c, workspaceId);
      c.commit();
      finished = true;
      return new WriteSummary(inserted, updated);
    } catch (SQLException e) {
      throw GeoPackageStore.failure(e);
    } finally {
      if (finished) {
        release();
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
      release();
    }
  }

  private void release() {
    try {
      exists.close();
      upsert.close();
      c.setAutoCommit(true);
    } catch (SQLException e) {
      throw GeoPackageStore.failure(e);
    } finally {
      lock.unlock();
    }
  }
}
