package se.tryggkarta.http.api;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.hotspot.Audience;
import se.tryggkarta.http.ApiRoutes;
import se.tryggkarta.http.Params;
import se.tryggkarta.http.RouteGroup;
import se.tryggkarta.http.auth.Access;
import se.tryggkarta.http.auth.AccessPolicy;
import se.tryggkarta.tiles.DensityTiles;
import se.tryggkarta.tiles.TileCoord;
import se.tryggkarta.tiles.TileFormat;
import se.tryggkarta.tiles.TileOptions;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * Density tiles: {@code /api/workspaces/{ws}/tiles/density/{z}/{x}/{y}.png|.tif} and the legend.
 * Aggregates; ETag + If-None-Match (304); {@code Cache-Control: public} for the privacy-protected
 * public tiles, {@code private, no-store} for members' tiles; 204 for empty tiles.
 */
public final class TileRoutes implements RouteGroup {
  static final String PUBLIC_CACHE = "public, max-age=60";
  static final String PRIVATE_CACHE = "private, no-store";

  private final WorkspaceService workspaces;
  private final DensityTiles tiles;
  private final AccessPolicy policy;

  public TileRoutes(WorkspaceService workspaces, DensityTiles tiles, AccessPolicy policy) {
    this.workspaces = workspaces;
    this.tiles = tiles;
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
    TileOptions o = options(ctx, w);
    Audience a = audience(policy, ctx, w);
    long version = tiles.dataVersion(w.id());
    if (notModified(ctx, a, tiles.etag(w.id(), version, c, f, o, a))) {
      return;
    }
    tiles
        .tile(w.id(), version, c, f, o, a)
        .ifPresentOrElse(
            b -> ctx.contentType(f.mediaType()).result(b), () -> ctx.status(HttpStatus.NO_CONTENT));
  }

  private void legend(Context ctx) {
    Workspace w = Params.workspace(ctx, workspaces);
    TileOptions o = options(ctx, w);
    Audience a = audience(policy, ctx, w);
    long version = tiles.dataVersion(w.id());
    if (notModified(ctx, a, tiles.legendEtag(w.id(), version, o, a))) {
      return;
    }
    DensityTiles.Legend l = tiles.legend(w.id(), version, o, a);
    ctx.json(
        new LegendJson("events/km2", l.maxPerKm2(), l.surfaceMaxPerKm2(), l.explicit(), l.stops()));
  }

  record LegendJson(
      String unit,
      double maxPerKm2,
      double surfaceMaxPerKm2,
      boolean explicit,
      java.util.List<se.tryggkarta.hotspot.raster.ColourRamp.Stop> stops) {}

  /**
   * Sets ETag and Cache-Control (public for the privacy-protected public output, else private,
   * no-store); answers 304 and returns true when If-None-Match matches. Shared by every cached
   * analysis route.
   */
  static boolean notModified(Context ctx, Audience a, String etag) {
    ctx.header("ETag", etag);
    ctx.header("Cache-Control", a == Audience.PUBLIC ? PUBLIC_CACHE : PRIVATE_CACHE);
    String inm = ctx.header("If-None-Match");
    if (inm != null && (inm.equals(etag) || inm.equals("W/" + etag))) {
      ctx.status(HttpStatus.NOT_MODIFIED);
      return true;
    }
    return false;
  }

  /** Whether the caller sees the workspace as the public does; shared by the analysis routes. */
  static Audience audience(AccessPolicy policy, Context ctx, Workspace w) {
    return policy.isPublic(ctx, w.id()) ? Audience.PUBLIC : Audience.MEMBER;
  }

  private static TileOptions options(Context ctx, Workspace w) {
    return new TileOptions(HotspotRoutes.densityRequest(ctx, w), Params.decimal(ctx, "max"));
  }
}
