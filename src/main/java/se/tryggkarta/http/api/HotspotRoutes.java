package se.tryggkarta.http.api;

import static se.tryggkarta.http.api.AnalysisRequests.decimals;
import static se.tryggkarta.http.api.AnalysisRequests.densityRequest;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.tryggkarta.analysis.AnalysisCache;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.XY;
import se.tryggkarta.hotspot.DensityMap;
import se.tryggkarta.hotspot.DensityRequest;
import se.tryggkarta.hotspot.EmergingRequest;
import se.tryggkarta.hotspot.EvaluateRequest;
import se.tryggkarta.hotspot.GiStarRequest;
import se.tryggkarta.hotspot.HotspotAnalyses;
import se.tryggkarta.hotspot.HotspotService;
import se.tryggkarta.hotspot.contour.ContourBand;
import se.tryggkarta.hotspot.emerging.EmergingHotspots;
import se.tryggkarta.hotspot.emerging.TimeStep;
import se.tryggkarta.hotspot.evaluation.ForecastEvaluation;
import se.tryggkarta.hotspot.forecast.ForecastModel;
import se.tryggkarta.hotspot.gistar.ConditionalPermutation;
import se.tryggkarta.hotspot.gistar.PermutationInference;
import se.tryggkarta.hotspot.raster.ColourRamp;
import se.tryggkarta.hotspot.raster.GeoTiff;
import se.tryggkarta.hotspot.sites.ModelSites;
import se.tryggkarta.http.ApiRoutes;
import se.tryggkarta.http.Params;
import se.tryggkarta.http.RouteGroup;
import se.tryggkarta.http.auth.Access;
import se.tryggkarta.http.auth.AccessPolicy;
import se.tryggkarta.place.PlaceService;
import se.tryggkarta.release.ReleaseSelection;
import se.tryggkarta.release.ReleaseService;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * Hotspot maps: {@code /api/workspaces/{ws}/hotspots/density|gistar|sites|evaluate|emerging}.
 * Members run free analyses; the public (and a member who asks with {@code release=}) reads a
 * release: the same shapes, computed only from protected counts, each carrying the release's
 * metadata. The forecast evaluation counts raw events over a caller's area and time, and emerging
 * hot spots classify single hexagons by single months' counts, so both are for members only.
 */
public final class HotspotRoutes implements RouteGroup {
  static final String GEOJSON = "application/geo+json";
  static final String GEOTIFF = "image/tiff; application=geotiff";
  private static final List<String> FORMATS =
      List.of("json", "geotiff", "png", "legend", "contours");

  private final WorkspaceService workspaces;
  private final HotspotService hotspots;
  private final HotspotAnalyses analyses;
  private final ReleaseService releases;
  private final AccessPolicy policy;
  private final PlaceService places;

  /**
   * @param places names sites after the nearest street or place of the workspace's own map
   */
  public HotspotRoutes(
      WorkspaceService workspaces,
      HotspotService hotspots,
      HotspotAnalyses analyses,
      ReleaseService releases,
      AccessPolicy policy,
      PlaceService places) {
    this.workspaces = workspaces;
    this.hotspots = hotspots;
    this.analyses = analyses;
    this.releases = releases;
    this.policy = policy;
    this.places = places;
  }

  @Override
  public void register(ApiRoutes routes) {
    routes.get("/api/workspaces/{ws}/hotspots/density", Access.AGGREGATE, this::density);
    routes.get("/api/workspaces/{ws}/hotspots/gistar", Access.AGGREGATE, this::giStar);
    routes.get("/api/workspaces/{ws}/hotspots/sites", Access.AGGREGATE, this::sites);
    routes.get("/api/workspaces/{ws}/hotspots/evaluate", Access.READ, this::evaluate);
    // Members only: each step's classes rest on a month's or week's counts in single hexagons.
    routes.get("/api/workspaces/{ws}/hotspots/emerging", Access.READ, this::emerging);
  }

  @Override
  public Optional<String> openApiFragment() {
    return Optional.of("openapi/hotspots.json");
  }

