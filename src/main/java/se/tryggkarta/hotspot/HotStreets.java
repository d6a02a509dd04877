package se.tryggkarta.hotspot;

import se.tryggkarta.analysis.AnalysisCache;
import se.tryggkarta.analysis.AnalysisKey;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.hotspot.network.LineNetwork;
import se.tryggkarta.hotspot.network.NetworkKde;
import se.tryggkarta.hotspot.network.StreetLineSource;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * Hot streets: the network kernel density ({@link NetworkKde}) of a workspace's events along its
 * street network, which the {@link StreetLineSource} port supplies. Members only. Each answer is
 * computed once per workspace, data version and request, through the members' analysis cache.
 * Thread-safe.
 */
public final class HotStreets {
  /** Events further than this from every street are left out (and counted): not on a street. */
  public static final double MAX_SNAP_METERS = 50;

  private final WorkspaceService workspaces;
  private final HotspotService hotspots;
  private final StreetLineSource streets;
  private final HotspotAnalyses analyses;
  private final AnalysisCache cache;

  /**
   * @param analyses the members' analyses, whose cache, pool and data versions hot streets share
   */
  public HotStreets(
      WorkspaceService workspaces,
      HotspotService hotspots,
      StreetLineSource streets,
      HotspotAnalyses analyses) {
    this.workspaces = workspaces;
    this.hotspots = hotspots;
    this.streets = streets;
    this.analyses = analyses;
    this.cache = analyses.cache();
  }

  /** The workspace's data version (read once per request, as {@link HotspotAnalyses} does). */
  public long dataVersion(String workspaceId) {
    return analyses.dataVersion(workspaceId);
  }

  /**
   * The density along the streets of the events the request selects.
   *
   * @throws DomainException {@code UNPROCESSABLE} on {@code layer} when the workspace has no street
   *     network, or no events match
   */
  public StreetDensityMap streets(String workspaceId, long dataVersion, StreetsRequest req) {
    return cache.get(new Key(workspaceId, dataVersion, req), () -> compute(workspaceId, req));
  }

  private StreetDensityMap compute(String workspaceId, StreetsRequest req) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    LineNetwork network =
        streets
            .streets(w)
            .orElseThrow(
                () ->
                    new DomainException(
                        ErrorKind.UNPROCESSABLE,
                        "layer",
                        "the workspace has no street network; import one first"));
    HotspotService.Events e = hotspots.load(w, req.filter());
    if (e.size() == 0) {
      throw new DomainException(
          ErrorKind.UNPROCESSABLE,
          "layer",
          "no " + req.filter().layer().slug() + " events match the selection");
    }
    return new StreetDensityMap(
        w.crs(),
        NetworkKde.estimate(
            network, e.weighted(), req.bandwidthMeters(), req.lixelMeters(), MAX_SNAP_METERS),
        e.size());
  }

  private record Key(String workspaceId, long dataVersion, StreetsRequest request)
      implements AnalysisKey<StreetDensityMap> {
    @Override
    public int weightBytes(StreetDensityMap m) {
      // The densities and a share of the street geometry the result keeps for its lines.
      return 256 + m.density().size() * 64;
    }
  }
}
