package se.tryggkarta.http.api;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.tryggkarta.access.ApiKey;
import se.tryggkarta.access.ApiKeyService;
import se.tryggkarta.access.IssuedKey;
import se.tryggkarta.access.Role;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.http.ApiRoutes;
import se.tryggkarta.http.RequestBody;
import se.tryggkarta.http.RouteGroup;
import se.tryggkarta.http.auth.Access;

/** API key management for admins: {@code /api/keys}. */
public final class KeyRoutes implements RouteGroup {
  private final ApiKeyService keys;

  public KeyRoutes(ApiKeyService keys) {
    this.keys = keys;
  }

  @Override
  public Optional<String> openApiFragment() {
    return Optional.of("openapi/keys.json");
  }

  @Override
  public void register(ApiRoutes routes) {
    routes.post("/api/keys", Access.ADMIN, this::create);
    routes.get("/api/keys", Access.ADMIN, this::list);
    routes.delete("/api/keys/{id}", Access.ADMIN, this::revoke);
  }

  private void create(Context ctx) {
    KeyBody body = RequestBody.json(ctx, KeyBody.class);
    if (body.role() == null) {
      throw DomainException.invalid("role", "role is required (admin, analyst or viewer)");
    }
    IssuedKey issued =
        keys.create(
            Role.parse("role", body.role()),
            body.workspaces() == null ? Set.of() : Set.copyOf(body.workspaces()),
            body.label());
    Map<String, Object> json = json(issued.key());
    json.put("key", issued.token());
    ctx.status(201).json(json);
  }

  private void list(Context ctx) {
    ctx.json(Map.of("keys", keys.listKeys().stream().map(KeyRoutes::json).toList()));
  }

  private void revoke(Context ctx) {
    keys.revoke(ctx.pathParam("id"));
    ctx.status(204);
  }

  static Map<String, Object> json(ApiKey k) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", k.id());
    m.put("role", k.role().slug());
    m.put("workspaces", k.workspaces().stream().sorted().toList());
    m.put("label", k.label());
    m.put("createdAt", k.createdAt().toString());
    m.put("revokedAt", k.revokedAt().map(Object::toString).orElse(null));
    return m;
  }

  /** What an admin sends to create a key. */
  record KeyBody(String role, List<String> workspaces, String label) {}
}
