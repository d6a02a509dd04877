package se.tryggkarta.http.api;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.tryggkarta.access.ApiKey;
import se.tryggkarta.access.Role;
import se.tryggkarta.http.ApiRoutes;
import se.tryggkarta.http.RouteGroup;
import se.tryggkarta.http.auth.Access;
import se.tryggkarta.http.auth.ApiKeyPolicy;

/**
 * What the web map at {@code /} asks before it draws: who the caller is ({@code GET /api/session},
 * so the page never requests what the role may not see) and how the map is set up ({@code GET
 * /api/map-config}: the basemap tile URL, none by default). The page itself is static, in {@code
 * src/main/resources/public}.
 */
public final class WebMapRoutes implements RouteGroup {
  private final MapSettings settings;

  public WebMapRoutes(MapSettings settings) {
    this.settings = settings;
  }

  @Override
  public Optional<String> openApiFragment() {
    return Optional.of("openapi/web.json");
  }

  @Override
  public void register(ApiRoutes routes) {
    routes.get("/api/session", Access.OPEN, this::session);
    routes.get("/api/map-config", Access.OPEN, this::mapConfig);
  }

  private void session(Context ctx) {
    Optional<ApiKey> key = ApiKeyPolicy.caller(ctx).key();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("authenticated", key.isPresent());
    body.put("role", key.map(k -> k.role().slug()).orElse("public"));
    body.put(
        "workspaces",
        key.map(
                k ->
                    k.role() == Role.ADMIN
                        ? List.of("*")
                        : k.workspaces().stream().sorted().toList())
            .orElse(List.of()));
    body.put("label", key.map(ApiKey::label).orElse(""));
    ctx.json(body);
  }

  private void mapConfig(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("basemapUrl", settings.basemapUrl().orElse(null));
    body.put("basemapAttribution", settings.basemapAttribution());
    ctx.json(body);
  }
}
