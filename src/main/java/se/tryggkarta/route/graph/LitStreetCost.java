package se.tryggkarta.route.graph;

/**
 * Length weighted up for darkness and risk, so that a router prefers lit, calm streets:
 *
 * <pre>
 *   cost(e) = length(e) · (1 + darkPenalty · dark(e) + riskPenalty · risk(e))
 * </pre>
 *
 * where {@code dark(e)} ∈ [0, 1] is the edge's unlit share ({@link StreetGraph#darkShare}) and
 * {@code risk(e)} ∈ [0, 1] its relative incident density ({@link StreetGraph#risk}). With
 * darkPenalty = 2 an unlit stretch counts three times its length, so the router accepts a detour of
 * up to twice the dark length to avoid it (the GraphHopper custom-model idea of multiplying a
 * priority into the weight). Immutable and thread-safe; never NaN for finite penalties.
 *
 * @param darkPenalty extra cost factor for a fully unlit edge, ≥ 0
 * @param riskPenalty extra cost factor for the riskiest edge, ≥ 0
 */
public record LitStreetCost(double darkPenalty, double riskPenalty) implements EdgeCost {
  /** The weighting {@code routes/safe} uses. */
  public static final LitStreetCost DEFAULT = new LitStreetCost(2.0, 1.0);

  public LitStreetCost {
    if (!(darkPenalty >= 0 && darkPenalty <= 100) || !(riskPenalty >= 0 && riskPenalty <= 100)) {
      throw new IllegalArgumentException(
          "penalties must be in 0..100, were " + darkPenalty + ", " + riskPenalty);
    }
  }

  /**
   * The same weighting with each edge's relative risk (∈ [0, 1], indexed by edge) taken from the
   * array instead of {@link StreetGraph#risk}: for risk from another source than the raw incidents.
   */
  public EdgeCost withRisk(double[] relativeRisk) {
    double[] risk = relativeRisk.clone();
    return (g, edge) ->
        g.lengthMeters(edge) * (1 + darkPenalty * g.darkShare(edge) + riskPenalty * risk[edge]);
  }

  @Override
  public double cost(StreetGraph g, int edge) {
    return g.lengthMeters(edge)
        * (1 + darkPenalty * g.darkShare(edge) + riskPenalty * g.risk(edge));
  }
}
