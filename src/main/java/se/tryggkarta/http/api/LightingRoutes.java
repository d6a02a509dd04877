package se.tryggkarta.http.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.HourWindow;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.http.ApiRoutes;
import se.tryggkarta.http.Params;
import se.tryggkarta.http.RouteGroup;
import se.tryggkarta.http.auth.Access;
import se.tryggkarta.http.auth.AccessPolicy;
import se.tryggkarta.lighting.LightingRequest;
import se.tryggkarta.lighting.LightingService;
import se.tryggkarta.lighting.NetworkCoverage;
import se.tryggkarta.lighting.PlannedChange;
import se.tryggkarta.lighting.PriorityList;
import se.tryggkarta.lighting.PublishedEvidence;
import se.tryggkarta.lighting.coverage.CoverageSettings;
import se.tryggkarta.lighting.coverage.DarkCause;
import se.tryggkarta.lighting.coverage.DarkStretch;
import se.tryggkarta.lighting.priority.NightWindow;
import se.tryggkarta.lighting.priority.Priority;
import se.tryggkarta.lighting.priority.PriorityKind;
import se.tryggkarta.lighting.priority.PriorityWeights;
import se.tryggkarta.release.ReleaseSelection;
import se.tryggkarta.release.ReleaseService;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * Lighting under {@code /api/workspaces/{ws}/lighting}: coverage figures, dark segments, the ranked
 * work list (JSON, GeoJSON or CSV) and what-if. Coverage, dark segments and priorities are
 * aggregates (street geometry, lamp positions and counts, never incident positions or comments);
 * public callers get only priorities supported by at least the workspace's k events. What-if is for
 * workspace members.
 */
public final class LightingRoutes implements RouteGroup {
  static final String CSV = "text/csv; charset=utf-8";
  private final WorkspaceService workspaces;
  private final LightingService lighting;
  private final ReleaseService releases;
  private final PublishedEvidence published;
  private final AccessPolicy policy;

  /**
   * @param published the public's evidence (a release's protected counts) for the work list
   */
  public LightingRoutes(
      WorkspaceService workspaces,
      LightingService lighting,
      ReleaseService releases,
      PublishedEvidence published,
      AccessPolicy policy) {
    this.workspaces = workspaces;
    this.lighting = lighting;
    this.releases = releases;
    this.published = published;
    this.policy = policy;
  }

  @Override
  public Optional<String> openApiFragment() {
    return Optional.of("openapi/lighting.json");
  }

  @Override
  public void register(ApiRoutes routes) {
    routes.get("/api/workspaces/{ws}/lighting/coverage", Access.AGGREGATE, this::coverage);
    routes.get("/api/workspaces/{ws}/lighting/dark-segments", Access.AGGREGATE, this::dark);
    routes.get("/api/workspaces/{ws}/lighting/priorities", Access.AGGREGATE, this::priorities);
    routes.post("/api/workspaces/{ws}/lighting/what-if", Access.READ, this::whatIf);
  }

  private void coverage(Context ctx) {
    CoverageSettings settings = coverageSettings(ctx);
    NetworkCoverage c = lighting.coverage(ctx.pathParam("ws"), settings);
    ctx.json(LightingJson.coverage(c.result().summary(), settings.defaultRadiusMeters()));
  }

  private void dark(Context ctx) {
    CoverageSettings settings = coverageSettings(ctx);
    Optional<DarkCause> cause = Params.string(ctx, "cause").map(LightingRoutes::cause);
    NetworkCoverage c = lighting.coverage(ctx.pathParam("ws"), settings);
    List<DarkStretch> stretches =
        c.result().darkStretches().stream()
            .filter(d -> cause.isEmpty() || d.cause() == cause.get())
            .toList();
    ctx.json(LightingJson.darkSegments(stretches, c.workspace().crs()))
        .contentType(LayerRoutes.GEOJSON);
  }

