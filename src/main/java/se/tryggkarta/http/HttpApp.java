package se.tryggkarta.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.security.RouteRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import se.tryggkarta.http.auth.Access;
import se.tryggkarta.http.auth.AccessPolicy;

/**
 * The app factory: builds the Javalin app from its route groups, access policy and settings. Tests
 * start it with javalin-testtools; {@code serve} starts it on a port. Holds no state of its own.
 *
 * <p>Before a matched API route's handler runs, the access policy decides whether the caller may
 * call it, and then its query is checked against the parameters the route's OpenAPI operation
 * declares ({@link QueryParameters}): an unknown or repeated parameter answers 400.
 */
public final class HttpApp {
  private final Javalin javalin;
  private final List<RouteSpec> routes;
  private final byte[] openApiDocument;

  private HttpApp(Javalin javalin, List<RouteSpec> routes, byte[] openApiDocument) {
    this.javalin = javalin;
    this.routes = routes;
    this.openApiDocument = openApiDocument;
  }

  public static HttpApp create(
      HttpSettings settings, AccessPolicy policy, List<RouteGroup> groups) {
    return create(settings, policy, groups, PublicLoad.defaultLimit());
  }

  /**
   * @param maxPublicRequests anonymous analysis requests served at once ({@link PublicLoad})
   */
  public static HttpApp create(
      HttpSettings settings, AccessPolicy policy, List<RouteGroup> groups, int maxPublicRequests) {
    ObjectMapper mapper = Json.mapper();
    PublicLoad publicLoad = new PublicLoad(maxPublicRequests, policy);
    List<RouteGroup> all = new ArrayList<>(groups);
    List<String> fragments =
        groups.stream().map(RouteGroup::openApiFragment).flatMap(Optional::stream).toList();
    OpenApiRoutes openApi = new OpenApiRoutes(mapper, fragments);
    all.add(openApi);
    QueryParameters declared = QueryParameters.of(openApi.document());
    Set<String> apiRoutes = ConcurrentHashMap.newKeySet();
    List<RouteSpec> registered = new ArrayList<>();
    Javalin app =
        Javalin.create(
            config -> {
              config.jsonMapper(new JavalinJackson(mapper, false));
              config.http.maxRequestSize = settings.maxJsonBodyBytes();
              config.http.prefer405over404 = true;
              config.startup.showJavalinBanner = false;
              config.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems()));
              config.staticFiles.enableWebjars();
              config.staticFiles.add("/public", Location.CLASSPATH);
              if (!settings.corsOrigins().isEmpty()) {
                config.bundledPlugins.enableCors(
                    cors -> cors.addRule(rule -> settings.corsOrigins().forEach(rule::allowHost)));
              }
              ProblemMapper.install(config.routes);
              config.routes.beforeMatched(
                  ctx -> {
                    Access access = accessOf(ctx.routeRoles());
                    policy.authorize(ctx, access);
                    declared.check(ctx, apiRoutes);
                    publicLoad.enter(ctx, access);
                  });
              config.routes.afterMatched(publicLoad::leave);
              config.routes.before(SecurityHeaders::apply);
              ApiRoutes api = new ApiRoutes(config.routes);
              all.forEach(g -> g.register(api));
              registered.addAll(api.registered());
              registered.forEach(r -> apiRoutes.add(QueryParameters.key(r.method(), r.path())));
            });
    return new HttpApp(app, List.copyOf(registered), openApi.documentBytes());
  }

  private static Access accessOf(java.util.Set<RouteRole> roles) {
    return roles.stream()
        .filter(Access.class::isInstance)
        .map(Access.class::cast)
        .findFirst()
        .orElse(Access.OPEN);
  }

  /** Starts serving on the port (0 picks a free one); returns the port it listens on. */
  public int start(int port) {
    javalin.start(port);
    return javalin.port();
  }

  /** Stops serving; idempotent. */
  public void stop() {
    javalin.stop();
  }

  public Javalin javalin() {
    return javalin;
  }

  /**
   * The OpenAPI document this app serves at {@code /openapi.json}, byte for byte (a copy), for
   * {@code tryggkarta openapi} and the build's client generation.
   */
  public byte[] openApiDocument() {
    return openApiDocument.clone();
  }

  /** Every API route with its access rule, for the OpenAPI and access tests. */
  public List<RouteSpec> routes() {
    return routes;
  }
}
