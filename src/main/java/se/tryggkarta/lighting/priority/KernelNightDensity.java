package se.tryggkarta.lighting.priority;

import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.index.strtree.STRtree;
import se.tryggkarta.common.DomainException;

/**
 * Night-time incident weight around a target by a direct kernel sum over the incidents an STRtree
 * finds within the bandwidth h, with the quartic (biweight) kernel (Silverman 1986, table 3.1)
 * scaled so that k(0) = 1, k(u) = (1 − u²)² for u &lt; 1, else 0.
 *
 * <p>Around a point (a lamp): {@code N = Σ_j w_j · k(d_j / h)}, d_j the distance to incident j.
 * Only a point's first coordinate and a line's vertices are used; other geometries are not
 * expected.
 *
 * <p>Along a line (a dark stretch): the kernel is integrated along the line and normalised so an
 * incident on a long line counts exactly 1:
 *
 * <pre>
 *   N = (15 / 16h) · Σ_j w_j ∫_line k(|p(s) − x_j| / h) ds
 * </pre>
 *
 * On a straight piece with incident j at perpendicular offset d and foot s₀, with c² = h² − d² and
 * u = s − s₀, the integrand is ((c² − u²)/h²)², whose antiderivative is (c⁴u − ⅔c²u³ + u⁵/5)/h⁴,
 * evaluated over the piece clipped to |u| &lt; c; so the sum is exact. The line form is additive:
 * the N of a stretch is the sum of the N of its parts, so lighting part of a stretch removes
 * exactly that part's share. Immutable and thread-safe.
 */
public final class KernelNightDensity implements NightDensity {
  private final STRtree index = new STRtree();
  private final double bandwidthMeters;

  public KernelNightDensity(List<IncidentPoint> incidents, double bandwidthMeters) {
    if (!(bandwidthMeters >= 1 && bandwidthMeters <= 5000)) {
      throw DomainException.invalid(
          "bandwidth", "bandwidth must be in [1, 5000] m, was " + bandwidthMeters);
    }
    this.bandwidthMeters = bandwidthMeters;
    for (IncidentPoint p : incidents) {
      if (p.weight() > 0) {
        double x = p.position().x();
        double y = p.position().y();
        index.insert(new Envelope(x, x, y, y), new double[] {x, y, p.weight(), p.events()});
      }
    }
    index.build();
  }

  @Override
  public Exposure exposure(Geometry target) {
    double sum = 0;
    int count = 0;
    if (target instanceof LineString line) {
      Coordinate[] cs = line.getCoordinates();
      for (double[] p : within(target)) {
        double along = 0;
        for (int i = 0; i + 1 < cs.length; i++) {
          along += pieceIntegral(cs[i], cs[i + 1], p[0], p[1]);
        }
        if (along > 0) {
          sum += p[2] * along;
          count += (int) p[3];
        }
      }
      return new Exposure(sum * 15 / (16 * bandwidthMeters), count);
    }
    Coordinate c = target.getCoordinate();
    for (double[] p : within(target)) {
      double u = Math.hypot(p[0] - c.x, p[1] - c.y) / bandwidthMeters;
      if (u < 1) {
        double k = 1 - u * u;
        sum += p[2] * k * k;
        count += (int) p[3];
      }
    }
    return new Exposure(sum, count);
  }

  /** ∫ k(|p(s) − x| / h) ds along the straight piece a→b, in metres (see the class comment). */
  private double pieceIntegral(Coordinate a, Coordinate b, double x, double y) {
    double dx = b.x - a.x;
    double dy = b.y - a.y;
    double len = Math.hypot(dx, dy);
    if (len == 0) {
      return 0;
    }
    double ex = dx / len;
    double ey = dy / len;
    double s0 = (x - a.x) * ex + (y - a.y) * ey;
    double d = Math.abs((x - a.x) * ey - (y - a.y) * ex);
    double h2 = bandwidthMeters * bandwidthMeters;
    double c2 = h2 - d * d;
    if (c2 <= 0) {
      return 0;
    }
    double c = Math.sqrt(c2);
    double lo = Math.max(-s0, -c);
    double hi = Math.min(len - s0, c);
    if (hi <= lo) {
      return 0;
    }
    return (antiderivative(hi, c2) - antiderivative(lo, c2)) / (h2 * h2);
  }

  private static double antiderivative(double u, double c2) {
    double u2 = u * u;
    return c2 * c2 * u - 2.0 / 3 * c2 * u2 * u + u2 * u2 * u / 5;
  }

  @SuppressWarnings("unchecked")
  private List<double[]> within(Geometry target) {
    Envelope e = new Envelope(target.getEnvelopeInternal());
    e.expandBy(bandwidthMeters);
    return index.query(e);
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "quartic kernel, %.0f m", bandwidthMeters);
  }
}
