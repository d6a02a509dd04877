package se.tryggkarta.store.geopackage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.layer.PointRowSink;
import se.tryggkarta.store.DocumentRows;
import se.tryggkarta.store.SqlStore;
import se.tryggkarta.store.WorkspaceRows;

/**
 * The embedded default store: one GeoPackage file (OGC 12-128r18, version 1.3) that QGIS and GDAL
 * open directly. Each layer is a feature table in WGS84 with an R-tree index; workspaces are a
 * feature table holding their boundaries.
 *
 * <p>Concurrency: SQLite allows one writer at a time. All writes go through a single connection
 * guarded by a lock, so an import holds the lock until it commits or rolls back and other writes
 * wait. Reads use a small pool of read-only connections and run concurrently with a write (WAL
 * journal), seeing only committed data. Thread-safe.
 *
 * <p>Durability: every write is one SQLite transaction, so a crash mid-import leaves the file as it
 * was before the import.
 *
 * <p>One file: SQLite's WAL mode first appends commits to {@code <file>-wal}. After every write
 * (imports included) and on {@link #close} the store checkpoints the WAL into the file and empties
 * it ({@code PRAGMA wal_checkpoint(TRUNCATE)}), so a copy of the {@code .gpkg} alone holds all
 * committed data, whether taken while the service runs or after it stopped.
 */
public final class GeoPackageStore extends SqlStore {
  private static final int READERS = 4;
  private static final int BUSY_TIMEOUT_MS = 30_000;
  static final int WRITER_CACHE_KIB = 64 * 1024;

  /**
   * How long a checkpoint waits for readers of an older snapshot (a long export or analysis read).
   * Past it the checkpoint copies what it can and the next write or {@link #close} finishes it.
   */
  private static final int CHECKPOINT_WAIT_MS = 5_000;

  private static final Logger LOG = LoggerFactory.getLogger(GeoPackageStore.class);

  private final Path file;
  private final Connection writer;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
  private volatile boolean closed;

  private GeoPackageStore(Path file) throws SQLException {
    super(
        new WorkspaceRows(
            new WorkspaceRows.BoundaryColumn(
                "geom",
                "geom",
                "?",
                Types.BLOB,
                g -> GpkgGeometry.encode(g, 4326),
                GpkgGeometry::decode),
            "?"),
        new DocumentRows(
            "tk_documents",
            (rs, column) -> Instant.from(LayerTable.DATETIME.parse(rs.getString(column))),
            // LayerTable.DATETIME, from SQLite's clock
            "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"),
        "tk_photos",
        List.of(LayerTable.values()),
        LayerFilterSql.GEOPACKAGE,
        0,
        GeoPackageStore::bumpDataVersion,
        "SELECT 1");
    this.file = file;
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    // 64 MiB of page cache (native memory, not heap) for the writer: large imports keep the
    // unique, time and R-tree index pages cached instead of re-reading them from the OS.
    config.setCacheSize(-WRITER_CACHE_KIB);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    this.writer = DriverManager.getConnection(url(), config.toProperties());
    try (Statement s = writer.createStatement()) {
      // two helper threads for SQLite's sorter: a bulk import builds its indexes twice as fast
      s.execute("PRAGMA threads = 2");
    }
    GeoPackageSchema.registerFunctions(writer);
    GeoPackageSchema.ensure(writer);
    for (int i = 0; i < READERS; i++) {
      SQLiteConfig readConfig = new SQLiteConfig();
      readConfig.setReadOnly(true);
      readConfig.setBusyTimeout(BUSY_TIMEOUT_MS);
      Connection reader = DriverManager.getConnection(url(), readConfig.toProperties());
      GeoPackageSchema.registerFunctions(reader);
      readers.add(reader);
    }
  }

