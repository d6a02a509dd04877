package se.tryggkarta.http.api;

import io.javalin.http.Context;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.HourWindow;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.hotspot.Audience;
import se.tryggkarta.hotspot.DensityMap;
import se.tryggkarta.hotspot.DensityRequest;
import se.tryggkarta.hotspot.EvaluateRequest;
import se.tryggkarta.hotspot.EventFilter;
import se.tryggkarta.hotspot.GiStarMap;
import se.tryggkarta.hotspot.GiStarRequest;
import se.tryggkarta.hotspot.HotspotService;
import se.tryggkarta.hotspot.Periods;
import se.tryggkarta.hotspot.SitesResult;
import se.tryggkarta.hotspot.contour.ContourBand;
import se.tryggkarta.hotspot.evaluation.ForecastEvaluation;
import se.tryggkarta.hotspot.kde.Kernel;
import se.tryggkarta.hotspot.raster.ColourRamp;
import se.tryggkarta.hotspot.raster.GeoTiff;
import se.tryggkarta.http.ApiRoutes;
import se.tryggkarta.http.Params;
import se.tryggkarta.http.RouteGroup;
import se.tryggkarta.http.auth.Access;
import se.tryggkarta.http.auth.AccessPolicy;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.place.PlaceService;
import se.tryggkarta.tiles.DensityTiles;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * Hotspot maps: {@code /api/workspaces/{ws}/hotspots/density|gistar|sites|evaluate}. All are
 * aggregates: anonymous callers of a public workspace get the privacy-protected versions.
 */
public final class HotspotRoutes implements RouteGroup {
  static final String GEOJSON = "application/geo+json";
  static final String GEOTIFF = "image/tiff; application=geotiff";

  private final WorkspaceService workspaces;
  private final HotspotService hotspots;
  private final AccessPolicy policy;
  private final DensityTiles cache;
  private final PlaceService places;

  /**
   * @param cache runs the heavy analyses on its bounded pool and caches them by data version
   * @param places names sites after the nearest street or place
   */
  public HotspotRoutes(
      WorkspaceService workspaces,
      HotspotService hotspots,
      AccessPolicy policy,
      DensityTiles cache,
      PlaceService places) {
    this.workspaces = workspaces;
    this.hotspots = hotspots;
    this.policy = policy;
    this.cache = cache;
    this.places = places;
  }

  @Override
  public void register(ApiRoutes routes) {
    routes.get("/api/workspaces/{ws}/hotspots/density", Access.AGGREGATE, this::density);
    routes.get("/api/workspaces/{ws}/hotspots/gistar", Access.AGGREGATE, this::giStar);
    routes.get("/api/workspaces/{ws}/hotspots/sites", Access.AGGREGATE, this::sites);
    routes.get("/api/workspaces/{ws}/hotspots/evaluate", Access.AGGREGATE, this::evaluate);
  }

  @Override
  public Optional<String> openApiFragment() {
    return Optional.of("openapi/hotspots.json");
  }

  private void density(Context ctx) {
    Workspace w = Params.workspace(ctx, workspaces);
    Audience audience = TileRoutes.audience(policy, ctx, w);
    DensityRequest req = densityRequest(ctx, w);
    String format = Params.string(ctx, "format").orElse("json");
    if (!List.of("json", "geotiff", "png", "legend", "contours").contains(format)) {
      throw DomainException.invalid(
          "format", "format must be json, geotiff, png, legend or contours, was '" + format + "'");
    }
    var checked = versionUnlessNotModified(ctx, w, audience);
    if (checked.isEmpty()) {
      return;
    }
    long version = checked.getAsLong();
    if (format.equals("contours")) {
      List<Double> mass = decimals(ctx, "mass");
      List<Double> levels = decimals(ctx, "levels");
      List<ContourBand> bands =
          cache.analysis(
              w.id(),
              version,
              List.of("contours", req, mass, levels, audience),
              1 << 20,
              () -> hotspots.contours(w.id(), req, mass, levels, audience));
      ctx.json(HotspotJson.contours(bands)).contentType(GEOJSON);
      return;
    }
    DensityMap m = cache.density(w.id(), version, req, audience);
    switch (format) {
      case "geotiff" -> ctx.contentType(GEOTIFF).result(GeoTiff.encode(m.density(), m.crs()));
      case "png" -> ctx.contentType("image/png").result(ColourRamp.png(m.density()));
      case "legend" ->
          ctx.json(Map.of("unit", "events/km2", "stops", ColourRamp.legend(m.density())));
      default -> ctx.json(HotspotJson.grid(m));
    }
  }

  private void giStar(Context ctx) {
    Workspace w = Params.workspace(ctx, workspaces);
    GiStarRequest req =
        new GiStarRequest(
            filter(ctx, w),
            Params.decimal(ctx, "cell"),
            Params.decimal(ctx, "band"),
            Params.decimal(ctx, "alpha").orElse(0.05));
    Audience audience = TileRoutes.audience(policy, ctx, w);
    var checked = versionUnlessNotModified(ctx, w, audience);
    if (checked.isEmpty()) {
      return;
    }
    GiStarMap map =
        cache.analysis(
            w.id(),
            checked.getAsLong(),
            List.of("gistar", req, audience),
            1 << 20,
            () -> hotspots.giStar(w.id(), req, audience));
    ctx.json(HotspotJson.giStar(map)).contentType(GEOJSON);
  }

