package se.tryggkarta.store.postgis;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.layer.PointRowSink;
import se.tryggkarta.store.DocumentRows;
import se.tryggkarta.store.RecordFilter;
import se.tryggkarta.store.RecordRows;
import se.tryggkarta.store.SqlStore;
import se.tryggkarta.store.WorkspaceRows;

/**
 * The production store: a PostgreSQL database with PostGIS, shared by any number of service
 * instances. Tables live in one schema ({@value #DEFAULT_SCHEMA} unless told otherwise), created
 * and upgraded by the Flyway migrations in {@code db/migration/postgis}; geometries are stored in
 * WGS84 (SRID 4326) with GiST indexes, so QGIS reads the layers directly.
 *
 * <p>Consistency: nothing is cached. Every read goes to the database, and every write takes a new
 * value of one database sequence as the workspace's data version, so caches keyed on {@link
 * #dataVersion} never serve data that another instance has since changed, and a version never
 * repeats (not even when a workspace is deleted and created again).
 *
 * <p>Faults: connections come from a HikariCP pool with short timeouts (2 s to get a connection, 3
 * s to connect, 30 s without an answer on a socket outside imports, 10 s waiting for a lock held by
 * a running import). When the database cannot be reached every method throws {@link
 * ErrorKind#UNAVAILABLE} within those limits, and the pool reconnects by itself once the database
 * is back. Every write is one transaction.
 *
 * <p>Thread-safe.
 */
public final class PostgisStore extends SqlStore {
  /** The schema the tables go in unless {@link #open(String, String)} names another. */
  public static final String DEFAULT_SCHEMA = "tryggkarta";

  private static final Logger LOG = LoggerFactory.getLogger(PostgisStore.class);
  private static final Pattern CURRENT_SCHEMA = Pattern.compile("[?&]currentSchema=([^&]*)");
  private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final int POOL_SIZE = 10;
  private static final long CONNECTION_TIMEOUT_MS = 2_000;
  private static final int IMPORT_NETWORK_TIMEOUT_MS = 600_000;
  private static final int FETCH_SIZE = 2_000;
  private static final int LOCK_TIMEOUT_MS = 10_000;

  /** The longest a heavy read waits for a standby to replay the primary's latest writes. */
  static final long REPLICA_WAIT_MS = 1_000;

  private static final long REPLICA_POLL_MS = 5;

  private final HikariDataSource pool;
  private final String description;
  private final String schema;
  private final List<ReadReplica> replicas;
  private final AtomicInteger nextReplica = new AtomicInteger();
  private final AtomicLong replicaReads = new AtomicLong();
  private final AtomicLong primaryHeavyReads = new AtomicLong();

  private PostgisStore(
      HikariDataSource pool, String description, String schema, List<ReadReplica> replicas) {
    super(
        new WorkspaceRows(
            new WorkspaceRows.BoundaryColumn(
                "boundary",
                "ST_AsBinary(boundary)",
                "ST_GeomFromWKB(?::bytea, 4326)",
                Types.BINARY,
                g -> new WKBWriter(2).write(g),
                PgLayerTable::geometry),
            "?::jsonb"),
        new DocumentRows(
            "documents",
            (rs, column) -> rs.getObject(column, OffsetDateTime.class).toInstant(),
            "now()"),
        "photos",
        List.of(PgLayerTable.values()),
        PgFilter.POSTGIS,
        FETCH_SIZE,
        PostgisStore::bumpDataVersion,
        "SELECT postgis_lib_version()");
    this.pool = pool;
    this.description = description;
    this.schema = schema;
    this.replicas = List.copyOf(replicas);
  }

  /**
   * Opens the store on the schema the URL names with {@code currentSchema=...}, else on {@value
   * #DEFAULT_SCHEMA}; see {@link #open(String, String)}.
   */
  public static PostgisStore open(String jdbcUrl) {
    Matcher m = CURRENT_SCHEMA.matcher(jdbcUrl);
    return open(jdbcUrl, m.find() ? m.group(1) : DEFAULT_SCHEMA);
  }

