package se.tryggkarta.lighting.priority;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;

/** Counts unsafe-place reports near a target with an STRtree. Immutable and thread-safe. */
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

  /** Reports within {@code radiusMeters} of the target (projected CRS, metres). */
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
