package se.tryggkarta.hotspot.evaluation;

/**
 * One method at one coverage, pooled over the evaluation's train/test splits.
 *
 * @param method the method's name: a model ({@code naive}, {@code kde-150}, {@code blend-150-50},
 *     {@code etas-100}), {@code gistar}, or {@code default} for the model patrol sites use when no
 *     model is asked for
 * @param model the model evaluated: the method itself, or for the {@code default} row the model it
 *     stands for
 * @param coverage the share of the study area asked for (0..1)
 * @param areaShare the share actually flagged (less when the method flags fewer cells, as Gi* may)
 * @param cellsFlagged how many of the method's cells were flagged, summed over the splits
 * @param testEvents the test events in the study area, summed over the splits
 * @param hits the test events inside the flagged cells, summed over the splits
 * @param hitRate hits ÷ testEvents
 * @param pai Predictive Accuracy Index (Chainey, Tompson &amp; Uhlig 2008): hitRate ÷ areaShare; 1
 *     is no better than chance; NaN when nothing was flagged
 * @param pei Predictive Efficiency Index PEI* (Hunt 2016; Drawve 2016): hits ÷ the most test events
 *     any equally many cells of the method's grid hold (1 = perfect for that area)
 */
public record EvaluationRow(
    String method,
    String model,
    double coverage,
    double areaShare,
    int cellsFlagged,
    int testEvents,
    int hits,
    double hitRate,
    double pai,
    double pei) {
  /** The same figures under another method name (the {@code default} row). */
  public EvaluationRow as(String methodName) {
    return new EvaluationRow(
        methodName, model, coverage, areaShare, cellsFlagged, testEvents, hits, hitRate, pai, pei);
  }
}
