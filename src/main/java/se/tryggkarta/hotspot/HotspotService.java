package se.tryggkarta.hotspot;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
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
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.common.XY;
import se.tryggkarta.hotspot.contour.ContourBand;
import se.tryggkarta.hotspot.contour.MassContours;
import se.tryggkarta.hotspot.evaluation.EvaluationRow;
import se.tryggkarta.hotspot.evaluation.ForecastEvaluation;
import se.tryggkarta.hotspot.gistar.GiStarResult;
import se.tryggkarta.hotspot.gistar.HexGrid;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.grid.PointSet;
import se.tryggkarta.hotspot.kde.Bandwidth;
import se.tryggkarta.hotspot.kde.DensityGrid;
import se.tryggkarta.hotspot.kde.Kernel;
import se.tryggkarta.hotspot.kde.KernelDensity;
import se.tryggkarta.hotspot.sites.PatrolSite;
import se.tryggkarta.hotspot.sites.PatrolSites;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.layer.LayerStore;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * Hotspot analyses of one workspace's point layers: reads the events through the {@link LayerStore}
 * port, projects them to the workspace's metric CRS, and runs the in-memory core (kde, gistar,
 * sites, contour, evaluation). For members only: the public reads releases ({@code
 * se.tryggkarta.release}), never these analyses of raw records. Thread-safe (stateless apart from
 * its collaborators, which are thread-safe).
 */
public final class HotspotService {
  /** Defaults of the small API other features call. */
  public static final double DEFAULT_BANDWIDTH_METERS = 150;

  public static final double DEFAULT_RADIUS_METERS = 100;

  private final WorkspaceService workspaces;
  private final LayerStore layers;

  public HotspotService(WorkspaceService workspaces, LayerStore layers) {
    this.workspaces = workspaces;
    this.layers = layers;
  }

  /** Events selected by a filter, projected: weighted and counted (weight 1) copies. */
  record Events(PointSet weighted, PointSet counted) {
    int size() {
      return weighted.size();
    }
  }

