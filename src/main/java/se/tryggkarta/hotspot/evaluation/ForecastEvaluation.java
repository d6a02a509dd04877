package se.tryggkarta.hotspot.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.hotspot.forecast.BlendForecast;
import se.tryggkarta.hotspot.forecast.Etas;
import se.tryggkarta.hotspot.forecast.EtasForecast;
import se.tryggkarta.hotspot.forecast.ForecastModel;
import se.tryggkarta.hotspot.forecast.KernelForecast;
import se.tryggkarta.hotspot.forecast.NaiveCounts;
import se.tryggkarta.hotspot.forecast.TimedEvents;
import se.tryggkarta.hotspot.gistar.GiStarResult;
import se.tryggkarta.hotspot.gistar.HexGrid;
import se.tryggkarta.hotspot.grid.GridSpec;

/**
 * Prospective hotspot evaluation (Chainey, Tompson &amp; Uhlig 2008, "The utility of hotspot
 * mapping for predicting spatial patterns of crime", Security Journal 21) over rolling-origin
 * splits ({@link Split}). In each split every model forecasts the test window's events per cell
 * from the events before it; for a coverage c the top k = round(c · N) cells are flagged (N: the
 * cells in the study area), and the test events in them give
 *
 * <pre>
 *   hit rate = n / N_test,   PAI = (n / N_test) / (a / A),   PEI* = n / n*_k
 * </pre>
 *
 * where a/A is the flagged share of the area and n*_k the test events in the k cells that hold the
 * most of them. Hits, test events and n*_k are summed over the splits before dividing (pooled).
 * Ties in a ranking go to the lower cell index, so results are deterministic. Gi* flags only
 * hexagons classed hot at FDR α, so it may flag less than c; it is reported but never the default.
 *
 * <p>The <b>default</b> model is chosen from the standard {@link #candidates()} (extra models are
 * reported, never chosen) by the same evaluation: among the models whose pooled hit rate is at
 * least naive's at every coverage (naive always qualifies), the one with the highest mean hit rate
 * over the coverages; ties go to the earlier candidate. So the default never validates worse than
 * last period's counts. Stateless and thread-safe.
 */
public final class ForecastEvaluation {
  /** The default coverages: 1, 2 and 5 % of the area. */
  public static final List<Double> DEFAULT_COVERAGES = List.of(0.01, 0.02, 0.05);

  /** The default number of rolling-origin splits. */
  public static final int DEFAULT_SPLITS = 3;

  /** Name of the rows that repeat the chosen default model. */
  public static final String DEFAULT = "default";

  private ForecastEvaluation() {}

  /**
   * The candidate models, in tie-break order: naive counts; KDE at 50, 100, 150 and 300 m
   * (street-segment to neighbourhood scale); counts blended half-and-half with a 150 m KDE and with
   * a quarter of a 300 m KDE; ETAS with a 100 m background.
   */
  public static List<ForecastModel> candidates() {
    return List.of(
        new NaiveCounts(),
        new KernelForecast(50),
        new KernelForecast(100),
        new KernelForecast(150),
        new KernelForecast(300),
        new BlendForecast(150, 0.5),
        new BlendForecast(300, 0.25),
        new EtasForecast(Etas.DEFAULT));
  }

  /**
   * The model a caller names: a candidate's full name ({@code kde-150}, {@code blend-150-50},
   * {@code etas-100}), {@code naive}, {@code kde} (at {@code bandwidthMeters}, else 150 m), {@code
   * blend} (counts half-and-half with a 150 m KDE) or {@code etas}; empty for {@code default}.
   * Throws INVALID_INPUT naming {@code field} for anything else.
   */
  public static Optional<ForecastModel> parseModel(
      String field, String name, Optional<Double> bandwidthMeters) {
    String n = name.strip().toLowerCase(java.util.Locale.ROOT);
    switch (n) {
      case DEFAULT:
        return Optional.empty();
      case "naive":
        return Optional.of(new NaiveCounts());
      case "kde":
        return Optional.of(new KernelForecast(bandwidthMeters.orElse(150.0)));
      case "blend":
        return Optional.of(new BlendForecast(bandwidthMeters.orElse(150.0), 0.5));
      case "etas":
        return Optional.of(new EtasForecast(Etas.DEFAULT));
      default:
        for (ForecastModel m : candidates()) {
          if (m.name().equals(n)) {
            return Optional.of(m);
          }
        }
        if (n.matches("kde-[0-9]{1,5}")) {
          return Optional.of(new KernelForecast(Double.parseDouble(n.substring(4))));
        }
        throw DomainException.invalid(
            field,
            "unknown model '"
                + name
                + "', expected default, naive, kde, blend, etas or one of "
                + candidates().stream().map(ForecastModel::name).toList());
    }
  }

