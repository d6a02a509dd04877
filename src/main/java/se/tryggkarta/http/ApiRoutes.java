package se.tryggkarta.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import se.tryggkarta.http.auth.Access;

/**
 * Registers routes on Javalin and remembers each with its {@link Access} rule, so the access check,
 * the OpenAPI test and the role table test all see the same list. Not thread-safe; used while the
 * app is built.
 */
public final class ApiRoutes {
  private final RoutesConfig routes;
  private final List<RouteSpec> registered = new ArrayList<>();

  ApiRoutes(RoutesConfig routes) {
    this.routes = routes;
  }

  public ApiRoutes get(String path, Access access, Handler handler) {
    routes.get(path, handler, remember("GET", path, access));
    return this;
  }

  public ApiRoutes post(String path, Access access, Handler handler) {
    routes.post(path, handler, remember("POST", path, access));
    return this;
  }

  public ApiRoutes put(String path, Access access, Handler handler) {
    routes.put(path, handler, remember("PUT", path, access));
    return this;
  }

  public ApiRoutes delete(String path, Access access, Handler handler) {
    routes.delete(path, handler, remember("DELETE", path, access));
    return this;
  }

  private Access remember(String method, String path, Access access) {
    registered.add(new RouteSpec(method, path, Objects.requireNonNull(access, "access")));
    return access;
  }

  /** Every route registered so far. */
  public List<RouteSpec> registered() {
    return List.copyOf(registered);
  }
}
