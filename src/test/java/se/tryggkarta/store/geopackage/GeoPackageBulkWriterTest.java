package se.tryggkarta.store.geopackage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.layer.WriteSummary;
import se.tryggkarta.workspace.Workspace;

/**
 * A workspace's first import into a layer (the bulk path): the file afterwards holds exactly what
 * was written, last write winning, with a spatial index SQLite's {@code rtreecheck} accepts and
 * whose entries are each row's point, the unique and time indexes and the R-tree triggers in place,
 * so later merges keep everything in step; readers see nothing until the commit, and a close
 * without commit leaves the file as it was. Oracles: brute force over what was written.
 */
class GeoPackageBulkWriterTest {
  @TempDir Path dir;

  private static Incident incident(String id, Random r) {
    return new Incident(
        id,
        new LonLat(11 + r.nextDouble(), 57 + r.nextDouble()),
        Instant.ofEpochSecond(1_700_000_000L + r.nextInt(10_000_000)),
        r.nextBoolean() ? "theft" : "assault",
        1 + r.nextInt(3),
        r.nextBoolean() ? Map.of("note", "n" + r.nextInt(5)) : Map.of());
  }

  private static List<Incident> incidents(String prefix, int n, Random r) {
    List<Incident> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(incident(prefix + i, r));
    }
    return out;
  }

  private static WriteSummary write(GeoPackageStore store, String ws, List<Incident> records) {
    try (LayerWriter w = store.openWriter(ws, Layer.INCIDENTS)) {
      records.forEach(w::write);
      return w.commit();
    }
  }

  @Test
  void aFirstImportIntoAnEmptyLayerSwapsInItsRowsWithEveryIndex() throws SQLException {
    Path file = dir.resolve("swap.gpkg");
    Random r = new Random(1);
    Map<String, Incident> latest = new HashMap<>();
    try (GeoPackageStore store = GeoPackageStore.open(file)) {
      store.createWorkspace(Workspace.of("ws", "Ws"));
      List<Incident> first = incidents("id-", 5_000, r);
      first.forEach(i -> latest.put(i.externalId(), i));
      assertThat(write(store, "ws", first)).isEqualTo(new WriteSummary(5_000, 0));
      assertMatches(store, file, "ws", latest, r);

      // a later import merges through the R-tree triggers of the swapped-in table
      List<Incident> merge = incidents("id-", 300, new Random(2));
      merge.addAll(incidents("new-", 200, r));
      merge.forEach(i -> latest.put(i.externalId(), i));
      assertThat(write(store, "ws", merge)).isEqualTo(new WriteSummary(200, 300));
      assertMatches(store, file, "ws", latest, r);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      assertThat(names(s, "index", "incidents"))
          .contains("uk_incidents_workspace_external_id", "idx_incidents_time");
      assertThat(names(s, "trigger", "incidents"))
          .contains(
              "rtree_incidents_geom_insert",
              "rtree_incidents_geom_update1",
              "rtree_incidents_geom_delete");
      assertThat(names(s, "table", "tk_load_incidents")).isEmpty();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT min(fid), max(fid), (SELECT seq FROM sqlite_sequence WHERE name ="
                  + " 'incidents') FROM incidents")) {
        rs.next();
        // the swapped-in table kept counting: its sequence is at least its highest feature id
        assertThat(rs.getLong(1)).isEqualTo(1);
        assertThat(rs.getLong(3)).isGreaterThanOrEqualTo(rs.getLong(2));
      }
    }
  }

  @Test
  void aFirstImportNextToAnotherWorkspacesRowsAppendsAndRebuildsTheTree() throws SQLException {
    Path file = dir.resolve("append.gpkg");
    Random r = new Random(3);
    Map<String, Incident> other = new HashMap<>();
    Map<String, Incident> mine = new HashMap<>();
    try (GeoPackageStore store = GeoPackageStore.open(file)) {
      store.createWorkspace(Workspace.of("other", "Other"));
      store.createWorkspace(Workspace.of("ws", "Ws"));
      incidents("id-", 3_000, r).forEach(i -> other.put(i.externalId(), i));
      write(store, "other", new ArrayList<>(other.values()));
      // the same ids in another workspace are other records
      List<Incident> records = incidents("id-", 2_000, r);
      records.add(incident("id-5", r)); // written twice: the copy fails once, then keeps the last
      records.forEach(i -> mine.put(i.externalId(), i));
      assertThat(write(store, "ws", records)).isEqualTo(new WriteSummary(2_000, 1));
      assertMatches(store, file, "ws", mine, r);
      assertMatches(store, file, "other", other, r);
      assertThat(rtreeCount(file)).isEqualTo(5_000);

      // a small first import next to a large tree: its boxes are inserted, not rebuilt
      store.createWorkspace(Workspace.of("tiny", "Tiny"));
      Map<String, Incident> tiny = new HashMap<>();
      incidents("t-", 10, r).forEach(i -> tiny.put(i.externalId(), i));
      write(store, "tiny", new ArrayList<>(tiny.values()));
      assertMatches(store, file, "tiny", tiny, r);
      assertMatches(store, file, "ws", mine, r);
      assertThat(rtreeCount(file)).isEqualTo(5_010);

      // deleting a workspace removes its boxes through the triggers
      store.deleteWorkspace("other");
      assertThat(rtreeCount(file)).isEqualTo(2_010);
      assertMatches(store, file, "ws", mine, r);
    }
  }

  @Test
  void anIdWrittenTwiceInOneImportKeepsItsLastWrite() throws SQLException {
    Path file = dir.resolve("twice.gpkg");
    Random r = new Random(4);
    try (GeoPackageStore store = GeoPackageStore.open(file)) {
      store.createWorkspace(Workspace.of("ws", "Ws"));
      List<Incident> records = incidents("id-", 1_500, r);
      Incident again = incident("id-7", r);
      Incident thrice = incident("id-7", r);
      records.add(again);
      records.add(incident("id-1499", r));
      records.add(thrice);
      Map<String, Incident> latest = new HashMap<>();
      records.forEach(i -> latest.put(i.externalId(), i));
      assertThat(write(store, "ws", records)).isEqualTo(new WriteSummary(1_500, 3));
      assertThat(store.findRecord("ws", Layer.INCIDENTS, "id-7")).contains(thrice);
      assertMatches(store, file, "ws", latest, r);
    }
  }

  @Test
  void readersSeeNothingBeforeTheCommitAndAClosedWriterLeavesTheFileAsItWas() throws SQLException {
    Path file = dir.resolve("rollback.gpkg");
    Random r = new Random(5);
    String schemaBefore;
    try (GeoPackageStore store = GeoPackageStore.open(file)) {
      store.createWorkspace(Workspace.of("ws", "Ws"));
      schemaBefore = schema(file);
      long version = store.dataVersion("ws");
      try (LayerWriter w = store.openWriter("ws", Layer.INCIDENTS)) {
        incidents("id-", 2_500, r).forEach(w::write);
        assertThat(store.query("ws", Layer.INCIDENTS, LayerQuery.ALL.withPage(1, 0)).total())
            .isZero();
      }
      assertThat(store.query("ws", Layer.INCIDENTS, LayerQuery.ALL).total()).isZero();
      assertThat(store.dataVersion("ws")).isEqualTo(version);
      assertThat(schema(file)).isEqualTo(schemaBefore);

      try (LayerWriter w = store.openWriter("ws", Layer.INCIDENTS)) {
        incidents("id-", 100, r).forEach(w::write);
        w.commit();
      }
      assertThat(store.query("ws", Layer.INCIDENTS, LayerQuery.ALL.withPage(1, 0)).total())
          .isEqualTo(100);
    }
  }

  /**
   * The workspace's rows are exactly {@code expected}; the R-tree is valid and holds each row's
   * point; bbox queries (through the R-tree) count what brute force counts.
   */
  private static void assertMatches(
      GeoPackageStore store, Path file, String ws, Map<String, Incident> expected, Random r)
      throws SQLException {
    List<Incident> stored = new ArrayList<>();
    store.scan(ws, Layer.INCIDENTS, LayerQuery.ALL, rec -> stored.add((Incident) rec));
    assertThat(stored).containsExactlyInAnyOrderElementsOf(expected.values());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      GeoPackageSchema.registerFunctions(c);
      try (ResultSet rs =
          s.executeQuery(
              "SELECT rtreecheck('rtree_incidents_geom'), (SELECT count(*) FROM incidents i"
                  + " LEFT JOIN rtree_incidents_geom t ON t.id = i.fid WHERE t.id IS NULL OR"
                  + " t.minx > ST_MinX(i.geom) OR t.maxx < ST_MaxX(i.geom) OR t.miny >"
                  + " ST_MinY(i.geom) OR t.maxy < ST_MaxY(i.geom) OR t.maxx - t.minx > 1e-5"
                  + " OR t.maxy - t.miny > 1e-5)")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("ok");
        assertThat(rs.getLong(2)).as("rows without a tight box").isZero();
      }
    }
    for (int q = 0; q < 10; q++) {
      double x = 11 + r.nextDouble() * 0.8;
      double y = 57 + r.nextDouble() * 0.8;
      Bbox box = new Bbox(x, y, x + 0.2, y + 0.2);
      long inside =
          expected.values().stream()
              .filter(i -> box.contains(i.location().lon(), i.location().lat()))
              .count();
      assertThat(
              store.query(ws, Layer.INCIDENTS, LayerQuery.ALL.withBbox(box).withPage(1, 0)).total())
          .isEqualTo(inside);
    }
  }

  private static long rtreeCount(Path file) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM rtree_incidents_geom")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<String> names(Statement s, String type, String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs =
        s.executeQuery(
            "SELECT name FROM sqlite_master WHERE type = '"
                + type
                + "' AND tbl_name = '"
                + table
                + "'")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static String schema(Path file) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT group_concat(type || name || coalesce(sql, ''), '\n') FROM"
                    + " (SELECT * FROM sqlite_master ORDER BY name)")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
