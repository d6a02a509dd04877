package se.tryggkarta.hotspot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.common.XY;
import se.tryggkarta.hotspot.contour.ContourBand;
import se.tryggkarta.hotspot.contour.MassContours;
import se.tryggkarta.hotspot.emerging.EmergingHotspots;
import se.tryggkarta.hotspot.emerging.SpaceTimeCube;
import se.tryggkarta.hotspot.emerging.TimeStep;
import se.tryggkarta.hotspot.evaluation.ForecastEvaluation;
import se.tryggkarta.hotspot.evaluation.Split;
import se.tryggkarta.hotspot.forecast.ForecastModel;
import se.tryggkarta.hotspot.forecast.KernelForecast;
import se.tryggkarta.hotspot.forecast.TimedEvents;
import se.tryggkarta.hotspot.gistar.GiStarResult;
import se.tryggkarta.hotspot.gistar.HexGrid;
import se.tryggkarta.hotspot.gistar.IncrementalAutocorrelation;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.grid.PointSet;
import se.tryggkarta.hotspot.index.EventColumns;
import se.tryggkarta.hotspot.index.EventIndex;
import se.tryggkarta.hotspot.index.EventQuery;
import se.tryggkarta.hotspot.index.EventSelection;
import se.tryggkarta.hotspot.kde.Bandwidth;
import se.tryggkarta.hotspot.kde.DensityGrid;
import se.tryggkarta.hotspot.kde.Kernel;
import se.tryggkarta.hotspot.kde.KernelDensity;
import se.tryggkarta.hotspot.sites.ModelSites;
import se.tryggkarta.hotspot.sites.PatrolSite;
import se.tryggkarta.hotspot.sites.PatrolSites;
import se.tryggkarta.hotspot.sites.SiteProfile;
import se.tryggkarta.hotspot.sites.SiteProfiles;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerStore;
import se.tryggkarta.workspace.PublicPrivacy;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * Hotspot analyses of one workspace's point layers: reads the events through the {@link LayerStore}
 * port, projects them to the workspace's metric CRS, and runs the in-memory core (kde, gistar,
 * sites, contour, evaluation). Public outputs are suppressed per the workspace's {@link
 * PublicPrivacy}. Thread-safe (stateless apart from its collaborators, which are thread-safe).
 */
public final class HotspotService {
  /** Defaults of the small API other features call. */
  public static final double DEFAULT_BANDWIDTH_METERS = 150;

  public static final double DEFAULT_RADIUS_METERS = 100;

  private final WorkspaceService workspaces;
  private final EventIndex index;

  /** Reads through a private event index of {@value #DEFAULT_INDEX_BYTES} bytes (tools, tests). */
  public HotspotService(WorkspaceService workspaces, LayerStore layers) {
    this(workspaces, new EventIndex(layers, DEFAULT_INDEX_BYTES));
  }

  /**
   * @param index the events, column by column in memory, kept by the store's data version: every
   *     new option set filters and bins from it instead of reading the store again
   */
  public HotspotService(WorkspaceService workspaces, EventIndex index) {
    this.workspaces = workspaces;
    this.index = index;
  }

  /** The bound of the private index the two-argument constructor makes: 64 MiB. */
  public static final long DEFAULT_INDEX_BYTES = 64L << 20;

  /**
   * Events selected by a filter, projected: weighted and counted (weight 1) copies, and their times
   * in epoch days (NaN where an event has none).
   */
  record Events(PointSet weighted, PointSet counted, double[] days) {
    int size() {
      return weighted.size();
    }

    /** The weighted events with their times, when every event has one. */
    Optional<TimedEvents> timed() {
      for (double d : days) {
        if (Double.isNaN(d)) {
          return Optional.empty();
        }
      }
      return Optional.of(TimedEvents.of(weighted, days));
    }
  }

  // ---- fixed-parameter patrol sites (a 150 m bandwidth), kept for HotspotAnalyses ----
  // No other feature calls these: lighting uses no hotspots, and the walk planner and the
  // commitment
  // links take the sites analysis's ranks through HotspotPorts, as GET …/hotspots/sites gives them.

