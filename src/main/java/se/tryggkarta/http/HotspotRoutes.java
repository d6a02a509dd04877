package se.tryggkarta.http;

import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.common.XY;
import se.tryggkarta.hotspot.Audience;
import se.tryggkarta.hotspot.DensityMap;
import se.tryggkarta.hotspot.DensityRequest;
import se.tryggkarta.hotspot.EvaluateRequest;
import se.tryggkarta.hotspot.EventFilter;
import se.tryggkarta.hotspot.GiStarMap;
import se.tryggkarta.hotspot.GiStarRequest;
import se.tryggkarta.hotspot.HotspotService;
import se.tryggkarta.hotspot.HourWindow;
import se.tryggkarta.hotspot.SitesResult;
import se.tryggkarta.hotspot.contour.ContourBand;
import se.tryggkarta.hotspot.evaluation.EvaluationRow;
import se.tryggkarta.hotspot.gistar.GiStarResult;
import se.tryggkarta.hotspot.kde.DensityGrid;
import se.tryggkarta.hotspot.kde.Kernel;
import se.tryggkarta.hotspot.raster.ColourRamp;
import se.tryggkarta.hotspot.raster.GeoTiff;
import se.tryggkarta.hotspot.sites.PatrolSite;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * Hotspot maps: {@code /api/workspaces/{ws}/hotspots/density|gistar|sites|evaluate}. All are
 * aggregates: anonymous callers of a public workspace get the privacy-protected versions.
 */
public final class HotspotRoutes implements RouteGroup {
  static final String GEOJSON = "application/geo+json";
  static final String GEOTIFF = "image/tiff; application=geotiff";
  private static final GeometryFactory GF = new GeometryFactory();

  private final WorkspaceService workspaces;
  private final HotspotService hotspots;
  private final AccessPolicy policy;

  public HotspotRoutes(WorkspaceService workspaces, HotspotService hotspots, AccessPolicy policy) {
    this.workspaces = workspaces;
    this.hotspots = hotspots;
    this.policy = policy;
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
    Workspace w = workspaces.getWorkspace(ctx.pathParam("ws"));
    Audience audience = audience(ctx, w);
    DensityRequest req = densityRequest(ctx, w);
    String format = Params.string(ctx, "format").orElse("json");
    switch (format) {
      case "json" -> ctx.json(gridJson(hotspots.density(w.id(), req, audience)));
      case "geotiff" -> {
        DensityMap m = hotspots.density(w.id(), req, audience);
        ctx.contentType(GEOTIFF).result(GeoTiff.encode(m.density(), m.crs()));
      }
      case "png" ->
          ctx.contentType("image/png")
              .result(ColourRamp.png(hotspots.density(w.id(), req, audience).density()));
      case "legend" -> {
        DensityGrid d = hotspots.density(w.id(), req, audience).density();
        ctx.json(Map.of("unit", "events/km2", "stops", ColourRamp.legend(d)));
      }
      case "contours" -> {
        List<ContourBand> bands =
            hotspots.contours(
                w.id(), req, decimals(ctx, "mass"), decimals(ctx, "levels"), audience);
        List<Object> features = new ArrayList<>();
        for (ContourBand b : bands) {
          Map<String, Object> props = new LinkedHashMap<>();
          b.massFraction().ifPresent(f -> props.put("massFraction", f));
          props.put("levelPerKm2", b.levelPerKm2());
          features.add(feature(b.area(), props));
        }
        ctx.json(collection(features)).contentType(GEOJSON);
      }
      default ->
          throw DomainException.invalid(
              "format",
              "format must be json, geotiff, png, legend or contours, was '" + format + "'");
    }
  }

  private void giStar(Context ctx) {
    Workspace w = workspaces.getWorkspace(ctx.pathParam("ws"));
    Audience audience = audience(ctx, w);
    GiStarRequest req =
        new GiStarRequest(
            filter(ctx, w),
            Params.decimal(ctx, "cell"),
            Params.decimal(ctx, "band"),
            Params.decimal(ctx, "alpha").orElse(0.05));
    GiStarMap map = hotspots.giStar(w.id(), req, audience);
    GiStarResult r = map.result();
    List<Object> features = new ArrayList<>();
    for (int i : map.shown()) {
      XY[] corners = r.grid().corners(i);
      Coordinate[] ring = new Coordinate[7];
      for (int k = 0; k < 6; k++) {
        ring[k] = new Coordinate(corners[k].x(), corners[k].y());
      }
      ring[6] = ring[0];
      Map<String, Object> props = new LinkedHashMap<>();
      if (audience == Audience.MEMBER) {
        props.put("count", r.sum(i));
      }
      props.put("z", r.zScore(i));
      props.put("p", r.pValue(i));
      props.put("q", r.qValue(i));
      props.put("class", r.qValue(i) <= map.alpha() ? r.hotspotClass(i).slug() : "not-significant");
      features.add(feature(map.crs().toWgs84(GF.createPolygon(ring)), props));
    }
    Map<String, Object> body = collection(features);
    body.put("cellMeters", r.grid().widthMeters());
    body.put("bandMeters", r.bandMeters());
    body.put("alpha", map.alpha());
    ctx.json(body).contentType(GEOJSON);
  }

