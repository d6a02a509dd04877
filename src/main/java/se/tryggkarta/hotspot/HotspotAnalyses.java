package se.tryggkarta.hotspot;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import se.tryggkarta.analysis.AnalysisCache;
import se.tryggkarta.analysis.AnalysisKey;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.hotspot.contour.ContourBand;
import se.tryggkarta.hotspot.forecast.ForecastModel;
import se.tryggkarta.hotspot.sites.PatrolSite;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerStore;

/**
 * Members' hotspot analyses through the members' {@link AnalysisCache}: each is computed at most
 * once per workspace, data version and option set, on the members' bounded pool. The HTTP routes,
 * density tiles and the other features' ports all ask here, so a walk plan, a follow-up report and
 * the map asking for the same analysis share one computation. Thread-safe.
 */
public final class HotspotAnalyses {
  private final HotspotService hotspots;
  private final LayerStore versions;
  private final AnalysisCache cache;

  public HotspotAnalyses(HotspotService hotspots, LayerStore versions, AnalysisCache cache) {
    this.hotspots = hotspots;
    this.versions = versions;
    this.cache = cache;
  }

  /** The members' cache (its pool's counters). */
  public AnalysisCache cache() {
    return cache;
  }

  /**
   * The workspace's data version, read once per request and handed to the other methods, so that
   * one request's entity tag and results all belong to the same data.
   */
  public long dataVersion(String workspaceId) {
    return versions.dataVersion(workspaceId);
  }

  public DensityMap density(String workspaceId, long version, DensityRequest req) {
    return cache.get(
        new DensityKey(workspaceId, version, req), () -> hotspots.density(workspaceId, req));
  }

  public List<ContourBand> contours(
      String workspaceId,
      long version,
      DensityRequest req,
      List<Double> massShares,
      List<Double> levels) {
    return cache.get(
        new ContoursKey(workspaceId, version, req, List.copyOf(massShares), List.copyOf(levels)),
        () -> hotspots.contours(workspaceId, req, massShares, levels));
  }

  public GiStarMap giStar(String workspaceId, long version, GiStarRequest req) {
    return cache.get(
        new GiStarKey(workspaceId, version, req), () -> hotspots.giStar(workspaceId, req));
  }

  /** Emerging hot spots (members only). */
  public EmergingMap emerging(String workspaceId, long version, EmergingRequest req) {
    return cache.get(
        new EmergingKey(workspaceId, version, req), () -> hotspots.emerging(workspaceId, req));
  }

  /**
   * Patrol sites of a forecast model (the default, validated model when none is given and the
   * request has no bandwidth; see {@link HotspotService#patrolSites}).
   */
  public SitesResult sites(
      String workspaceId,
      long version,
      DensityRequest req,
      int n,
      double radiusMeters,
      Optional<ForecastModel> model) {
    return cache.get(
        new SitesKey(workspaceId, version, req, n, radiusMeters, model),
        () -> hotspots.patrolSites(workspaceId, req, n, radiusMeters, model));
  }

  /**
   * The top patrol sites of a period's incidents with at least one incident in their circle (a
   * circle in a kernel's tail can rank with none inside; it is not a hotspot), for other features.
   */
  public List<PatrolSite> topPatrolSites(
      String workspaceId, long version, TimeRange period, Set<String> categories, int n) {
    return cache.get(
        new TopSitesKey(workspaceId, version, period, Set.copyOf(categories), n),
        () ->
            hotspots.topPatrolSites(workspaceId, Layer.INCIDENTS, period, categories, n).stream()
                .filter(s -> s.eventsCovered() > 0)
                .toList());
  }

  private record DensityKey(String workspaceId, long dataVersion, DensityRequest request)
      implements AnalysisKey<DensityMap> {
    @Override
    public int weightBytes(DensityMap m) {
      return 256 + m.density().grid().cellCount() * 4;
    }
  }

  private record ContoursKey(
      String workspaceId,
      long dataVersion,
      DensityRequest request,
      List<Double> massShares,
      List<Double> levels)
      implements AnalysisKey<List<ContourBand>> {
    @Override
    public int weightBytes(List<ContourBand> bands) {
      return 1 << 20;
    }
  }

  private record GiStarKey(String workspaceId, long dataVersion, GiStarRequest request)
      implements AnalysisKey<GiStarMap> {
    @Override
    public int weightBytes(GiStarMap m) {
      return 256 + m.result().size() * 48;
    }
  }

  private record EmergingKey(String workspaceId, long dataVersion, EmergingRequest request)
      implements AnalysisKey<EmergingMap> {
    @Override
    public int weightBytes(EmergingMap m) {
      return 256 + m.result().size() * (64 + 8 * m.result().cube().steps() * 2);
    }
  }

  private record SitesKey(
      String workspaceId,
      long dataVersion,
      DensityRequest request,
      int n,
      double radiusMeters,
      Optional<ForecastModel> model)
      implements AnalysisKey<SitesResult> {
    @Override
    public int weightBytes(SitesResult s) {
      return 16 << 10;
    }
  }

  private record TopSitesKey(
      String workspaceId, long dataVersion, TimeRange period, Set<String> categories, int n)
      implements AnalysisKey<List<PatrolSite>> {
    @Override
    public int weightBytes(List<PatrolSite> s) {
      return 16 << 10;
    }
  }
}