  private void priorities(Context ctx) {
    Workspace w = Params.workspace(ctx, workspaces);
    int n = Params.integer(ctx, "n", 20, 1, 1000);
    Optional<PriorityKind> kind =
        Params.string(ctx, "kind").map(k -> PriorityKind.parse("kind", k));
    String format = Params.string(ctx, "format").orElse("json").toLowerCase(Locale.ROOT);
    if (!List.of("json", "geojson", "csv").contains(format)) {
      throw DomainException.invalid("format", "format must be json, geojson or csv, was " + format);
    }
    boolean isPublic = AnalysisRequests.readsRelease(policy, ctx, w);
    PriorityList list;
    if (isPublic) {
      // the release's incidents at night and its unsafe-place reports; only the period is chosen
      ReleaseSelection sel = AnalysisRequests.selection(ctx, releases, w, "n", "kind", "format");
      long version = releases.dataVersion(w.id());
      HourWindow night = w.settings().night();
      LightingRequest request =
          new LightingRequest(
              CoverageSettings.DEFAULT,
              new NightWindow(night.fromHour(), night.toHour(), NightWindow.Season.YEAR),
              PriorityWeights.DEFAULT,
              sel.period().timeRange(w.timeZone()));
      list =
          lighting.priorities(
              w.id(), request, published.evidence(w.id(), version, sel.period().id()));
    } else {
      list = lighting.priorities(w.id(), request(ctx, w));
    }
    List<Priority> shown =
        list.priorities().stream()
            .filter(p -> kind.isEmpty() || p.kind() == kind.get())
            .filter(p -> !isPublic || p.supportingEvents() >= w.privacy().minEvents())
            .limit(n)
            .toList();
    switch (format) {
      case "csv" -> {
        ctx.contentType(CSV);
        ctx.header("Content-Disposition", "attachment; filename=\"lighting-" + w.id() + ".csv\"");
        ctx.result(LightingJson.prioritiesCsv(shown, w.crs()));
      }
      case "geojson" ->
          ctx.json(LightingJson.prioritiesGeoJson(shown, w.crs())).contentType(LayerRoutes.GEOJSON);
      default -> ctx.json(LightingJson.priorityList(list, shown));
    }
  }

  private void whatIf(Context ctx) {
    Workspace w = Params.workspace(ctx, workspaces);
    WhatIfBody body = ctx.bodyAsClass(WhatIfBody.class);
    LightingRequest request = request(ctx, w);
    var result = lighting.whatIf(w.id(), request, body.toChange());
    ctx.json(LightingJson.whatIf(result, request.coverage().defaultRadiusMeters()));
  }

  /** The what-if body: lamp ids to repair and new lamps as [lon, lat] pairs. */
  record WhatIfBody(List<String> repair, List<List<Double>> add) {
    PlannedChange toChange() {
      List<LonLat> points = new ArrayList<>();
      if (add != null) {
        for (int i = 0; i < add.size(); i++) {
          List<Double> p = add.get(i);
          if (p == null || p.size() != 2 || p.get(0) == null || p.get(1) == null) {
            throw DomainException.invalid("add/" + i, "each new lamp must be [lon, lat]");
          }
          points.add(new LonLat(p.get(0), p.get(1)));
        }
      }
      return new PlannedChange(repair == null ? List.of() : repair, points);
    }
  }

  static CoverageSettings coverageSettings(Context ctx) {
    return new CoverageSettings(
        Params.decimal(ctx, "radius").orElse(CoverageSettings.DEFAULT_RADIUS_METERS),
        Params.decimal(ctx, "minDark").orElse(CoverageSettings.DEFAULT_MIN_DARK_METERS));
  }

  static LightingRequest request(Context ctx, Workspace w) {
    NightWindow d = NightWindow.DEFAULT;
    NightWindow night =
        new NightWindow(
            Params.integer(ctx, "nightFrom", d.fromHour(), 0, 23),
            Params.integer(ctx, "nightTo", d.toHour(), 0, 24),
            Params.string(ctx, "season")
                .map(s -> NightWindow.Season.parse("season", s))
                .orElse(d.season()));
    PriorityWeights dw = PriorityWeights.DEFAULT;
    PriorityWeights weights =
        new PriorityWeights(
            Params.decimal(ctx, "wIncident").orElse(dw.nightIncident()),
            Params.decimal(ctx, "wDarkness").orElse(dw.darknessReport()),
            Params.decimal(ctx, "wReport").orElse(dw.otherReport()),
            Params.decimal(ctx, "bandwidth").orElse(dw.bandwidthMeters()),
            Params.decimal(ctx, "reportRadius").orElse(dw.reportRadiusMeters()));
    return new LightingRequest(
        coverageSettings(ctx), night, weights, Params.timeRange(ctx, w.timeZone()));
  }

  private static DarkCause cause(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "missing" -> DarkCause.MISSING;
      case "broken" -> DarkCause.BROKEN;
      default ->
          throw DomainException.invalid(
              "cause", "cause must be missing or broken, was '" + text + "'");
    };
  }
}
