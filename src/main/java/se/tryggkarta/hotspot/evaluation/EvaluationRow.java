package se.tryggkarta.hotspot.evaluation;

/**
 * One method at one coverage.
 *
 * @param coverage the share of the study area asked for (0..1)
 * @param areaShare the share actually flagged (less when the method flags fewer cells, as Gi* may)
 * @param cellsFlagged how many of the method's cells were flagged
 * @param testEvents the events of the test period in the study area
 * @param hits the test events inside the flagged cells
 * @param hitRate hits ÷ testEvents
 * @param pai Predictive Accuracy Index (Chainey, Tompson &amp; Uhlig 2008): hitRate ÷ areaShare; 1
 *     is no better than chance; NaN when nothing was flagged
 * @param pei Predictive Efficiency Index PEI* (Hunt 2016; Drawve 2016): hits ÷ the most test events
 *     any equally many cells of the method's grid hold (1 = perfect for that area)
 */
public record EvaluationRow(
    Method method,
    double coverage,
    double areaShare,
    int cellsFlagged,
    int testEvents,
    int hits,
    double hitRate,
    double pai,
    double pei) {}
