package se.tryggkarta.hotspot.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.hotspot.gistar.GiStarResult;
import se.tryggkarta.hotspot.gistar.HexGrid;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.grid.PointSet;
import se.tryggkarta.hotspot.kde.DensityGrid;
import se.tryggkarta.hotspot.kde.Kernel;
import se.tryggkarta.hotspot.kde.KernelDensity;

/**
 * Prospective hotspot evaluation (Chainey, Tompson &amp; Uhlig 2008, "The utility of hotspot
 * mapping for predicting spatial patterns of crime", Security Journal 21). Each method ranks its
 * own cells on the training events; for a coverage c the top k = round(c · N) cells are flagged (N:
 * the method's cells in the study area), and the test events that fall in them give
 *
 * <pre>
 *   hit rate = n / N_test,   PAI = (n / N_test) / (a / A),   PEI* = n / n*_k
 * </pre>
 *
 * where a/A is the flagged share of the area and n*_k the test events in the k cells that hold the
 * most of them. Ties in a ranking go to the lower cell index, so results are deterministic. Gi*
 * flags only hexagons classed hot at the given FDR level α, so it may flag less than c. Stateless
 * and thread-safe.
 */
public final class ForecastEvaluation {
  /** The default coverages: 1, 2 and 5 % of the area. */
  public static final List<Double> DEFAULT_COVERAGES = List.of(0.01, 0.02, 0.05);

  private ForecastEvaluation() {}

  /** Parameters shared by the methods. */
  public record Setup(
      GridSpec grid,
      Kernel kernel,
      double bandwidthMeters,
      double hexWidthMeters,
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

  /** Rows in method order (KDE, Gi*, naive), each with every coverage in the order given. */
  public static List<EvaluationRow> evaluate(PointSet train, PointSet test, Setup s) {
    if (train.isEmpty()) {
      throw DomainException.invalid("train", "the training period has no events");
    }
    if (test.isEmpty()) {
      throw DomainException.invalid("test", "the test period has no events");
    }
    GridSpec g = s.grid();
    DensityGrid kde = KernelDensity.estimate(train, g, s.kernel(), s.bandwidthMeters());
    double[] kdeScore = new double[g.cellCount()];
    double[] naiveScore = new double[g.cellCount()];
    for (int i = 0; i < kdeScore.length; i++) {
      kdeScore[i] = kde.value(i);
    }
    int[] squareTest = new int[g.cellCount()];
    for (int i = 0; i < train.size(); i++) {
      int c = g.indexOf(train.x(i), train.y(i));
      if (c >= 0) {
        naiveScore[c] += train.weight(i);
      }
    }
    for (int i = 0; i < test.size(); i++) {
      int c = g.indexOf(test.x(i), test.y(i));
      if (c >= 0) {
        squareTest[c]++;
      }
    }
    boolean[] allSquares = new boolean[g.cellCount()];
    Arrays.fill(allSquares, true);

    HexGrid hex = HexGrid.covering(g.extent(), s.hexWidthMeters());
    GiStarResult gi = GiStarResult.analyse(train, hex, s.bandMeters());
    boolean[] inArea = new boolean[hex.size()];
    double[] giScore = new double[hex.size()];
    int[] hexTest = new int[hex.size()];
    for (int i = 0; i < hex.size(); i++) {
      inArea[i] = g.extent().contains(hex.centreX(i), hex.centreY(i));
      boolean hot = gi.zScore(i) > 0 && gi.qValue(i) <= s.alpha();
      giScore[i] = hot ? gi.zScore(i) : 0;
    }
    int testInArea = 0;
    for (int i = 0; i < test.size(); i++) {
      int c = hex.indexOf(test.x(i), test.y(i));
      if (c >= 0 && inArea[c]) {
        hexTest[c]++;
      }
      if (g.indexOf(test.x(i), test.y(i)) >= 0) {
        testInArea++;
      }
    }
    List<EvaluationRow> rows = new ArrayList<>();
    rows.addAll(rows(Method.KDE, s.coverages(), kdeScore, squareTest, allSquares, testInArea));
    rows.addAll(rows(Method.GI_STAR, s.coverages(), giScore, hexTest, inArea, testInArea));
    rows.addAll(rows(Method.NAIVE, s.coverages(), naiveScore, squareTest, allSquares, testInArea));
    return List.copyOf(rows);
  }

  /** Ranks the method's cells once, then scores every coverage. */
  private static List<EvaluationRow> rows(
      Method m,
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
    List<EvaluationRow> out = new ArrayList<>();
    for (double coverage : coverages) {
      int k = Math.max(1, (int) Math.round(coverage * n));
      int flagged = Math.min(k, ranked.length);
      int hits = 0;
      int bestHits = 0;
      for (int i = 0; i < flagged; i++) {
        hits += testCounts[ranked[i]];
        bestHits += best[n - 1 - i];
      }
      double areaShare = (double) flagged / n;
      double hitRate = total == 0 ? 0 : (double) hits / total;
      double pai = flagged == 0 ? Double.NaN : hitRate / areaShare;
      double pei = bestHits == 0 ? Double.NaN : (double) hits / bestHits;
      out.add(new EvaluationRow(m, coverage, areaShare, flagged, total, hits, hitRate, pai, pei));
    }
    return out;
  }
}
