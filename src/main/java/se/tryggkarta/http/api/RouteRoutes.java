package se.tryggkarta.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.http.ApiRoutes;
import se.tryggkarta.http.Params;
import se.tryggkarta.http.RouteGroup;
import se.tryggkarta.http.UploadBody;
import se.tryggkarta.http.auth.Access;
import se.tryggkarta.http.auth.AccessPolicy;
import se.tryggkarta.route.Gpx;
import se.tryggkarta.route.NetworkService;
import se.tryggkarta.route.RiskSurface;
import se.tryggkarta.route.SafeRoute;
import se.tryggkarta.route.SafeRouter;
import se.tryggkarta.route.WalkPlan;
import se.tryggkarta.route.WalkPlanner;
import se.tryggkarta.route.WalkProtocol;
import se.tryggkarta.route.WalkRequest;
import se.tryggkarta.route.WalkStop;
import se.tryggkarta.route.graph.StreetPath;
import se.tryggkarta.route.osm.AttributeMapping;
import se.tryggkarta.route.osm.NetworkFormat;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * Street networks, safety walks and safe routes: {@code /api/workspaces/{ws}/network[/import]},
 * {@code /walks/plan} and {@code /routes/safe}. Importing needs an analyst; planning a walk shows
 * stop positions derived from reports and incidents, so it is for workspace members (READ); the
 * network summary and safe routes are street geometry and aggregates only (AGGREGATE).
 */
public final class RouteRoutes implements RouteGroup {
  static final String GEOJSON = "application/geo+json";

  private final NetworkService networks;
  private final WalkPlanner planner;
  private final SafeRouter router;
  private final WorkspaceService workspaces;
  private final AccessPolicy policy;
  private final RiskSurface.Source publicRisk;
  private final long maxUploadBytes;

  /**
   * @param publicRisk the public's risk surface (a release's density), so a public safe route never
   *     depends on raw incidents
   */
  public RouteRoutes(
      NetworkService networks,
      WalkPlanner planner,
      SafeRouter router,
      WorkspaceService workspaces,
      AccessPolicy policy,
      RiskSurface.Source publicRisk,
      long maxUploadBytes) {
    this.networks = networks;
    this.planner = planner;
    this.router = router;
    this.workspaces = workspaces;
    this.policy = policy;
    this.publicRisk = publicRisk;
    this.maxUploadBytes = maxUploadBytes;
  }

  @Override
  public void register(ApiRoutes routes) {
    routes.post("/api/workspaces/{ws}/network/import", Access.WRITE, this::importNetwork);
    routes.get("/api/workspaces/{ws}/network", Access.AGGREGATE, this::summary);
    routes.post("/api/workspaces/{ws}/walks/plan", Access.READ, this::planWalk);
    routes.get("/api/workspaces/{ws}/routes/safe", Access.AGGREGATE, this::safeRoute);
  }

  @Override
  public Optional<String> openApiFragment() {
    return Optional.of("openapi/route.json");
  }

