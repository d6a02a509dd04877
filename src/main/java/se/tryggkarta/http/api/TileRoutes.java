package se.tryggkarta.http.api;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Optional;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.hotspot.HotspotAnalyses;
import se.tryggkarta.hotspot.raster.ColourRamp;
import se.tryggkarta.http.ApiRoutes;
import se.tryggkarta.http.Params;
import se.tryggkarta.http.RouteGroup;
import se.tryggkarta.http.auth.Access;
import se.tryggkarta.http.auth.AccessPolicy;
import se.tryggkarta.release.ReleaseService;
import se.tryggkarta.tiles.DensityTiles;
import se.tryggkarta.tiles.TileCoord;
import se.tryggkarta.tiles.TileFormat;
import se.tryggkarta.tiles.TileOptions;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * Density tiles: {@code /api/workspaces/{ws}/tiles/density/{z}/{x}/{y}.png|.tif} and the legend.
 * The public (and a member who asks with {@code release=}) gets a release's surface and may choose
 * only the release and the colour scale ({@code max}); members choose the hotspot engine's options.
 * ETag + If-None-Match (304); {@code Cache-Control: public} for release tiles, {@code private,
 * no-store} for members' tiles; 204 for empty tiles.
 */
public final class TileRoutes implements RouteGroup {
  private final WorkspaceService workspaces;
  private final DensityTiles tiles;
  private final HotspotAnalyses analyses;
  private final ReleaseService releases;
  private final AccessPolicy policy;

  public TileRoutes(
      WorkspaceService workspaces,
      DensityTiles tiles,
      HotspotAnalyses analyses,
      ReleaseService releases,
      AccessPolicy policy) {
    this.workspaces = workspaces;
    this.tiles = tiles;
    this.analyses = analyses;
    this.releases = releases;
    this.policy = policy;
  }

  @Override
  public void register(ApiRoutes routes) {
    routes.get("/api/workspaces/{ws}/tiles/density/legend", Access.AGGREGATE, this::legend);
    routes.get("/api/workspaces/{ws}/tiles/density/{z}/{x}/{tile}", Access.AGGREGATE, this::tile);
  }

  @Override
  public Optional<String> openApiFragment() {
    return Optional.of("openapi/tiles.json");
  }

  private void tile(Context ctx) {
    Workspace w = Params.workspace(ctx, workspaces);
    String file = ctx.pathParam("tile");
    int dot = file.lastIndexOf('.');
    if (dot < 0) {
      throw DomainException.invalid("format", "tile must be {y}.png or {y}.tif, was " + file);
    }
    TileFormat f = TileFormat.parse("format", file.substring(dot + 1));
    TileCoord c = TileCoord.parse(ctx.pathParam("z"), ctx.pathParam("x"), file.substring(0, dot));
    DensityTiles.View v = view(ctx, w);
    long version = analyses.dataVersion(w.id());
    if (AnalysisRequests.notModified(
        ctx, v instanceof DensityTiles.ReleaseView, tiles.etag(w.id(), version, c, f, v))) {
      return;
    }
    tiles
        .tile(w.id(), version, c, f, v)
        .ifPresentOrElse(
            b -> ctx.contentType(f.mediaType()).result(b), () -> ctx.status(HttpStatus.NO_CONTENT));
  }

  private void legend(Context ctx) {
    Workspace w = Params.workspace(ctx, workspaces);
    DensityTiles.View v = view(ctx, w);
    long version = analyses.dataVersion(w.id());
    if (AnalysisRequests.notModified(
        ctx, v instanceof DensityTiles.ReleaseView, tiles.legendEtag(w.id(), version, v))) {
      return;
    }
    DensityTiles.Legend l = tiles.legend(w.id(), version, v);
    ctx.json(
        new LegendJson("events/km2", l.maxPerKm2(), l.surfaceMaxPerKm2(), l.explicit(), l.stops()));
  }

  record LegendJson(
      String unit,
      double maxPerKm2,
      double surfaceMaxPerKm2,
      boolean explicit,
      List<ColourRamp.Stop> stops) {}

  private DensityTiles.View view(Context ctx, Workspace w) {
    if (AnalysisRequests.readsRelease(policy, ctx, w)) {
      return new DensityTiles.ReleaseView(
          AnalysisRequests.selection(ctx, releases, w, "max"), Params.decimal(ctx, "max"));
    }
    return new DensityTiles.MemberView(
        new TileOptions(AnalysisRequests.densityRequest(ctx, w), Params.decimal(ctx, "max")));
  }
}