  /**
   * The top {@code n} patrol sites (circles of {@value #DEFAULT_RADIUS_METERS} m, quartic kernel,
   * {@value #DEFAULT_BANDWIDTH_METERS} m bandwidth on 25 m cells) of a layer over a period, for
   * members' use. Empty when no events match. Centres are in the workspace's CRS.
   */
  public List<PatrolSite> topPatrolSites(String workspaceId, Layer layer, TimeRange period, int n) {
    return topPatrolSites(workspaceId, layer, period, Set.of(), n);
  }

  /** As {@link #topPatrolSites(String, Layer, TimeRange, int)}, counting only these categories. */
  public List<PatrolSite> topPatrolSites(
      String workspaceId, Layer layer, TimeRange period, Set<String> categories, int n) {
    EventFilter f = EventFilter.all(layer).withTime(period).withCategories(categories);
    Workspace w = workspaces.getWorkspace(workspaceId);
    Events e = load(w, f);
    if (e.size() == 0) {
      return List.of();
    }
    DensityRequest d =
        new DensityRequest(
            f,
            DensityRequest.DEFAULT_CELL_METERS,
            Optional.of(DEFAULT_BANDWIDTH_METERS),
            Kernel.QUARTIC,
            false);
    return patrolSites(w, d, n, DEFAULT_RADIUS_METERS, e).sites();
  }

  // ---- the analyses behind the HTTP API and CLI ----

