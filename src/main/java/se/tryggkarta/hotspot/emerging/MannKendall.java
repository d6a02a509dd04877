package se.tryggkarta.hotspot.emerging;

import se.tryggkarta.hotspot.gistar.GiStar;

/**
 * The Mann–Kendall trend test (Mann 1945, Kendall 1975) of a series x_1..x_n in time order:
 *
 * <pre>
 *   S = Σ_{i&lt;j} sgn(x_j − x_i)
 *   Var S = (n(n−1)(2n+5) − Σ_g t_g(t_g−1)(2t_g+5)) / 18       (t_g: sizes of groups of tied values)
 *   z = (S − sgn S) / √Var S                                  (continuity correction)
 *   τ = S / √(n₀ (n₀ − n₁)),  n₀ = n(n−1)/2,  n₁ = Σ_g t_g(t_g−1)/2   (Kendall's τ_b against time)
 * </pre>
 *
 * p is two-sided under the normal approximation, 2·(1 − Φ(|z|)); H0: no monotonic trend. This is
 * base R's {@code cor.test(seq_along(x), x, method = "kendall", exact = FALSE, continuity = TRUE)};
 * the R package Kendall that sfdep calls gives the same τ and, for short series without ties, an
 * exact p instead (the classes differ only for a trend p right at the threshold).
 *
 * @param s Kendall's S
 * @param tau Kendall's τ_b of the series against time, in [−1, 1]; 0 for a constant series
 * @param zScore the continuity-corrected normal score of S; 0 when Var S is 0
 * @param pValue two-sided p-value; 1 when Var S is 0
 */
public record MannKendall(double s, double tau, double zScore, double pValue) {

  /** The test of a series (at least 2 values; NaN values are not allowed). */
  public static MannKendall of(double[] x) {
    int n = x.length;
    if (n < 2) {
      throw new IllegalArgumentException("Mann–Kendall needs at least 2 values, got " + n);
    }
    long s = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        s += Double.compare(x[j], x[i]) > 0 ? 1 : x[j] == x[i] ? 0 : -1;
      }
    }
    double[] sorted = x.clone();
    java.util.Arrays.sort(sorted);
    double tieVariance = 0;
    double tiePairs = 0;
    for (int i = 0; i < n; ) {
      int j = i;
      while (j < n && sorted[j] == sorted[i]) {
        j++;
      }
      double t = j - i;
      tieVariance += t * (t - 1) * (2 * t + 5);
      tiePairs += t * (t - 1) / 2;
      i = j;
    }
    double variance = ((double) n * (n - 1) * (2 * n + 5) - tieVariance) / 18;
    double n0 = (double) n * (n - 1) / 2;
    double tauDenominator = Math.sqrt(n0 * (n0 - tiePairs));
    double tau = tauDenominator > 0 ? s / tauDenominator : 0;
    if (!(variance > 0)) {
      return new MannKendall(s, tau, 0, 1);
    }
    double z = (s - Math.signum(s)) / Math.sqrt(variance);
    return new MannKendall(s, tau, z, GiStar.pValue(z));
  }
}
