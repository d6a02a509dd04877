package se.tryggkarta.http.api;

import io.javalin.http.Context;
import java.util.Optional;
import se.tryggkarta.analysis.AnalysisCache;
import se.tryggkarta.hotspot.HotStreets;
import se.tryggkarta.hotspot.StreetsRequest;
import se.tryggkarta.http.ApiRoutes;
import se.tryggkarta.http.Params;
import se.tryggkarta.http.RouteGroup;
import se.tryggkarta.http.auth.Access;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * Hot streets: {@code GET /api/workspaces/{ws}/hotspots/streets}, the network kernel density of the
 * selected events per lixel as GeoJSON lines. Members only ({@link Access#READ}): a lixel's density
 * shows where along a street single events lie, and no release protects it.
 */
public final class StreetRoutes implements RouteGroup {
  private final WorkspaceService workspaces;
  private final HotStreets streets;

  public StreetRoutes(WorkspaceService workspaces, HotStreets streets) {
    this.workspaces = workspaces;
    this.streets = streets;
  }

  @Override
  public void register(ApiRoutes routes) {
    routes.get("/api/workspaces/{ws}/hotspots/streets", Access.READ, this::streets);
  }

  @Override
  public Optional<String> openApiFragment() {
    return Optional.of("openapi/streets.json");
  }

  private void streets(Context ctx) {
    Workspace w = Params.workspace(ctx, workspaces);
    StreetsRequest req =
        new StreetsRequest(
            AnalysisRequests.filter(ctx, w),
            Params.decimal(ctx, "bandwidth").orElse(StreetsRequest.DEFAULT_BANDWIDTH_METERS),
            Params.decimal(ctx, "lixel").orElse(StreetsRequest.DEFAULT_LIXEL_METERS));
    long version = streets.dataVersion(w.id());
    String etag =
        AnalysisCache.etag(
            "streets", w.id(), Long.toString(version), "member", AnalysisRequests.canonical(ctx));
    if (AnalysisRequests.notModified(ctx, false, etag)) {
      return;
    }
    ctx.json(StreetJson.streets(streets.streets(w.id(), version, req)))
        .contentType(HotspotRoutes.GEOJSON);
  }
}
