package se.tryggkarta.lighting.priority;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Counts unsafe-place reports near targets with an STRtree. {@link #near} counts every report
 * within the radius; {@link #assign} gives each report to its nearest target only, so that
 * neighbouring candidates (two halves of a dark stretch) do not both claim it. Immutable and
 * thread-safe.
 */
public final class ReportIndex {
  private static final GeometryFactory GF = new GeometryFactory();
  private final STRtree index = new STRtree();

  /** Darkness reports and other reports within a distance of a target. */
  public record Counts(int darkness, int other) {}

  public ReportIndex(List<ReportPoint> reports) {
    for (ReportPoint r : reports) {
      Point pt = GF.createPoint(new Coordinate(r.position().x(), r.position().y()));
      pt.setUserData(r.darkness());
      index.insert(pt.getEnvelopeInternal(), pt);
    }
    index.build();
  }

  /**
   * Per target, the reports whose nearest target (within {@code radiusMeters}) it is; ties go to
   * the earlier target. Targets and radius in the projected CRS, metres.
   */
  @SuppressWarnings("unchecked")
  public List<Counts> assign(List<Geometry> targets, double radiusMeters) {
    int[][] counts = new int[targets.size()][2];
    STRtree byTarget = new STRtree();
    for (int i = 0; i < targets.size(); i++) {
      Envelope e = new Envelope(targets.get(i).getEnvelopeInternal());
      e.expandBy(radiusMeters);
      byTarget.insert(e, i);
    }
    for (Point p :
        (List<Point>)
            index.query(
                new Envelope(
                    -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE))) {
      int best = -1;
      double bestDistance = Double.POSITIVE_INFINITY;
      for (Integer i : (List<Integer>) byTarget.query(p.getEnvelopeInternal())) {
        double d = targets.get(i).distance(p);
        if (d <= radiusMeters && (d < bestDistance || (d == bestDistance && i < best))) {
          best = i;
          bestDistance = d;
        }
      }
      if (best >= 0) {
        counts[best][(Boolean) p.getUserData() ? 0 : 1]++;
      }
    }
    List<Counts> out = new ArrayList<>(targets.size());
    for (int[] c : counts) {
      out.add(new Counts(c[0], c[1]));
    }
    return out;
  }

  /** Every report within {@code radiusMeters} of the target (projected CRS, metres). */
  @SuppressWarnings("unchecked")
  public Counts near(Geometry target, double radiusMeters) {
    Envelope e = new Envelope(target.getEnvelopeInternal());
    e.expandBy(radiusMeters);
    int dark = 0;
    int other = 0;
    for (Point p : (List<Point>) index.query(e)) {
      if (target.distance(p) <= radiusMeters) {
        if ((Boolean) p.getUserData()) {
          dark++;
        } else {
          other++;
        }
      }
    }
    return new Counts(dark, other);
  }
}
