package se.tryggkarta.store.geopackage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteLimits;
import org.sqlite.SQLiteOpenMode;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.FieldError;

/**
 * The one way an uploaded GeoPackage is opened (layer imports and street network imports alike). An
 * SQLite file can carry more than data: views that run recursive queries, generated columns,
 * virtual tables, triggers. So the upload is treated as hostile:
 *
 * <ul>
 *   <li>it is copied into a private temporary directory (owner-only) and opened read-only and
 *       immutable there, so neither the original nor a sibling {@code -wal} file is touched, and
 *       the copy is deleted when the source closes or opening fails;
 *   <li>only feature tables declared in {@code gpkg_contents} that are real rowid tables (not
 *       views, not virtual or {@code WITHOUT ROWID} tables, no generated columns) with their
 *       geometry column registered are read, and the GeoPackage's own metadata tables must be real
 *       tables too;
 *   <li>the service runs only its own statements, which need no sorting or temporary indexes
 *       (automatic indexes are off, the temporary database is capped at {@value #MAX_TEMP_PAGES}
 *       pages), with untrusted schema functions off, no ATTACH and no extension loading, values
 *       capped at {@value #MAX_VALUE_BYTES} bytes;
 *   <li>the work is bounded: at most {@value #MAX_VM_STEPS} SQLite virtual-machine steps between
 *       two rows (SQLite's progress handler interrupts past it), at most {@value #MAX_ROWS} rows,
 *       and at most {@value #MAX_DECLARED_TABLES} tables declared.
 * </ul>
 *
 * Every refusal is a 4xx DomainException naming what was wrong. Not thread-safe; one per upload.
 */
final class UploadedGeoPackage {
  /** Virtual-machine steps allowed to produce one row (or to answer one metadata query). */
  static final long MAX_VM_STEPS = 50_000_000;

  /** How often, in VM steps, the progress handler runs. */
  static final int STEPS_PER_CALLBACK = 1_000;

  static final long MAX_ROWS = 5_000_000;
  static final int MAX_VALUE_BYTES = 64 << 20;
  static final int MAX_TEMP_PAGES = 4096;
  static final int MAX_DECLARED_TABLES = 1000;

  private final Path dir;
  private final Connection c;
  private final long maxVmSteps;
  private long steps;

  private UploadedGeoPackage(Path dir, Connection c, long maxVmSteps) {
    this.dir = dir;
    this.c = c;
    this.maxVmSteps = maxVmSteps;
  }

  /**
   * Opens a private read-only copy of {@code upload}; the caller's file is left as it is. The
   * returned source owns the connection and the copy.
   */
  static GeoPackageTableSource open(
      Path upload, Optional<String> table, String layerTable, String layerSlug) {
    return open(upload, table, layerTable, layerSlug, MAX_VM_STEPS);
  }

  /** As above with another step budget (tests). */
  static GeoPackageTableSource open(
      Path upload, Optional<String> table, String layerTable, String layerSlug, long maxVmSteps) {
    Path dir = null;
    UploadedGeoPackage g = null;
    try {
      dir = privateDirectory();
      Path copy = dir.resolve("upload.gpkg");
      Files.copy(upload, copy);
      g = new UploadedGeoPackage(dir, connect(copy), maxVmSteps);
      String chosen = g.chooseTable(table, layerTable, layerSlug);
      UploadedGeoPackage owner = g;
      return GeoPackageTableSource.open(g.c, chosen, owner::rowRead, owner::close);
    } catch (SQLException e) {
      closeQuietly(g, dir);
      throw g != null && g.interrupted(e) ? tooSlow() : notReadable();
    } catch (IOException e) {
      closeQuietly(g, dir);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      closeQuietly(g, dir);
      throw e;
    }
  }

  private static Path privateDirectory() throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return Files.createTempDirectory(
          "tryggkarta-upload-",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    return Files.createTempDirectory("tryggkarta-upload-");
  }

