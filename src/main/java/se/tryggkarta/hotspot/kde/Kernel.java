package se.tryggkarta.hotspot.kde;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import se.tryggkarta.common.DomainException;

/**
 * Radially symmetric 2-D kernels K(u) with unit bandwidth, each integrating to 1 over the plane (u
 * = distance ÷ bandwidth h; the density of one unit-weight event at distance d is K(d/h)/h²).
 * Formulas from Silverman (1986), <i>Density Estimation for Statistics and Data Analysis</i>, §4.2,
 * and the CrimeStat III manual ch. 8 (Levine 2004):
 *
 * <ul>
 *   <li>quartic (biweight): K(u) = 3/π · (1 − u²)² for u &lt; 1 — QGIS's and CrimeStat's default;
 *   <li>Epanechnikov: K(u) = 2/π · (1 − u²) for u &lt; 1;
 *   <li>uniform: K(u) = 1/π for u &lt; 1;
 *   <li>Gaussian: K(u) = e^(−u²/2) / (2π (1 − e^(−8))), h is the standard deviation, cut at u = 4
 *       and renormalised so that the cut kernel still integrates to 1 (without the factor the 0.034
 *       % of mass beyond 4σ would be lost).
 * </ul>
 *
 * Density grids use the kernel's mass over each cell ({@link CellMass}), not its value at the
 * centre.
 */
public enum Kernel {
  QUARTIC("quartic", 1.0, 2.623),
  GAUSSIAN("gaussian", 4.0, 1.0),
  EPANECHNIKOV("epanechnikov", 1.0, 2.214),
  UNIFORM("uniform", 1.0, 1.740);

  private final String slug;
  private final double supportRadius;
  private final double gaussianEquivalent;

  Kernel(String slug, double supportRadius, double gaussianEquivalent) {
    this.slug = slug;
    this.supportRadius = supportRadius;
    this.gaussianEquivalent = gaussianEquivalent;
  }

  public String slug() {
    return slug;
  }

  /** Where K becomes 0, in bandwidths (1 for the compact kernels, 4 for the cut Gaussian). */
  public double supportRadius() {
    return supportRadius;
  }

  /**
   * The factor that turns a Gaussian bandwidth (σ) into this kernel's bandwidth with about the same
   * smoothing: Scott (1992), <i>Multivariate Density Estimation</i>, Table 6.2 (canonical
   * "equivalent kernel" rescaling; biweight 2.623, Epanechnikov 2.214, uniform 1.740).
   */
  public double gaussianEquivalent() {
    return gaussianEquivalent;
  }

  /** K(u) for u² = (d/h)²; 0 outside the support. Never NaN for finite input. */
  public double value(double u2) {
    return switch (this) {
      case QUARTIC -> u2 < 1 ? 3 / Math.PI * (1 - u2) * (1 - u2) : 0;
      case EPANECHNIKOV -> u2 < 1 ? 2 / Math.PI * (1 - u2) : 0;
      case UNIFORM -> u2 < 1 ? 1 / Math.PI : 0;
      case GAUSSIAN ->
          u2 < 16 ? Math.exp(-0.5 * u2) / (2 * Math.PI * CellMass.GAUSSIAN_MASS_INSIDE) : 0;
    };
  }

  public static Kernel parse(String field, String text) {
    for (Kernel k : values()) {
      if (k.slug.equalsIgnoreCase(text == null ? "" : text.strip())) {
        return k;
      }
    }
    throw DomainException.invalid(
        field,
        "unknown kernel '"
            + text
            + "', expected one of "
            + Arrays.stream(values()).map(Kernel::slug).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return slug.toLowerCase(Locale.ROOT);
  }
}
