package se.tryggkarta.http.api;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.http.ApiRoutes;
import se.tryggkarta.http.Params;
import se.tryggkarta.http.RouteGroup;
import se.tryggkarta.http.auth.Access;
import se.tryggkarta.http.auth.AccessPolicy;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.layer.LayerRecord;
import se.tryggkarta.layer.LayerStore;
import se.tryggkarta.layer.Page;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/** Reading and deleting layer records: {@code /api/workspaces/{ws}/layers/{layer}[/{id}]}. */
public final class LayerRoutes implements RouteGroup {
  static final int DEFAULT_LIMIT = 1000;
  static final int MAX_LIMIT = 10_000;
  static final String GEOJSON = "application/geo+json";

  private final WorkspaceService workspaces;
  private final LayerStore layers;
  private final AccessPolicy policy;

  public LayerRoutes(WorkspaceService workspaces, LayerStore layers, AccessPolicy policy) {
    this.workspaces = workspaces;
    this.layers = layers;
    this.policy = policy;
  }

  @Override
  public void register(ApiRoutes routes) {
    routes.get("/api/workspaces/{ws}/layers/{layer}", Access.READ, this::list);
    routes.get("/api/workspaces/{ws}/layers/{layer}/{id}", Access.READ, this::get);
    routes.delete("/api/workspaces/{ws}/layers/{layer}/{id}", Access.WRITE, this::delete);
  }

  private void list(Context ctx) {
    Workspace w = Params.workspace(ctx, workspaces);
    Layer layer = Layer.parse("layer", ctx.pathParam("layer"));
    int limit = Params.integer(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    long offset = Params.longValue(ctx, "offset", 0, 0, Long.MAX_VALUE / 2);
    LayerQuery query =
        new LayerQuery(
            Params.bbox(ctx, "bbox"),
            Params.timeRange(ctx, w.timeZone()),
            Params.list(ctx, "categories"),
            limit,
            offset);
    Page<LayerRecord> page = layers.query(w.id(), layer, query);
    Map<String, Object> body =
        new LinkedHashMap<>(
            FeatureJson.collection(page.items(), policy.canReadComments(ctx, w.id())));
    body.put("numberMatched", page.total());
    body.put("numberReturned", page.items().size());
    if (offset + page.items().size() < page.total()) {
      body.put("links", List.of(Map.of("rel", "next", "href", nextHref(ctx, offset + limit))));
    }
    ctx.json(body).contentType(GEOJSON);
  }

  private static String nextHref(Context ctx, long nextOffset) {
    StringBuilder q = new StringBuilder();
    ctx.queryParamMap()
        .forEach(
            (k, vs) -> {
              if (!k.equals("offset")) {
                vs.forEach(
                    v ->
                        q.append(q.length() == 0 ? "?" : "&")
                            .append(k)
                            .append('=')
                            .append(encode(v)));
              }
            });
    q.append(q.length() == 0 ? "?" : "&").append("offset=").append(nextOffset);
    return ctx.path() + q;
  }

  private static String encode(String v) {
    return java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8);
  }

  private void get(Context ctx) {
    String ws = Params.workspace(ctx, workspaces).id();
    Layer layer = Layer.parse("layer", ctx.pathParam("layer"));
    String id = ctx.pathParam("id");
    Optional<LayerRecord> r = layers.findRecord(ws, layer, id);
    LayerRecord found = r.orElseThrow(() -> DomainException.notFound(layer.slug() + " record", id));
    ctx.json(FeatureJson.feature(found, policy.canReadComments(ctx, ws))).contentType(GEOJSON);
  }

  private void delete(Context ctx) {
    String ws = Params.workspace(ctx, workspaces).id();
    Layer layer = Layer.parse("layer", ctx.pathParam("layer"));
    String id = ctx.pathParam("id");
    if (!layers.deleteRecord(ws, layer, id)) {
      throw DomainException.notFound(layer.slug() + " record", id);
    }
    ctx.status(204);
  }
}
