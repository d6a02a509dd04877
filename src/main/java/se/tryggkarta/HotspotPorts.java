package se.tryggkarta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import se.tryggkarta.commitment.link.HotspotSite;
import se.tryggkarta.commitment.link.HotspotSites;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.hotspot.HotspotAnalyses;
import se.tryggkarta.hotspot.sites.PatrolSite;
import se.tryggkarta.route.PriorityPoint;
import se.tryggkarta.route.PriorityPointSource;
import se.tryggkarta.workspace.Workspace;

/**
 * Adapters that let the walk planner and the commitment links use the hotspot engine's patrol sites
 * through the ports those features declare ({@link PriorityPointSource}, {@link HotspotSites}).
 * They live beside {@link Wiring} because only the composition root may know two features at once.
 * Both are thread-safe. Their patrol sites go through the analysis pool and cache, keyed by the
 * workspace's data version as every analysis is: a walk plan or a follow-up report asking again for
 * the same period reuses one density computation, and another instance's write is seen at once.
 */
final class HotspotPorts {
  /** How many patrol sites a safety walk may choose among. */
  static final int WALK_SITES = 8;

  /**
   * A hotspot stop's weight per expected incident, on the scale of {@code StoredLayerPriorities}
   * (one unsafe-place report = 1, one incident outside the night window = 0.2).
   */
  static final double WALK_WEIGHT_PER_EVENT = 0.2;

  private HotspotPorts() {}

  /** The top patrol sites of all incidents as safety-walk candidates. */
  static PriorityPointSource walkStops(HotspotAnalyses analyses) {
    return workspace -> {
      List<PriorityPoint> points = new ArrayList<>();
      for (PatrolSite s :
          analyses.topPatrolSites(
              workspace.id(),
              analyses.dataVersion(workspace.id()),
              TimeRange.ALL,
              Set.of(),
              WALK_SITES)) {
        points.add(
            new PriorityPoint(
                "hotspot-" + s.id(),
                workspace.crs().toLonLat(s.centre()),
                WALK_WEIGHT_PER_EVENT * s.score(),
                String.format(
                    Locale.ROOT,
                    "Hotspot nr %d: %d händelser inom %.0f m (kärntäthet)",
                    points.size() + 1,
                    s.eventsCovered(),
                    s.radiusMeters()),
                PriorityPoint.Kind.HOTSPOT,
                s.eventsCovered(),
                Set.of()));
      }
      return points;
    };
  }

  /** The patrol sites of a period's incidents, as circles in WGS84, for commitment links. */
  static HotspotSites commitmentSites(HotspotAnalyses analyses) {
    GeometryFactory factory = new GeometryFactory();
    return (Workspace workspace, TimeRange period, Set<String> categories, int n) -> {
      List<HotspotSite> out = new ArrayList<>();
      for (PatrolSite s :
          analyses.topPatrolSites(
              workspace.id(), analyses.dataVersion(workspace.id()), period, categories, n)) {
        Geometry circleXy =
            factory
                .createPoint(new Coordinate(s.centre().x(), s.centre().y()))
                .buffer(s.radiusMeters(), 16);
        out.add(
            new HotspotSite(
                out.size() + 1, s.id(), workspace.crs().toWgs84(circleXy), s.eventsCovered()));
      }
      return out;
    };
  }
}
