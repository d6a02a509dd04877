package se.tryggkarta.hotspot.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.hotspot.forecast.HawkesSimulation;
import se.tryggkarta.hotspot.forecast.TimedEvents;
import se.tryggkarta.hotspot.grid.GridSpec;

class ForecastEvaluationTest {
  /** "Clearly above naive": at least this many percentage points of hit rate at 1 %. */
  static final double CLEAR_MARGIN = 0.03;

  @Test
  void on_near_repeat_data_the_default_is_etas_and_clearly_above_naive() {
    // Strong near-repeat triggering (θ = 0.6, 2 days, 40 m) over a weak, flat background: the
    // next week's events follow the last weeks' events, which counts over the year cannot see.
    TimedEvents ev = HawkesSimulation.simulate(41, 8_000, 0, 300, 6, 0.6, 0.5, 40, 200);
    List<Split> splits = new ArrayList<>();
    for (int w = 0; w < 6; w++) {
      splits.add(new Split(0, 158 + 7 * w, 165 + 7 * w));
    }
    GridSpec grid = GridSpec.covering(ev.points().bounds(), 150);
    ForecastEvaluation.Result r =
        ForecastEvaluation.evaluate(
            ev,
            splits,
            ForecastEvaluation.candidates(),
            new ForecastEvaluation.Setup(
                grid, Optional.empty(), 1, 0.05, ForecastEvaluation.DEFAULT_COVERAGES));
    assertThat(r.chosen().name()).startsWith("etas");
    double naive = r.row("naive", 0.01).orElseThrow().hitRate();
    assertThat(r.row("default", 0.01).orElseThrow().hitRate()).isGreaterThan(naive + CLEAR_MARGIN);
  }

  @Test
  void the_default_is_never_below_naive_at_any_coverage() {
    TimedEvents ev = HawkesSimulation.simulate(42, 6_000, 6, 200, 8, 0.2, 0.3, 60, 240);
    GridSpec grid = GridSpec.covering(ev.points().bounds(), 150);
    ForecastEvaluation.Result r =
        ForecastEvaluation.evaluate(
            ev,
            Split.rollingOrigin(0, 240, 3),
            ForecastEvaluation.candidates(),
            new ForecastEvaluation.Setup(
                grid, Optional.empty(), 1, 0.05, ForecastEvaluation.DEFAULT_COVERAGES));
    for (double c : ForecastEvaluation.DEFAULT_COVERAGES) {
      assertThat(r.row("default", c).orElseThrow().hitRate())
          .isGreaterThanOrEqualTo(r.row("naive", c).orElseThrow().hitRate());
      assertThat(r.row("default", c).orElseThrow().model()).isEqualTo(r.chosen().name());
    }
  }

  @Test
  void rolling_origin_cuts_the_span_into_equal_windows_and_trains_on_all_before() {
    List<Split> s = Split.rollingOrigin(0, 400, 3);
    assertThat(s)
        .containsExactly(new Split(0, 100, 200), new Split(0, 200, 300), new Split(0, 300, 400));
    assertThatThrownBy(() -> Split.rollingOrigin(0, 400, 0))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).contains("splits"));
  }

  @Test
  void parses_model_names_and_rejects_unknown_ones() {
    assertThat(ForecastEvaluation.parseModel("model", "default", Optional.empty())).isEmpty();
    assertThat(
            ForecastEvaluation.parseModel("model", "kde", Optional.of(120.0)).orElseThrow().name())
        .isEqualTo("kde-120");
    assertThat(
            ForecastEvaluation.parseModel("model", "etas", Optional.empty()).orElseThrow().name())
        .isEqualTo("etas-100");
    assertThatThrownBy(() -> ForecastEvaluation.parseModel("model", "oracle", Optional.empty()))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).contains("model"));
  }
}
