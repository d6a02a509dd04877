package se.tryggkarta.hotspot.gistar;

import java.util.SplittableRandom;
import se.tryggkarta.common.DomainException;

/**
 * Conditional permutation inference for Gi* (Anselin 1995, "Local indicators of spatial association
 * — LISA", §4; as PySAL esda's {@code G_Local(star=True)} and sfdep's {@code local_gstar_perm}):
 * for cell i the focal value x_i is held fixed and its |N(i)| − 1 neighbours are replaced by values
 * drawn without replacement from the other n − 1 cells, R times. With binary weights, x̄ and S
 * unchanged by a permutation, z_i is increasing in the neighbourhood sum L_i = Σ_{j∈N(i)} x_j, so
 * the sums are compared. The pseudo p-value is that of the nearer tail, ties counting in both, as
 * sfdep folds its space-time Gi* ({@code local_g_spt}):
 *
 * <pre>
 *   M≥ = #{r : L_i^(r) ≥ L_i},   M≤ = #{r : L_i^(r) ≤ L_i},   p = (min(M≥, M≤) + 1) / (R + 1)
 * </pre>
 *
 * Without ties this is esda's and spdep's fold (M ← min(M, R − M), M = M≥). With counts ties are
 * common: an empty neighbourhood ties with every empty draw, and that fold turns M≥ = R into p =
 * 1/(R+1), calling every empty area a significant cold spot; here such a cell's p is the share of
 * draws that are empty too. p is one-sided in the nearer tail, at least 1/(R+1); H0: the values are
 * exchangeable among the cells given x_i. A cell with no neighbour but itself, or whose
 * neighbourhood is every cell, has nothing to permute and gets p = 1. Seeded: the same values,
 * neighbourhoods, R and seed give the same p-values. Stateless and thread-safe.
 */
public final class ConditionalPermutation {
  /** The most permutations accepted. */
  public static final int MAX_PERMUTATIONS = 99_999;

  /**
   * Relative tolerance under which a permuted sum counts as equal to the observed one: sums of the
   * same weights added in another order differ in the last bits, and ties (an empty neighbourhood
   * and an empty draw) must count in both tails, as they do for integer counts.
   */
  static final double TIE_TOLERANCE = 1e-12;

  private ConditionalPermutation() {}

  /**
   * Pseudo p-values for every cell.
   *
   * @param x the cells' values
   * @param neighbourhoodSums Σ_{j∈N(i)} x_j, the focal cell included
   * @param neighbourhoodSizes |N(i)|, the focal cell included
   * @param permutations R, 1..{@value #MAX_PERMUTATIONS}
   */
  public static double[] pseudoPValues(
      double[] x,
      double[] neighbourhoodSums,
      int[] neighbourhoodSizes,
      int permutations,
      long seed) {
    if (permutations < 1 || permutations > MAX_PERMUTATIONS) {
      throw DomainException.invalid(
          "permutations", "permutations must be 1.." + MAX_PERMUTATIONS + ", was " + permutations);
    }
    int n = x.length;
    // perm holds every index; pos is its inverse. For cell i, i sits at n − 1 and the draws come
    // from a partial Fisher–Yates shuffle of positions 0..n−2, which stays a permutation of the
    // other cells between draws, so no reset is needed.
    int[] perm = new int[n];
    int[] pos = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
      pos[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      int draws = neighbourhoodSizes[i] - 1;
      if (draws <= 0 || draws >= n - 1) {
        p[i] = 1;
        continue;
      }
      swap(perm, pos, pos[i], n - 1);
      double observed = neighbourhoodSums[i];
      double tie = TIE_TOLERANCE * Math.max(1, Math.abs(observed));
      int atLeast = 0;
      int atMost = 0;
      for (int r = 0; r < permutations; r++) {
        double s = x[i];
        for (int d = 0; d < draws; d++) {
          int j = d + random.nextInt(n - 1 - d);
          swap(perm, pos, d, j);
          s += x[perm[d]];
        }
        if (s >= observed - tie) {
          atLeast++;
        }
        if (s <= observed + tie) {
          atMost++;
        }
      }
      int m = Math.min(atLeast, atMost);
      p[i] = (m + 1.0) / (permutations + 1.0);
    }
    return p;
  }

  private static void swap(int[] perm, int[] pos, int a, int b) {
    int va = perm[a];
    int vb = perm[b];
    perm[a] = vb;
    perm[b] = va;
    pos[vb] = a;
    pos[va] = b;
  }
}
