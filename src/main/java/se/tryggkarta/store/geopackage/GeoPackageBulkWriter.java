package se.tryggkarta.store.geopackage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Lamp;
import se.tryggkarta.layer.LayerRecord;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.layer.UnsafePlace;
import se.tryggkarta.layer.WriteSummary;
import se.tryggkarta.store.StoreColumns;

/**
 * The bulk path of a GeoPackage import: a workspace's first import into a layer (it holds no rows
 * of that layer yet), as one SQLite transaction on the store's writer connection. Holds the store's
 * write lock from creation to commit or close; only its loading thread touches the connection until
 * {@link #commit()} or {@link #close()} has waited for it. Not thread-safe: one import, one
 * importing thread.
 *
 * <ol>
 *   <li>Records are handed in batches to a loading thread that encodes and inserts them while the
 *       importing thread reads and validates the next ones (two cores, two halves of the work).
 *       Rows go into a fresh load table with the layer table's columns and no index, constraint or
 *       trigger, through one prepared INSERT reused for every row (points are encoded without
 *       building a geometry). Each row's feature id is assigned here, after the highest the layer
 *       table ever used, and its box is kept in memory (16 bytes a row) for the spatial index, so
 *       no SQL function is called per row.
 *   <li>{@link #commit()} either <b>swaps</b> the load table in (the layer table holds no rows of
 *       any workspace: it is dropped, the load table renamed to its name, its unique and time
 *       indexes built once over the sorted rows and the R-tree triggers recreated), or
 *       <b>appends</b> it (other workspaces' rows exist: the rows are copied over in external-id
 *       order with the R-tree insert trigger dropped for the copy). The R-tree is then rebuilt in
 *       one pass ({@link RtreeBulkLoad}) from its existing entries and the new boxes, unless the
 *       import is small next to it (then the new boxes are inserted one by one, in Hilbert order).
 *       An id written more than once (the unique index or the copy fails on it) keeps its last
 *       write: the earlier rows are deleted and the step repeated.
 * </ol>
 *
 * Until the commit no reader sees any of it (SQLite's WAL gives readers the last committed
 * snapshot, schema included), and a failure or a close without commit rolls all of it back, the new
 * table and the dropped triggers too: SQLite's DDL is transactional.
 */
final class GeoPackageBulkWriter implements LayerWriter {
  private static final String LOAD_PREFIX = "tk_load_";

  /** Batches queued for the loading thread: enough to keep it busy, few enough to stay small. */
  private static final int QUEUED_BATCHES = 4;

  /**
   * SQLite's page cache while loading and while building a new table's indexes, in KiB. Appends
   * need next to no cache (the OS keeps the file), and the index builds' sorter takes this much per
   * sorter thread before it spills sorted runs to temporary files and merges them. Measured on 1M
   * rows (2026-12-06): 16 MiB peaked at 294–301 MiB resident, 4 MiB at 247–259 MiB, at the same
   * speed. A merge into stored rows goes back to the writer's cache for its index updates.
   */
  private static final int BULK_CACHE_KIB = 4 * 1024;

  /** Rebuild the whole R-tree unless it holds more than this many entries per new one. */
  private static final int REBUILD_RATIO = 16;

  private final Connection c;
  private final ReentrantLock lock;
  private final String workspaceId;
  private final LayerTable table;
  private final String load;
  private final String rtree;
  private final PreparedStatement insert;
  private final long firstFid;
  private final RtreeBulkLoad.Entries boxes = new RtreeBulkLoad.Entries(1 << 16);
  private long nextFid;
  private boolean finished;

  /** Records on their way to the loading thread, in batches; an empty batch ends the stream. */
  private final BlockingQueue<List<LayerRecord>> batches = new ArrayBlockingQueue<>(QUEUED_BATCHES);

  private List<LayerRecord> batch = new ArrayList<>(GeoPackageLayerWriter.BATCH_ROWS);
  private final ExecutorService loader;
  private final Future<?> loading;
  private volatile Throwable loadFailure;

