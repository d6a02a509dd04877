package se.tryggkarta.hotspot.gistar;

import java.util.Optional;
import se.tryggkarta.hotspot.grid.PointSet;

/**
 * Gi* over a hexagon grid: per hexagon the (weighted) event sum, z-score, two-sided p-value, its
 * Benjamini–Hochberg adjusted value q and the class. Immutable (arrays copied out); thread-safe.
 */
public final class GiStarResult {
  private final HexGrid grid;
  private final double bandMeters;
  private final double[] sums;
  private final double[] neighbourhoodSums;
  private final double[] z;
  private final double[] p;
  private final double[] q;
  private final Optional<PermutationInference> permutation;

  private GiStarResult(
      HexGrid grid,
      double bandMeters,
      double[] sums,
      double[] nbSums,
      double[] z,
      double[] p,
      double[] q,
      Optional<PermutationInference> permutation) {
    this.grid = grid;
    this.bandMeters = bandMeters;
    this.sums = sums;
    this.neighbourhoodSums = nbSums;
    this.z = z;
    this.p = p;
    this.q = q;
    this.permutation = permutation;
  }

  /** Counts the points per hexagon and computes Gi* with binary weights within the band. */
  public static GiStarResult analyse(PointSet points, HexGrid grid, double bandMeters) {
    return analyse(points, grid, bandMeters, Optional.empty());
  }

  /**
   * As {@link #analyse(PointSet, HexGrid, double)}, with p-values from conditional permutations
   * when asked (z stays the closed form; q and the class then follow the pseudo p-values).
   */
  public static GiStarResult analyse(
      PointSet points,
      HexGrid grid,
      double bandMeters,
      Optional<PermutationInference> permutation) {
    if (!(bandMeters >= grid.widthMeters()) || !Double.isFinite(bandMeters)) {
      throw se.tryggkarta.common.DomainException.invalid(
          "band",
          "distance band must be at least the cell width "
              + grid.widthMeters()
              + " m (else cells have no neighbours), was "
              + bandMeters);
    }
    double[] sums = grid.sums(points);
    double[] nbSums = new double[sums.length];
    int[] nbSizes = new int[sums.length];
    grid.neighbourhoodSums(sums, bandMeters, nbSums, nbSizes);
    double[] z = GiStar.zScores(sums, nbSums, nbSizes);
    double[] p = new double[z.length];
    if (permutation.isPresent()) {
      p =
          ConditionalPermutation.pseudoPValues(
              sums, nbSums, nbSizes, permutation.get().permutations(), permutation.get().seed());
    } else {
      for (int i = 0; i < z.length; i++) {
        p[i] = GiStar.pValue(z[i]);
      }
    }
    return new GiStarResult(
        grid, bandMeters, sums, nbSums, z, p, FalseDiscoveryRate.adjust(p), permutation);
  }

  public HexGrid grid() {
    return grid;
  }

  public double bandMeters() {
    return bandMeters;
  }

  public int size() {
    return z.length;
  }

  /** The weighted event sum in hexagon i. */
  public double sum(int i) {
    return sums[i];
  }

  /** The weighted event sum over hexagon i's neighbourhood (itself included). */
  public double neighbourhoodSum(int i) {
    return neighbourhoodSums[i];
  }

  public double zScore(int i) {
    return z[i];
  }

  /** The permutations behind the p-values; empty when they are the normal approximation's. */
  public Optional<PermutationInference> permutation() {
    return permutation;
  }

  /**
   * Two-sided p-value under the normal approximation, or the folded pseudo p-value of {@link
   * ConditionalPermutation} when {@link #permutation()} is present; H0: no spatial clustering.
   */
  public double pValue(int i) {
    return p[i];
  }

  /** Benjamini–Hochberg adjusted p-value. */
  public double qValue(int i) {
    return q[i];
  }

  public HotspotClass hotspotClass(int i) {
    return HotspotClass.of(z[i], q[i]);
  }
}
