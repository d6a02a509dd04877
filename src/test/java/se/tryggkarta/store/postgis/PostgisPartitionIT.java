package se.tryggkarta.store.postgis;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.layer.LayerRecord;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.layer.WriteSummary;
import se.tryggkarta.workspace.Workspace;

/**
 * How the PostGIS store keeps each workspace's layer in a partition of its own (migration V2): the
 * first import bulk-loads a new partition, later imports merge into it, a failed first import
 * leaves no partition, deleting a workspace drops its partitions, two first imports take turns, and
 * a version-1 database keeps its rows through the migration.
 */
class PostgisPartitionIT {
  private static final String SCHEMA = "it_partitions";
  private static final Instant T0 = Instant.parse("2024-03-01T18:00:00Z");
  private PostgisStore store;

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private PostgisStore fresh() {
    store = PostgisTestDatabase.freshStore(SCHEMA);
    return store;
  }

  @Test
  void theFirstImportBulkLoadsAnIndexedPartitionAndLaterImportsMergeIntoIt() {
    fresh().createWorkspace(Workspace.of("kungalv", "Kungälv"));
    try (LayerWriter w = store.openWriter("kungalv", Layer.INCIDENTS)) {
      assertThat(((PostgisLayerWriter) w).bulkLoad()).isTrue();
      w.write(incident("a", 12.0, T0));
      w.write(incident("b", 12.1, T0));
      assertThat(w.commit()).isEqualTo(new WriteSummary(2, 0));
    }
    assertThat(partitionOf("incidents", "kungalv")).isEqualTo("incidents_kungalv");
    assertThat(indexesOf("incidents_kungalv"))
        .containsExactlyInAnyOrder(
            "incidents_kungalv_pkey",
            "incidents_kungalv_geom_idx",
            "incidents_kungalv_occurred_at_idx");
    assertThat(columnsOf("incidents_kungalv")).doesNotContain("tk_seq");

    try (LayerWriter w = store.openWriter("kungalv", Layer.INCIDENTS)) {
      assertThat(((PostgisLayerWriter) w).bulkLoad()).isFalse();
      w.write(incident("b", 13.0, T0.plusSeconds(60)));
      w.write(incident("c", 12.2, T0));
      assertThat(w.commit()).isEqualTo(new WriteSummary(1, 1));
    }
    assertThat(ids("kungalv")).containsExactly("a", "b", "c");
    assertThat(store.findRecord("kungalv", Layer.INCIDENTS, "b"))
        .contains(incident("b", 13.0, T0.plusSeconds(60)));
  }

