package se.tryggkarta;

import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import se.tryggkarta.commitment.link.HotspotSite;
import se.tryggkarta.commitment.link.HotspotSites;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.Lang;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.Text;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.common.XY;
import se.tryggkarta.hotspot.Audience;
import se.tryggkarta.hotspot.DensityRequest;
import se.tryggkarta.hotspot.EventFilter;
import se.tryggkarta.hotspot.HotspotAnalyses;
import se.tryggkarta.hotspot.HotspotService;
import se.tryggkarta.hotspot.SitesResult;
import se.tryggkarta.hotspot.emerging.EmergingClass;
import se.tryggkarta.hotspot.kde.Kernel;
import se.tryggkarta.hotspot.network.LineNetwork;
import se.tryggkarta.hotspot.network.StreetLineSource;
import se.tryggkarta.hotspot.sites.PatrolSite;
import se.tryggkarta.hotspot.sites.SiteProfile;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.layer.LayerStore;
import se.tryggkarta.route.EventCounts;
import se.tryggkarta.route.NetworkService;
import se.tryggkarta.route.PriorityPoint;
import se.tryggkarta.route.PriorityPointSource;
import se.tryggkarta.route.graph.StreetGraph;
import se.tryggkarta.workspace.Workspace;

/**
 * Adapters that let the walk planner and the commitment links use the hotspot engine's patrol sites
 * through the ports those features declare ({@link PriorityPointSource}, {@link HotspotSites}), and
 * hot streets read the route feature's street graph ({@link StreetLineSource}). They live beside
 * {@link Wiring} because only the composition root may know two features at once. Both are
 * thread-safe. Their patrol sites go through the analysis pool and cache, keyed by the workspace's
 * data version as every analysis is: a walk plan or a follow-up report asking again for the same
 * period reuses one density computation, and another instance's write is seen at once.
 */
final class HotspotPorts {
  /**
   * How many patrol sites a safety walk may choose among: the sites API's default {@code n}, so a
   * walk's "Hotspot 3" is rank 3 of {@code GET …/hotspots/sites} with its default parameters.
   */
  static final int WALK_SITES = 10;

  /**
   * A hotspot stop's weight per expected incident, on the scale of {@code StoredLayerPriorities}
   * (one unsafe-place report = 1, one incident outside the night window = 0.2).
   */
  static final double WALK_WEIGHT_PER_EVENT = 0.2;

  private HotspotPorts() {}

  /**
   * The workspace's street graph as hot streets read it: every edge on the surface outside small
   * fragments (the edges the route snapper uses, so an incident is put on the street it would be
   * walked to), projected to the workspace's CRS; empty when the workspace has no such street.
   */
  static StreetLineSource streetLines(NetworkService networks) {
    return workspace -> {
      StreetGraph g = networks.network(workspace.id()).graph();
      Crs crs = workspace.crs();
      LineNetwork.Builder b = LineNetwork.builder();
      for (int n = 0; n < g.nodeCount(); n++) {
        b.addNode(crs.toXY(g.node(n)));
      }
      int edges = 0;
      for (int e = 0; e < g.edgeCount(); e++) {
        if (g.isUnderground(e) || g.isInSubnetwork(e)) {
          continue;
        }
        List<XY> line = new ArrayList<>(g.pointCount(e));
        for (int i = 0; i < g.pointCount(e); i++) {
          line.add(crs.toXY(new LonLat(g.pointLon(e, i), g.pointLat(e, i))));
        }
        b.addEdge(g.from(e), g.to(e), line);
        edges++;
      }
      return edges == 0 ? Optional.empty() : Optional.of(b.build());
    };
  }

  /**
   * The patrol sites of all incidents as safety-walk candidates, computed exactly as {@code GET
   * …/hotspots/sites} computes them without parameters (all incidents, default cell, automatic
   * bandwidth, quartic kernel, default radius, n = {@value #WALK_SITES}), keeping the rank it
   * gives. Each stop says what lies behind it: the incidents within the site's radius by category
   * and by the workspace's night.
   */
  static PriorityPointSource walkStops(HotspotAnalyses analyses, LayerStore layers) {
    return workspace -> {
      List<PriorityPoint> points = new ArrayList<>();
      SitesResult sites =
          apiSiteResult(analyses, layers, workspace.id(), TimeRange.ALL, Set.of(), WALK_SITES);
      for (PatrolSite s : sites.sites()) {
        if (s.eventsCovered() == 0) {
          // A circle in a kernel's tail can rank with no incident inside it; it is not a hotspot.
          continue;
        }
        LonLat centre = workspace.crs().toLonLat(s.centre());
        EventCounts near = EventCounts.near(layers, workspace, centre, s.radiusMeters());
        int rank = s.rank();
        points.add(
            new PriorityPoint(
                "hotspot-" + s.id(),
                centre,
                WALK_WEIGHT_PER_EVENT * s.score(),
                lang ->
                    lang == Lang.SV
                        ? "Hotspot "
                            + rank
                            + " bland platserna med flest händelser (kärntäthet, alla händelser)"
                        : "Hotspot "
                            + rank
                            + " of the places with the most incidents (kernel density, all"
                            + " incidents)",
                withBusiestHours(
                    near.incidents(workspace.settings(), s.radiusMeters()), sites.profile(s)),
                PriorityPoint.Kind.HOTSPOT,
                s.eventsCovered(),
                Set.of(),
                OptionalInt.of(rank)));
      }
      return points;
    };
  }

