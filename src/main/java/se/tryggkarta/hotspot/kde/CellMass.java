package se.tryggkarta.hotspot.kde;

import org.hipparchus.special.Erf;

/**
 * The share of one event's kernel mass that falls in an axis-parallel rectangle, in exact
 * arithmetic up to quadrature round-off (about 1e-13):
 *
 * <pre>  M(x₀, x₁, y₀, y₁) = ∫_{y₀}^{y₁} ∫_{x₀}^{x₁} K(√(x² + y²)) dx dy</pre>
 *
 * with coordinates in bandwidths (offsets from the event divided by h) and K the unit-bandwidth
 * kernel of {@link Kernel}, which integrates to 1 over the plane. A density cell's value is its
 * mass divided by its area: the mean density over the cell, so a grid's integral is the weighted
 * count whatever the cell size (point-sampling K at cell centres is not: at bandwidth/cell = 2 its
 * integral is 1.3 % high).
 *
 * <p>How: the inner integral over x has a closed form for every kernel (a polynomial for quartic,
 * Epanechnikov and uniform; an error-function difference for the Gaussian), taken over the part of
 * [x₀, x₁] inside the kernel's support disk of radius R. The outer integral over y is split where
 * the disk's boundary crosses x₀ or x₁, and each piece is integrated by 16-point Gauss–Legendre
 * after the substitution y = R·sin θ, which removes the square-root singularity of the chord at y =
 * ±R; on each piece the integrand is then analytic, so the rule is exact to round-off. Rectangles
 * wholly inside the disk skip the splitting (the Gaussian's factorises into two error-function
 * differences). Stateless and thread-safe.
 *
 * <p>The Gaussian is cut at R = 4 and renormalised: its density is e^(−u²/2) / (2π (1 − e^(−8)))
 * inside the cut, so it too integrates to exactly 1.
 */
public final class CellMass {
  private static final double[] NODES = new double[16];
  private static final double[] WEIGHTS = new double[16];

  /** 1 − e^(−R²/2) for R = 4: the mass of the standard 2-D Gaussian inside the cut. */
  static final double GAUSSIAN_MASS_INSIDE = 1 - Math.exp(-8);

  static {
    gaussLegendre(NODES, WEIGHTS);
  }

  private CellMass() {}

  /** The kernel mass in [x0, x1] × [y0, y1] (bandwidth units; x0 ≤ x1, y0 ≤ y1). */
  public static double of(Kernel k, double x0, double x1, double y0, double y1) {
    double r = k.supportRadius();
    double nearX = Math.max(x0, Math.min(0, x1));
    double nearY = Math.max(y0, Math.min(0, y1));
    if (nearX * nearX + nearY * nearY >= r * r) {
      return 0;
    }
    double farX = Math.max(Math.abs(x0), Math.abs(x1));
    double farY = Math.max(Math.abs(y0), Math.abs(y1));
    if (farX * farX + farY * farY <= r * r) {
      return inside(k, x0, x1, y0, y1);
    }
    double ya = Math.max(y0, -r);
    double yb = Math.min(y1, r);
    double[] cuts = new double[6];
    int m = 0;
    cuts[m++] = ya;
    for (double x : new double[] {x0, x1}) {
      if (Math.abs(x) < r) {
        double c = Math.sqrt(r * r - x * x);
        if (-c > ya && -c < yb) {
          cuts[m++] = -c;
        }
        if (c > ya && c < yb) {
          cuts[m++] = c;
        }
      }
    }
    cuts[m++] = yb;
    java.util.Arrays.sort(cuts, 0, m);
    double sum = 0;
    for (int i = 0; i + 1 < m; i++) {
      if (cuts[i + 1] > cuts[i]) {
        sum += piece(k, x0, x1, cuts[i], cuts[i + 1]);
      }
    }
    return sum;
  }

  /** ∫ over y in [ya, yb] (inside [−R, R]) of the clipped inner integral, with y = R sin θ. */
  private static double piece(Kernel k, double x0, double x1, double ya, double yb) {
    double r = k.supportRadius();
    double ta = Math.asin(Math.max(-1, Math.min(1, ya / r)));
    double tb = Math.asin(Math.max(-1, Math.min(1, yb / r)));
    double mid = (ta + tb) / 2;
    double half = (tb - ta) / 2;
    double s = 0;
    for (int i = 0; i < NODES.length; i++) {
      double t = mid + half * NODES[i];
      double cos = Math.cos(t);
      double y = r * Math.sin(t);
      double chord = r * cos;
      double a = Math.max(x0, -chord);
      double b = Math.min(x1, chord);
      if (b > a) {
        s += WEIGHTS[i] * inner(k, y, a, b) * r * cos;
      }
    }
    return s * half;
  }

  /** A rectangle wholly inside the support: no clipping needed. */
  private static double inside(Kernel k, double x0, double x1, double y0, double y1) {
    if (k == Kernel.GAUSSIAN) {
      return normalMass(x0, x1) * normalMass(y0, y1) / GAUSSIAN_MASS_INSIDE;
    }
    // The inner integral is a polynomial of degree ≤ 4 in y: Gauss–Legendre with 3 nodes is exact.
    double mid = (y0 + y1) / 2;
    double half = (y1 - y0) / 2;
    double t = Math.sqrt(0.6);
    return half
        * (5.0 / 9 * inner(k, mid - half * t, x0, x1)
            + 8.0 / 9 * inner(k, mid, x0, x1)
            + 5.0 / 9 * inner(k, mid + half * t, x0, x1));
  }

  /** Φ(b) − Φ(a) for the standard normal, accurate in the tails. */
  static double normalMass(double a, double b) {
    return 0.5 * Erf.erf(a / Math.sqrt(2), b / Math.sqrt(2));
  }

  /** ∫_a^b K(√(x² + y²)) dx for a, b inside the support's chord at height y. */
  private static double inner(Kernel k, double y, double a, double b) {
    double c = 1 - y * y;
    return switch (k) {
      case QUARTIC -> 3 / Math.PI * (quarticAnti(c, b) - quarticAnti(c, a));
      case EPANECHNIKOV -> 2 / Math.PI * (c * (b - a) - (b * b * b - a * a * a) / 3);
      case UNIFORM -> (b - a) / Math.PI;
      case GAUSSIAN ->
          Math.exp(-0.5 * y * y) / Math.sqrt(2 * Math.PI) * normalMass(a, b) / GAUSSIAN_MASS_INSIDE;
    };
  }

  private static double quarticAnti(double c, double x) {
    double x2 = x * x;
    return x * (c * c - 2 * c * x2 / 3 + x2 * x2 / 5);
  }

  /** Nodes and weights of the n-point Gauss–Legendre rule on [−1, 1] (Newton on P_n). */
  private static void gaussLegendre(double[] x, double[] w) {
    int n = x.length;
    for (int i = 0; i < n; i++) {
      double z = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
      double dp = 0;
      for (int iter = 0; iter < 100; iter++) {
        double p0 = 1;
        double p1 = z;
        for (int j = 2; j <= n; j++) {
          double p2 = ((2 * j - 1) * z * p1 - (j - 1) * p0) / j;
          p0 = p1;
          p1 = p2;
        }
        dp = n * (z * p1 - p0) / (z * z - 1);
        double dz = p1 / dp;
        z -= dz;
        if (Math.abs(dz) < 1e-15) {
          break;
        }
      }
      x[i] = z;
      w[i] = 2 / ((1 - z * z) * dp * dp);
    }
  }
}