  /**
   * Parameters shared by the methods.
   *
   * @param grid the square cells the models rank (the study area)
   * @param hexWidthMeters Gi*'s hexagon width; empty leaves Gi* out
   * @param bandMeters Gi*'s distance band
   * @param alpha Gi*'s FDR level
   * @param coverages the area shares to score
   */
  public record Setup(
      GridSpec grid,
      Optional<Double> hexWidthMeters,
      double bandMeters,
      double alpha,
      List<Double> coverages) {
    public Setup {
      coverages = List.copyOf(coverages);
      if (coverages.isEmpty()) {
        throw DomainException.invalid("coverage", "at least one coverage is needed");
      }
      for (double c : coverages) {
        if (!(c > 0 && c <= 1)) {
          throw DomainException.invalid("coverage", "coverages must be in (0, 1], was " + c);
        }
      }
      if (!(alpha > 0 && alpha < 1)) {
        throw DomainException.invalid("alpha", "alpha must be in (0, 1), was " + alpha);
      }
    }
  }

  /** The rows of every model (then Gi*), then the default's rows, and the chosen model. */
  public record Result(List<EvaluationRow> rows, ForecastModel chosen, List<Split> splits) {
    public Result {
      rows = List.copyOf(rows);
      splits = List.copyOf(splits);
    }

    /** The row of a method at a coverage. */
    public Optional<EvaluationRow> row(String method, double coverage) {
      return rows.stream()
          .filter(r -> r.method().equals(method) && r.coverage() == coverage)
          .findFirst();
    }
  }

  /** Scores the models (and Gi* when a hexagon width is set) over the splits. */
  public static Result evaluate(
      TimedEvents events, List<Split> splits, List<ForecastModel> models, Setup s) {
    if (models.isEmpty() || !(models.get(0) instanceof NaiveCounts)) {
      throw new IllegalArgumentException("the first candidate must be naive counts");
    }
    GridSpec g = s.grid();
    Map<String, Tally[]> tallies = new LinkedHashMap<>();
    for (ForecastModel m : models) {
      tallies.put(m.name(), Tally.array(s.coverages().size()));
    }
    if (s.hexWidthMeters().isPresent()) {
      tallies.put("gistar", Tally.array(s.coverages().size()));
    }
    int scored = 0;
    for (Split split : splits) {
      TimedEvents train = events.between(split.trainFromDay(), split.testFromDay());
      TimedEvents test = events.between(split.testFromDay(), split.testToDay());
      if (train.size() == 0 || test.size() == 0) {
        continue;
      }
      scored++;
      int[] squareTest = new int[g.cellCount()];
      int testInArea = 0;
      for (int i = 0; i < test.size(); i++) {
        int c = g.indexOf(test.points().x(i), test.points().y(i));
        if (c >= 0) {
          squareTest[c]++;
          testInArea++;
        }
      }
      boolean[] allSquares = new boolean[g.cellCount()];
      Arrays.fill(allSquares, true);
      for (ForecastModel m : models) {
        double[] f = m.forecast(train, g, split.testFromDay(), split.testToDay());
        score(tallies.get(m.name()), s.coverages(), f, squareTest, allSquares, testInArea);
      }
      if (s.hexWidthMeters().isPresent()) {
        HexGrid hex = HexGrid.covering(g.extent(), s.hexWidthMeters().get());
        GiStarResult gi = GiStarResult.analyse(train.points(), hex, s.bandMeters());
        boolean[] inArea = new boolean[hex.size()];
        double[] giScore = new double[hex.size()];
        int[] hexTest = new int[hex.size()];
        for (int i = 0; i < hex.size(); i++) {
          inArea[i] = g.extent().contains(hex.centreX(i), hex.centreY(i));
          boolean hot = gi.zScore(i) > 0 && gi.qValue(i) <= s.alpha();
          giScore[i] = hot ? gi.zScore(i) : 0;
        }
        for (int i = 0; i < test.size(); i++) {
          int c = hex.indexOf(test.points().x(i), test.points().y(i));
          if (c >= 0 && inArea[c]) {
            hexTest[c]++;
          }
        }
        score(tallies.get("gistar"), s.coverages(), giScore, hexTest, inArea, testInArea);
      }
    }
    if (scored == 0) {
      throw new DomainException(
          se.tryggkarta.common.ErrorKind.UNPROCESSABLE,
          "test",
          "no split has events both before and in its test window");
    }
    List<EvaluationRow> rows = new ArrayList<>();
    for (Map.Entry<String, Tally[]> e : tallies.entrySet()) {
      for (int c = 0; c < s.coverages().size(); c++) {
        rows.add(e.getValue()[c].row(e.getKey(), s.coverages().get(c)));
      }
    }
    ForecastModel chosen = choose(rows, models, s.coverages());
    for (EvaluationRow r : List.copyOf(rows)) {
      if (r.method().equals(chosen.name())) {
        rows.add(r.as(DEFAULT));
      }
    }
    return new Result(rows, chosen, splits);
  }