  /**
   * The sites {@code GET …/hotspots/sites} answers a member who asks for this period, these
   * categories and {@code n} sites and nothing else (default cell, no bandwidth, so the default,
   * validated model; default radius), with the ranks it gives; empty when no incident matches.
   */
  static List<PatrolSite> apiSites(
      HotspotAnalyses analyses,
      LayerStore layers,
      String workspaceId,
      TimeRange period,
      Set<String> categories,
      int n) {
    return apiSiteResult(analyses, layers, workspaceId, period, categories, n).sites();
  }

  /** As {@link #apiSites}, with the members' site profiles; no sites when no incident matches. */
  static SitesResult apiSiteResult(
      HotspotAnalyses analyses,
      LayerStore layers,
      String workspaceId,
      TimeRange period,
      Set<String> categories,
      int n) {
    LayerQuery matching =
        LayerQuery.ALL.withTime(period).withCategories(Set.copyOf(categories)).withPage(1, 0);
    if (layers.query(workspaceId, Layer.INCIDENTS, matching).total() == 0) {
      return new SitesResult(Crs.sweref99tm(), List.of(), List.of(), Audience.MEMBER);
    }
    DensityRequest request =
        new DensityRequest(
            EventFilter.all(Layer.INCIDENTS).withTime(period).withCategories(categories),
            DensityRequest.DEFAULT_CELL_METERS,
            Optional.empty(),
            Kernel.QUARTIC,
            false);
    return analyses.sites(
        workspaceId,
        analyses.dataVersion(workspaceId),
        request,
        n,
        HotspotService.DEFAULT_RADIUS_METERS,
        Optional.empty());
  }

  /** How many two-hour blocks a walk stop names as its busiest. */
  static final int BUSIEST_BLOCKS = 3;

  /**
   * A hotspot stop's evidence followed by its site's busiest two-hour blocks of the week, local
   * time ("Flest händelser: fre 22–24 (5), lör 00–02 (4), tor 22–24 (3).") and, when the period was
   * long enough for one, its space-time class ("Utveckling över tid: ihållande hotspot.").
   */
  static Text withBusiestHours(Text evidence, Optional<SiteProfile> profile) {
    if (profile.isEmpty() || profile.get().events() == 0) {
      return evidence;
    }
    List<SiteProfile.Block> blocks = profile.get().busiestBlocks(BUSIEST_BLOCKS);
    return lang -> {
      StringBuilder b = new StringBuilder(evidence.in(lang));
      if (b.length() > 0) {
        b.append(". ");
      }
      b.append(lang == Lang.SV ? "Flest händelser: " : "Most incidents: ");
      for (int i = 0; i < blocks.size(); i++) {
        SiteProfile.Block k = blocks.get(i);
        b.append(i == 0 ? "" : ", ")
            .append(k.weekday().getDisplayName(TextStyle.SHORT, lang.locale()).replace(".", ""))
            .append(' ')
            .append(String.format(Locale.ROOT, "%02d–%02d", k.startHour(), k.startHour() + 2))
            .append(" (")
            .append(lang.integer(k.events()))
            .append(')');
      }
      b.append('.');
      profile
          .get()
          .spaceTimeClass()
          .flatMap(EmergingClass::ofSlug)
          .ifPresent(
              c ->
                  b.append(lang == Lang.SV ? " Utveckling över tid: " : " Trend over time: ")
                      .append(c.displayName(lang))
                      .append('.'));
      return b.toString();
    };
  }

  /**
   * The patrol sites of a period's incidents, as circles in WGS84, for commitment links: the sites
   * API's answer for that period (so the follow-up report's "Hotspot 3" is the API's rank 3 for the
   * period); sites without an incident inside are left out, keeping the others' ranks.
   */
  static HotspotSites commitmentSites(HotspotAnalyses analyses, LayerStore layers) {
    GeometryFactory factory = new GeometryFactory();
    return (Workspace workspace, TimeRange period, Set<String> categories, int n) -> {
      List<HotspotSite> out = new ArrayList<>();
      for (PatrolSite s : apiSites(analyses, layers, workspace.id(), period, categories, n)) {
        if (s.eventsCovered() == 0) {
          continue;
        }
        Geometry circleXy =
            factory
                .createPoint(new Coordinate(s.centre().x(), s.centre().y()))
                .buffer(s.radiusMeters(), 16);
        out.add(
            new HotspotSite(
                s.rank(), s.id(), workspace.crs().toWgs84(circleXy), s.eventsCovered()));
      }
      return out;
    };
  }
}
