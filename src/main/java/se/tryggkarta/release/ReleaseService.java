package se.tryggkarta.release;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import se.tryggkarta.analysis.AnalysisCache;
import se.tryggkarta.analysis.AnalysisKey;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.XY;
import se.tryggkarta.document.DocumentStore;
import se.tryggkarta.hotspot.Audience;
import se.tryggkarta.hotspot.DensityMap;
import se.tryggkarta.hotspot.GiStarMap;
import se.tryggkarta.hotspot.SitesResult;
import se.tryggkarta.hotspot.contour.ContourBand;
import se.tryggkarta.hotspot.contour.MassContours;
import se.tryggkarta.hotspot.gistar.GiStarResult;
import se.tryggkarta.hotspot.gistar.HexGrid;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.grid.PointSet;
import se.tryggkarta.hotspot.kde.DensityGrid;
import se.tryggkarta.hotspot.kde.Kernel;
import se.tryggkarta.hotspot.kde.KernelDensity;
import se.tryggkarta.hotspot.sites.PatrolSite;
import se.tryggkarta.hotspot.sites.PatrolSites;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.layer.LayerStore;
import se.tryggkarta.workspace.CategoryName;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * Public releases: what anonymous callers of a public workspace may read. A release is a layer's
 * protected counts over one fixed period (a month, quarter, year or the last 12 whole months): each
 * month's events are counted per public cell, category group and slice (day or night), every cell
 * of every month gets two-sided geometric noise ({@link CellNoise}), the period sums the months,
 * and counts below k are set to 0. Density, contours, Gi* hexagons, patrol-site cells, lighting
 * evidence and commitment figures for the public are computed only from these counts —
 * post-processing, which differential privacy is closed under: combining any number of public
 * answers reveals no more about one event than one month's table does.
 *
 * <p>Releases and their products are computed on their own bounded {@link AnalysisCache} (its own
 * pool), separate from members' analyses, and cached by data version; the set of public products is
 * finite (periods × layers × groups × slices × kinds), so anonymous traffic converges on the cache
 * and cannot make unbounded work. Thread-safe.
 */
public final class ReleaseService {
  /** The settings document's collection; stored in the workspace's scope (a change is a write). */
  static final String SETTINGS = "release-settings";

  /** Without a boundary, the public grid covers the events' box snapped out to this, in metres. */
  static final double UNBOUNDED_SNAP_METERS = 10_000;

  /** The largest public grid: cells × tables (2 slices × groups) in one release. */
  static final long MAX_TABLE_CELLS = 40_000_000L;

  /** Public patrol sites: circles of this radius on the public density, reported as their cell. */
  public static final double SITE_RADIUS_METERS = 100;

  private static final GeometryFactory GF = new GeometryFactory();

  private final WorkspaceService workspaces;
  private final LayerStore layers;
  private final DocumentStore documents;
  private final AnalysisCache cache;
  private final ReleaseLedger ledger;
  private final ReleaseSecrets secrets;
  private final Clock clock;

  /**
   * @param cache the releases' own cache and pool: never the members' one
   */
  public ReleaseService(
      WorkspaceService workspaces,
      LayerStore layers,
      DocumentStore documents,
      AnalysisCache cache,
      Clock clock) {
    this.workspaces = workspaces;
    this.layers = layers;
    this.documents = documents;
    this.cache = cache;
    this.ledger = new ReleaseLedger(documents, clock);
    this.secrets = new ReleaseSecrets(documents);
    this.clock = clock;
  }

  /** The workspace's data version: read once per request and handed to the other methods. */
  public long dataVersion(String workspaceId) {
    return layers.dataVersion(workspaceId);
  }

  /** The cache and pool releases run on (for its counters). */
  public AnalysisCache cache() {
    return cache;
  }

  // ---- settings and the catalogue ----

  /** The workspace's release settings (the defaults until an admin sets them). */
  public ReleaseSettings settings(String workspaceId) {
    workspaces.getWorkspace(workspaceId);
    return ReleaseSettingsJson.read(
        documents.findDocument(SETTINGS, workspaceId, "settings").map(d -> d.json()));
  }

