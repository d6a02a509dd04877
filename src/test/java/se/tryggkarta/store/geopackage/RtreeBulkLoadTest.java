package se.tryggkarta.store.geopackage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packed R-tree against SQLite itself: {@code rtreecheck()} (SQLite's own structural check of
 * an R-tree) accepts it, and window queries through the virtual table find exactly the boxes a
 * brute-force scan finds, for trees of one leaf, of one leaf too many and of several levels; new
 * entries inserted one by one afterwards keep it valid.
 */
class RtreeBulkLoadTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0} boxes")
  @ValueSource(ints = {0, 1, 51, 52, 2_601, 20_000})
  void packedTreePassesSqlitesCheckAndAnswersWindowQueriesLikeBruteForce(int n)
      throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("r.db"))) {
      c.setAutoCommit(false); // as in the store: one transaction
      try (Statement s = c.createStatement()) {
        s.execute("CREATE VIRTUAL TABLE rt USING rtree(id, minx, maxx, miny, maxy)");
      }
      Random r = new Random(n);
      RtreeBulkLoad.Entries e = new RtreeBulkLoad.Entries(4);
      for (int i = 0; i < n; i++) {
        double x = 11 + 12 * r.nextDouble();
        double y = 55 + 14 * r.nextDouble();
        double w = i % 3 == 0 ? 0.01 * r.nextDouble() : 0; // points and small boxes
        e.add(100 + 7L * i, x, x + w, y, y + w);
      }
      RtreeBulkLoad.replaceAll(c, "rt", e);
      assertValidAndQueryable(c, e, r);

      RtreeBulkLoad.Entries more = new RtreeBulkLoad.Entries(4);
      for (int i = 0; i < 300; i++) {
        double x = 11 + 12 * r.nextDouble();
        double y = 55 + 14 * r.nextDouble();
        more.add(1_000_000 + i, x, x, y, y);
        e.add(1_000_000 + i, x, x, y, y);
      }
      RtreeBulkLoad.insert(c, "rt", more);
      assertValidAndQueryable(c, e, r);
    }
  }

  private static void assertValidAndQueryable(Connection c, RtreeBulkLoad.Entries e, Random r)
      throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT rtreecheck('rt'), (SELECT count(*) FROM rt)")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("ok");
      assertThat(rs.getInt(2)).isEqualTo(e.size);
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id FROM rt WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?")) {
      for (int q = 0; q < 40; q++) {
        double x0 = 11 + 12 * r.nextDouble();
        double y0 = 55 + 14 * r.nextDouble();
        double x1 = x0 + 3 * r.nextDouble();
        double y1 = y0 + 3 * r.nextDouble();
        ps.setDouble(1, x1);
        ps.setDouble(2, x0);
        ps.setDouble(3, y1);
        ps.setDouble(4, y0);
        Set<Long> found = new HashSet<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            found.add(rs.getLong(1));
          }
        }
        Set<Long> expected = new HashSet<>();
        for (int i = 0; i < e.size; i++) {
          if (e.minX[i] <= x1 && e.maxX[i] >= x0 && e.minY[i] <= y1 && e.maxY[i] >= y0) {
            expected.add(e.ids[i]);
          }
        }
        assertThat(found).isEqualTo(expected);
      }
    }
  }

  @org.junit.jupiter.api.Test
  void boxesRoundOutwardToFloats() {
    double v = 57.123456789;
    assertThat((double) RtreeBulkLoad.down(v)).isLessThanOrEqualTo(v);
    assertThat((double) RtreeBulkLoad.up(v)).isGreaterThanOrEqualTo(v);
    assertThat(Math.nextUp(RtreeBulkLoad.down(v))).isGreaterThan((float) (v - 1e-5));
    assertThat(RtreeBulkLoad.down(2.5)).isEqualTo(2.5f);
    assertThat(RtreeBulkLoad.up(2.5)).isEqualTo(2.5f);
  }
}
