package se.tryggkarta.store.postgis;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

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

  private PostgisTestDatabase() {}

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
