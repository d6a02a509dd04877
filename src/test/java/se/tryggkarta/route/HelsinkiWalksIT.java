package se.tryggkarta.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.AppConfig;
import se.tryggkarta.Fixtures;
import se.tryggkarta.Wiring;
import se.tryggkarta.common.Lang;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.layer.UnsafePlace;
import se.tryggkarta.route.osm.AttributeMapping;
import se.tryggkarta.workspace.Workspace;

/**
 * Safety walks on a real, cut OpenStreetMap extract (Helsinki centre, ODbL; ways cut at the box, a
 * service tunnel under the centre). Unsafe-place reports are seeded test input (60 at random in the
 * box), since the extract has none.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HelsinkiWalksIT {
  /** The extract's bounding box (its SOURCE.md). */
  static final double MIN_LON = 24.9351762;

  static final double MIN_LAT = 60.164155;
  static final double MAX_LON = 24.9534145;
  static final double MAX_LAT = 60.179113;
  static final double BUDGET_M = 2500;

  @TempDir static Path dir;
  Wiring wiring;

  @BeforeAll
  void importHelsinki() {
    wiring =
        Wiring.open(new AppConfig(dir, 0, Optional.empty(), Optional.empty(), List.of(), 1L << 30));
    wiring.store().createWorkspace(Workspace.of("helsinki", "Helsingfors centrum"));
    wiring
        .networks()
        .importFile("helsinki", Fixtures.HELSINKI_PBF, Optional.empty(), AttributeMapping.DEFAULT);
    Random r = new Random(11);
    String[] cats = {"darkness", "deserted", "drugs", "harassment"};
    try (LayerWriter w = wiring.store().openWriter("helsinki", Layer.UNSAFE_PLACES)) {
      for (int i = 0; i < 60; i++) {
        w.write(
            new UnsafePlace(
                "r-" + i,
                new LonLat(24.9360 + r.nextDouble() * 0.017, 60.1645 + r.nextDouble() * 0.014),
                Instant.parse("2025-10-01T20:00:00Z").plusSeconds(3600L * i),
                cats[r.nextInt(cats.length)],
                "walk",
                Optional.empty(),
                Map.of()));
      }
      w.commit();
    }
  }

  @AfterAll
  void close() {
    wiring.close();
  }

  @Test
  void walks_of_2_5_km_from_20_seeded_random_starts_use_80_percent_of_the_budget_or_say_why() {
    Random r = new Random(20);
    int full = 0;
    for (int i = 0; i < 20; i++) {
      LonLat start =
          new LonLat(
              MIN_LON + r.nextDouble() * (MAX_LON - MIN_LON),
              MIN_LAT + r.nextDouble() * (MAX_LAT - MIN_LAT));
      WalkPlan plan = wiring.walkPlanner().plan("helsinki", WalkRequest.of(start, BUDGET_M));
      assertThat(plan.lengthMeters()).as("start %s", start).isLessThanOrEqualTo(BUDGET_M);
      if (plan.lengthMeters() >= WalkPlanner.SHORT_WALK_SHARE * BUDGET_M) {
        full++;
      } else {
        assertThat(plan.warnings())
            .as("a walk of %.0f m from %s must say why it is short", plan.lengthMeters(), start)
            .anySatisfy(
                w ->
                    assertThat(w.in(Lang.EN))
                        .startsWith("The walk is ")
                        .contains(" of the 2.5\u00a0km allowed"));
      }
      assertThat(plan.stops()).as("start %s", start).isNotEmpty();
    }
    // Most starts in a city centre have more to see than 2.5 km can hold.
    assertThat(full).isGreaterThanOrEqualTo(15);
  }

  @Test
  void the_start_above_the_service_tunnel_walks_the_streets_not_the_tunnel() {
    // Issue 20: from here a walk got one stop and 996 m, because the start snapped into the
    // city centre's service tunnel for lorries (tunnel=yes, layer=-3/-4), a part of the network
    // joined to the rest only at the tunnel's far-off ramps.
    LonLat start = new LonLat(24.9445, 60.1690);
    StreetNetwork net = wiring.networks().network("helsinki");
    var at = net.snapper().nearest(start).orElseThrow();
    assertThat(net.graph().isUnderground(at.edge())).isFalse();
    assertThat(at.distanceMeters()).isLessThan(30);
    WalkPlan plan = wiring.walkPlanner().plan("helsinki", WalkRequest.of(start, BUDGET_M));
    assertThat(plan.lengthMeters()).isGreaterThanOrEqualTo(0.8 * BUDGET_M);
    assertThat(plan.stops()).hasSizeGreaterThanOrEqualTo(5);
    assertThat(plan.coveredPriority()).isGreaterThan(0.2 * plan.availablePriority());
    for (WalkStop s : plan.stops()) {
      var l = net.snapper().nearest(s.location()).orElseThrow();
      assertThat(net.graph().isUnderground(l.edge())).as("stop %d", s.number()).isFalse();
    }
  }
}
