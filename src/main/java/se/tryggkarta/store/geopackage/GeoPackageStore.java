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
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.document.StoredDocument;
import se.tryggkarta.finding.StoredPhoto;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.layer.LayerRecord;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.layer.Page;
import se.tryggkarta.layer.PointRowSink;
import se.tryggkarta.store.DocumentRows;
import se.tryggkarta.store.PhotoRows;
import se.tryggkarta.store.Store;
import se.tryggkarta.workspace.PublicPrivacy;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceSettingsJson;

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
public final class GeoPackageStore implements Store {
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
  public void createWorkspace(Workspace w) {
    write(
        c -> {
          if (workspaceExists(c, w.id())) {
            throw new DomainException(
                ErrorKind.CONFLICT, "id", "workspace '" + w.id() + "' already exists");
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO workspaces (geom, id, name, crs_epsg, time_zone, public_access,"
                      + " min_events, min_cell_m, settings, data_version) VALUES (?,?,?,?,?,?,?,?,?,0)")) {
            bindWorkspace(ps, w);
            ps.executeUpdate();
          }
          bumpDataVersion(c, w.id());
          return null;
        });
  }

  @Override
  public void updateWorkspace(Workspace w) {
    write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE workspaces SET geom=?, id=?, name=?, crs_epsg=?, time_zone=?,"
                      + " public_access=?, min_events=?, min_cell_m=?, settings=? WHERE id=?")) {
            bindWorkspace(ps, w);
            ps.setString(10, w.id());
            if (ps.executeUpdate() == 0) {
              throw DomainException.notFound("workspace", w.id());
            }
          }
          bumpDataVersion(c, w.id());
          return null;
        });
  }

  private static void bindWorkspace(PreparedStatement ps, Workspace w) throws SQLException {
    if (w.boundaryWgs84().isPresent()) {
      ps.setBytes(1, GpkgGeometry.encode(w.boundaryWgs84().get(), 4326));
    } else {
      ps.setNull(1, java.sql.Types.BLOB);
    }
    ps.setString(2, w.id());
    ps.setString(3, w.name());
    ps.setInt(4, w.crs().epsg());
    ps.setString(5, w.timeZone().getId());
    ps.setBoolean(6, w.publicAccess());
    ps.setInt(7, w.privacy().minEvents());
    ps.setDouble(8, w.privacy().minCellMeters());
    ps.setString(9, WorkspaceSettingsJson.write(w.settings()));
  }

  @Override
  public Optional<Workspace> findWorkspace(String id) {
    return read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(WORKSPACE_SELECT + " WHERE id=?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(readWorkspace(rs)) : Optional.<Workspace>empty();
            }
          }
        });
  }

  @Override
  public List<Workspace> listWorkspaces() {
    return read(
        c -> {
          List<Workspace> all = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery(WORKSPACE_SELECT + " ORDER BY id")) {
            while (rs.next()) {
              all.add(readWorkspace(rs));
            }
          }
          return all;
        });
  }

  private static final String WORKSPACE_SELECT =
      "SELECT geom, id, name, crs_epsg, time_zone, public_access, min_events, min_cell_m,"
          + " settings FROM workspaces";

  private static Workspace readWorkspace(ResultSet rs) throws SQLException {
    byte[] geom = rs.getBytes(1);
    return new Workspace(
        rs.getString(2),
        rs.getString(3),
        Crs.of(rs.getInt(4)),
        geom == null ? Optional.empty() : Optional.of(GpkgGeometry.decode(geom)),
        ZoneId.of(rs.getString(5)),
        rs.getBoolean(6),
        new PublicPrivacy(rs.getInt(7), rs.getDouble(8)),
        WorkspaceSettingsJson.read(rs.getString(9)));
  }

  @Override
  public boolean deleteWorkspace(String id) {
    return write(
        c -> {
          if (!workspaceExists(c, id)) {
            return false;
          }
          for (LayerTable t : LayerTable.values()) {
            try (PreparedStatement ps =
                c.prepareStatement("DELETE FROM " + t.table + " WHERE workspace_id=?")) {
              ps.setString(1, id);
              ps.executeUpdate();
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM tk_documents WHERE scope=?")) {
            ps.setString(1, id);
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM tk_photos WHERE workspace_id=?")) {
            ps.setString(1, id);
            ps.executeUpdate();
          }
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM workspaces WHERE id=?")) {
            ps.setString(1, id);
            ps.executeUpdate();
          }
          return true;
        });
  }

  // ---------------------------------------------------------------- layers

  @Override
  public LayerWriter openWriter(String workspaceId, Layer layer) {
    ensureOpen();
    writeLock.lock();
    try {
      if (!workspaceExists(writer, workspaceId)) {
        throw DomainException.notFound("workspace", workspaceId);
      }
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

  @Override
  public Page<LayerRecord> query(String workspaceId, Layer layer, LayerQuery query) {
    LayerTable t = LayerTable.of(layer);
    return read(
        c -> {
          requireWorkspace(c, workspaceId);
          LayerFilterSql where = LayerFilterSql.of(t, workspaceId, query);
          long total;
          try (PreparedStatement ps =
              c.prepareStatement("SELECT COUNT(*) FROM " + t.table + " WHERE " + where.sql())) {
            where.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              total = rs.getLong(1);
            }
          }
          List<LayerRecord> items = new ArrayList<>();
          selectRecords(c, t, where, query, items::add);
          return new Page<>(items, total);
        });
  }

  @Override
  public void scan(
      String workspaceId, Layer layer, LayerQuery query, Consumer<LayerRecord> consumer) {
    LayerTable t = LayerTable.of(layer);
    read(
        c -> {
          requireWorkspace(c, workspaceId);
          selectRecords(c, t, LayerFilterSql.of(t, workspaceId, query), query, consumer);
          return null;
        });
  }

  private static void selectRecords(
      Connection c, LayerTable t, LayerFilterSql where, LayerQuery q, Consumer<LayerRecord> sink)
      throws SQLException {
    String sql =
        "SELECT geom, external_id, extra, "
            + String.join(", ", t.columnNames())
            + " FROM "
            + t.table
            + " WHERE "
            + where.sql()
            + " ORDER BY external_id LIMIT ? OFFSET ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = where.bind(ps, 1);
      ps.setInt(i++, q.limit());
      ps.setLong(i, q.offset());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sink.accept(t.read(rs));
        }
      }
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
    String time = t.timeColumn.orElse("NULL");
    String weight = t.layer == Layer.INCIDENTS ? "weight" : "1.0";
    String sql =
        "SELECT geom, "
            + time
            + ", "
            + t.categoryColumn.orElseThrow()
            + ", "
            + weight
            + " FROM "
            + t.table
            + " WHERE workspace_id=?";
    return read(
        c -> {
          c.setAutoCommit(false);
          try {
            long version = dataVersion(c, workspaceId);
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

  @Override
  public Optional<LayerRecord> findRecord(String workspaceId, Layer layer, String externalId) {
    LayerTable t = LayerTable.of(layer);
    return read(
        c -> {
          requireWorkspace(c, workspaceId);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT geom, external_id, extra, "
                      + String.join(", ", t.columnNames())
                      + " FROM "
                      + t.table
                      + " WHERE workspace_id=? AND external_id=?")) {
            ps.setString(1, workspaceId);
            ps.setString(2, externalId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(t.read(rs)) : Optional.<LayerRecord>empty();
            }
          }
        });
  }

  @Override
  public boolean deleteRecord(String workspaceId, Layer layer, String externalId) {
    LayerTable t = LayerTable.of(layer);
    return write(
        c -> {
          requireWorkspace(c, workspaceId);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM " + t.table + " WHERE workspace_id=? AND external_id=?")) {
            ps.setString(1, workspaceId);
            ps.setString(2, externalId);
            boolean deleted = ps.executeUpdate() > 0;
            if (deleted) {
              bumpDataVersion(c, workspaceId);
            }
            return deleted;
          }
        });
  }

  @Override
  public long dataVersion(String workspaceId) {
    return read(c -> dataVersion(c, workspaceId));
  }

  private static long dataVersion(Connection c, String workspaceId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT data_version FROM workspaces WHERE id=?")) {
      ps.setString(1, workspaceId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw DomainException.notFound("workspace", workspaceId);
        }
        return rs.getLong(1);
      }
    }
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

  // ---------------------------------------------------------------- documents

  @Override
  public void putDocument(String collection, String scope, String id, String json) {
    putDocuments(collection, scope, Map.of(id, json));
  }

  @Override
  public void putDocuments(String collection, String scope, Map<String, String> jsonById) {
    write(
        c -> {
          if (!scope.isEmpty()) {
            requireWorkspace(c, scope);
          }
          String now = LayerTable.DATETIME.format(Instant.now());
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO tk_documents (collection, scope, doc_id, json, updated_at) VALUES"
                      + " (?,?,?,?,?) ON CONFLICT (collection, scope, doc_id) DO UPDATE SET"
                      + " json=excluded.json, updated_at=excluded.updated_at")) {
            for (var e : jsonById.entrySet()) {
              ps.setString(1, collection);
              ps.setString(2, scope);
              ps.setString(3, e.getKey());
              ps.setString(4, e.getValue());
              ps.setString(5, now);
              ps.executeUpdate();
            }
          }
          if (!scope.isEmpty()) {
            bumpDataVersion(c, scope);
          }
          return null;
        });
  }

  @Override
  public Optional<StoredDocument> findDocument(String collection, String scope, String id) {
    return read(c -> DOCUMENTS.find(c, collection, scope, id));
  }

  @Override
  public List<StoredDocument> listDocuments(String collection, String scope) {
    return read(c -> DOCUMENTS.list(c, collection, scope));
  }

  @Override
  public boolean deleteDocument(String collection, String scope, String id) {
    return write(
        c -> {
          boolean deleted = DOCUMENTS.delete(c, collection, scope, id);
          if (deleted && !scope.isEmpty()) {
            bumpDataVersion(c, scope);
          }
          return deleted;
        });
  }

  // ---------------------------------------------------------------- photos

  @Override
  public void putPhoto(String workspaceId, StoredPhoto photo) {
    write(
        c -> {
          requireWorkspace(c, workspaceId);
          PhotoRows.put(c, "tk_photos", workspaceId, photo);
          return null;
        });
  }

  @Override
  public Optional<StoredPhoto> findPhoto(String workspaceId, String photoId) {
    return read(c -> PhotoRows.find(c, "tk_photos", workspaceId, photoId));
  }

  @Override
  public boolean deletePhoto(String workspaceId, String photoId) {
    return write(c -> PhotoRows.delete(c, "tk_photos", workspaceId, photoId));
  }

  private static final DocumentRows DOCUMENTS =
      new DocumentRows(
          "tk_documents",
          (rs, column) -> Instant.from(LayerTable.DATETIME.parse(rs.getString(column))));

  // ---------------------------------------------------------------- lifecycle

  @Override
  public void checkHealth() {
    read(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
          }
          return null;
        });
  }

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

  @FunctionalInterface
  private interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  /** Runs one write transaction on the writer connection, holding the write lock. */
  private <T> T write(SqlWork<T> work) {
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
  private <T> T read(SqlWork<T> work) {
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

  private static boolean workspaceExists(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM workspaces WHERE id=?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** True when the layer table holds no row of the workspace: its first import is a bulk load. */
  private static boolean holdsNone(Connection c, LayerTable t, String workspaceId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM " + t.table + " WHERE workspace_id=? LIMIT 1")) {
      ps.setString(1, workspaceId);
      try (ResultSet rs = ps.executeQuery()) {
        return !rs.next();
      }
    }
  }

  private static void requireWorkspace(Connection c, String id) throws SQLException {
    if (!workspaceExists(c, id)) {
      throw DomainException.notFound("workspace", id);
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
