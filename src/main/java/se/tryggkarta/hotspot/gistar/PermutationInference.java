package se.tryggkarta.hotspot.gistar;

import se.tryggkarta.common.DomainException;

/**
 * Asks for {@link ConditionalPermutation} p-values instead of the normal approximation.
 *
 * @param permutations R, 1..{@value ConditionalPermutation#MAX_PERMUTATIONS} (999 is esda's and
 *     ArcGIS's usual choice: p then has steps of 0.001)
 * @param seed the random seed: the same seed gives the same p-values
 */
public record PermutationInference(int permutations, long seed) {
  /** esda's default number of permutations. */
  public static final int DEFAULT_PERMUTATIONS = 999;

  public PermutationInference {
    if (permutations < 1 || permutations > ConditionalPermutation.MAX_PERMUTATIONS) {
      throw DomainException.invalid(
          "permutations",
          "permutations must be 1.."
              + ConditionalPermutation.MAX_PERMUTATIONS
              + ", was "
              + permutations);
    }
  }
}
