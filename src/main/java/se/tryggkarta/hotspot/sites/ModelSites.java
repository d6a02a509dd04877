package se.tryggkarta.hotspot.sites;

import java.util.List;
import java.util.Optional;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.hotspot.evaluation.ForecastEvaluation;
import se.tryggkarta.hotspot.evaluation.Split;
import se.tryggkarta.hotspot.forecast.ForecastModel;
import se.tryggkarta.hotspot.forecast.NaiveCounts;
import se.tryggkarta.hotspot.forecast.TimedEvents;
import se.tryggkarta.hotspot.grid.GridSpec;

/**
 * Patrol sites from a forecast model, by default the one that validated best on the events' own
 * history. The patrol scale is fixed and independent of the map's bandwidth: candidate models are
 * scored on {@value #PATROL_CELL_METERS} m cells, the size of a street segment with its
 * intersections, the unit of hot-spots policing (Sherman &amp; Weisburd 1995, "General deterrent
 * effects of police patrol in crime 'hot spots'", Justice Quarterly 12; Weisburd, Bushway, Lum
 * &amp; Yang 2004, "Trajectories of crime at places", Criminology 42; Braga, Turchan, Papachristos
 * &amp; Hureau 2019, "Hot spots policing of small geographic areas", Campbell Systematic Reviews
 * 15), and sites are circles of that order (100 m radius by default). The chosen model then
 * forecasts the next window (a quarter of the history's span, as long as one validation window) on
 * the map's grid, and {@link PatrolSites} ranks circles on it.
 *
 * <p>Validation needs at least {@value #MIN_EVENTS} events spanning {@value #MIN_SPAN_DAYS} days;
 * with less, the sites come from naive counts and say they were not validated. Stateless and
 * thread-safe.
 */
public final class ModelSites {
  /** The validation cells' side: the patrol scale. */
  public static final double PATROL_CELL_METERS = 150;

  public static final int MIN_EVENTS = 30;
  public static final double MIN_SPAN_DAYS = 28;

  private ModelSites() {}

  /**
   * Ranked sites with the model that produced them.
   *
   * @param model the model's name ({@code naive}, {@code blend-150-50}, {@code etas-100}, ...)
   * @param validated true when the model was chosen by rolling-origin validation
   * @param evaluation the validation behind the choice, when there was one
   */
  public record Result(
      List<PatrolSite> sites,
      String model,
      boolean validated,
      Optional<ForecastEvaluation.Result> evaluation) {
    public Result {
      sites = List.copyOf(sites);
    }
  }

  /**
   * The top n sites on the map grid for events with times: the validated default model, or the
   * given model when present. The validation ranks {@value #PATROL_CELL_METERS} m cells covering
   * {@code studyArea}, over {@value ForecastEvaluation#DEFAULT_SPLITS} rolling-origin splits of the
   * events' span, at 1, 2 and 5 % of the area: exactly what {@code …/hotspots/evaluate} does with
   * its defaults, so its {@code default} rows describe this model.
   */
  public static Result rank(
      TimedEvents events,
      Bbox studyArea,
      GridSpec mapGrid,
      double radiusMeters,
      int n,
      Optional<ForecastModel> given) {
    double from = events.firstDay();
    double to = events.lastDay() + 1e-6;
    double window = Math.max((to - from) / (ForecastEvaluation.DEFAULT_SPLITS + 1), 1);
    ForecastModel model;
    boolean validated;
    Optional<ForecastEvaluation.Result> evaluation = Optional.empty();
    if (given.isPresent()) {
      model = given.get();
      validated = false;
    } else if (events.size() >= MIN_EVENTS && to - from >= MIN_SPAN_DAYS) {
      GridSpec patrol = GridSpec.covering(studyArea, PATROL_CELL_METERS);
      ForecastEvaluation.Result r =
          ForecastEvaluation.evaluate(
              events,
              Split.rollingOrigin(from, to, ForecastEvaluation.DEFAULT_SPLITS),
              ForecastEvaluation.candidates(),
              new ForecastEvaluation.Setup(
                  patrol, Optional.empty(), 1, 0.05, ForecastEvaluation.DEFAULT_COVERAGES));
      model = r.chosen();
      validated = true;
      evaluation = Optional.of(r);
    } else {
      model = new NaiveCounts();
      validated = false;
    }
    double[] expected = model.forecast(events, mapGrid, to, to + window);
    List<PatrolSite> sites =
        PatrolSites.rank(mapGrid, expected, events.points().counted(), radiusMeters, n);
    return new Result(sites, model.name(), validated, evaluation);
  }
}
