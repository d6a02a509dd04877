package se.tryggkarta.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.AppConfig;
import se.tryggkarta.Wiring;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.HourWindow;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.common.XY;
import se.tryggkarta.demo.ExempelbyGenerator;
import se.tryggkarta.hotspot.kde.Kernel;
import se.tryggkarta.hotspot.sites.PatrolSite;

/**
 * The acceptance case on the synthetic demo town: at night the travel centre and the park
 * are the top two patrol sites. Runs the real service on a GeoPackage store.
 */
class DemoPatrolSitesIT {
  /**
   * A site counts as "at" a planted hotspot when its centre is this close to the place's middle.
   */
  static final double NEAR_METERS = 150;

  @TempDir Path dir;

  @Test
  void at_night_the_travel_centre_and_the_park_are_the_top_two_patrol_sites() {
    try (Wiring w =
        Wiring.open(
            new AppConfig(dir, 0, Optional.empty(), Optional.empty(), List.of(), 1 << 20))) {
      ExempelbyGenerator.populate(w.store());
      EventFilter night =
          EventFilter.all(se.tryggkarta.layer.Layer.INCIDENTS)
              .withTime(TimeRange.ALL)
              .withHours(Optional.of(new HourWindow(18, 6)));
      DensityRequest req = new DensityRequest(night, 25, Optional.of(150.0), Kernel.QUARTIC, false);
      List<PatrolSite> sites =
          w.hotspots().patrolSites(ExempelbyGenerator.WORKSPACE_ID, req, 5, 100).sites();
      Crs sweref = Crs.sweref99tm();
      XY resecentrum = sweref.toXY(ExempelbyGenerator.RESECENTRUM_CENTRE);
      XY parken = sweref.toXY(ExempelbyGenerator.PARKEN_CENTRE);
      List<XY> top2 = List.of(sites.get(0).centre(), sites.get(1).centre());
      assertThat(top2)
          .anySatisfy(c -> assertThat(c.distanceTo(resecentrum)).isLessThan(NEAR_METERS))
          .anySatisfy(c -> assertThat(c.distanceTo(parken)).isLessThan(NEAR_METERS));
      List<PatrolSite> viaApi =
          w.hotspots()
              .topPatrolSites(
                  ExempelbyGenerator.WORKSPACE_ID,
                  se.tryggkarta.layer.Layer.INCIDENTS,
                  TimeRange.ALL,
                  2);
      assertThat(viaApi).hasSize(2);
    }
  }
}