  private void importNetwork(Context ctx) throws IOException {
    Optional<NetworkFormat> format =
        Params.string(ctx, "format").map(f -> NetworkFormat.parse("format", f));
    AttributeMapping d = AttributeMapping.DEFAULT;
    AttributeMapping mapping =
        new AttributeMapping(
            Params.string(ctx, "idProperty").orElse(d.idProperty()),
            Params.string(ctx, "highwayProperty").orElse(d.highwayProperty()),
            Params.string(ctx, "litProperty").orElse(d.litProperty()),
            Params.string(ctx, "nameProperty").orElse(d.nameProperty()),
            Params.string(ctx, "defaultHighway").orElse(d.defaultHighway()));
    java.nio.file.Path file = Files.createTempFile("tryggkarta-network-", ".upload");
    try {
      copyUpload(UploadBody.open(ctx, maxUploadBytes), file);
      ctx.json(
          networks.importFile(
              ctx.pathParam("ws"), file, format, mapping, Params.string(ctx, "table")));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static void copyUpload(InputStream in, java.nio.file.Path file) throws IOException {
    long total;
    try (OutputStream out = Files.newOutputStream(file)) {
      total = in.transferTo(out);
    }
    if (total == 0) {
      throw DomainException.invalid(
          "body", "the body is empty; send an .osm.pbf, .osm, GeoJSON or GeoPackage");
    }
  }

  private void summary(Context ctx) {
    ctx.json(networks.summary(ctx.pathParam("ws")));
  }

  private void planWalk(Context ctx) {
    String format = Params.string(ctx, "format").orElse("geojson");
    if (!List.of("geojson", "gpx", "html").contains(format)) {
      throw DomainException.invalid("format", "format must be geojson, gpx or html, was " + format);
    }
    WalkRequest request = ctx.bodyAsClass(WalkPlanBody.class).toRequest();
    WalkPlan plan = planner.plan(ctx.pathParam("ws"), request);
    String name = Params.workspace(ctx, workspaces).name();
    switch (format) {
      case "gpx" ->
          ctx.contentType("application/gpx+xml; charset=utf-8")
              .result(Gpx.of(plan, "Trygghetsvandring " + name));
      case "html" ->
          ctx.contentType("text/html; charset=utf-8").result(WalkProtocol.html(plan, name));
      default -> ctx.json(walkJson(plan)).contentType(GEOJSON);
    }
  }

  private void safeRoute(Context ctx) {
    Workspace w = Params.workspace(ctx, workspaces);
    boolean isPublic = policy.isPublic(ctx, w.id());
    if (isPublic) {
      AnalysisRequests.onlyParameters(ctx, java.util.Set.of("from", "to"));
    }
    LonLat from = LonLat.parse("from", required(ctx, "from"));
    LonLat to = LonLat.parse("to", required(ctx, "to"));
    SafeRoute r =
        isPublic
            ? router.route(w.id(), from, to, publicRisk.of(w))
            : router.route(w.id(), from, to);
    Map<String, Object> fc =
        FeatureJson.featureCollection(
            List.of(pathFeature("safe", r.safe()), pathFeature("shortest", r.shortest())));
    fc.put("lengthM", r.safe().lengthMeters());
    fc.put("litShare", r.safe().litShare());
    fc.put("shortestLengthM", r.shortest().lengthMeters());
    fc.put("shortestLitShare", r.shortest().litShare());
    fc.put("detourM", r.detourMeters());
    ctx.json(fc).contentType(GEOJSON);
  }

  private static String required(Context ctx, String name) {
    return Params.string(ctx, name)
        .orElseThrow(() -> DomainException.invalid(name, name + " (lon,lat) is required"));
  }

  private static Map<String, Object> pathFeature(String role, StreetPath p) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("role", role);
    props.put("lengthM", p.lengthMeters());
    props.put("litM", p.litMeters());
    props.put("litShare", p.litShare());
    return FeatureJson.feature(Optional.empty(), line(p), props);
  }

  private static Map<String, Object> walkJson(WalkPlan plan) {
    List<Object> features = new ArrayList<>();
    Map<String, Object> routeProps = new LinkedHashMap<>();
    routeProps.put("role", "route");
    routeProps.put("lengthM", plan.lengthMeters());
    routeProps.put("litShare", plan.route().litShare());
    features.add(FeatureJson.feature(Optional.empty(), line(plan.route()), routeProps));
    features.add(
        FeatureJson.feature(Optional.empty(), point(plan.start()), Map.of("role", "start")));
    for (WalkStop s : plan.stops()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("role", "stop");
      p.put("number", s.number());
      p.put("id", s.id());
      p.put("kind", s.kind().slug());
      p.put("reason", s.reason());
      p.put("weight", s.weight());
      p.put("mandatory", s.mandatory());
      p.put("distanceFromStartM", s.distanceFromStartMeters());
      p.put("checklist", WalkPlan.CHECKLIST);
      features.add(FeatureJson.feature(Optional.empty(), point(s.location()), p));
    }
    Map<String, Object> fc = FeatureJson.featureCollection(features);
    fc.put("lengthM", plan.lengthMeters());
    fc.put("maxLengthM", plan.maxLengthMeters());
    fc.put("loop", plan.loop());
    fc.put("walkingMinutes", plan.walkingMinutes());
    fc.put("stopMinutes", plan.stopMinutes());
    fc.put("totalMinutes", plan.totalMinutes());
    fc.put("coveredPriority", plan.coveredPriority());
    fc.put("availablePriority", plan.availablePriority());
    fc.put("candidatesConsidered", plan.candidatesConsidered());
    fc.put("warnings", plan.warnings());
    return fc;
  }

  private static Map<String, Object> line(StreetPath p) {
    List<double[]> coords = new ArrayList<>();
    for (LonLat c : p.coordinates()) {
      coords.add(new double[] {c.lon(), c.lat()});
    }
    if (coords.size() == 1) {
      coords.add(coords.get(0));
    }
    return Map.of("type", "LineString", "coordinates", coords);
  }

  private static Map<String, Object> point(LonLat c) {
    return Map.of("type", "Point", "coordinates", new double[] {c.lon(), c.lat()});
  }

  /** The JSON body of {@code POST walks/plan}; absent fields take the defaults. */
  record WalkPlanBody(
      JsonNode start,
      Double maxLengthM,
      List<String> mustVisit,
      List<String> candidates,
      Boolean loop,
      Double stopMinutes,
      Integer maxCandidates) {
    WalkRequest toRequest() {
      if (maxLengthM == null) {
        throw DomainException.invalid("maxLengthM", "maxLengthM (metres) is required");
      }
      return new WalkRequest(
          start(start),
          maxLengthM,
          mustVisit == null ? List.of() : mustVisit,
          Optional.ofNullable(candidates),
          loop == null || loop,
          stopMinutes == null ? WalkRequest.DEFAULT_STOP_MINUTES : stopMinutes,
          maxCandidates == null ? WalkRequest.DEFAULT_MAX_CANDIDATES : maxCandidates);
    }

    private static LonLat start(JsonNode n) {
      try {
        if (n != null
            && n.isArray()
            && n.size() == 2
            && n.get(0).isNumber()
            && n.get(1).isNumber()) {
          return new LonLat(n.get(0).asDouble(), n.get(1).asDouble());
        }
        if (n != null && n.path("lon").isNumber() && n.path("lat").isNumber()) {
          return new LonLat(n.get("lon").asDouble(), n.get("lat").asDouble());
        }
      } catch (DomainException e) {
        throw DomainException.invalid("start", e.getMessage());
      }
      throw DomainException.invalid(
          "start", "start must be {\"lon\": .., \"lat\": ..} or [lon, lat]");
    }
  }
}
