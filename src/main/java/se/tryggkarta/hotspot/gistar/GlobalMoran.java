package se.tryggkarta.hotspot.gistar;

/**
 * Global Moran's I of hexagon values with binary weights within a distance band, the focal cell
 * excluded (w_ii = 0), under the randomisation assumption (Cliff &amp; Ord 1981, eqs. 1.35–1.37;
 * spdep's {@code moran.test(randomisation = TRUE)}):
 *
 * <pre>
 *   I = (n / S₀) Σ_i Σ_j w_ij z_i z_j / Σ_i z_i²,   z_i = x_i − x̄,   E[I] = −1/(n − 1)
 *   Var I = [n((n² − 3n + 3)S₁ − n S₂ + 3S₀²) − b₂((n² − n)S₁ − 2n S₂ + 6S₀²)]
 *           / ((n − 1)(n − 2)(n − 3) S₀²) − E[I]²,   b₂ = n Σ z⁴ / (Σ z²)²
 *   S₀ = Σ_ij w_ij,  S₁ = ½ Σ_ij (w_ij + w_ji)² = 2 S₀,  S₂ = Σ_i (w_i· + w_·i)² = 4 Σ_i k_i²
 * </pre>
 *
 * (k_i the number of neighbours of i.) zScore = (I − E[I]) / √Var I; H0: values randomly placed on
 * the hexagons.
 *
 * @param bandMeters the distance band
 * @param i Moran's I
 * @param expected E[I] = −1/(n − 1)
 * @param variance Var I under randomisation
 * @param zScore the standardised I; 0 when the variance is not positive
 */
public record GlobalMoran(
    double bandMeters, double i, double expected, double variance, double zScore) {

  /** Moran's I of every hexagon's value (n ≥ 4, some variance) with binary band weights. */
  public static GlobalMoran of(double[] x, HexGrid grid, double bandMeters) {
    int n = x.length;
    if (n != grid.size() || n < 4) {
      throw new IllegalArgumentException("Moran's I needs a value per hexagon and n ≥ 4, n = " + n);
    }
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= n;
    double[] nbSums = new double[n];
    int[] nbSizes = new int[n];
    grid.neighbourhoodSums(x, bandMeters, nbSums, nbSizes);
    double cross = 0;
    double m2 = 0;
    double m4 = 0;
    double s0 = 0;
    double sumK2 = 0;
    for (int k = 0; k < n; k++) {
      double z = x[k] - mean;
      int neighbours = nbSizes[k] - 1;
      // Σ_{j≠i, j∈N(i)} z_j: the neighbourhood sum without the focal cell, centred.
      double lag = (nbSums[k] - x[k]) - neighbours * mean;
      cross += z * lag;
      m2 += z * z;
      m4 += z * z * z * z;
      s0 += neighbours;
      sumK2 += (double) neighbours * neighbours;
    }
    double s1 = 2 * s0;
    double s2 = 4 * sumK2;
    double moran = n / s0 * cross / m2;
    double expected = -1.0 / (n - 1);
    double b2 = n * m4 / (m2 * m2);
    double nn = n;
    double variance =
        (nn * ((nn * nn - 3 * nn + 3) * s1 - nn * s2 + 3 * s0 * s0)
                    - b2 * ((nn * nn - nn) * s1 - 2 * nn * s2 + 6 * s0 * s0))
                / ((nn - 1) * (nn - 2) * (nn - 3) * s0 * s0)
            - expected * expected;
    double z = variance > 0 ? (moran - expected) / Math.sqrt(variance) : 0;
    return new GlobalMoran(bandMeters, moran, expected, variance, z);
  }
}
