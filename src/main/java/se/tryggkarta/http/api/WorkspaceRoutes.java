package se.tryggkarta.http.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.http.ApiRoutes;
import se.tryggkarta.http.Params;
import se.tryggkarta.http.RequestBody;
import se.tryggkarta.http.RouteGroup;
import se.tryggkarta.http.auth.Access;
import se.tryggkarta.http.auth.AccessPolicy;
import se.tryggkarta.workspace.PublicPrivacy;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceBoundary;
import se.tryggkarta.workspace.WorkspaceService;
import se.tryggkarta.workspace.WorkspaceSettings;
import se.tryggkarta.workspace.WorkspaceSettingsJson;

/** Workspaces CRUD under {@code /api/workspaces}. */
public final class WorkspaceRoutes implements RouteGroup {
  private final WorkspaceService workspaces;
  private final AccessPolicy policy;

  public WorkspaceRoutes(WorkspaceService workspaces, AccessPolicy policy) {
    this.workspaces = workspaces;
    this.policy = policy;
  }

  @Override
  public Optional<String> openApiFragment() {
    return Optional.of("openapi/foundation.json");
  }

  @Override
  public void register(ApiRoutes routes) {
    routes.get("/api/workspaces", Access.OPEN, this::list);
    routes.post("/api/workspaces", Access.ADMIN, this::create);
    routes.get("/api/workspaces/{ws}", Access.AGGREGATE, this::get);
    routes.put("/api/workspaces/{ws}", Access.ADMIN, this::update);
    routes.delete("/api/workspaces/{ws}", Access.ADMIN, this::delete);
  }

  private void list(Context ctx) {
    ctx.json(
        Map.of(
            "workspaces",
            workspaces.listWorkspaces().stream()
                .filter(w -> policy.canSee(ctx, w))
                .map(WorkspaceRoutes::json)
                .toList()));
  }

  private void create(Context ctx) {
    Workspace w =
        RequestBody.json(ctx, WorkspaceBody.class)
            .toWorkspace(Optional.empty(), WorkspaceSettings.DEFAULT);
    ctx.status(201).json(json(workspaces.create(w)));
  }

  private void get(Context ctx) {
    ctx.json(json(Params.workspace(ctx, workspaces)));
  }

  private void update(Context ctx) {
    String id = ctx.pathParam("ws");
    WorkspaceSettings current = workspaces.getWorkspace(id).settings();
    Workspace w = RequestBody.json(ctx, WorkspaceBody.class).toWorkspace(Optional.of(id), current);
    ctx.json(json(workspaces.update(w)));
  }

  private void delete(Context ctx) {
    workspaces.delete(ctx.pathParam("ws"));
    ctx.status(204);
  }

  static Map<String, Object> json(Workspace w) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", w.id());
    m.put("name", w.name());
    m.put("crs", w.crs().code());
    m.put("boundary", w.boundaryWgs84().orElse(null));
    m.put("timeZone", w.timeZone().getId());
    m.put("public", w.publicAccess());
    m.put(
        "privacy",
        Map.of("minEvents", w.privacy().minEvents(), "minCellMeters", w.privacy().minCellMeters()));
    m.put("settings", WorkspaceSettingsJson.node(w.settings(), false));
    m.put("categoryNames", WorkspaceSettingsJson.node(w.settings(), true).get("categoryNames"));
    return m;
  }

  /**
   * The JSON a client sends to create or replace a workspace.
   *
   * @param categoryNames the answer's read-only table of display names, accepted and ignored so
   *     that a workspace read with GET can be sent back with PUT, and so that generated clients,
   *     which send their model's empty map, can create one
   */
  record WorkspaceBody(
      String id,
      String name,
      String crs,
      Geometry boundary,
      String timeZone,
      @JsonProperty("public") Boolean publicAccess,
      PrivacyBody privacy,
      JsonNode settings,
      JsonNode categoryNames) {

    /**
     * @param base the settings that members the body leaves out keep (the stored ones on update)
     */
    Workspace toWorkspace(Optional<String> pathId, WorkspaceSettings base) {
      String effectiveId = pathId.orElse(id);
      if (pathId.isPresent() && id != null && !id.equals(pathId.get())) {
        throw DomainException.invalid("id", "id in the body ('" + id + "') differs from the path");
      }
      if (effectiveId == null) {
        throw DomainException.invalid("id", "id is required");
      }
      Crs analysisCrs = crs == null ? Crs.sweref99tm() : Crs.parse("crs", crs);
      ZoneId zone;
      try {
        zone = timeZone == null ? Workspace.DEFAULT_ZONE : ZoneId.of(timeZone);
      } catch (DateTimeException e) {
        throw DomainException.invalid("timeZone", "unknown time zone '" + timeZone + "'");
      }
      Optional<Geometry> b = Optional.ofNullable(boundary).map(WorkspaceBoundary::checked);
      PublicPrivacy p =
          privacy == null
              ? PublicPrivacy.DEFAULT
              : new PublicPrivacy(
                  privacy.minEvents() == null ? 5 : privacy.minEvents(),
                  privacy.minCellMeters() == null ? 100 : privacy.minCellMeters());
      return new Workspace(
          effectiveId,
          name,
          analysisCrs,
          b,
          zone,
          Boolean.TRUE.equals(publicAccess),
          p,
          WorkspaceSettingsJson.read(settings, base));
    }
  }

  /** Public-output privacy settings in a workspace body. */
  record PrivacyBody(Integer minEvents, Double minCellMeters) {}
}
