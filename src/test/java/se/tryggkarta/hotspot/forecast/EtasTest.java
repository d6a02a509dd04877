package se.tryggkarta.hotspot.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EtasTest {
  /** Recovery tolerances for about 5 000 simulated events. */
  static final double THETA_TOLERANCE = 0.06;

  static final double OMEGA_RELATIVE_TOLERANCE = 0.20;
  static final double SIGMA_RELATIVE_TOLERANCE = 0.15;
  static final double BACKGROUND_RELATIVE_TOLERANCE = 0.15;

  @Test
  void em_recovers_the_parameters_of_a_simulated_hawkes_process() {
    // A year on 10 km × 10 km: 8 background events a day (half in ten hot spots of σ 300 m),
    // θ = 0.4 offspring per event after 4 days on average, 60 m away: ≈ 4 900 events.
    TimedEvents ev = HawkesSimulation.simulate(31, 10_000, 10, 300, 8, 0.4, 0.25, 60, 365);
    Etas.Fit fit = Etas.fit(ev, 0, 365, new Etas.Settings(150, 60, 600, 100, 1e-5));
    Etas.Parameters p = fit.parameters();
    assertThat(ev.size()).isBetween(4000, 6000);
    assertThat(p.theta()).isCloseTo(0.4, within(THETA_TOLERANCE));
    assertThat(p.omegaPerDay()).isCloseTo(0.25, within(0.25 * OMEGA_RELATIVE_TOLERANCE));
    assertThat(p.sigmaMeters()).isCloseTo(60, within(60 * SIGMA_RELATIVE_TOLERANCE));
    assertThat(p.backgroundPerDay()).isCloseTo(8, within(8 * BACKGROUND_RELATIVE_TOLERANCE));
  }

  @Test
  void a_process_without_triggering_is_fitted_with_a_small_branching_ratio() {
    TimedEvents ev = HawkesSimulation.simulate(32, 10_000, 10, 300, 10, 0, 0.25, 60, 365);
    Etas.Parameters p = Etas.fit(ev, 0, 365, Etas.DEFAULT).parameters();
    assertThat(p.theta()).isLessThan(0.05);
  }

  @Test
  void forecast_counts_add_up_to_the_expected_background_and_remaining_offspring() {
    TimedEvents ev = HawkesSimulation.simulate(33, 5_000, 5, 200, 5, 0.3, 0.5, 50, 200);
    Etas.Fit fit = Etas.fit(ev, 0, 200, Etas.DEFAULT);
    var grid =
        se.tryggkarta.hotspot.grid.GridSpec.covering(ev.points().bounds().expandedBy(3000), 50);
    double[] f = Etas.forecast(fit, grid, 200, 207);
    double total = 0;
    for (double v : f) {
      total += v;
    }
    Etas.Parameters p = fit.parameters();
    double expected = p.backgroundPerDay() * 7;
    for (int i = 0; i < ev.size(); i++) {
      expected +=
          p.theta()
              * (Math.exp(-p.omegaPerDay() * (200 - ev.day(i)))
                  - Math.exp(-p.omegaPerDay() * (207 - ev.day(i))));
    }
    assertThat(total).isCloseTo(expected, within(1e-6 * expected));
  }
}