  private void density(Context ctx) {
    Workspace w = Params.workspace(ctx, workspaces);
    String format = Params.string(ctx, "format").orElse("json");
    if (!FORMATS.contains(format)) {
      throw DomainException.invalid(
          "format", "format must be json, geotiff, png, legend or contours, was '" + format + "'");
    }
    if (AnalysisRequests.readsRelease(policy, ctx, w)) {
      ReleaseSelection sel = AnalysisRequests.selection(ctx, releases, w, "format", "bbox", "mass");
      long version = analyses.dataVersion(w.id());
      if (notModified(ctx, w, version, true)) {
        return;
      }
      if (format.equals("contours")) {
        List<ContourBand> bands = releases.contours(sel, version, decimals(ctx, "mass"));
        respondGeoJson(ctx, HotspotJson.contours(bands), sel, version);
        return;
      }
      DensityMap m = releases.density(sel, version);
      Optional<Bbox> crop = Params.bbox(ctx, "bbox");
      if (crop.isPresent()) {
        m = m.croppedTo(extentXY(w.crs(), crop.get()));
      }
      respondMap(
          ctx,
          m,
          format,
          Optional.of(
              ReleaseJson.release(
                  releases.release(sel, version), sel, releases.densityThreshold(sel, version))));
      return;
    }
    DensityRequest req = densityRequest(ctx, w);
    long version = analyses.dataVersion(w.id());
    if (notModified(ctx, w, version, false)) {
      return;
    }
    if (format.equals("contours")) {
      List<ContourBand> bands =
          analyses.contours(w.id(), version, req, decimals(ctx, "mass"), decimals(ctx, "levels"));
      ctx.json(HotspotJson.contours(bands)).contentType(GEOJSON);
      return;
    }
    respondMap(ctx, analyses.density(w.id(), version, req), format, Optional.empty());
  }

  private void respondMap(
      Context ctx, DensityMap m, String format, Optional<Map<String, Object>> release) {
    switch (format) {
      case "geotiff" -> ctx.contentType(GEOTIFF).result(GeoTiff.encode(m.density(), m.crs()));
      case "png" -> ctx.contentType("image/png").result(ColourRamp.png(m.density()));
      case "legend" ->
          ctx.json(Map.of("unit", "events/km2", "stops", ColourRamp.legend(m.density())));
      default -> {
        Map<String, Object> body = HotspotJson.grid(m);
        release.ifPresent(r -> body.put("release", r));
        ctx.json(body);
      }
    }
  }

  private void giStar(Context ctx) {
    Workspace w = Params.workspace(ctx, workspaces);
    double alpha = Params.decimal(ctx, "alpha").orElse(0.05);
    if (AnalysisRequests.readsRelease(policy, ctx, w)) {
      ReleaseSelection sel = AnalysisRequests.selection(ctx, releases, w, "alpha");
      long version = analyses.dataVersion(w.id());
      if (!notModified(ctx, w, version, true)) {
        respondGeoJson(ctx, HotspotJson.giStar(releases.giStar(sel, version, alpha)), sel, version);
      }
      return;
    }
    GiStarRequest req =
        new GiStarRequest(
            AnalysisRequests.filter(ctx, w),
            Params.decimal(ctx, "cell"),
            bandAuto(ctx) ? Optional.empty() : Params.decimal(ctx, "band"),
            alpha,
            permutationInference(ctx),
            bandAuto(ctx));
    long version = analyses.dataVersion(w.id());
    if (!notModified(ctx, w, version, false)) {
      ctx.json(HotspotJson.giStar(analyses.giStar(w.id(), version, req))).contentType(GEOJSON);
    }
  }

  /** Whether {@code band=auto}: the first peak of incremental spatial autocorrelation. */
  private static boolean bandAuto(Context ctx) {
    return Params.string(ctx, "band").filter(b -> b.equals("auto")).isPresent();
  }

  /** {@code inference=analytic} (default) or {@code permutation} with its count and seed. */
  static Optional<PermutationInference> permutationInference(Context ctx) {
    String inference = Params.string(ctx, "inference").orElse("analytic");
    if (inference.equals("permutation")) {
      return Optional.of(
          new PermutationInference(
              Params.integer(
                  ctx,
                  "permutations",
                  PermutationInference.DEFAULT_PERMUTATIONS,
                  1,
                  ConditionalPermutation.MAX_PERMUTATIONS),
              Params.longValue(ctx, "seed", 0, Long.MIN_VALUE, Long.MAX_VALUE)));
    }
    if (!inference.equals("analytic")) {
      throw DomainException.invalid(
          "inference", "inference must be analytic or permutation, was '" + inference + "'");
    }
    for (String only : List.of("permutations", "seed")) {
      if (Params.string(ctx, only).isPresent()) {
        throw DomainException.invalid(only, only + " applies only with inference=permutation");
      }
    }
    return Optional.empty();
  }