  /**
   * As {@link #open(String)}, sending heavy reads to the given hot standbys of that database; see
   * {@link #open(String, String, List)}.
   */
  public static PostgisStore open(String jdbcUrl, List<String> readUrls) {
    Matcher m = CURRENT_SCHEMA.matcher(jdbcUrl);
    return open(jdbcUrl, m.find() ? m.group(1) : DEFAULT_SCHEMA, readUrls);
  }

  /**
   * Connects, creates the schema when it is missing and runs pending migrations (several instances
   * starting at once are serialised by Flyway's lock). Parameters in the URL override the defaults
   * set here ({@code connectTimeout=3}, {@code socketTimeout=30}, {@code tcpKeepAlive=true}).
   *
   * @param jdbcUrl {@code jdbc:postgresql://host:port/database?user=...}
   * @param schema the schema to keep the tables in: lower-case letters, digits and underscores
   * @throws DomainException UNAVAILABLE when the database cannot be reached or migrated
   */
  public static PostgisStore open(String jdbcUrl, String schema) {
    return open(jdbcUrl, schema, List.of());
  }

  /**
   * As {@link #open(String, String)}, with read replicas: hot standbys of the same database
   * (PostgreSQL streaming replication) that the heavy reads go to, the layer listings and the scans
   * behind analyses, exports and the event index. Writes, workspaces, documents, single records and
   * the data version stay on the primary. A heavy read first asks the primary for its current WAL
   * position and then reads from a standby that has replayed at least that far, waiting up to
   * {@value #REPLICA_WAIT_MS} ms for it, else reads from the primary: so a request sees every write
   * committed before it began, its own and other instances' alike. A standby that cannot be reached
   * rests for ten seconds while the primary serves its reads; one that fails in the middle of a
   * read fails that read (UNAVAILABLE), since part of it may already have been delivered.
   *
   * @param readUrls JDBC URLs of standbys of {@code jdbcUrl}'s database, same user and schema
   * @throws DomainException INVALID_INPUT when a read URL is a server with another database system
   *     than the primary (not its standby); a standby that cannot be reached at start only rests
   */
  public static PostgisStore open(String jdbcUrl, String schema, List<String> readUrls) {
    if (!SCHEMA_NAME.matcher(schema).matches()) {
      throw DomainException.invalid(
          "schema", "schema must be lower-case letters, digits or '_', was '" + schema + "'");
    }
    String description = "PostGIS " + withoutParameters(jdbcUrl) + " schema " + schema;
    HikariDataSource pool = pool(jdbcUrl, schema, "tryggkarta-postgis", false, description);
    try {
      Flyway.configure()
          .dataSource(pool)
          .schemas(schema)
          .createSchemas(true)
          .locations("classpath:db/migration/postgis")
          .load()
          .migrate();
    } catch (FlywayException e) {
      pool.close();
      throw new DomainException(
          ErrorKind.UNAVAILABLE,
          "cannot migrate " + description + ": " + rootMessage(e),
          Optional.empty(),
          List.of(),
          e);
    }
    List<ReadReplica> replicas = new ArrayList<>();
    try {
      Optional<String> primarySystem = systemIdentifier(pool);
      for (int i = 0; i < readUrls.size(); i++) {
        String url = readUrls.get(i);
        String replicaDescription = "standby " + withoutParameters(url);
        HikariDataSource replicaPool =
            pool(url, schema, "tryggkarta-postgis-read-" + i, true, replicaDescription);
        replicas.add(new ReadReplica(replicaPool, replicaDescription));
        Optional<String> system = systemIdentifier(replicaPool);
        if (primarySystem.isPresent()
            && system.isPresent()
            && !primarySystem.get().equals(system.get())) {
          throw DomainException.invalid(
              "db-read",
              replicaDescription
                  + " is not a standby of "
                  + withoutParameters(jdbcUrl)
                  + " (another database system)");
        }
      }
    } catch (RuntimeException e) {
      replicas.forEach(ReadReplica::close);
      pool.close();
      throw e;
    }
    if (!replicas.isEmpty()) {
      description += " with " + replicas.size() + " read replica(s)";
    }
    return new PostgisStore(pool, description, schema, replicas);
  }

