package se.tryggkarta.http.api;

import io.javalin.http.Context;
import java.util.Optional;
import se.tryggkarta.http.ApiRoutes;
import se.tryggkarta.http.Params;
import se.tryggkarta.http.RouteGroup;
import se.tryggkarta.http.auth.Access;
import se.tryggkarta.release.ReleaseService;
import se.tryggkarta.release.ReleaseSettings;
import se.tryggkarta.release.ReleaseSettingsJson;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * Public releases: {@code GET /api/workspaces/{ws}/releases} lists what the public may ask for
 * (periods, layers, groups, slices, the mechanism); an admin sets what is published with {@code PUT
 * …/releases/settings}.
 */
public final class ReleaseRoutes implements RouteGroup {
  private final WorkspaceService workspaces;
  private final ReleaseService releases;

  public ReleaseRoutes(WorkspaceService workspaces, ReleaseService releases) {
    this.workspaces = workspaces;
    this.releases = releases;
  }

  @Override
  public void register(ApiRoutes routes) {
    routes.get("/api/workspaces/{ws}/releases", Access.AGGREGATE, this::catalog);
    routes.get("/api/workspaces/{ws}/releases/settings", Access.AGGREGATE, this::settings);
    routes.put("/api/workspaces/{ws}/releases/settings", Access.ADMIN, this::putSettings);
  }

  @Override
  public Optional<String> openApiFragment() {
    return Optional.of("openapi/releases.json");
  }

  private void catalog(Context ctx) {
    AnalysisRequests.onlyParameters(ctx, java.util.Set.of());
    Workspace w = Params.workspace(ctx, workspaces);
    ctx.json(ReleaseJson.catalog(releases.catalog(w.id())));
  }

  private void settings(Context ctx) {
    AnalysisRequests.onlyParameters(ctx, java.util.Set.of());
    Workspace w = Params.workspace(ctx, workspaces);
    ctx.json(ReleaseSettingsJson.node(releases.settings(w.id())));
  }

  private void putSettings(Context ctx) {
    Workspace w = Params.workspace(ctx, workspaces);
    ReleaseSettings s =
        ReleaseSettingsJson.read(
            ctx.bodyAsClass(com.fasterxml.jackson.databind.JsonNode.class),
            releases.settings(w.id()));
    ctx.json(ReleaseSettingsJson.node(releases.putSettings(w.id(), s)));
  }
}
