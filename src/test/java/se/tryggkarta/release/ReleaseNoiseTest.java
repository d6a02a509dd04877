package se.tryggkarta.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import se.tryggkarta.common.HourWindow;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.kde.Kernel;
import se.tryggkarta.hotspot.kde.KernelDensity;
import se.tryggkarta.layer.Layer;

/**
 * The mechanism's own promise, over many secrets rather than one: a single event in an otherwise
 * empty part of the map almost never makes its place show on the public density, and noise alone
 * shows a false region on at most about 5 % of maps ({@link ReleaseThresholds}).
 */
class ReleaseNoiseTest {
  static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
  static final GridSpec GRID = new GridSpec(320_000, 6_410_000, 100, 40, 40);
  static final double BANDWIDTH = 300;
  static final int SECRETS = 400;

  @Test
  void aSingleEventAlmostNeverShowsAndNoiseRarelyPaintsARegion() {
    Random seeds = new Random(17);
    int shown = 0;
    int falseMaps = 0;
    for (int s = 0; s < SECRETS; s++) {
      byte[] key = new byte[32];
      seeds.nextBytes(key);
      MonthlyTables t =
          new MonthlyTables(
              Layer.INCIDENTS,
              GRID,
              List.of(YearMonth.of(2025, 6)),
              List.of(),
              new HourWindow(18, 6),
              ZONE,
              new CellNoise(key, 2.0));
      t.add(321_050, 6_412_050, Instant.parse("2025-06-14T01:17:00Z"), Optional.empty());
      ProtectedCounts c =
          t.sums(List.of(0), List.of(t.digest(0, "fp"))).counts(Slice.ALL, CategoryGroup.ALL);
      float[] d = density(c);
      double tau = ReleaseThresholds.density(5, c.tables(), c.epsilon(), GRID, BANDWIDTH);
      int planted = c.cellAt(321_050, 6_412_050);
      if (d[planted] >= tau) {
        shown++;
      }
      boolean elsewhere = false;
      for (int i = 0; i < d.length; i++) {
        int dx = Math.abs(i % GRID.nx() - planted % GRID.nx());
        int dy = Math.abs(i / GRID.nx() - planted / GRID.nx());
        if (Math.max(dx, dy) > 4 && d[i] >= tau) {
          elsewhere = true;
        }
      }
      if (elsewhere) {
        falseMaps++;
      }
    }
    assertThat(shown).as("maps out of %d showing the single event", SECRETS).isLessThan(2);
    assertThat(falseMaps / (double) SECRETS).as("maps with a false region").isLessThan(0.1);
  }

  private static float[] density(ProtectedCounts c) {
    float[] v =
        KernelDensity.estimate(c.positivePoints(), GRID, Kernel.QUARTIC, BANDWIDTH).values();
    if (!c.negativePoints().isEmpty()) {
      float[] n =
          KernelDensity.estimate(c.negativePoints(), GRID, Kernel.QUARTIC, BANDWIDTH).values();
      for (int i = 0; i < v.length; i++) {
        v[i] -= n[i];
      }
    }
    return v;
  }
}