  /** A density map for members (the public reads releases, never this). */
  public DensityMap density(String workspaceId, DensityRequest req) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    return density(w, req, load(w, req.filter()));
  }

  /** The density of events already loaded with {@code req.filter()} (one store scan per call). */
  private DensityMap density(Workspace w, DensityRequest req, Events loaded) {
    Events e = requireEvents(loaded, req.filter());
    double cell = req.cellMeters();
    Kernel k = req.kernel();
    double provisionalReach = req.bandwidthMeters().orElse(0.0) * k.supportRadius();
    GridSpec first = GridSpec.covering(extent(w, req.filter(), e, provisionalReach), cell);
    double h =
        req.bandwidthMeters().orElseGet(() -> Bandwidth.auto(inside(e.weighted(), first), k, cell));
    GridSpec g = first;
    if (req.bandwidthMeters().isEmpty()
        && req.filter().bboxWgs84().isEmpty()
        && w.boundaryWgs84().isEmpty()) {
      g = GridSpec.covering(extent(w, req.filter(), e, h * k.supportRadius()), cell);
    }
    DensityGrid d = KernelDensity.estimate(e.weighted(), g, k, h, req.edgeCorrection());
    return new DensityMap(
        w.crs(),
        d,
        e.size(),
        e.weighted().totalWeight(),
        0,
        Audience.MEMBER,
        req.bandwidthMeters().isPresent() ? "given" : Bandwidth.METHOD);
  }

  /** Contours of a density map in WGS84: by mass shares, or by density levels when given. */
  public List<ContourBand> contours(
      String workspaceId, DensityRequest req, List<Double> massShares, List<Double> levels) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    Events e = load(w, req.filter());
    DensityMap map = density(w, req, e);
    GeometryFactory gf = new GeometryFactory();
    List<ContourBand> bands =
        levels.isEmpty()
            ? MassContours.byMass(
                map.density(),
                massShares.isEmpty() ? MassContours.DEFAULT_FRACTIONS : massShares,
                gf)
            : MassContours.byLevel(map.density(), levels, gf);
    List<ContourBand> out = new ArrayList<>();
    for (ContourBand b : bands) {
      Geometry wgs = w.crs().toWgs84(b.area());
      out.add(new ContourBand(b.massFraction(), b.levelPerKm2(), wgs));
    }
    return out;
  }

  /** Gi* on hexagons. */
  public GiStarMap giStar(String workspaceId, GiStarRequest req) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    Events e = requireEvents(load(w, req.filter()), req.filter());
    Bbox ext = extent(w, req.filter(), e, 0);
    double width = req.cellMeters().orElseGet(() -> HexGrid.autoWidth(ext, e.size(), 10));
    HexGrid hex = HexGrid.covering(ext, width);
    Optional<IncrementalAutocorrelation.Scan> scan =
        req.optimizedBand()
            ? Optional.of(IncrementalAutocorrelation.scan(hex.sums(e.weighted()), hex))
            : Optional.empty();
    double band =
        scan.map(IncrementalAutocorrelation.Scan::chosenBandMeters)
            .orElseGet(() -> req.bandMeters().orElseGet(() -> HexGrid.autoBand(width)));
    GiStarResult r = GiStarResult.analyse(e.weighted(), hex, band, req.permutation());
    // Members get every hexagon z was computed on (empty ones too), so that Gi* recomputed on the
    // returned cells gives the same z.
    List<Integer> shown = new ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      shown.add(i);
    }
    return new GiStarMap(w.crs(), r, shown, req.alpha(), Audience.MEMBER, scan);
  }

  /**
   * Emerging hot spots on hexagons, per local month or week from the step holding {@code from}
   * (else the first event) to the one holding the end of the period (else the last event). Every
   * event needs a time.
   */
  public EmergingMap emerging(String workspaceId, EmergingRequest req) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    Events e = requireEvents(load(w, req.filter()), req.filter());
    TimedEvents timed =
        e.timed()
            .orElseThrow(
                () ->
                    new DomainException(
                        ErrorKind.UNPROCESSABLE,
                        "layer",
                        "every event needs a time for emerging hot spots"));
    java.time.ZoneId zone = w.timeZone();
    TimeStep step = req.step();
    Instant first = req.filter().time().from().orElse(instant(timed.firstDay()));
    Instant last =
        req.filter().time().to().map(t -> t.minusNanos(1)).orElse(instant(timed.lastDay()));
    java.time.LocalDate firstStep = step.start(first, zone);
    int steps = step.index(firstStep, last, zone) + 1;
    if (steps > TimeStep.MAX_STEPS) {
      throw DomainException.invalid(
          "step", steps + " " + step.slug() + "s exceed the limit of " + TimeStep.MAX_STEPS);
    }
    int[] stepOf = new int[e.size()];
    for (int i = 0; i < stepOf.length; i++) {
      stepOf[i] = step.index(firstStep, instant(e.days()[i]), zone);
    }
    Bbox ext = extent(w, req.filter(), e, 0);
    double width =
        req.cellMeters()
            .orElseGet(
                () -> HexGrid.autoWidth(ext, Math.max(1, e.size() / Math.max(1, steps)), 10));
    double band = req.bandMeters().orElseGet(() -> HexGrid.autoBand(width));
    SpaceTimeCube cube =
        SpaceTimeCube.of(HexGrid.covering(ext, width), steps, e.weighted(), stepOf);
    return new EmergingMap(
        w.crs(), EmergingHotspots.analyse(cube, band, req.timeLag(), req.alpha()), step, firstStep);
  }

  private static Instant instant(double epochDay) {
    return Instant.ofEpochMilli(Math.round(epochDay * 86_400_000.0));
  }

  /** The top n non-overlapping patrol sites on the density map. */
  public SitesResult patrolSites(
      String workspaceId, DensityRequest req, int n, double radiusMeters) {
    return patrolSites(workspaceId, req, n, radiusMeters, Optional.empty());
  }

  /**
   * The top n non-overlapping patrol sites of a forecast model: the given one ({@link
   * ForecastEvaluation#parseModel}), else the KDE of the request's bandwidth when it gives one,
   * else the default model that validated best on the selection's own history ({@link ModelSites}).
   */
  public SitesResult patrolSites(
      String workspaceId,
      DensityRequest req,
      int n,
      double radiusMeters,
      Optional<ForecastModel> model) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    Events e = requireEvents(load(w, req.filter()), req.filter());
    if ((model.isPresent() || req.bandwidthMeters().isEmpty()) && e.timed().isPresent()) {
      Bbox area = extent(w, req.filter(), e, 0);
      GridSpec g = GridSpec.covering(area, req.cellMeters());
      ModelSites.Result r = ModelSites.rank(e.timed().get(), area, g, radiusMeters, n, model);
      return withProfiles(
          w,
          req.filter(),
          new SitesResult(
              w.crs(), r.sites(), List.of(), Audience.MEMBER, r.model(), r.validated()));
    }
    return withProfiles(w, req.filter(), patrolSites(w, req, n, radiusMeters, e));
  }

  /**
   * The sites with their profiles ({@link SiteProfiles}): the analysed period is the filter's, an
   * open end taken from the first or last selected event; the previous one is as long and ends
   * where it starts. Unchanged when the layer has no times.
   */
  private SitesResult withProfiles(Workspace w, EventFilter f, SitesResult r) {
    EventSelection current = select(w, f);
    if (r.sites().isEmpty() || current.isEmpty() || current.time(0).isEmpty()) {
      return r;
    }
    Instant from = f.time().from().orElse(current.time(0).get());
    Instant to = f.time().to().orElse(current.time(current.size() - 1).get().plusSeconds(1));
    Instant previousFrom = from.minus(java.time.Duration.between(from, to));
    EventSelection previous = select(w, f.withTime(TimeRange.of(previousFrom, from)));
    boolean covered =
        current.columns().earliest().map(first -> !first.isAfter(previousFrom)).orElse(false);
    List<SiteProfile> profiles =
        SiteProfiles.of(r.sites(), current, previous, previousFrom, from, covered, w.timeZone());
    Optional<EmergingMap> classes = siteClasses(w, f.withTime(TimeRange.of(from, to)), r.sites());
    if (classes.isPresent()) {
      Map<String, XY> centres = new java.util.HashMap<>();
      r.sites().forEach(s -> centres.put(s.id(), s.centre()));
      profiles =
          profiles.stream()
              .map(
                  p ->
                      classes
                          .get()
                          .classAt(centres.get(p.siteId()))
                          .map(c -> p.withSpaceTimeClass(c.slug()))
                          .orElse(p))
              .toList();
    }
    return r.withProfiles(profiles);
  }

  /** ArcGIS asks for at least ten time steps before it calls a trend; so does a site's class. */
  static final int MIN_CLASS_STEPS = 10;

  /**
   * The emerging hot spot analysis behind the sites' space-time classes: the same selection and
   * period, on hexagons as wide as a site (so a hexagon is about the site's circle), by month when
   * the period spans at least {@value #MIN_CLASS_STEPS} months, else by week when it spans that
   * many weeks, else none (a trend over a few steps says nothing). sfdep's default lag of 1.
   */
  private Optional<EmergingMap> siteClasses(Workspace w, EventFilter f, List<PatrolSite> sites) {
    TimeRange period = f.time();
    Instant from = period.from().orElseThrow();
    Instant to = period.to().orElseThrow();
    java.time.ZoneId zone = w.timeZone();
    TimeStep step = null;
    for (TimeStep candidate : List.of(TimeStep.MONTH, TimeStep.WEEK)) {
      java.time.LocalDate first = candidate.start(from, zone);
      if (candidate.index(first, to.minusNanos(1), zone) + 1 >= MIN_CLASS_STEPS) {
        step = candidate;
        break;
      }
    }
    if (step == null || sites.isEmpty()) {
      return Optional.empty();
    }
    EmergingRequest req =
        new EmergingRequest(
            f,
            Optional.of(2 * sites.get(0).radiusMeters()),
            Optional.empty(),
            step,
            EmergingRequest.DEFAULT_TIME_LAG,
            0.05);
    try {
      return Optional.of(emerging(w.id(), req));
    } catch (DomainException tooLongOrEmpty) {
      // more steps than the cube holds, or no timed event: the sites keep no class
      return Optional.empty();
    }
  }

  private SitesResult patrolSites(
      Workspace w, DensityRequest req, int n, double radiusMeters, Events e) {
    DensityMap map = density(w, req, e);
    List<PatrolSite> sites = PatrolSites.rank(map.density(), e.counted(), radiusMeters, n);
    String model =
        new KernelForecast(map.density().bandwidthMeters()).name()
            + (req.kernel() == Kernel.QUARTIC ? "" : "-" + req.kernel().slug());
    return new SitesResult(w.crs(), sites, List.of(), Audience.MEMBER, model, false);
  }

  /**
   * Forecast evaluation of every candidate model, Gi* and the default (aggregate figures only):
   * over the given train/test split, else over rolling-origin splits of the selected events' span.
   * With its defaults (150 m cells, 3 splits, 1/2/5 %) the default is the model patrol sites use.
   */
  public ForecastEvaluation.Result evaluate(String workspaceId, EvaluateRequest req) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    Events all = load(w, req.filter());
    TimedEvents events =
        all.timed()
            .orElseThrow(
                () ->
                    new DomainException(
                        ErrorKind.UNPROCESSABLE,
                        "layer",
                        "every event needs a time for a forecast evaluation"));
    List<Split> splits;
    if (req.train().isPresent()) {
      TimeRange train = req.train().get();
      TimeRange test = req.test().orElseThrow();
      double trainFrom = day(train.from().get());
      double trainTo = day(train.to().get());
      double testFrom = day(test.from().get());
      // Events between the training end and the test start are left out.
      TimedEvents gapless =
          join(events.between(trainFrom, trainTo), events.between(testFrom, day(test.to().get())));
      events = gapless;
      splits = List.of(new Split(trainFrom, testFrom, day(test.to().get())));
    } else {
      if (events.size() == 0) {
        throw requireEventsProblem(req.filter());
      }
      // The events' own span, as patrol sites validate their default model.
      splits = Split.rollingOrigin(events.firstDay(), events.lastDay() + 1e-6, req.splits());
    }
    if (events.between(splits.get(0).trainFromDay(), splits.get(0).testFromDay()).size() == 0) {
      throw new DomainException(
          ErrorKind.UNPROCESSABLE, "train", "no events in the (first) training period");
    }
    double cell = req.cellMeters();
    Bbox ext = extent(w, req.filter(), all, 0);
    GridSpec g = GridSpec.covering(ext, cell);
    double hex = req.hexMeters().orElse(cell * Math.sqrt(2 / Math.sqrt(3)));
    List<ForecastModel> models = new ArrayList<>(ForecastEvaluation.candidates());
    req.bandwidthMeters()
        .map(KernelForecast::new)
        .filter(k -> models.stream().noneMatch(m -> m.name().equals(k.name())))
        .ifPresent(models::add);
    return ForecastEvaluation.evaluate(
        events,
        splits,
        models,
        new ForecastEvaluation.Setup(
            g, Optional.of(hex), HexGrid.autoBand(hex), req.alpha(), req.coverages()));
  }

  private static double day(Instant t) {
    return t.getEpochSecond() / 86400.0;
  }

  private static TimedEvents join(TimedEvents a, TimedEvents b) {
    int n = a.size() + b.size();
    double[] x = new double[n];
    double[] y = new double[n];
    double[] wt = new double[n];
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      TimedEvents from = i < a.size() ? a : b;
      int k = i < a.size() ? i : i - a.size();
      x[i] = from.points().x(k);
      y[i] = from.points().y(k);
      wt[i] = from.points().weight(k);
      d[i] = from.day(k);
    }
    return TimedEvents.of(PointSet.of(x, y, wt), d);
  }

  // ---- internals ----

  /**
   * The events a filter selects, from the event index (the store is read again only after a write):
   * the period by binary search over time-ordered columns, then categories, local hours and
   * weekdays; weights with category weights and half-life decay applied.
   */
  Events load(Workspace w, EventFilter f) {
    EventSelection s = select(w, f);
    double[] days = new double[s.size()];
    for (int i = 0; i < s.size(); i++) {
      Optional<Instant> t = s.time(i);
      days[i] = t.isEmpty() ? Double.NaN : t.get().getEpochSecond() / 86400.0;
    }
    PointSet weighted = s.points();
    return new Events(weighted, s.counted(), days);
  }

  /** The events a filter selects, as {@link #load} reads them, with their times and categories. */
  private EventSelection select(Workspace w, EventFilter f) {
    EventColumns columns = index.columns(w, f.layer());
    Set<Integer> hours = new java.util.TreeSet<>();
    f.hours()
        .ifPresent(
            h -> {
              for (int hour = 0; hour < 24; hour++) {
                if (h.contains(hour)) {
                  hours.add(hour);
                }
              }
            });
    return columns.select(
        new EventQuery(
            f.time(),
            f.categories(),
            hours,
            f.weekdays(),
            Optional.empty(),
            f.categoryWeights(),
            f.halfLife()));
  }

  private static Events requireEvents(Events e, EventFilter f) {
    if (e.size() > 0) {
      return e;
    }
    throw requireEventsProblem(f);
  }

  private static DomainException requireEventsProblem(EventFilter f) {
    String field =
        !f.categories().isEmpty()
            ? "categories"
            : f.hours().isPresent()
                ? "hours"
                : !f.weekdays().isEmpty()
                    ? "weekdays"
                    : f.time().from().isPresent() || f.time().to().isPresent() ? "from" : "layer";
    return new DomainException(
        ErrorKind.UNPROCESSABLE, field, "no " + f.layer().slug() + " events match the selection");
  }

  /**
   * The map's extent in the workspace's CRS: the bbox parameter, else the boundary's box, else the
   * events' box grown by the kernel's reach.
   */
  private static Bbox extent(Workspace w, EventFilter f, Events e, double reach) {
    Crs crs = w.crs();
    if (f.bboxWgs84().isPresent()) {
      Bbox b = f.bboxWgs84().get();
      Bbox area = crs.areaOfUseWgs84();
      if (!(area.contains(b.minX(), b.minY()) && area.contains(b.maxX(), b.maxY()))) {
        throw DomainException.invalid(
            "bbox", "bbox must be lon/lat degrees inside " + crs.code() + "'s area of use " + area);
      }
      return envelope(crs.fromWgs84(polygon(b)));
    }
    if (w.boundaryWgs84().isPresent()) {
      return envelope(crs.fromWgs84(w.boundaryWgs84().get()));
    }
    return e.weighted().bounds().expandedBy(Math.max(reach, 1));
  }

  private static Polygon polygon(Bbox b) {
    GeometryFactory gf = new GeometryFactory();
    List<Coordinate> ring = new ArrayList<>();
    int steps = 8;
    for (int i = 0; i < steps; i++) {
      ring.add(new Coordinate(b.minX() + b.width() * i / steps, b.minY()));
    }
    for (int i = 0; i < steps; i++) {
      ring.add(new Coordinate(b.maxX(), b.minY() + b.height() * i / steps));
    }
    for (int i = 0; i < steps; i++) {
      ring.add(new Coordinate(b.maxX() - b.width() * i / steps, b.maxY()));
    }
    for (int i = 0; i < steps; i++) {
      ring.add(new Coordinate(b.minX(), b.maxY() - b.height() * i / steps));
    }
    ring.add(ring.get(0));
    return gf.createPolygon(ring.toArray(new Coordinate[0]));
  }

  private static Bbox envelope(Geometry g) {
    Envelope env = g.getEnvelopeInternal();
    return new Bbox(env.getMinX(), env.getMinY(), env.getMaxX(), env.getMaxY());
  }

  private static PointSet inside(PointSet p, GridSpec g) {
    int n = 0;
    for (int i = 0; i < p.size(); i++) {
      if (g.extent().contains(p.x(i), p.y(i))) {
        n++;
      }
    }
    double[] x = new double[n];
    double[] y = new double[n];
    double[] wt = new double[n];
    for (int i = 0, k = 0; i < p.size(); i++) {
      if (g.extent().contains(p.x(i), p.y(i))) {
        x[k] = p.x(i);
        y[k] = p.y(i);
        wt[k++] = p.weight(i);
      }
    }
    return PointSet.of(x, y, wt);
  }
}
