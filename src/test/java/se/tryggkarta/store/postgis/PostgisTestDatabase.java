package se.tryggkarta.store.postgis;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostGIS database the integration tests use: {@code TRYGGKARTA_TEST_DB_URL} when set, else the
 * local database {@code scripts/provision-postgis} creates. Tests never skip for want of it: an
 * unreachable database fails them. Each test class works in its own schema, dropped first.
 */
public final class PostgisTestDatabase {
  public static final String URL =
      System.getenv()
          .getOrDefault(
              "TRYGGKARTA_TEST_DB_URL",
              "jdbc:postgresql://127.0.0.1:5432/tryggkarta_test?user=postgres");

  private static final Pattern AUTHORITY =
      Pattern.compile("^jdbc:postgresql://([^/:?]+)(?::(\\d+))?(/.*)$");

  private PostgisTestDatabase() {}

  /** The database server's host name. */
  public static String host() {
    return parts().group(1);
  }

  /** The database server's port. */
  public static int port() {
    String port = parts().group(2);
    return port == null ? 5432 : Integer.parseInt(port);
  }

  /** The same database reached through another local port (a {@link TcpProxy}). */
  public static String urlThroughLocalPort(int port) {
    return "jdbc:postgresql://127.0.0.1:" + port + parts().group(3);
  }

  private static Matcher parts() {
    Matcher m = AUTHORITY.matcher(URL);
    if (!m.matches()) {
      throw new IllegalStateException("cannot parse the test database URL " + URL);
    }
    return m;
  }

  /** Drops the schema and everything in it, so the next store opened on it starts empty. */
  public static void dropSchema(String schema) {
    try (Connection c = DriverManager.getConnection(URL);
        Statement s = c.createStatement()) {
      s.execute("SET client_min_messages = warning");
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "the PostGIS test database is not reachable at "
              + URL
              + " (run scripts/provision-postgis or set TRYGGKARTA_TEST_DB_URL)",
          e);
    }
  }

  /** A new, empty store in the given schema. */
  public static PostgisStore freshStore(String schema) {
    dropSchema(schema);
    return PostgisStore.open(URL, schema);
  }
}
