package se.tryggkarta.lighting.priority;

import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;
import se.tryggkarta.common.DomainException;

/**
 * Night-time incident weight around a target by a direct kernel sum over the incidents an STRtree
 * finds within the bandwidth h, with the quartic (biweight) kernel (Silverman 1986, table 3.1),
 * scaled so that k(0) = 1:
 *
 * <pre>
 *   N(target) = Σ_j w_j · k(d_j / h),   k(u) = (1 − u²)² for u &lt; 1, else 0
 * </pre>
 *
 * where d_j is the distance from incident j to the target geometry. An incident on a dark stretch
 * counts fully, one at h/2 counts 0.56, one beyond h not at all. Immutable and thread-safe.
 */
public final class KernelNightDensity implements NightDensity {
  private static final GeometryFactory GF = new GeometryFactory();
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
        Point pt = GF.createPoint(new Coordinate(p.position().x(), p.position().y()));
        pt.setUserData(p.weight());
        index.insert(pt.getEnvelopeInternal(), pt);
      }
    }
    index.build();
  }

  @Override
  public double weightedCountNear(Geometry target) {
    double sum = 0;
    for (Point p : within(target)) {
      double u = target.distance(p) / bandwidthMeters;
      if (u < 1) {
        double k = 1 - u * u;
        sum += (Double) p.getUserData() * k * k;
      }
    }
    return sum;
  }

  @Override
  public int countWithinReach(Geometry target) {
    int n = 0;
    for (Point p : within(target)) {
      if (target.distance(p) < bandwidthMeters) {
        n++;
      }
    }
    return n;
  }

  @SuppressWarnings("unchecked")
  private List<Point> within(Geometry target) {
    Envelope e = new Envelope(target.getEnvelopeInternal());
    e.expandBy(bandwidthMeters);
    return index.query(e);
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "quartic kernel, %.0f m", bandwidthMeters);
  }
}