  private void emerging(Context ctx) {
    Workspace w = Params.workspace(ctx, workspaces);
    EmergingRequest req =
        new EmergingRequest(
            AnalysisRequests.filter(ctx, w),
            Params.decimal(ctx, "cell"),
            Params.decimal(ctx, "band"),
            TimeStep.parse("step", Params.string(ctx, "step").orElse("month")),
            Params.integer(
                ctx, "lag", EmergingRequest.DEFAULT_TIME_LAG, 0, EmergingHotspots.MAX_TIME_LAG),
            Params.decimal(ctx, "alpha").orElse(0.05));
    long version = analyses.dataVersion(w.id());
    if (!notModified(ctx, w, version, false)) {
      ctx.json(HotspotJson.emerging(analyses.emerging(w.id(), version, req))).contentType(GEOJSON);
    }
  }

  private void sites(Context ctx) {
    Workspace w = Params.workspace(ctx, workspaces);
    int n = Params.integer(ctx, "n", 10, 1, 100);
    if (AnalysisRequests.readsRelease(policy, ctx, w)) {
      ReleaseSelection sel = AnalysisRequests.selection(ctx, releases, w, "n");
      long version = analyses.dataVersion(w.id());
      if (!notModified(ctx, w, version, true)) {
        respondGeoJson(
            ctx,
            HotspotJson.sites(releases.sites(sel, version, n), places.index(w.id())),
            sel,
            version);
      }
      return;
    }
    double radius = Params.decimal(ctx, "radius").orElse(HotspotService.DEFAULT_RADIUS_METERS);
    DensityRequest asked = densityRequest(ctx, w);
    Optional<String> modelName = Params.string(ctx, "model");
    Optional<ForecastModel> model =
        modelName.flatMap(m -> ForecastEvaluation.parseModel("model", m, asked.bandwidthMeters()));
    // An explicit model=default wins over a map bandwidth sent along (the web map sends one).
    DensityRequest req =
        modelName.isPresent() && model.isEmpty() ? asked.withoutBandwidth() : asked;
    long version = analyses.dataVersion(w.id());
    if (!notModified(ctx, w, version, false)) {
      ctx.json(
              HotspotJson.sites(
                  analyses.sites(w.id(), version, req, n, radius, model), places.index(w.id())))
          .contentType(GEOJSON);
    }
  }

  private void evaluate(Context ctx) {
    Workspace w = Params.workspace(ctx, workspaces);
    List<Double> coverage = decimals(ctx, "coverage");
    EvaluateRequest req =
        new EvaluateRequest(
            AnalysisRequests.filter(ctx, w),
            AnalysisRequests.optionalPeriod(ctx, "train", w.timeZone()),
            AnalysisRequests.optionalPeriod(ctx, "test", w.timeZone()),
            Params.integer(ctx, "splits", ForecastEvaluation.DEFAULT_SPLITS, 1, 12),
            Params.decimal(ctx, "cell").orElse(ModelSites.PATROL_CELL_METERS),
            AnalysisRequests.bandwidth(ctx),
            Params.decimal(ctx, "hex"),
            Params.decimal(ctx, "alpha").orElse(0.05),
            coverage.isEmpty() ? ForecastEvaluation.DEFAULT_COVERAGES : coverage);
    ctx.json(HotspotJson.evaluation(hotspots.evaluate(w.id(), req), w.timeZone()));
  }

  private void respondGeoJson(
      Context ctx, Map<String, Object> featureCollection, ReleaseSelection sel, long version) {
    featureCollection.put(
        "release",
        ReleaseJson.release(
            releases.release(sel, version), sel, releases.densityThreshold(sel, version)));
    ctx.json(featureCollection).contentType(GEOJSON);
  }

  /**
   * The ETag (data version, whether a release, path and sorted query) and Cache-Control set; true
   * when If-None-Match matched and 304 is answered.
   */
  private boolean notModified(Context ctx, Workspace w, long version, boolean release) {
    String etag =
        AnalysisCache.etag(
            "analysis",
            w.id(),
            Long.toString(version),
            release ? "release" : "member",
            AnalysisRequests.canonical(ctx));
    return AnalysisRequests.notModified(ctx, release, etag);
  }

  /** A WGS84 bbox as the box around its outline in the workspace's CRS. */
  static Bbox extentXY(Crs crs, Bbox wgs84) {
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    int steps = 8;
    for (int i = 0; i <= steps; i++) {
      for (int j = 0; j <= steps; j++) {
        if (i != 0 && i != steps && j != 0 && j != steps) {
          continue;
        }
        XY p =
            crs.toXY(
                new LonLat(
                    wgs84.minX() + wgs84.width() * i / steps,
                    wgs84.minY() + wgs84.height() * j / steps));
        minX = Math.min(minX, p.x());
        minY = Math.min(minY, p.y());
        maxX = Math.max(maxX, p.x());
        maxY = Math.max(maxY, p.y());
      }
    }
    return new Bbox(minX, minY, maxX, maxY);
  }
}