  /** Opens the file, creating it (and its folder) with an empty schema when it does not exist. */
  public static GeoPackageStore open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return new GeoPackageStore(file);
    } catch (IOException | SQLException e) {
      throw new DomainException(
          ErrorKind.UNAVAILABLE,
          "cannot open the GeoPackage store at " + file + ": " + e.getMessage(),
          Optional.empty(),
          List.of(),
          e);
    }
  }

  private String url() {
    return "jdbc:sqlite:" + file.toAbsolutePath();
  }

  /** The GeoPackage file this store keeps its data in. */
  public Path file() {
    return file;
  }

  // ---------------------------------------------------------------- workspaces

  @Override
  public boolean deleteWorkspace(String id) {
    return write(
        c -> {
          if (!WorkspaceRows.exists(c, id)) {
            return false;
          }
          for (LayerTable t : LayerTable.values()) {
            WorkspaceRows.deleteOf(c, t.table(), "workspace_id", id);
          }
          deleteDocumentsAndPhotos(c, id);
          WorkspaceRows.deleteOf(c, "workspaces", "id", id);
          return true;
        });
  }

  // ---------------------------------------------------------------- layers

  @Override
  public LayerWriter openWriter(String workspaceId, Layer layer) {
    ensureOpen();
    writeLock.lock();
    try {
      WorkspaceRows.require(writer, workspaceId);
      LayerTable t = LayerTable.of(layer);
      if (holdsNone(writer, t, workspaceId)) {
        return new GeoPackageBulkWriter(writer, writeLock, workspaceId, t);
      }
      return new GeoPackageLayerWriter(writer, writeLock, workspaceId, t);
    } catch (SQLException e) {
      writeLock.unlock();
      throw failure(e);
    } catch (RuntimeException e) {
      writeLock.unlock();
      throw e;
    }
  }

  /**
   * One read transaction (SQLite's WAL gives it one snapshot from its first read): the workspace's
   * data version, then four columns of every row of the layer, the geometry blob parsed in place.
   */
  @Override
  public long scanPoints(String workspaceId, Layer layer, PointRowSink sink) {
    LayerTable t = LayerTable.of(layer);
    if (!t.geometryType.equals("POINT")) {
      throw DomainException.invalid("layer", layer.slug() + " is not a point layer");
    }
    String time = t.timeColumn().orElse("NULL");
    String weight = t.layer() == Layer.INCIDENTS ? "weight" : "1.0";
    String sql =
        "SELECT geom, "
            + time
            + ", "
            + t.categoryColumn().orElseThrow()
            + ", "
            + weight
            + " FROM "
            + t.table()
            + " WHERE workspace_id=?";
    return read(
        c -> {
          c.setAutoCommit(false);
          try {
            long version = WorkspaceRows.dataVersion(c, workspaceId);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
              ps.setString(1, workspaceId);
              double[] xy = new double[2];
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  if (GpkgGeometry.point(rs.getBytes(1), xy)) {
                    String at = rs.getString(2);
                    long millis = at == null ? PointRowSink.NO_TIME : LayerTable.epochMillis(at);
                    sink.accept(xy[0], xy[1], millis, rs.getString(3), rs.getDouble(4));
                  }
                }
              }
            }
            return version;
          } finally {
            c.rollback();
            c.setAutoCommit(true);
          }
        });
  }

  /**
   * Gives the workspace the next value of the file's one version counter (in tk_meta), so a version
   * is never reused, not even by a workspace deleted and created again with the same id. Call
   * inside the write transaction.
   */
  static void bumpDataVersion(Connection c, String workspaceId) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE tk_meta SET value = CAST(value AS INTEGER) + 1 WHERE key ="
              + " 'data_version_counter'");
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE workspaces SET data_version = (SELECT CAST(value AS INTEGER) FROM tk_meta"
                + " WHERE key = 'data_version_counter') WHERE id=?")) {
      ps.setString(1, workspaceId);
      ps.executeUpdate();
    }
  }

  // ---------------------------------------------------------------- lifecycle

  @Override
  public String describe() {
    return "GeoPackage " + file.toAbsolutePath();
  }

  @Override
  public String kind() {
    return "geopackage";
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    writeLock.lock();
    try {
      // Readers first: SQLite removes the WAL when the last connection closes, but a read-only
      // connection cannot write it back into the file.
      Connection c;
      while ((c = readers.poll()) != null) {
        c.close();
      }
      checkpoint(writer);
      writer.close();
    } catch (SQLException e) {
      throw failure(e);
    } finally {
      writeLock.unlock();
    }
  }

  // ---------------------------------------------------------------- plumbing

  /** Runs one write transaction on the writer connection, holding the write lock. */
  @Override
  protected <T> T write(SqlWork<T> work) {
    ensureOpen();
    writeLock.lock();
    try {
      writer.setAutoCommit(false);
      T result;
      try {
        result = work.run(writer);
        writer.commit();
      } catch (SQLException | RuntimeException e) {
        writer.rollback();
        throw e;
      } finally {
        writer.setAutoCommit(true);
      }
      checkpoint(writer);
      return result;
    } catch (SQLException e) {
      throw failure(e);
    } finally {
      writeLock.unlock();
    }
  }

  /** Runs a read on a pooled read-only connection. */
  @Override
  protected <T> T read(SqlWork<T> work) {
    ensureOpen();
    Connection c;
    try {
      c = readers.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DomainException(ErrorKind.UNAVAILABLE, "interrupted while waiting for the store");
    }
    try {
      return work.run(c);
    } catch (SQLException e) {
      throw failure(e);
    } finally {
      readers.add(c);
    }
  }

  /**
   * Copies the committed pages of the WAL into the file and truncates the WAL ({@code PRAGMA
   * wal_checkpoint(TRUNCATE)}), waiting at most {@value #CHECKPOINT_WAIT_MS} ms for readers of an
   * older snapshot. Call on the writer connection, in auto-commit mode, holding the write lock. The
   * data are committed before this runs, so a checkpoint that cannot finish is logged, not thrown.
   */
  static void checkpoint(Connection writer) {
    try (Statement s = writer.createStatement()) {
      s.execute("PRAGMA busy_timeout = " + CHECKPOINT_WAIT_MS);
      try (ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
        if (rs.next() && rs.getInt(1) != 0) {
          LOG.info(
              "WAL checkpoint deferred: a read of an older snapshot is still running ({} of {}"
                  + " pages copied); the next write or shutdown finishes it",
              rs.getInt(3),
              rs.getInt(2));
        }
      } finally {
        s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
      }
    } catch (SQLException e) {
      LOG.warn("WAL checkpoint failed: {}", e.getMessage());
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new DomainException(ErrorKind.UNAVAILABLE, "the store is closed");
    }
  }

  /** True when the layer table holds no row of the workspace: its first import is a bulk load. */
  private static boolean holdsNone(Connection c, LayerTable t, String workspaceId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM " + t.table() + " WHERE workspace_id=? LIMIT 1")) {
      ps.setString(1, workspaceId);
      try (ResultSet rs = ps.executeQuery()) {
        return !rs.next();
      }
    }
  }

  static DomainException failure(SQLException e) {
    return new DomainException(
        ErrorKind.UNAVAILABLE,
        "the GeoPackage store failed: " + e.getMessage(),
        Optional.empty(),
        List.of(),
        e);
  }
}