  private static Connection connect(Path copy) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setOpenMode(SQLiteOpenMode.OPEN_URI);
    config.enableLoadExtension(false);
    Connection c =
        DriverManager.getConnection(
            "jdbc:sqlite:" + copy.toUri() + "?mode=ro&immutable=1", config.toProperties());
    try {
      SQLiteConnection s = c.unwrap(SQLiteConnection.class);
      s.setLimit(SQLiteLimits.SQLITE_LIMIT_ATTACHED, 0);
      s.setLimit(SQLiteLimits.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES);
      try (Statement st = c.createStatement()) {
        st.execute("PRAGMA trusted_schema = OFF");
        st.execute("PRAGMA automatic_index = OFF");
        st.execute("PRAGMA cell_size_check = ON");
        st.execute("PRAGMA mmap_size = 0");
        st.execute("PRAGMA temp.max_page_count = " + MAX_TEMP_PAGES);
        st.execute("PRAGMA query_only = ON");
      }
      return c;
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  private void installProgressHandler() throws SQLException {
    ProgressHandler.setHandler(
        c,
        STEPS_PER_CALLBACK,
        new ProgressHandler() {
          @Override
          protected int progress() {
            steps += STEPS_PER_CALLBACK;
            return steps > maxVmSteps ? 1 : 0;
          }
        });
  }

  /** Called before each row is fetched: resets the step budget and counts the row. */
  private void rowRead(long rowNumber) {
    steps = 0;
    if (rowNumber > MAX_ROWS) {
      throw new DomainException(
          ErrorKind.TOO_LARGE,
          "the GeoPackage table has more than " + MAX_ROWS + " rows, more than one import reads",
          Optional.of("body"),
          List.of(FieldError.ofField("body", "more than " + MAX_ROWS + " rows")),
          null);
    }
  }

  private boolean interrupted(SQLException e) {
    return steps > maxVmSteps || String.valueOf(e.getMessage()).contains("interrupt");
  }

  static DomainException tooSlow() {
    String reason =
        "reading the GeoPackage took more than "
            + MAX_VM_STEPS
            + " SQLite steps for one row; the file is not a plain feature table";
    return new DomainException(
        ErrorKind.UNPROCESSABLE,
        reason,
        Optional.of("body"),
        List.of(FieldError.ofField("body", reason)),
        null);
  }

  static DomainException notReadable() {
    return SqliteGeoPackageFiles.notGeoPackage("the file cannot be read as a GeoPackage");
  }

  // ---- choosing a table ----

  private String chooseTable(Optional<String> wanted, String layerTable, String layerSlug)
      throws SQLException {
    installProgressHandler();
    for (String meta : List.of("gpkg_contents", "gpkg_geometry_columns", "gpkg_spatial_ref_sys")) {
      if (!realTable(meta)) {
        throw SqliteGeoPackageFiles.notGeoPackage(
            "not a GeoPackage: " + meta + " is missing or is not a plain table");
      }
    }
    List<String> tables = declaredFeatureTables();
    if (wanted.isPresent()) {
      for (String t : tables) {
        if (t.equalsIgnoreCase(wanted.get())) {
          return requireReadable(t);
        }
      }
      throw DomainException.invalid(
          "table", "the GeoPackage has no feature table '" + wanted.get() + "'; it has " + tables);
    }
    for (String t : tables) {
      if (t.equalsIgnoreCase(layerTable) || t.equalsIgnoreCase(layerSlug)) {
        return requireReadable(t);
      }
    }
    List<String> others = tables.stream().filter(t -> !t.equals("workspaces")).toList();
    if (others.size() == 1) {
      return requireReadable(others.get(0));
    }
    throw DomainException.invalid(
        "table",
        others.isEmpty()
            ? "the GeoPackage has no feature table"
            : "the GeoPackage has several feature tables " + others + "; choose one with table=");
  }

  /** Feature tables named in gpkg_contents that have a registered geometry column. */
  private List<String> declaredFeatureTables() throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT table_name, data_type FROM gpkg_contents")) {
      int rows = 0;
      while (rs.next()) {
        if (++rows > MAX_DECLARED_TABLES) {
          throw SqliteGeoPackageFiles.notGeoPackage(
              "the GeoPackage declares more than " + MAX_DECLARED_TABLES + " tables");
        }
        String name = rs.getString(1);
        if (name != null && "features".equalsIgnoreCase(rs.getString(2))) {
          out.add(name);
        }
      }
    }
    out.sort(String.CASE_INSENSITIVE_ORDER);
    return out;
  }

  /**
   * The table, when it is a real rowid table without generated or hidden columns and its geometry
   * column is registered and present; else INVALID_INPUT saying what it is.
   */
  private String requireReadable(String table) throws SQLException {
    String kind = schemaKind(table);
    if (!kind.equals("table")) {
      throw DomainException.invalid(
          "table",
          "'"
              + table
              + "' is "
              + kind
              + "; only plain feature tables are read from an uploaded GeoPackage");
    }
    boolean hasRowid;
    try (Statement s = c.createStatement()) {
      s.executeQuery("SELECT rowid FROM " + quote(table) + " LIMIT 0").close();
      hasRowid = true;
    } catch (SQLException e) {
      if (interrupted(e)) {
        throw e;
      }
      hasRowid = false;
    }
    if (!hasRowid) {
      throw DomainException.invalid(
          "table",
          "'" + table + "' is a WITHOUT ROWID table; GeoPackage feature tables have a fid");
    }
    List<String> columns = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT name, hidden FROM pragma_table_xinfo(?)")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (rs.getInt(2) != 0) {
            throw DomainException.invalid(
                "table",
                "'" + table + "' has a generated or hidden column '" + rs.getString(1) + "'");
          }
          columns.add(rs.getString(1));
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || !columns.contains(rs.getString(1))) {
          throw SqliteGeoPackageFiles.notGeoPackage(
              "table " + table + " has no registered geometry column");
        }
      }
    }
    return table;
  }

  private boolean realTable(String name) throws SQLException {
    return schemaKind(name).equals("table");
  }

  /** What sqlite_master says a name is: table, a view, a virtual table, or missing. */
  private String schemaKind(String name) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT type, sql FROM sqlite_master WHERE lower(name) = lower(?) AND type IN"
                + " ('table', 'view')")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return "missing";
        }
        String type = rs.getString(1);
        String sql = String.valueOf(rs.getString(2)).strip().toUpperCase(Locale.ROOT);
        if (type.equals("view")) {
          return "a view";
        }
        return sql.startsWith("CREATE VIRTUAL") ? "a virtual table" : "table";
      }
    }
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  // ---- closing ----

  private void close() {
    closeQuietly(this, dir);
  }

  private static void closeQuietly(UploadedGeoPackage g, Path dir) {
    if (g != null) {
      try {
        g.c.close();
      } catch (SQLException ignored) {
        // read-only; nothing to lose
      }
    }
    if (dir != null) {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.deleteIfExists(p);
        }
        Files.deleteIfExists(dir);
      } catch (IOException ignored) {
        // a private temporary directory left behind holds only the uploader's own file
      }
    }
  }
}