  private void sites(Context ctx) {
    Workspace w = workspaces.getWorkspace(ctx.pathParam("ws"));
    Audience audience = audience(ctx, w);
    int n = Params.integer(ctx, "n", 10, 1, 100);
    double radius = Params.decimal(ctx, "radius").orElse(HotspotService.DEFAULT_RADIUS_METERS);
    SitesResult s = hotspots.patrolSites(w.id(), densityRequest(ctx, w), n, radius, audience);
    List<Object> features = new ArrayList<>();
    for (PatrolSite p : s.sites()) {
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("rank", p.rank());
      props.put("id", p.id());
      props.put("score", p.score());
      props.put("eventsCovered", p.eventsCovered());
      props.put("radiusMeters", p.radiusMeters());
      props.put("areaM2", p.areaM2());
      Geometry circle =
          GF.createPoint(new Coordinate(p.centre().x(), p.centre().y()))
              .buffer(p.radiusMeters(), 16);
      features.add(feature(s.crs().toWgs84(circle), props));
    }
    for (SitesResult.PublicCell c : s.publicCells()) {
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("rank", c.rank());
      props.put("score", c.score());
      props.put("eventsInCell", c.events());
      Bbox b = c.cellXY();
      Geometry cell =
          GF.toGeometry(
              new org.locationtech.jts.geom.Envelope(b.minX(), b.maxX(), b.minY(), b.maxY()));
      features.add(feature(s.crs().toWgs84(cell), props));
    }
    ctx.json(collection(features)).contentType(GEOJSON);
  }

  private void evaluate(Context ctx) {
    Workspace w = workspaces.getWorkspace(ctx.pathParam("ws"));
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
            decimals(ctx, "coverage").isEmpty()
                ? List.of(0.01, 0.02, 0.05)
                : decimals(ctx, "coverage"));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (EvaluationRow r : hotspots.evaluate(w.id(), req)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("method", r.method().slug());
      m.put("coverage", r.coverage());
      m.put("areaShare", r.areaShare());
      m.put("cellsFlagged", r.cellsFlagged());
      m.put("testEvents", r.testEvents());
      m.put("hits", r.hits());
      m.put("hitRate", r.hitRate());
      m.put("pai", Double.isNaN(r.pai()) ? null : r.pai());
      m.put("pei", Double.isNaN(r.pei()) ? null : r.pei());
      rows.add(m);
    }
    ctx.json(Map.of("rows", rows));
  }

  // ---- parameter parsing ----

  private Audience audience(Context ctx, Workspace w) {
    return policy.isPublic(ctx, w.id()) ? Audience.PUBLIC : Audience.MEMBER;
  }

  static DensityRequest densityRequest(Context ctx, Workspace w) {
    return new DensityRequest(
        filter(ctx, w),
        Params.decimal(ctx, "cell").orElse(DensityRequest.DEFAULT_CELL_METERS),
        bandwidth(ctx),
        kernel(ctx));
  }

  static Optional<Double> bandwidth(Context ctx) {
    Optional<String> b = Params.string(ctx, "bandwidth");
    if (b.isEmpty() || b.get().equalsIgnoreCase("auto")) {
      return Optional.empty();
    }
    return Params.decimal(ctx, "bandwidth");
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

  /** {@code from/to}; a date-only end means the whole of that day. */
  static TimeRange period(Context ctx, String name, ZoneId zone) {
    String v =
        Params.string(ctx, name)
            .orElseThrow(() -> DomainException.invalid(name, name + " is required, as 'from/to'"));
    String[] p = v.split("/");
    if (p.length != 2) {
      throw DomainException.invalid(name, name + " must be 'from/to', was '" + v + "'");
    }
    Instant from = Params.instant(name, p[0].strip(), zone);
    Instant to = Params.instant(name, p[1].strip(), zone);
    if (p[1].strip().length() == 10) {
      to = LocalDate.parse(p[1].strip()).plusDays(1).atStartOfDay(zone).toInstant();
    }
    try {
      return TimeRange.of(from, to);
    } catch (DomainException e) {
      throw DomainException.invalid(name, e.getMessage());
    }
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

  private static Map<String, Object> gridJson(DensityMap m) {
    DensityGrid d = m.density();
    var g = d.grid();
    float[] rows = new float[g.cellCount()];
    for (int row = 0; row < g.ny(); row++) {
      for (int ix = 0; ix < g.nx(); ix++) {
        rows[row * g.nx() + ix] = (float) d.value(ix, g.ny() - 1 - row);
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("crs", m.crs().code());
    body.put("originX", g.minX());
    body.put("originY", g.maxY());
    body.put("origin", "north-west corner; rows run north to south");
    body.put("cellSizeMeters", g.cellSizeMeters());
    body.put("nx", g.nx());
    body.put("ny", g.ny());
    body.put("unit", "events/km2");
    body.put("kernel", d.kernel().slug());
    body.put("bandwidthMeters", d.bandwidthMeters());
    if (m.audience() == Audience.MEMBER) {
      body.put("events", m.events());
      body.put("weightedEvents", m.weightedEvents());
    }
    body.put("suppressedCells", m.suppressedCells());
    body.put("max", d.max());
    body.put("values", rows);
    return body;
  }

  private static Map<String, Object> feature(Geometry g, Map<String, Object> props) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("type", "Feature");
    f.put("geometry", g);
    f.put("properties", props);
    return f;
  }

  private static Map<String, Object> collection(List<Object> features) {
    Map<String, Object> fc = new LinkedHashMap<>();
    fc.put("type", "FeatureCollection");
    fc.put("features", features);
    return fc;
  }
}