  private static HikariDataSource pool(
      String jdbcUrl, String schema, String name, boolean readOnly, String description) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setPoolName(name);
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(2);
    config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
    config.setValidationTimeout(1_000);
    config.setKeepaliveTime(30_000);
    config.setReadOnly(readOnly);
    if (readOnly) {
      // a standby that is down at start does not keep the service from starting: the primary
      // serves its reads until it answers
      config.setInitializationFailTimeout(-1);
    }
    config.setConnectionInitSql("SET search_path TO " + schema + ", public");
    config.addDataSourceProperty("connectTimeout", "3");
    config.addDataSourceProperty("socketTimeout", "30");
    config.addDataSourceProperty("tcpKeepAlive", "true");
    config.addDataSourceProperty("ApplicationName", "tryggkarta");
    try {
      return new HikariDataSource(config);
    } catch (HikariPool.PoolInitializationException e) {
      throw new DomainException(
          ErrorKind.UNAVAILABLE,
          "cannot connect to " + description + ": " + rootMessage(e),
          Optional.empty(),
          List.of(),
          e);
    }
  }

  /**
   * The database system's identifier (a standby shares its primary's, another server has its own);
   * empty when the role may not call {@code pg_control_system()}, in which case the check is
   * skipped.
   */
  private static Optional<String> systemIdentifier(HikariDataSource pool) {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT system_identifier::text FROM pg_control_system()")) {
      rs.next();
      return Optional.of(rs.getString(1));
    } catch (SQLException e) {
      LOG.warn("cannot read the database system identifier: {}", e.getMessage());
      return Optional.empty();
    }
  }

  /** The schema this store keeps its tables in. */
  public String schema() {
    return schema;
  }

  // ---------------------------------------------------------------- workspaces

  @Override
  public boolean deleteWorkspace(String id) {
    return write(
        c -> {
          deleteDocumentsAndPhotos(c, id);
          // waits for a running import, which holds the workspace row
          boolean deleted = WorkspaceRows.deleteOf(c, "workspaces", "id", id) == 1;
          // the workspace's layer rows are its partitions (migration V2): drop those it has
          List<String> partitions = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT to_regclass(quote_ident(tk_partition_name(t, ?)))::text"
                      + " FROM unnest(?::text[]) AS t")) {
            ps.setString(1, id);
            ps.setArray(
                2,
                c.createArrayOf(
                    "text", Arrays.stream(PgLayerTable.values()).map(t -> t.table()).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                if (rs.getString(1) != null) {
                  partitions.add(rs.getString(1));
                }
              }
            }
          }
          if (!partitions.isEmpty()) {
            try (Statement s = c.createStatement()) {
              s.execute("DROP TABLE " + String.join(", ", partitions));
            }
          }
          return deleted;
        });
  }

  // ---------------------------------------------------------------- layers

  @Override
  public LayerWriter openWriter(String workspaceId, Layer layer) {
    Connection c = connection();
    try {
      c.setAutoCommit(false);
      c.setNetworkTimeout(Runnable::run, IMPORT_NETWORK_TIMEOUT_MS);
      guardWorkspace(c, workspaceId);
      return new PostgisLayerWriter(c, pool::evictConnection, workspaceId, PgLayerTable.of(layer));
    } catch (SQLException | RuntimeException e) {
      abandon(c);
      if (e instanceof SQLException sql) {
        throw failure(sql);
      }
      throw (RuntimeException) e;
    }
  }

  /**
   * One read-only REPEATABLE READ transaction: the workspace's data version, then {@code COPY
   * (SELECT ST_X(geom), ST_Y(geom), time, category, weight ...) TO STDOUT (FORMAT binary)} from the
   * same snapshot, parsed as it streams (about 60 bytes a row; the server sends coordinates and
   * times in binary, so it formats nothing). The COPY takes no bind parameters, so PostgreSQL
   * quotes the workspace id itself ({@code quote_literal}).
   */
  @Override
  public long scanPoints(String workspaceId, Layer layer, PointRowSink sink) {
    PgLayerTable t = PgLayerTable.of(layer);
    if (!layer.isTimedPoints() && layer != Layer.LAMPS) {
      throw DomainException.invalid("layer", layer.slug() + " is not a point layer");
    }
    return heavyRead(
        c -> {
          long version;
          String literal;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT data_version, quote_literal(?) FROM workspaces WHERE id = ?")) {
            ps.setString(1, workspaceId);
            ps.setString(2, workspaceId);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw DomainException.notFound("workspace", workspaceId);
              }
              version = rs.getLong(1);
              literal = rs.getString(2);
            }
          }
          String sql =
              "COPY (SELECT ST_X(geom), ST_Y(geom), "
                  + t.timeColumn().orElse("NULL::timestamptz")
                  + ", "
                  + t.categoryColumn().orElseThrow()
                  + ", "
                  + (layer == Layer.INCIDENTS ? "weight" : "1::float8")
                  + " FROM "
                  + t.table()
                  + " WHERE workspace_id = "
                  + literal
                  + ") TO STDOUT (FORMAT binary)";
          try (PGCopyInputStream in = new PGCopyInputStream(c.unwrap(PGConnection.class), sql)) {
            CopyOutRows rows = new CopyOutRows(in);
            while (rows.nextRow() >= 0) {
              double lon = rows.float8();
              double lat = rows.float8();
              long millis = rows.timestampMillis(PointRowSink.NO_TIME);
              String category = rows.text();
              double weight = rows.float8();
              if (!Double.isNaN(lon) && !Double.isNaN(lat)) {
                sink.accept(lon, lat, millis, category, weight);
              }
            }
            rows.finish();
          } catch (IOException e) {
            throw new SQLException(
                "reading the binary COPY of " + t.table() + " failed", "08006", e);
          }
          return version;
        });
  }

  /** The SQL and plan of a query as the store would run it (for tests and the docs). */
  public List<String> explain(String workspaceId, Layer layer, LayerQuery query) {
    PgLayerTable t = PgLayerTable.of(layer);
    return read(
        c -> {
          RecordFilter where = filter(t, workspaceId, query);
          List<String> plan = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement("EXPLAIN " + RecordRows.selectSql(t, where))) {
            where.bind(c, ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                plan.add(rs.getString(1));
              }
            }
          }
          return plan;
        });
  }

  static void bumpDataVersion(Connection c, String workspaceId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE workspaces SET data_version = nextval('tk_data_version') WHERE id = ?")) {
      ps.setString(1, workspaceId);
      ps.executeUpdate();
    }
  }

  // ---------------------------------------------------------------- lifecycle

  @Override
  public String describe() {
    return description;
  }

  @Override
  public String kind() {
    return "postgis";
  }

  @Override
  public void close() {
    replicas.forEach(ReadReplica::close);
    pool.close();
  }

  // ---------------------------------------------------------------- plumbing

  private Connection connection() {
    if (pool.isClosed()) {
      throw new DomainException(ErrorKind.UNAVAILABLE, "the store is closed");
    }
    try {
      return pool.getConnection();
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** Runs statements in autocommit mode (each its own snapshot). */
  @Override
  protected <T> T read(SqlWork<T> work) {
    try (Connection c = connection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** Runs reads in one read-only REPEATABLE READ transaction, so counts and pages agree. */
  private <T> T snapshot(SqlWork<T> work) {
    return transaction(work, true);
  }

  /** Runs one READ COMMITTED write transaction: all of it is stored, or none. */
  @Override
  protected <T> T write(SqlWork<T> work) {
    return transaction(work, false);
  }

  private <T> T transaction(SqlWork<T> work, boolean readOnly) {
    return transaction(connection(), work, readOnly);
  }

  private static <T> T transaction(Connection c, SqlWork<T> work, boolean readOnly) {
    try {
      c.setAutoCommit(false);
      if (readOnly) {
        c.setReadOnly(true);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      } else {
        try (Statement s = c.createStatement()) {
          // a write that waits on a running import's lock gives up (UNAVAILABLE, retry) in time
          s.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT_MS + "ms'");
        }
      }
      T result = work.run(c);
      c.commit();
      c.close();
      return result;
    } catch (SQLException e) {
      abandon(c);
      throw failure(e);
    } catch (RuntimeException e) {
      abandon(c);
      throw e;
    }
  }

  /**
   * A read snapshot for a heavy read: on a standby that has replayed everything the primary had
   * committed when the read began, else on the primary (see {@link #open(String, String, List)}).
   */
  @Override
  protected <T> T heavyRead(SqlWork<T> work) {
    if (replicas.isEmpty()) {
      return snapshot(work);
    }
    int first = Math.floorMod(nextReplica.getAndIncrement(), replicas.size());
    ReadReplica replica = null;
    for (int i = 0; i < replicas.size() && replica == null; i++) {
      ReadReplica r = replicas.get((first + i) % replicas.size());
      if (!r.isResting()) {
        replica = r;
      }
    }
    if (replica != null) {
      long target = read(PostgisStore::currentLsn);
      Connection c = null;
      try {
        c =
            replica.caughtUp(
                target, System.nanoTime() + REPLICA_WAIT_MS * 1_000_000, REPLICA_POLL_MS);
      } catch (SQLException e) {
        LOG.warn(
            "{} unavailable, reading from the primary: {}", replica.description(), e.getMessage());
        replica.rest();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DomainException(ErrorKind.UNAVAILABLE, "interrupted while waiting for a standby");
      }
      if (c != null) {
        replicaReads.incrementAndGet();
        return transaction(c, work, true);
      }
    }
    primaryHeavyReads.incrementAndGet();
    return snapshot(work);
  }

  private static long currentLsn(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_current_wal_lsn()::text")) {
      rs.next();
      return ReadReplica.parseLsn(rs.getString(1));
    }
  }

  /** Heavy reads a standby has served since the store opened. */
  public long replicaReads() {
    return replicaReads.get();
  }

  /**
   * Heavy reads the primary has served since the store opened: all of them without standbys, else
   * those whose standby lagged more than {@value #REPLICA_WAIT_MS} ms or was resting after a
   * failure.
   */
  public long primaryHeavyReads() {
    return primaryHeavyReads.get();
  }

  /** Rolls back and returns the connection; a broken one is evicted by the pool. */
  private static void abandon(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // a lost connection has been rolled back by the server
    }
    try {
      c.close();
    } catch (SQLException ignored) {
      // nothing more to release
    }
  }

  /** Locks the workspace row against deletion until the transaction ends; NOT_FOUND if absent. */
  @Override
  protected void guardWorkspace(Connection c, String id) throws SQLException {
    WorkspaceRows.require(c, id, "FOR KEY SHARE");
  }

  /**
   * Maps a JDBC failure to a domain error: bad data (SQLSTATE class 22) is INVALID_INPUT, a unique
   * violation CONFLICT, and everything else (no connection, class 08; shutdown, 57; resources, 53;
   * serialisation, 40) UNAVAILABLE, which HTTP answers with 503 and Retry-After.
   */
  static DomainException failure(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.startsWith("22")) {
      return new DomainException(
          ErrorKind.INVALID_INPUT,
          "the database rejected a value: " + e.getMessage(),
          Optional.empty(),
          List.of(),
          e);
    }
    if (state.equals("23505")) {
      return new DomainException(
          ErrorKind.CONFLICT, "the record already exists", Optional.empty(), List.of(), e);
    }
    if (e instanceof SQLTransientConnectionException || state.startsWith("08")) {
      LOG.warn("PostGIS unavailable: {}", e.getMessage());
    } else {
      LOG.error("PostGIS failure (SQLSTATE {})", state, e);
    }
    return new DomainException(
        ErrorKind.UNAVAILABLE,
        "the database is unavailable; try again shortly",
        Optional.empty(),
        List.of(),
        e);
  }

  private static String withoutParameters(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