  @Test
  void aBulkLoadKeepsTheLastWriteOfEveryRepeatedIdAmongThousands() {
    fresh().createWorkspace(Workspace.of("ale", "Ale"));
    WriteSummary summary;
    try (LayerWriter w = store.openWriter("ale", Layer.INCIDENTS)) {
      for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 5_000; i++) {
          // ids divisible by 7 come in every round, the others only in the first
          if (round == 0 || i % 7 == 0) {
            w.write(incident("i" + i, 12 + round * 0.1, T0.plusSeconds(i)));
          }
        }
      }
      summary = w.commit();
    }
    int repeated = (5_000 + 6) / 7;
    assertThat(summary).isEqualTo(new WriteSummary(5_000, 2L * repeated));
    assertThat(store.query("ale", Layer.INCIDENTS, LayerQuery.ALL).total()).isEqualTo(5_000);
    assertThat(store.findRecord("ale", Layer.INCIDENTS, "i7"))
        .contains(incident("i7", 12.2, T0.plusSeconds(7)));
    assertThat(store.findRecord("ale", Layer.INCIDENTS, "i8"))
        .contains(incident("i8", 12.0, T0.plusSeconds(8)));
  }

  @Test
  void aFirstImportThatIsNotCommittedLeavesNoPartitionAndTheNextOneBulkLoads() {
    fresh().createWorkspace(Workspace.of("lerum", "Lerum"));
    try (LayerWriter w = store.openWriter("lerum", Layer.INCIDENTS)) {
      w.write(incident("a", 12.0, T0));
    }
    assertThat(partitionOf("incidents", "lerum")).isNull();
    try (LayerWriter w = store.openWriter("lerum", Layer.INCIDENTS)) {
      assertThat(((PostgisLayerWriter) w).bulkLoad()).isTrue();
      w.write(incident("a", 12.0, T0));
      w.commit();
    }
    assertThat(ids("lerum")).containsExactly("a");
  }

  @Test
  void deletingAWorkspaceDropsItsPartitionsAndNoOtherWorkspaces() {
    fresh().createWorkspace(Workspace.of("ale", "Ale"));
    store.createWorkspace(Workspace.of("alingsas", "Alingsås"));
    for (String ws : List.of("ale", "alingsas")) {
      try (LayerWriter w = store.openWriter(ws, Layer.INCIDENTS)) {
        w.write(incident(ws + "-1", 12.0, T0));
        w.commit();
      }
    }
    assertThat(store.deleteWorkspace("ale")).isTrue();
    assertThat(partitionOf("incidents", "ale")).isNull();
    assertThat(ids("alingsas")).containsExactly("alingsas-1");

    store.createWorkspace(Workspace.of("ale", "Ale again"));
    assertThat(ids("ale")).isEmpty();
    try (LayerWriter w = store.openWriter("ale", Layer.INCIDENTS)) {
      assertThat(((PostgisLayerWriter) w).bulkLoad()).isTrue();
      w.write(incident("new", 12.0, T0));
      w.commit();
    }
    assertThat(ids("ale")).containsExactly("new");
  }

  @Test
  void workspaceIdsThatSpellTheStoresOwnNamesOrAreTooLongForATableNameWorkLikeAnyOther() {
    fresh();
    // each would collide with an index, a constraint or another partition under a naive rule
    List<String> ids =
        List.of(
            "pkey",
            "geom-idx",
            "time-idx",
            "external-id-key",
            "v1",
            "plan",
            "plan-pkey",
            "plan-geom-idx",
            "x".repeat(60),
            "x".repeat(59) + "-y");
    for (String ws : ids) {
      store.createWorkspace(Workspace.of(ws, "W"));
      for (int round = 0; round < 2; round++) {
        try (LayerWriter w = store.openWriter(ws, Layer.INCIDENTS)) {
          assertThat(((PostgisLayerWriter) w).bulkLoad()).isEqualTo(round == 0);
          w.write(incident(ws + "-" + round, 12.0, T0));
          w.commit();
        }
      }
    }
    for (String ws : ids) {
      assertThat(ids(ws)).as(ws).containsExactly(ws + "-0", ws + "-1");
    }
    for (String ws : ids) {
      assertThat(store.deleteWorkspace(ws)).isTrue();
    }
    assertThat(
            list(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = ? AND c.relname LIKE 'incidents%' ORDER BY 1",
                SCHEMA))
        .containsExactly(
            "incidents", "incidents_external_id_key", "incidents_geom_idx", "incidents_time_idx");
  }

  @Test
  void twoFirstImportsIntoOneLayerTakeTurnsAndBothLand() throws Exception {
    fresh().createWorkspace(Workspace.of("molndal", "Mölndal"));
    LayerWriter first = store.openWriter("molndal", Layer.INCIDENTS);
    first.write(incident("from-first", 12.0, T0));
    CompletableFuture<WriteSummary> second =
        CompletableFuture.supplyAsync(
            () -> {
              try (LayerWriter w = store.openWriter("molndal", Layer.INCIDENTS)) {
                w.write(incident("from-second", 12.1, T0));
                return w.commit();
              }
            });
    // Evidence that the second writer has started and waits on the first one's import lock, not
    // merely that it has not finished yet: its backend's advisory lock request is not granted.
    assertThat(awaitUngrantedAdvisoryLock("incidents/molndal", WAIT_FOR_BLOCKED_WRITER))
        .as("a second writer waiting on the import lock of incidents/molndal")
        .isTrue();
    assertThat(second).isNotDone();
    assertThat(first.commit()).isEqualTo(new WriteSummary(1, 0));
    assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(new WriteSummary(1, 0));
    assertThat(ids("molndal")).containsExactly("from-first", "from-second");
  }

  @Test
  void aVersion1DatabaseKeepsItsRowsThroughTheMigrationToPartitions() throws SQLException {
    PostgisTestDatabase.dropSchema(SCHEMA);
    Flyway.configure()
        .dataSource(PostgisTestDatabase.URL, null, null)
        .schemas(SCHEMA)
        .createSchemas(true)
        .locations("classpath:db/migration/postgis")
        .target("1")
        .load()
        .migrate();
    try (Connection c = DriverManager.getConnection(PostgisTestDatabase.URL);
        Statement s = c.createStatement()) {
      s.execute("SET search_path TO " + SCHEMA + ", public");
      for (String ws :
          List.of("kungalv", "a-very-long-workspace-id-that-does-not-fit-a-table-name-x")) {
        s.execute(
            "INSERT INTO workspaces VALUES ('"
                + ws
                + "', 'W', 3006, 'Europe/Stockholm', false, 5, 100, 1, NULL)");
        s.execute(
            "INSERT INTO incidents VALUES ('"
                + ws
                + "', 'old', ST_SetSRID(ST_MakePoint(12, 58), 4326), '"
                + T0
                + "', 'theft', 1, NULL)");
      }
      s.execute(
          "INSERT INTO lamps VALUES ('kungalv', 'l1', ST_SetSRID(ST_MakePoint(12, 58), 4326),"
              + " 'broken', NULL, NULL, NULL, 'inventory', NULL)");
    }
    store = PostgisStore.open(PostgisTestDatabase.URL, SCHEMA);

    assertThat(ids("kungalv")).containsExactly("old");
    assertThat(indexesOf("incidents_kungalv"))
        .containsExactlyInAnyOrder(
            "incidents_kungalv_pkey",
            "incidents_kungalv_geom_idx",
            "incidents_kungalv_occurred_at_idx");
    assertThat(store.findRecord("kungalv", Layer.LAMPS, "l1")).isPresent();
    assertThat(indexesOf("lamps_kungalv"))
        .containsExactlyInAnyOrder("lamps_kungalv_pkey", "lamps_kungalv_geom_idx");
    String longId = "a-very-long-workspace-id-that-does-not-fit-a-table-name-x";
    assertThat(ids(longId)).containsExactly("old");
    assertThat(partitionOf("incidents", longId)).hasSize(63).startsWith("incidents_a-very-long");
    try (LayerWriter w = store.openWriter("kungalv", Layer.INCIDENTS)) {
      assertThat(((PostgisLayerWriter) w).bulkLoad()).isFalse();
      w.write(incident("old", 13.0, T0));
      assertThat(w.commit()).isEqualTo(new WriteSummary(0, 1));
    }
  }

  private List<String> ids(String workspaceId) {
    return store.query(workspaceId, Layer.INCIDENTS, LayerQuery.ALL).items().stream()
        .map(LayerRecord::externalId)
        .toList();
  }

  private static Incident incident(String id, double lon, Instant t) {
    return new Incident(id, new LonLat(lon, 58.0), t, "theft", 1.0, Map.of());
  }

  /** The attached partition of a layer table for a workspace, or null when it has none. */
  private static String partitionOf(String table, String workspaceId) {
    return single(
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
            + " WHERE i.inhparent = (quote_ident(?) || '.' || quote_ident(?))::regclass"
            + " AND pg_get_expr(c.relpartbound, c.oid) = format('FOR VALUES IN (%L)', ?::text)",
        SCHEMA, table, workspaceId);
  }

  private static List<String> indexesOf(String table) {
    return list(
        "SELECT indexname FROM pg_indexes WHERE schemaname = ? AND tablename = ?", SCHEMA, table);
  }

  private static List<String> columnsOf(String table) {
    return list(
        "SELECT attname FROM pg_attribute WHERE attrelid = (quote_ident(?) || '.' ||"
            + " quote_ident(?))::regclass AND attnum > 0 AND NOT attisdropped",
        SCHEMA,
        table);
  }

  /** How long the second writer may take to reach the lock: a thread start and one query. */
  private static final Duration WAIT_FOR_BLOCKED_WRITER = Duration.ofSeconds(10);

  /**
   * Polls pg_locks until some backend waits for the transaction-scoped advisory lock that {@code
   * PostgisLayerWriter} takes on {@code hashtextextended(key, 0)}; false if none does in time. A
   * 64-bit advisory key shows as classid (high 32 bits) and objid (low 32 bits), objsubid 1.
   */
  private static boolean awaitUngrantedAdvisoryLock(String key, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String sql =
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
            + " AND objsubid = 1 AND database = (SELECT oid FROM pg_database"
            + " WHERE datname = current_database())"
            + " AND ((classid::bigint << 32) | objid::bigint) = hashtextextended(?, 0)";
    while (System.nanoTime() < deadline) {
      if (!"0".equals(single(sql, key))) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  private static String single(String sql, String... args) {
    List<String> rows = list(sql, args);
    return rows.isEmpty() ? null : rows.get(0);
  }

  private static List<String> list(String sql, String... args) {
    try (Connection c = DriverManager.getConnection(PostgisTestDatabase.URL);
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setString(i + 1, args[i]);
      }
      List<String> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getString(1));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
