package se.tryggkarta.http.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.http.ApiRoutes;
import se.tryggkarta.http.Params;
import se.tryggkarta.http.RouteGroup;
import se.tryggkarta.http.auth.Access;
import se.tryggkarta.http.auth.AccessPolicy;
import se.tryggkarta.layer.context.ContextPlace;
import se.tryggkarta.layer.context.ContextStreet;
import se.tryggkarta.layer.context.ContextView;
import se.tryggkarta.layer.context.MapContext;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * The map context, {@code GET /api/workspaces/{ws}/context?bbox=…&zoom=…}: named streets and places
 * for the map of anyone who may see the workspace's aggregates (the public too), as one GeoJSON
 * FeatureCollection whose features say their {@code layer}. ETag by data version and view.
 */
public final class ContextRoutes implements RouteGroup {
  static final int DEFAULT_ZOOM = 16;

  private final WorkspaceService workspaces;
  private final MapContext context;
  private final AccessPolicy policy;

  public ContextRoutes(WorkspaceService workspaces, MapContext context, AccessPolicy policy) {
    this.workspaces = workspaces;
    this.context = context;
    this.policy = policy;
  }

  @Override
  public void register(ApiRoutes routes) {
    routes.get("/api/workspaces/{ws}/context", Access.AGGREGATE, this::context);
  }

  @Override
  public Optional<String> openApiFragment() {
    return Optional.of("openapi/context.json");
  }

  private void context(Context ctx) {
    Workspace w = Params.workspace(ctx, workspaces);
    Optional<Bbox> bbox = Params.bbox(ctx, "bbox");
    int zoom = Params.integer(ctx, "zoom", DEFAULT_ZOOM, 0, MapContext.MAX_ZOOM);
    String etag = etag(w.id(), context.version(w.id()), bbox, zoom);
    if (AnalysisRequests.notModified(ctx, policy.isPublic(ctx, w.id()), etag)) {
      return;
    }
    ctx.json(json(context.view(w.id(), bbox, zoom))).contentType(LayerRoutes.GEOJSON);
  }

  private static String etag(String ws, long version, Optional<Bbox> bbox, int zoom) {
    String view =
        bbox.map(
                b ->
                    String.format(
                        Locale.ROOT, "%.6f_%.6f_%.6f_%.6f", b.minX(), b.minY(), b.maxX(), b.maxY()))
            .orElse("all");
    return "\"context-" + ws + "-" + version + "-" + zoom + "-" + view + "\"";
  }

  static Map<String, Object> json(ContextView v) {
    List<Object> features = new ArrayList<>();
    for (ContextStreet s : v.streets()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("layer", "streets");
      s.name().ifPresent(n -> p.put("name", n));
      p.put("highway", s.highway());
      p.put("lit", s.lit().slug());
      features.add(FeatureJson.feature(Optional.empty(), s.geometryWgs84(), p));
    }
    for (ContextPlace c : v.places()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("layer", "places");
      p.put("name", c.name());
      c.kind().ifPresent(k -> p.put("kind", k));
      features.add(FeatureJson.feature(Optional.empty(), c.geometryWgs84(), p));
    }
    Map<String, Object> fc = FeatureJson.featureCollection(features);
    fc.put("truncated", v.truncated());
    return fc;
  }
}