  private void sites(Context ctx) {
    Workspace w = Params.workspace(ctx, workspaces);
    int n = Params.integer(ctx, "n", 10, 1, 100);
    double radius = Params.decimal(ctx, "radius").orElse(HotspotService.DEFAULT_RADIUS_METERS);
    DensityRequest req = densityRequest(ctx, w);
    Audience audience = TileRoutes.audience(policy, ctx, w);
    var checked = versionUnlessNotModified(ctx, w, audience);
    if (checked.isEmpty()) {
      return;
    }
    SitesResult s =
        cache.analysis(
            w.id(),
            checked.getAsLong(),
            List.of("sites", req, n, radius, audience),
            16 << 10,
            () -> hotspots.patrolSites(w.id(), req, n, radius, audience));
    ctx.json(HotspotJson.sites(s, places.index(w.id()))).contentType(GEOJSON);
  }

  private void evaluate(Context ctx) {
    Workspace w = Params.workspace(ctx, workspaces);
    List<Double> coverage = decimals(ctx, "coverage");
    EvaluateRequest req =
        new EvaluateRequest(
            filter(ctx, w),
            period(ctx, "train", w.timeZone()),
            period(ctx, "test", w.timeZone()),
            Params.decimal(ctx, "cell").orElse(100.0),
            bandwidth(ctx),
            kernel(ctx),
            Params.decimal(ctx, "hex"),
            Params.decimal(ctx, "alpha").orElse(0.05),
            coverage.isEmpty() ? ForecastEvaluation.DEFAULT_COVERAGES : coverage);
    ctx.json(HotspotJson.evaluation(hotspots.evaluate(w.id(), req)));
  }

  /**
   * The data version this request reads, its ETag (data version, audience, path and sorted query)
   * and Cache-Control set; empty when If-None-Match matched and 304 is answered.
   */
  private OptionalLong versionUnlessNotModified(Context ctx, Workspace w, Audience audience) {
    long version = cache.dataVersion(w.id());
    String canonical = ctx.path() + "?" + new java.util.TreeMap<>(ctx.queryParamMap());
    String etag = cache.analysisEtag(w.id(), version, audience, canonical);
    return TileRoutes.notModified(ctx, audience, etag)
        ? OptionalLong.empty()
        : OptionalLong.of(version);
  }

  // ---- parameter parsing ----

  static DensityRequest densityRequest(Context ctx, Workspace w) {
    return new DensityRequest(
        filter(ctx, w),
        Params.decimal(ctx, "cell").orElse(DensityRequest.DEFAULT_CELL_METERS),
        bandwidth(ctx),
        kernel(ctx),
        Params.string(ctx, "edge").map(e -> flag("edge", e)).orElse(false));
  }

  static Optional<Double> bandwidth(Context ctx) {
    Optional<String> b = Params.string(ctx, "bandwidth");
    if (b.isEmpty() || b.get().equalsIgnoreCase("auto")) {
      return Optional.empty();
    }
    return Params.decimal(ctx, "bandwidth");
  }

  static boolean flag(String name, String v) {
    return switch (v) {
      case "true" -> true;
      case "false" -> false;
      default -> throw DomainException.invalid(name, name + " must be true or false, was " + v);
    };
  }

  static Kernel kernel(Context ctx) {
    return Params.string(ctx, "kernel").map(k -> Kernel.parse("kernel", k)).orElse(Kernel.QUARTIC);
  }

  static EventFilter filter(Context ctx, Workspace w) {
    Layer layer =
        Params.string(ctx, "layer").map(l -> Layer.parse("layer", l)).orElse(Layer.INCIDENTS);
    Optional<Duration> halfLife =
        Params.string(ctx, "halfLife").map(h -> EventFilter.parseHalfLife("halfLife", h));
    return new EventFilter(
        layer,
        Params.timeRange(ctx, w.timeZone()),
        Params.list(ctx, "categories"),
        Params.string(ctx, "hours").map(h -> HourWindow.parse("hours", h)),
        EventFilter.parseWeekdays("weekdays", Params.string(ctx, "weekdays").orElse("")),
        EventFilter.parseWeights("weights", Params.string(ctx, "weights").orElse("")),
        halfLife,
        Params.bbox(ctx, "bbox"));
  }

  static TimeRange period(Context ctx, String name, ZoneId zone) {
    return Periods.period(
        name,
        Params.string(ctx, name)
            .orElseThrow(() -> DomainException.invalid(name, name + " is required, as 'from/to'")),
        zone);
  }

  static List<Double> decimals(Context ctx, String name) {
    return Params.string(ctx, name)
        .map(
            v ->
                Arrays.stream(v.split(","))
                    .map(String::strip)
                    .map(
                        s -> {
                          try {
                            return Double.parseDouble(s);
                          } catch (NumberFormatException e) {
                            throw DomainException.invalid(
                                name, name + " must be numbers, was '" + s + "'");
                          }
                        })
                    .toList())
        .orElse(List.of());
  }
}