  /** Stores new settings (a write: the data version moves, so every release is made again). */
  public ReleaseSettings putSettings(String workspaceId, ReleaseSettings s) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    s.defaultPeriod()
        .ifPresent(
            p -> {
              if (catalog(w, s).find(p).isEmpty()) {
                throw DomainException.invalid(
                    "defaultPeriod", "defaultPeriod '" + p + "' is not among the releases");
              }
            });
    documents.putDocument(SETTINGS, w.id(), "settings", ReleaseSettingsJson.write(s));
    return s;
  }

  /**
   * What the public may ask for.
   *
   * @param periods newest first within each kind: last 12 months, years, quarters, months
   * @param defaultPeriod the period the public map opens on
   * @param groups per published layer, the groups a caller may choose ({@value CategoryGroup#ALL}
   *     first)
   */
  public record Catalog(
      Workspace workspace,
      ReleaseSettings settings,
      List<ReleasePeriod> periods,
      String defaultPeriod,
      Map<Layer, List<GroupChoice>> groups,
      Release.Mechanism mechanism) {
    public Optional<ReleasePeriod> find(String id) {
      return periods.stream().filter(p -> p.id().equals(id)).findFirst();
    }
  }

  /** A group a caller may choose, with its display name. */
  public record GroupChoice(String id, CategoryName name, Set<String> categories) {}

  public Catalog catalog(String workspaceId) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    return catalog(w, settings(w.id()));
  }

  private Catalog catalog(Workspace w, ReleaseSettings s) {
    YearMonth current = YearMonth.from(LocalDate.now(clock.withZone(w.timeZone())));
    YearMonth last = current.minusMonths(1);
    YearMonth first = s.firstMonth().orElse(current.minusMonths(36));
    List<ReleasePeriod> periods = new ArrayList<>();
    if (!first.isAfter(last)) {
      if (!last.minusMonths(11).isBefore(first)) {
        periods.add(ReleasePeriod.last12Months(last));
      }
      for (int y = last.getYear(); y >= first.getYear(); y--) {
        ReleasePeriod p = ReleasePeriod.year(y);
        if (!p.first().isBefore(first) && !p.last().isAfter(last)) {
          periods.add(p);
        }
      }
      for (int y = last.getYear(); y >= first.getYear(); y--) {
        for (int q = 4; q >= 1; q--) {
          ReleasePeriod p = ReleasePeriod.quarter(y, q);
          if (!p.first().isBefore(first) && !p.last().isAfter(last)) {
            periods.add(p);
          }
        }
      }
      for (YearMonth m = last; !m.isBefore(first); m = m.minusMonths(1)) {
        periods.add(ReleasePeriod.month(m));
      }
    }
    String dflt =
        s.defaultPeriod()
            .filter(p -> periods.stream().anyMatch(r -> r.id().equals(p)))
            .orElse(periods.isEmpty() ? ReleasePeriod.LAST_12_MONTHS : periods.get(0).id());
    Map<Layer, List<GroupChoice>> groups = new LinkedHashMap<>();
    for (Layer l : s.layers()) {
      List<GroupChoice> g = new ArrayList<>();
      g.add(
          new GroupChoice(
              CategoryGroup.ALL, new CategoryName("Alla händelser", "All events"), Set.of()));
      for (CategoryGroup cg : s.groupsOf(l)) {
        g.add(new GroupChoice(cg.id(), cg.name(), cg.categories()));
      }
      if (!s.groupsOf(l).isEmpty()) {
        g.add(new GroupChoice(CategoryGroup.OTHER, new CategoryName("Övriga", "Other"), Set.of()));
      }
      groups.put(l, List.copyOf(g));
    }
    return new Catalog(w, s, List.copyOf(periods), dflt, Map.copyOf(groups), mechanism(w, s));
  }

  private static Release.Mechanism mechanism(Workspace w, ReleaseSettings s) {
    return new Release.Mechanism(
        s.epsilonPerMonth(),
        w.privacy().minEvents(),
        s.effectiveCellMeters(w.privacy().minCellMeters()),
        Math.max(s.bandwidthMeters(), s.effectiveCellMeters(w.privacy().minCellMeters())),
        Math.sqrt(CellNoise.variance(s.epsilonPerMonth())),
        s.maxVersionsPerMonth());
  }

  // ---- choosing a release ----

  /**
   * Checks a caller's choice against the catalogue: absent members take the defaults (the default
   * period, incidents or the first published layer, all groups, all day). Unknown values answer
   * INVALID_INPUT naming the parameter and listing what may be asked.
   */
  public ReleaseSelection select(
      String workspaceId,
      Optional<String> period,
      Optional<String> layer,
      Optional<String> group,
      Optional<String> slice) {
    Catalog c = catalog(workspaceId);
    if (c.periods().isEmpty()) {
      throw new DomainException(
          ErrorKind.UNPROCESSABLE, "release", "this workspace has no releases yet");
    }
    String pid = period.orElse(c.defaultPeriod());
    ReleasePeriod p =
        c.find(pid)
            .orElseThrow(
                () ->
                    DomainException.invalid(
                        "release",
                        "release must be one of "
                            + c.periods().stream().map(ReleasePeriod::id).toList()
                            + ", was '"
                            + pid
                            + "'"));
    Layer l =
        layer
            .map(
                text -> {
                  Layer parsed = Layer.parse("layer", text);
                  if (!c.settings().layers().contains(parsed)) {
                    throw DomainException.invalid(
                        "layer",
                        "layer must be one of the released layers "
                            + c.settings().layers().stream().map(Layer::slug).toList()
                            + ", was '"
                            + text
                            + "'");
                  }
                  return parsed;
                })
            .orElse(
                c.settings().layers().contains(Layer.INCIDENTS)
                    ? Layer.INCIDENTS
                    : c.settings().layers().get(0));
    List<GroupChoice> choices = c.groups().get(l);
    String g = group.orElse(CategoryGroup.ALL);
    if (choices.stream().noneMatch(x -> x.id().equals(g))) {
      throw DomainException.invalid(
          "group",
          "group must be one of "
              + choices.stream().map(GroupChoice::id).toList()
              + " for "
              + l.slug()
              + ", was '"
              + g
              + "'");
    }
    Slice s = slice.map(text -> Slice.parse("slice", text)).orElse(Slice.ALL);
    return new ReleaseSelection(c.workspace().id(), l, p, g, s);
  }

  // ---- the release itself ----

  /** The release of a layer over a period, computed once per data version. */
  public Release release(String workspaceId, long version, Layer layer, ReleasePeriod period) {
    return cache.get(
        new ReleaseKey(workspaceId, version, layer, period.id()),
        () -> compute(workspaceId, version, layer, period));
  }

  private record ReleaseKey(String workspaceId, long dataVersion, Layer layer, String period)
      implements AnalysisKey<Release> {
    @Override
    public int weightBytes(Release r) {
      return 1024 + r.grid().cellCount() * 8 * r.groupIds().size();
    }
  }

  private Release compute(String workspaceId, long version, Layer layer, ReleasePeriod period) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    ReleaseSettings s = settings(w.id());
    Release.Mechanism mech = mechanism(w, s);
    Placement placement = grid(w, layer, mech.cellMeters());
    List<CategoryGroup> groups = s.groupsOf(layer);
    long tables = 2L * (groups.size() + 1) * placement.grid().cellCount();
    if (tables > MAX_TABLE_CELLS) {
      throw new DomainException(
          ErrorKind.UNPROCESSABLE,
          "cellMeters",
          "the public grid of "
              + placement.grid().cellCount()
              + " cells is too large for releases; raise the release settings' cellMeters");
    }
    CellNoise noise = new CellNoise(secrets.secret(w.id()), s.epsilonPerMonth());
    List<YearMonth> months = period.months();
    MonthlyTables t =
        new MonthlyTables(
            layer, placement.grid(), months, groups, w.settings().night(), w.timeZone(), noise);
    Crs crs = w.crs();
    layers.scan(
        w.id(),
        layer,
        new LayerQuery(
            Optional.empty(), period.timeRange(w.timeZone()), Set.of(), LayerQuery.MAX_LIMIT, 0),
        r -> {
          if (r.geometryWgs84() instanceof Point pt && r.time().isPresent()) {
            XY xy = crs.toXY(new LonLat(pt.getX(), pt.getY()));
            t.add(xy.x(), xy.y(), r.time().get(), r.filterCategory());
          }
        });
    String fingerprint = fingerprint(s, mech, placement.grid(), w);
    Map<YearMonth, String> digests = new LinkedHashMap<>();
    for (int i = 0; i < months.size(); i++) {
      digests.put(months.get(i), t.digest(i, fingerprint));
    }
    List<ReleaseLedger.MonthEntry> entries =
        ledger.record(w.id(), layer, digests, s.maxVersionsPerMonth());
    List<Integer> included = new ArrayList<>();
    List<Release.MonthVersion> versions = new ArrayList<>();
    Instant madeAt = Instant.EPOCH;
    for (ReleaseLedger.MonthEntry e : entries) {
      versions.add(
          new Release.MonthVersion(e.month(), e.version(), e.versionsPublished(), e.withheld()));
      if (!e.withheld()) {
        included.add(months.indexOf(e.month()));
        if (e.publishedAt().isAfter(madeAt)) {
          madeAt = e.publishedAt();
        }
      }
    }
    return new Release(
        w.id(),
        crs,
        layer,
        period,
        version,
        madeAt,
        mech,
        versions,
        placement.extent(),
        t.groupIds(),
        t.sums(included, List.copyOf(digests.values())));
  }

  /** What the noise depends on besides the records: part of each month's digest. */
  private static String fingerprint(
      ReleaseSettings s, Release.Mechanism m, GridSpec g, Workspace w) {
    StringBuilder b = new StringBuilder();
    b.append(m.epsilonPerMonth()).append('|').append(g.cellSizeMeters()).append('|');
    b.append(w.settings().night().text()).append('|').append(w.timeZone()).append('|');
    for (Layer l : s.layers()) {
      b.append(l.slug()).append(':');
      for (CategoryGroup cg : s.groupsOf(l)) {
        b.append(cg.id()).append(cg.categories().stream().sorted().toList());
      }
      b.append(';');
    }
    return b.toString();
  }

  private record Placement(GridSpec grid, String extent) {}

  /** The public grid: the boundary's box (or the events' box snapped to 10 km), on the lattice. */
  private Placement grid(Workspace w, Layer layer, double cell) {
    Envelope env;
    String extent;
    double snap;
    if (w.boundaryWgs84().isPresent()) {
      env = w.crs().fromWgs84(w.boundaryWgs84().get()).getEnvelopeInternal();
      extent = "boundary";
      snap = cell;
    } else {
      env = new Envelope();
      Crs crs = w.crs();
      layers.scan(
          w.id(),
          layer,
          LayerQuery.ALL,
          r -> {
            if (r.geometryWgs84() instanceof Point pt) {
              XY xy = crs.toXY(new LonLat(pt.getX(), pt.getY()));
              env.expandToInclude(xy.x(), xy.y());
            }
          });
      if (env.isNull()) {
        env.expandToInclude(0, 0);
      }
      extent = "data";
      snap = Math.max(cell, UNBOUNDED_SNAP_METERS);
    }
    double minX = Math.floor(env.getMinX() / snap) * snap;
    double minY = Math.floor(env.getMinY() / snap) * snap;
    double maxX = Math.max(minX + snap, Math.ceil(env.getMaxX() / snap) * snap);
    double maxY = Math.max(minY + snap, Math.ceil(env.getMaxY() / snap) * snap);
    return new Placement(GridSpec.covering(new Bbox(minX, minY, maxX, maxY), cell), extent);
  }

  // ---- products ----

  /** The protected counts a selection shows. */
  public ProtectedCounts counts(ReleaseSelection sel, long version) {
    return release(sel, version).counts(sel.slice(), sel.group());
  }

  /** The release a selection reads. */
  public Release release(ReleaseSelection sel, long version) {
    return release(sel.workspaceId(), version, sel.layer(), sel.period());
  }

  /**
   * The public density: the protected (noisy, unbiased) counts smoothed by the quartic kernel at
   * the public bandwidth on the public cells, events per km², shown only where it reaches what
   * noise alone rarely produces and k events at one spot would ({@link ReleaseThresholds}).
   */
  public DensityMap density(ReleaseSelection sel, long version) {
    return publicDensity(sel, version).map();
  }

  /** The least density the public density shows (events per km²). */
  public double densityThreshold(ReleaseSelection sel, long version) {
    return publicDensity(sel, version).thresholdPerKm2();
  }

  private record PublicDensity(DensityMap map, double thresholdPerKm2) {}

  private PublicDensity publicDensity(ReleaseSelection sel, long version) {
    return cache.get(
        new ProductKey<PublicDensity>(sel, version, "density", 0),
        () -> {
          Release r = release(sel, version);
          ProtectedCounts c = r.counts(sel.slice(), sel.group());
          double h = r.mechanism().bandwidthMeters();
          GridSpec g = c.grid();
          float[] v = smoothed(c, h);
          double tau = ReleaseThresholds.density(r.mechanism().k(), c.tables(), c.epsilon(), g, h);
          int suppressed = 0;
          double shown = 0;
          for (int i = 0; i < v.length; i++) {
            if (v[i] < tau) {
              if (v[i] > 0) {
                suppressed++;
              }
              v[i] = 0;
            }
            shown += v[i] * g.cellAreaM2() / 1e6;
          }
          DensityMap map =
              new DensityMap(
                  r.crs(),
                  new DensityGrid(g, v, Kernel.QUARTIC, h),
                  (int) Math.round(shown),
                  shown,
                  suppressed,
                  Audience.PUBLIC);
          return new PublicDensity(map, tau);
        });
  }

  /** The signed counts smoothed: the density of the positive cells minus that of the negative. */
  private static float[] smoothed(ProtectedCounts c, double h) {
    float[] v = KernelDensity.estimate(c.positivePoints(), c.grid(), Kernel.QUARTIC, h).values();
    PointSet negative = c.negativePoints();
    if (!negative.isEmpty()) {
      float[] n = KernelDensity.estimate(negative, c.grid(), Kernel.QUARTIC, h).values();
      for (int i = 0; i < v.length; i++) {
        v[i] -= n[i];
      }
    }
    return v;
  }

  /**
   * Contours of the public density by mass share (WGS84); a part is kept only when the noisy counts
   * of the cells whose centres it holds reach the sum threshold.
   */
  public List<ContourBand> contours(ReleaseSelection sel, long version, List<Double> massShares) {
    List<Double> shares =
        massShares.isEmpty() ? MassContours.DEFAULT_FRACTIONS : List.copyOf(massShares);
    return cache.get(
        new ProductKey<List<ContourBand>>(sel, version, "contours", shares),
        () -> {
          Release r = release(sel, version);
          ProtectedCounts c = r.counts(sel.slice(), sel.group());
          DensityMap map = density(sel, version);
          List<ContourBand> out = new ArrayList<>();
          if (map.density().max() <= 0) {
            return out;
          }
          for (ContourBand b : MassContours.byMass(map.density(), shares, GF)) {
            Geometry kept = partsReaching(b.area(), c, r.mechanism().k());
            out.add(new ContourBand(b.massFraction(), b.levelPerKm2(), r.crs().toWgs84(kept)));
          }
          return out;
        });
  }

  /**
   * Gi* over hexagons two cells wide from the noisy counts of the cells the public density shows
   * (negative counts as 0); hexagons whose neighbourhood holds fewer than k such events are not
   * shown.
   */
  public GiStarMap giStar(ReleaseSelection sel, long version, double alpha) {
    return cache.get(
        new ProductKey<GiStarMap>(sel, version, "gistar", alpha),
        () -> {
          Release r = release(sel, version);
          PointSet shown = points(sel, version);
          if (shown.isEmpty()) {
            throw new DomainException(
                ErrorKind.UNPROCESSABLE, "release", "the release shows no events to analyse");
          }
          double width = 2 * r.mechanism().cellMeters();
          HexGrid hex = HexGrid.covering(r.grid().extent(), width);
          GiStarResult g = GiStarResult.analyse(shown, hex, HexGrid.autoBand(width));
          List<Integer> visible = new ArrayList<>();
          for (int i = 0; i < g.size(); i++) {
            if (g.neighbourhoodSum(i) >= r.mechanism().k()) {
              visible.add(i);
            }
          }
          return new GiStarMap(r.crs(), g, visible, alpha, Audience.PUBLIC);
        });
  }

  /**
   * The top public patrol sites: circles of {@value #SITE_RADIUS_METERS} m on the public density,
   * each shown as the public cell holding its centre with the noisy events in the circle's cells,
   * when that sum reaches the sum threshold.
   */
  public SitesResult sites(ReleaseSelection sel, long version, int n) {
    return cache.get(
        new ProductKey<SitesResult>(sel, version, "sites", n),
        () -> {
          Release r = release(sel, version);
          ProtectedCounts c = r.counts(sel.slice(), sel.group());
          DensityMap map = density(sel, version);
          if (map.density().max() <= 0) {
            return new SitesResult(r.crs(), List.of(), List.of(), Audience.PUBLIC);
          }
          double radius = Math.max(SITE_RADIUS_METERS, r.mechanism().cellMeters() / 2);
          List<PatrolSite> ranked =
              PatrolSites.rank(map.density(), points(sel, version), radius, n);
          double cell = c.grid().cellSizeMeters();
          List<SitesResult.PublicCell> cells = new ArrayList<>();
          for (PatrolSite s : ranked) {
            ProtectedCounts.AreaSum in = c.within(s.centre(), radius);
            if (in.sum()
                < ReleaseThresholds.sum(r.mechanism().k(), in.cells(), c.tables(), c.epsilon())) {
              continue;
            }
            int i = c.cellAt(s.centre().x(), s.centre().y());
            double x0 = c.grid().minX() + (i % c.grid().nx()) * cell;
            double y0 = c.grid().minY() + (i / c.grid().nx()) * cell;
            cells.add(
                new SitesResult.PublicCell(
                    cells.size() + 1,
                    s.score(),
                    (int) in.sum(),
                    new Bbox(x0, y0, x0 + cell, y0 + cell)));
          }
          return new SitesResult(r.crs(), List.of(), cells, Audience.PUBLIC);
        });
  }

  /**
   * The public's evidence as weighted points: the noisy counts (negative as 0) of the cells the
   * public density shows, at the cells' centres (workspace CRS): what other features (lighting,
   * safe routes, commitments, Gi*) take.
   */
  public PointSet points(ReleaseSelection sel, long version) {
    return cache.get(
        new ProductKey<PointSet>(sel, version, "points", 0),
        () -> {
          ProtectedCounts c = counts(sel, version);
          float[] shown = density(sel, version).density().values();
          GridSpec g = c.grid();
          List<double[]> rows = new ArrayList<>();
          for (int i = 0; i < g.cellCount(); i++) {
            if (shown[i] > 0 && c.count(i) > 0) {
              rows.add(new double[] {g.centreX(i % g.nx()), g.centreY(i / g.nx()), c.count(i)});
            }
          }
          double[] x = new double[rows.size()];
          double[] y = new double[rows.size()];
          double[] w = new double[rows.size()];
          for (int i = 0; i < rows.size(); i++) {
            x[i] = rows.get(i)[0];
            y[i] = rows.get(i)[1];
            w[i] = rows.get(i)[2];
          }
          return PointSet.of(x, y, w);
        });
  }

  /**
   * Protected events of a layer and group in an area, month by month: for commitments' before and
   * after figures. Each month's count is the sum of the month's noisy counts (not suppressed, so
   * unbiased) over the cells whose centres lie in the area; the caller suppresses the sums it
   * shows, knowing their noise's variance. Months not released (outside the catalogue, or withheld)
   * are absent.
   *
   * @param areaXY the area in the workspace's CRS
   */
  public AreaCounts monthlyCountsIn(
      String workspaceId,
      long version,
      Layer layer,
      String group,
      Geometry areaXY,
      YearMonth from,
      YearMonth to) {
    Catalog c = catalog(workspaceId);
    Map<YearMonth, Integer> out = new LinkedHashMap<>();
    double variance = 0;
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      ReleasePeriod p = ReleasePeriod.month(m);
      if (c.find(p.id()).isEmpty() || !c.settings().layers().contains(layer)) {
        continue;
      }
      Release r = release(workspaceId, version, layer, p);
      if (!r.withheldMonths().isEmpty()) {
        continue;
      }
      MonthlyTables.NoisySums.AreaSum sum = r.sums().sumIn(Slice.ALL, group, areaXY);
      out.put(m, sum.sum());
      variance = sum.tables() * CellNoise.variance(r.mechanism().epsilonPerMonth());
    }
    return new AreaCounts(out, variance);
  }

  /**
   * Protected monthly counts in an area.
   *
   * @param noiseVariancePerMonth the variance of one month's sum's noise: cells in the area ×
   *     tables summed × Var Z
   */
  public record AreaCounts(Map<YearMonth, Integer> counts, double noiseVariancePerMonth) {
    public AreaCounts {
      counts = Map.copyOf(counts);
    }
  }

  /** The parts of an area whose cells' noisy counts reach the sum threshold. */
  private static Geometry partsReaching(Geometry area, ProtectedCounts c, int k) {
    List<Polygon> kept = new ArrayList<>();
    GridSpec g = c.grid();
    for (int p = 0; p < area.getNumGeometries(); p++) {
      if (!(area.getGeometryN(p) instanceof Polygon poly)) {
        continue;
      }
      IndexedPointInAreaLocator loc = new IndexedPointInAreaLocator(poly);
      Envelope env = poly.getEnvelopeInternal();
      long sum = 0;
      int cells = 0;
      for (int i = 0; i < g.cellCount(); i++) {
        Coordinate centre = new Coordinate(g.centreX(i % g.nx()), g.centreY(i / g.nx()));
        if (env.contains(centre) && loc.locate(centre) != Location.EXTERIOR) {
          sum += c.count(i);
          cells++;
        }
      }
      if (sum >= ReleaseThresholds.sum(k, cells, c.tables(), c.epsilon())) {
        kept.add(poly);
      }
    }
    kept.sort(Comparator.comparingDouble(Polygon::getArea).reversed());
    return GF.createMultiPolygon(kept.toArray(new Polygon[0]));
  }

  /** A product of one selection: kind and its option's hash, cached by data version. */
  private record ProductKey<T>(
      String workspaceId,
      long dataVersion,
      Layer layer,
      String period,
      String group,
      Slice slice,
      String kind,
      Object option)
      implements AnalysisKey<T> {
    ProductKey(ReleaseSelection sel, long version, String kind, Object option) {
      this(
          sel.workspaceId(),
          version,
          sel.layer(),
          sel.period().id(),
          sel.group(),
          sel.slice(),
          kind,
          option);
    }

    @Override
    public int weightBytes(T result) {
      if (result instanceof PublicDensity d) {
        return 256 + d.map().density().grid().cellCount() * 4;
      }
      return result instanceof PointSet p ? 64 + p.size() * 24 : 64 << 10;
    }
  }
}
