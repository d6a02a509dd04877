package se.tryggkarta.hotspot.sites;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.XY;
import se.tryggkarta.hotspot.DensityRequest;
import se.tryggkarta.hotspot.HotspotService;
import se.tryggkarta.hotspot.forecast.TimedEvents;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.grid.PointSet;

class ModelSitesTest {
  /** A planted cluster counts as found when a site's centre is this close to it. */
  static final double FOUND_WITHIN_METERS = 100;

  /**
   * A seeded town of 8 km × 8 km over one year: a uniform background and K planted clusters of very
   * different sizes (30 to 1 500 events) and spreads (25 to 80 m), every event at a uniform random
   * time. At default settings (25 m cells, 100 m circles, the validated default model) every
   * cluster has a site within 100 m among the top 2K.
   */
  @ParameterizedTest(name = "layout {0}")
  @ValueSource(longs = {101, 202, 303, 404, 505})
  void default_sites_find_every_planted_cluster_among_the_top_twice_as_many(long seed) {
    Random rnd = new Random(seed);
    int clusters = 5 + rnd.nextInt(5);
    double size = 8000;
    double[][] centres = new double[clusters][];
    int total = 3000;
    int[] sizes = new int[clusters];
    double[] spreads = new double[clusters];
    for (int c = 0; c < clusters; c++) {
      double[] candidate;
      do {
        candidate = new double[] {500 + rnd.nextDouble() * 7000, 500 + rnd.nextDouble() * 7000};
      } while (tooClose(candidate, centres, c, 600));
      centres[c] = candidate;
      sizes[c] = (int) Math.round(30 * Math.pow(50, rnd.nextDouble()));
      spreads[c] = 25 + 55 * rnd.nextDouble();
      total += sizes[c];
    }
    double[] x = new double[total];
    double[] y = new double[total];
    double[] days = new double[total];
    int k = 0;
    for (int c = 0; c < clusters; c++) {
      for (int i = 0; i < sizes[c]; i++, k++) {
        x[k] = centres[c][0] + rnd.nextGaussian() * spreads[c];
        y[k] = centres[c][1] + rnd.nextGaussian() * spreads[c];
        days[k] = rnd.nextDouble() * 365;
      }
    }
    for (; k < total; k++) {
      x[k] = rnd.nextDouble() * size;
      y[k] = rnd.nextDouble() * size;
      days[k] = rnd.nextDouble() * 365;
    }
    TimedEvents events = TimedEvents.of(PointSet.unweighted(x, y), days);
    Bbox area = events.points().bounds();
    GridSpec grid = GridSpec.covering(area, DensityRequest.DEFAULT_CELL_METERS);
    ModelSites.Result r =
        ModelSites.rank(
            events,
            area,
            grid,
            HotspotService.DEFAULT_RADIUS_METERS,
            2 * clusters,
            Optional.empty());
    assertThat(r.validated()).isTrue();
    List<PatrolSite> sites = r.sites();
    for (int c = 0; c < clusters; c++) {
      XY centre = new XY(centres[c][0], centres[c][1]);
      double nearest =
          sites.stream().mapToDouble(s -> s.centre().distanceTo(centre)).min().orElseThrow();
      assertThat(nearest)
          .as("cluster %d of %d events (σ %.0f m), model %s", c, sizes[c], spreads[c], r.model())
          .isLessThanOrEqualTo(FOUND_WITHIN_METERS);
    }
  }

  private static boolean tooClose(double[] p, double[][] centres, int count, double min) {
    for (int i = 0; i < count; i++) {
      if (Math.hypot(p[0] - centres[i][0], p[1] - centres[i][1]) < min) {
        return true;
      }
    }
    return false;
  }
}