  GeoPackageBulkWriter(Connection c, ReentrantLock lock, String workspaceId, LayerTable table)
      throws SQLException {
    this.c = c;
    this.lock = lock;
    this.workspaceId = workspaceId;
    this.table = table;
    this.load = LOAD_PREFIX + table.table();
    this.rtree = "rtree_" + table.table() + "_geom";
    c.setAutoCommit(false);
    try {
      try (Statement s = c.createStatement()) {
        pageCache(s, BULK_CACHE_KIB); // native memory: see the constant
        s.execute("DROP TABLE IF EXISTS " + load);
        s.execute(
            "CREATE TABLE "
                + load
                + " (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom "
                + table.geometryType
                + ", workspace_id TEXT NOT NULL, external_id TEXT NOT NULL, "
                + String.join(", ", table.columnDdl)
                + ", extra TEXT)");
      }
      this.firstFid = highestFid() + 1;
      this.nextFid = firstFid;
      var cols = table.columnNames();
      this.insert =
          c.prepareStatement(
              "INSERT INTO "
                  + load
                  + " (fid, geom, workspace_id, external_id, extra, "
                  + String.join(", ", cols)
                  + ") VALUES (?,?,?,?,?"
                  + ",?".repeat(cols.size())
                  + ")");
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        pageCache(s, GeoPackageStore.WRITER_CACHE_KIB);
      }
      throw e;
    }
    this.loader =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread t = new Thread(task, "tk-gpkg-bulk-load");
              t.setDaemon(true);
              return t;
            });
    this.loading = loader.submit(this::load);
  }

  /**
   * The loading thread: binds and inserts each batch until the empty one. After a failure it keeps
   * taking batches (and drops them) so the importing thread never blocks on a full queue; the
   * failure surfaces at its next write or at commit.
   */
  private void load() {
    try {
      while (true) {
        List<LayerRecord> next = batches.take();
        if (next.isEmpty()) {
          return;
        }
        if (loadFailure == null) {
          try {
            for (LayerRecord r : next) {
              insert(r);
            }
            insert.executeBatch();
          } catch (SQLException | RuntimeException | Error e) {
            loadFailure = e;
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The highest feature id the layer table has ever given (AUTOINCREMENT never reuses one). */
  private long highestFid() throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT max(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = ?), 0),"
                + " COALESCE((SELECT max(fid) FROM "
                + table.table()
                + "), 0))")) {
      ps.setString(1, table.table());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Override
  public void write(LayerRecord r) {
    if (finished) {
      throw new IllegalStateException("writer already committed or closed");
    }
    table.requireLayerOf(r);
    rethrowLoadFailure();
    batch.add(r);
    if (batch.size() >= GeoPackageLayerWriter.BATCH_ROWS) {
      hand(batch);
      batch = new ArrayList<>(GeoPackageLayerWriter.BATCH_ROWS);
    }
  }

  /** Passes a batch to the loading thread, waiting while the queue is full. */
  private void hand(List<LayerRecord> records) {
    try {
      batches.put(records);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DomainException(ErrorKind.UNAVAILABLE, "interrupted while importing");
    }
  }

  /**
   * Ends the loading thread's stream and waits for it to finish every batch handed over (an
   * interrupt is kept for later: the connection must be the importing thread's again before
   * anything else happens on it).
   */
  private void drain() {
    if (!batch.isEmpty()) {
      hand(batch);
      batch = new ArrayList<>();
    }
    boolean interrupted = false;
    while (true) {
      try {
        batches.put(List.of());
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    while (true) {
      try {
        loading.get();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      } catch (ExecutionException e) {
        loadFailure = e.getCause();
        break;
      }
    }
    loader.shutdown();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void rethrowLoadFailure() {
    Throwable f = loadFailure;
    if (f instanceof SQLException e) {
      throw GeoPackageStore.failure(e);
    }
    if (f instanceof RuntimeException e) {
      throw e;
    }
    if (f instanceof Error e) {
      throw e;
    }
  }

  /** Encodes one record into the load table's insert (on the loading thread). */
  private void insert(LayerRecord r) throws SQLException {
    long fid = nextFid++;
    insert.setLong(1, fid);
    double x;
    double y;
    if (r instanceof Incident i) {
      x = i.location().lon();
      y = i.location().lat();
      insert.setBytes(2, GpkgGeometry.encodePoint(x, y, 4326));
      boxes.add(fid, x, x, y, y);
    } else if (r instanceof UnsafePlace u) {
      x = u.location().lon();
      y = u.location().lat();
      insert.setBytes(2, GpkgGeometry.encodePoint(x, y, 4326));
      boxes.add(fid, x, x, y, y);
    } else if (r instanceof Lamp l) {
      x = l.location().lon();
      y = l.location().lat();
      insert.setBytes(2, GpkgGeometry.encodePoint(x, y, 4326));
      boxes.add(fid, x, x, y, y);
    } else {
      Geometry g = r.geometryWgs84();
      insert.setBytes(2, GpkgGeometry.encode(g, 4326));
      if (!g.isEmpty()) {
        Envelope e = g.getEnvelopeInternal();
        boxes.add(fid, e.getMinX(), e.getMaxX(), e.getMinY(), e.getMaxY());
      }
    }
    insert.setString(3, workspaceId);
    insert.setString(4, r.externalId());
    insert.setString(5, StoreColumns.extraJson(r.extra()));
    table.bind(r, insert, 6);
    insert.addBatch();
  }

  @Override
  public WriteSummary commit() {
    if (finished) {
      throw new IllegalStateException("writer already committed or closed");
    }
    drain();
    rethrowLoadFailure();
    try {
      insert.close();
      BitSet dropped = new BitSet();
      boolean swap = tableIsEmpty();
      try (Statement s = c.createStatement()) {
        if (swap) {
          s.execute("DROP TABLE " + table.table());
          String unique =
              "CREATE UNIQUE INDEX uk_"
                  + table.table()
                  + "_workspace_external_id ON "
                  + load
                  + " (workspace_id, external_id)";
          if (!executeUnlessAnIdRepeats(s, unique)) {
            dropped = dropEarlierWrites(s);
            s.execute(unique);
          }
          if (table.timeColumn().isPresent()) {
            s.execute(
                "CREATE INDEX idx_"
                    + table.table()
                    + "_time ON "
                    + load
                    + " (workspace_id, "
                    + table.timeColumn().get()
                    + ")");
          }
          s.execute("ALTER TABLE " + load + " RENAME TO " + table.table());
        } else {
          // inserting into the stored table's indexes reads their pages at random: full cache
          pageCache(s, GeoPackageStore.WRITER_CACHE_KIB);
          s.execute("DROP TRIGGER " + rtree + "_insert");
          String columns =
              "fid, geom, workspace_id, external_id, extra, "
                  + String.join(", ", table.columnNames());
          String copy =
              "INSERT INTO "
                  + table.table()
                  + " ("
                  + columns
                  + ") SELECT "
                  + columns
                  + " FROM "
                  + load
                  + " ORDER BY external_id";
          if (!executeUnlessAnIdRepeats(s, copy)) {
            dropped = dropEarlierWrites(s);
            s.execute(copy);
          }
          s.execute("DROP TABLE " + load);
        }
        GeoPackageSchema.rtreeIndex(s, table.table());
      }
      long written = nextFid - firstFid;
      long stored = written - dropped.cardinality();
      updateRtree(dropped, stored);
      GeoPackageStore.bumpDataVersion(c, workspaceId);
      c.commit();
      finished = true;
      return new WriteSummary(stored, written - stored);
    } catch (SQLException e) {
      throw GeoPackageStore.failure(e);
    } finally {
      if (finished) {
        release(true);
      }
    }
  }

  /**
   * Runs a statement that a repeated external id makes fail on the unique key; false (and nothing
   * done: SQLite undoes the failed statement alone, the transaction goes on) when one did. Ids
   * written twice are rare (an import rejects a file that repeats one), so they are found this way
   * for free rather than by hashing every id.
   */
  private static boolean executeUnlessAnIdRepeats(Statement s, String sql) throws SQLException {
    try {
      s.execute(sql);
      return true;
    } catch (SQLiteException e) {
      if (e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
          || e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Deletes every write of an id but its last (the highest fid) and returns the deleted rows'
   * offsets from the first fid.
   */
  private BitSet dropEarlierWrites(Statement s) throws SQLException {
    BitSet dropped = new BitSet();
    String earlier =
        " FROM "
            + load
            + " WHERE fid NOT IN (SELECT max(fid) FROM "
            + load
            + " GROUP BY external_id)";
    try (ResultSet rs = s.executeQuery("SELECT fid" + earlier)) {
      while (rs.next()) {
        dropped.set((int) (rs.getLong(1) - firstFid));
      }
    }
    s.execute("DELETE" + earlier);
    return dropped;
  }

  /** Sets the connection's SQLite page cache (native memory) to {@code kib} KiB. */
  private static void pageCache(Statement s, int kib) throws SQLException {
    s.execute("PRAGMA cache_size = -" + kib);
  }

  private boolean tableIsEmpty() throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM " + table.table() + ")")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  /** Rebuilds the R-tree with the new boxes, or inserts them when the tree dwarfs them. */
  private void updateRtree(BitSet dropped, long stored) throws SQLException {
    RtreeBulkLoad.Entries fresh = boxes;
    if (!dropped.isEmpty()) {
      fresh = new RtreeBulkLoad.Entries(boxes.size);
      for (int i = 0; i < boxes.size; i++) {
        if (!dropped.get((int) (boxes.ids[i] - firstFid))) {
          fresh.add(boxes.ids[i], boxes.minX[i], boxes.maxX[i], boxes.minY[i], boxes.maxY[i]);
        }
      }
    }
    long existing;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + rtree + "_rowid")) {
      rs.next();
      existing = rs.getLong(1);
    }
    if (existing > REBUILD_RATIO * Math.max(1, stored)) {
      RtreeBulkLoad.insert(c, rtree, fresh);
      return;
    }
    RtreeBulkLoad.Entries all = RtreeBulkLoad.Entries.readAll(c, rtree, (int) (existing + 16));
    for (int i = 0; i < fresh.size; i++) {
      all.add(fresh.ids[i], fresh.minX[i], fresh.maxX[i], fresh.minY[i], fresh.maxY[i]);
    }
    RtreeBulkLoad.replaceAll(c, rtree, all);
  }

  @Override
  public void close() {
    if (finished) {
      return;
    }
    finished = true;
    try {
      if (!loader.isShutdown()) {
        batch = new ArrayList<>(); // not stored anyway
        drain();
      }
      c.rollback();
    } catch (SQLException e) {
      throw GeoPackageStore.failure(e);
    } finally {
      release(false);
    }
  }

  /**
   * Ends the transaction's hold on the writer. After a commit it checkpoints the WAL into the file,
   * as the row-by-row writer does, so a copy of the .gpkg alone holds the import.
   */
  private void release(boolean committed) {
    try {
      insert.close();
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        pageCache(s, GeoPackageStore.WRITER_CACHE_KIB);
      }
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
