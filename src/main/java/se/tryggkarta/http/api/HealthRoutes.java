package se.tryggkarta.http.api;

import java.util.Map;
import se.tryggkarta.http.ApiRoutes;
import se.tryggkarta.http.RouteGroup;
import se.tryggkarta.http.auth.Access;
import se.tryggkarta.store.Store;

/** {@code GET /health}: 200 when the store answers, 503 problem+json when it does not. */
public final class HealthRoutes implements RouteGroup {
  private final Store store;

  public HealthRoutes(Store store) {
    this.store = store;
  }

  @Override
  public void register(ApiRoutes routes) {
    routes.get(
        "/health",
        Access.OPEN,
        ctx -> {
          store.checkHealth();
          ctx.json(Map.of("status", "ok", "store", store.kind()));
        });
  }
}