  /** The default: best mean hit rate among the models never below naive at any coverage. */
  static ForecastModel choose(
      List<EvaluationRow> rows, List<ForecastModel> models, List<Double> coverages) {
    Map<String, double[]> hit = new LinkedHashMap<>();
    for (EvaluationRow r : rows) {
      hit.computeIfAbsent(r.method(), k -> new double[coverages.size()])[
              coverages.indexOf(r.coverage())] =
          r.hitRate();
    }
    double[] naive = hit.get(models.get(0).name());
    ForecastModel best = models.get(0);
    double bestMean = mean(naive);
    List<String> eligible = candidates().stream().map(ForecastModel::name).toList();
    for (ForecastModel m : models) {
      if (!eligible.contains(m.name())) {
        continue;
      }
      double[] h = hit.get(m.name());
      boolean noWorse = true;
      for (int c = 0; c < h.length; c++) {
        noWorse &= h[c] >= naive[c];
      }
      if (noWorse && mean(h) > bestMean) {
        best = m;
        bestMean = mean(h);
      }
    }
    return best;
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d;
    }
    return s / v.length;
  }

  /** Ranks the method's cells once, then adds every coverage's counts to the tallies. */
  private static void score(
      Tally[] tally,
      List<Double> coverages,
      double[] score,
      int[] testCounts,
      boolean[] eligible,
      int total) {
    int[] cells = IntStream.range(0, score.length).filter(i -> eligible[i]).toArray();
    int n = cells.length;
    int[] ranked =
        Arrays.stream(cells)
            .filter(i -> score[i] > 0)
            .boxed()
            .sorted(
                (a, b) ->
                    score[a] != score[b]
                        ? Double.compare(score[b], score[a])
                        : Integer.compare(a, b))
            .mapToInt(Integer::intValue)
            .toArray();
    int[] best = new int[n];
    for (int i = 0; i < n; i++) {
      best[i] = testCounts[cells[i]];
    }
    Arrays.sort(best);
    for (int c = 0; c < coverages.size(); c++) {
      int k = Math.max(1, (int) Math.round(coverages.get(c) * n));
      int flagged = Math.min(k, ranked.length);
      int hits = 0;
      int bestHits = 0;
      for (int i = 0; i < flagged; i++) {
        hits += testCounts[ranked[i]];
        bestHits += best[n - 1 - i];
      }
      tally[c].add(flagged, n, total, hits, bestHits);
    }
  }

  /** Counts of one method at one coverage, summed over splits. */
  private static final class Tally {
    long flagged;
    long cells;
    long testEvents;
    long hits;
    long bestHits;

    static Tally[] array(int n) {
      Tally[] t = new Tally[n];
      for (int i = 0; i < n; i++) {
        t[i] = new Tally();
      }
      return t;
    }

    void add(int flaggedCells, int allCells, int test, int hitCount, int best) {
      flagged += flaggedCells;
      cells += allCells;
      testEvents += test;
      hits += hitCount;
      bestHits += best;
    }

    EvaluationRow row(String method, double coverage) {
      double areaShare = cells == 0 ? 0 : (double) flagged / cells;
      double hitRate = testEvents == 0 ? 0 : (double) hits / testEvents;
      double pai = flagged == 0 ? Double.NaN : hitRate / areaShare;
      double pei = bestHits == 0 ? Double.NaN : (double) hits / bestHits;
      return new EvaluationRow(
          method,
          method,
          coverage,
          areaShare,
          (int) flagged,
          (int) testEvents,
          (int) hits,
          hitRate,
          pai,
          pei);
    }
  }
}
