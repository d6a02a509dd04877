package se.tryggkarta.store.geopackage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
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

/** The batched UPSERT writer: counts, R-tree consistency and rollback, against brute force. */
class GeoPackageLayerWriterTest {
  @TempDir Path dir;

  private static Incident incident(int i, Random r) {
    return new Incident(
        String.format("id-%05d", i),
        new LonLat(11 + r.nextDouble(), 57 + r.nextDouble()),
        Instant.ofEpochSecond(1_700_000_000L + i),
        "theft",
        1,
        Map.of());
  }

  @Test
  void counts_new_and_updated_ids_across_batch_boundaries_and_keeps_the_rtree_in_step()
      throws Exception {
    Path file = dir.resolve("w.gpkg");
    Random r = new Random(1);
    Incident[] latest = new Incident[4000];
    try (GeoPackageStore store = GeoPackageStore.open(file)) {
      store.createWorkspace(Workspace.of("ws", "Ws"));
      store.createWorkspace(Workspace.of("other", "Other"));
      WriteSummary first;
      try (LayerWriter w = store.openWriter("ws", Layer.INCIDENTS)) {
        for (int i = 0; i < 2500; i++) {
          latest[i] = incident(i, r);
          w.write(latest[i]);
        }
        first = w.commit();
      }
      try (LayerWriter w = store.openWriter("other", Layer.INCIDENTS)) {
        w.write(incident(0, r));
        w.commit();
      }
      WriteSummary second;
      try (LayerWriter w = store.openWriter("ws", Layer.INCIDENTS)) {
        for (int i = 1500; i < 4000; i++) {
          latest[i] = incident(i, r); // ids 1500..2499 move to new positions
          w.write(latest[i]);
        }
        second = w.commit();
      }

      assertThat(first).isEqualTo(new WriteSummary(2500, 0));
      assertThat(second).isEqualTo(new WriteSummary(1500, 1000));
      // brute force: the bbox query (R-tree) finds exactly the latest positions inside the box
      Bbox box = new Bbox(11.2, 57.3, 11.6, 57.8);
      long expected = 0;
      for (Incident x : latest) {
        if (box.contains(x.location().lon(), x.location().lat())) {
          expected++;
        }
      }
      assertThat(
              store
                  .query("ws", Layer.INCIDENTS, LayerQuery.ALL.withBbox(box).withPage(1, 0))
                  .total())
          .isEqualTo(expected);
      assertThat(store.findRecord("ws", Layer.INCIDENTS, "id-01600")).contains(latest[1600]);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT (SELECT COUNT(*) FROM rtree_incidents_geom), (SELECT COUNT(*) FROM incidents),"
                    + " (SELECT COUNT(*) FROM incidents i JOIN rtree_incidents_geom t ON t.id = i.fid"
                    + " WHERE t.minx > 0)")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(4001);
      assertThat(rs.getLong(2)).isEqualTo(4001);
      assertThat(rs.getLong(3)).isEqualTo(4001);
    }
  }

  @Test
  void closing_without_commit_stores_nothing_even_after_full_batches() {
    try (GeoPackageStore store = GeoPackageStore.open(dir.resolve("r.gpkg"))) {
      store.createWorkspace(Workspace.of("ws", "Ws"));
      long version = store.dataVersion("ws");
      Random r = new Random(2);
      try (LayerWriter w = store.openWriter("ws", Layer.INCIDENTS)) {
        for (int i = 0; i < 2500; i++) {
          w.write(incident(i, r));
        }
      }
      assertThat(store.query("ws", Layer.INCIDENTS, LayerQuery.ALL).total()).isZero();
      assertThat(store.dataVersion("ws")).isEqualTo(version);
      assertThat(store.findRecord("ws", Layer.INCIDENTS, "id-00001")).isEqualTo(Optional.empty());
    }
  }
}
