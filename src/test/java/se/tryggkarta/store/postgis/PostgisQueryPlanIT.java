package se.tryggkarta.store.postgis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.workspace.Workspace;

/**
 * The queries the store sends really use its indexes: EXPLAIN of a small bbox shows the GiST index
 * on {@code geom} of the workspace's partition, and of a short time range its {@code occurred_at}
 * index. 50 000 seeded incidents over Sweden and one year, bulk-loaded into a new partition; the
 * import is large enough that the store refreshes the planner statistics itself.
 */
class PostgisQueryPlanIT {
  private static final String WS = "plan";
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static PostgisStore store;

  @BeforeAll
  static void load() {
    store = PostgisTestDatabase.freshStore("it_query_plan");
    store.createWorkspace(Workspace.of(WS, "Plan"));
    Random r = new Random(11);
    try (LayerWriter w = store.openWriter(WS, Layer.INCIDENTS)) {
      for (int i = 0; i < 50_000; i++) {
        w.write(
            new Incident(
                "i" + i,
                new LonLat(11 + r.nextDouble() * 12, 55.5 + r.nextDouble() * 13),
                T0.plusSeconds(r.nextInt(366 * 24 * 3600)),
                r.nextBoolean() ? "theft" : "assault",
                1,
                Map.of()));
      }
      w.commit();
    }
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void aSmallBboxQueryUsesTheGistIndex() {
    List<String> plan =
        store.explain(
            WS, Layer.INCIDENTS, LayerQuery.ALL.withBbox(new Bbox(11.9, 57.8, 12.0, 57.9)));
    assertThat(String.join("\n", plan)).contains("incidents_plan_geom_idx");
  }

  @Test
  void aShortTimeRangeQueryUsesTheTimeIndex() {
    List<String> plan =
        store.explain(
            WS,
            Layer.INCIDENTS,
            LayerQuery.ALL.withTime(TimeRange.of(T0, T0.plus(Duration.ofDays(1)))));
    assertThat(String.join("\n", plan)).contains("incidents_plan_occurred_at_idx");
  }

  @Test
  void theIndexedQueriesReturnWhatTheyMatch() {
    LayerQuery q =
        LayerQuery.ALL
            .withBbox(new Bbox(11, 55.5, 23, 68.5))
            .withTime(TimeRange.of(T0, T0.plus(Duration.ofDays(1))));
    long total = store.query(WS, Layer.INCIDENTS, q).total();
    // one day of 366 of 50 000 uniform times: about 137 expected; 4 sigma is about ±47
    assertThat(total).isBetween(90L, 185L);
  }
}