  // ---- the small API other features call (walk planner, lighting, commitments) ----

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
        req.bandwidthMeters()
            .orElseGet(() -> Bandwidth.auto(inside(e.weighted(), first), k, 2 * cell));
    GridSpec g = first;
    if (req.bandwidthMeters().isEmpty()
        && req.filter().bboxWgs84().isEmpty()
        && w.boundaryWgs84().isEmpty()) {
      g = GridSpec.covering(extent(w, req.filter(), e, h * k.supportRadius()), cell);
    }
    DensityGrid d = KernelDensity.estimate(e.weighted(), g, k, h, req.edgeCorrection());
    return new DensityMap(w.crs(), d, e.size(), e.weighted().totalWeight(), 0, Audience.MEMBER);
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
    double band = req.bandMeters().orElseGet(() -> HexGrid.autoBand(width));
    HexGrid hex = HexGrid.covering(ext, width);
    GiStarResult r = GiStarResult.analyse(e.weighted(), hex, band);
    List<Integer> shown = new ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      if (r.neighbourhoodSum(i) > 0) {
        shown.add(i);
      }
    }
    return new GiStarMap(w.crs(), r, shown, req.alpha(), Audience.MEMBER);
  }

  /** The top n non-overlapping patrol sites on the density map. */
  public SitesResult patrolSites(
      String workspaceId, DensityRequest req, int n, double radiusMeters) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    return patrolSites(w, req, n, radiusMeters, load(w, req.filter()));
  }

  private SitesResult patrolSites(
      Workspace w, DensityRequest req, int n, double radiusMeters, Events e) {
    DensityMap map = density(w, req, e);
    List<PatrolSite> sites = PatrolSites.rank(map.density(), e.counted(), radiusMeters, n);
    return new SitesResult(w.crs(), sites, List.of(), Audience.MEMBER);
  }

  /** Forecast evaluation of KDE, Gi* and naive counts (aggregate figures only). */
  public List<EvaluationRow> evaluate(String workspaceId, EvaluateRequest req) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    Events train = load(w, req.filter().withTime(req.train()));
    Events test = load(w, req.filter().withTime(req.test()));
    if (train.size() == 0) {
      throw new DomainException(
          ErrorKind.UNPROCESSABLE, "train", "no events in the training period");
    }
    if (test.size() == 0) {
      throw new DomainException(ErrorKind.UNPROCESSABLE, "test", "no events in the test period");
    }
    double cell = req.cellMeters();
    Kernel k = req.kernel();
    double h = req.bandwidthMeters().orElseGet(() -> Bandwidth.auto(train.weighted(), k, 2 * cell));
    Bbox ext = extent(w, req.filter(), train, h * k.supportRadius());
    GridSpec g = GridSpec.covering(ext, cell);
    double hex = req.hexMeters().orElse(cell * Math.sqrt(2 / Math.sqrt(3)));
    return ForecastEvaluation.evaluate(
        train.weighted(),
        test.counted(),
        new ForecastEvaluation.Setup(
            g, k, h, hex, HexGrid.autoBand(hex), req.alpha(), req.coverages()));
  }

  // ---- internals ----

  Events load(Workspace w, EventFilter f) {
    LayerQuery q =
        new LayerQuery(Optional.empty(), f.time(), f.categories(), LayerQuery.MAX_LIMIT, 0);
    List<double[]> rows = new ArrayList<>();
    List<Instant> times = new ArrayList<>();
    Crs crs = w.crs();
    layers.scan(
        w.id(),
        f.layer(),
        q,
        r -> {
          if (!(r.geometryWgs84() instanceof org.locationtech.jts.geom.Point pt)) {
            return;
          }
          Optional<Instant> t = r.time();
          if (f.hours().isPresent() || !f.weekdays().isEmpty()) {
            if (t.isEmpty()) {
              return;
            }
            ZonedDateTime local = t.get().atZone(w.timeZone());
            if (f.hours().isPresent() && !f.hours().get().contains(local.getHour())) {
              return;
            }
            if (!f.weekdays().isEmpty() && !f.weekdays().contains(local.getDayOfWeek())) {
              return;
            }
          }
          XY xy = crs.toXY(new LonLat(pt.getX(), pt.getY()));
          double weight = r instanceof Incident inc ? inc.weight() : 1;
          weight *=
              r.filterCategory().map(c -> f.categoryWeights().getOrDefault(c, 1.0)).orElse(1.0);
          rows.add(new double[] {xy.x(), xy.y(), weight});
          times.add(t.orElse(null));
        });
    int n = rows.size();
    double[] x = new double[n];
    double[] y = new double[n];
    double[] wt = new double[n];
    Instant ref = f.time().to().orElse(null);
    if (f.halfLife().isPresent() && ref == null) {
      for (Instant t : times) {
        if (t != null && (ref == null || t.isAfter(ref))) {
          ref = t;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      double[] row = rows.get(i);
      x[i] = row[0];
      y[i] = row[1];
      wt[i] = row[2];
      Instant t = times.get(i);
      if (f.halfLife().isPresent() && t != null && ref != null) {
        double age = Math.max(0, ref.getEpochSecond() - t.getEpochSecond());
        wt[i] *= Math.pow(2, -age / f.halfLife().get().toSeconds());
      }
    }
    PointSet weighted = PointSet.of(x, y, wt);
    return new Events(weighted, weighted.counted());
  }

  private static Events requireEvents(Events e, EventFilter f) {
    if (e.size() > 0) {
      return e;
    }
    String field =
        !f.categories().isEmpty()
            ? "categories"
            : f.hours().isPresent()
                ? "hours"
                : !f.weekdays().isEmpty()
                    ? "weekdays"
                    : f.time().from().isPresent() || f.time().to().isPresent() ? "from" : "layer";
    throw new DomainException(
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
