package se.tryggkarta;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import se.tryggkarta.access.ApiKeyService;
import se.tryggkarta.analysis.AnalysisCache;
import se.tryggkarta.analysis.AnalysisPool;
import se.tryggkarta.commitment.CommitmentService;
import se.tryggkarta.commitment.link.ChangeCounter;
import se.tryggkarta.commitment.report.FollowUp;
import se.tryggkarta.demo.DemoCommitments;
import se.tryggkarta.demo.DemoWalk;
import se.tryggkarta.demo.ExempelbyGenerator;
import se.tryggkarta.demo.ExempelbyReleases;
import se.tryggkarta.finding.FindingExport;
import se.tryggkarta.finding.FindingService;
import se.tryggkarta.finding.action.ActionService;
import se.tryggkarta.finding.report.WalkFollowUp;
import se.tryggkarta.finding.tip.TipService;
import se.tryggkarta.hotspot.HotStreets;
import se.tryggkarta.hotspot.HotspotAnalyses;
import se.tryggkarta.hotspot.HotspotService;
import se.tryggkarta.hotspot.index.EventIndex;
import se.tryggkarta.http.HttpApp;
import se.tryggkarta.http.HttpSettings;
import se.tryggkarta.http.RouteGroup;
import se.tryggkarta.http.api.ActionRoutes;
import se.tryggkarta.http.api.CommitmentRoutes;
import se.tryggkarta.http.api.ContextRoutes;
import se.tryggkarta.http.api.FindingRoutes;
import se.tryggkarta.http.api.HealthRoutes;
import se.tryggkarta.http.api.HotspotRoutes;
import se.tryggkarta.http.api.IngestRoutes;
import se.tryggkarta.http.api.KeyRoutes;
import se.tryggkarta.http.api.LayerRoutes;
import se.tryggkarta.http.api.LightingRoutes;
import se.tryggkarta.http.api.MapSettings;
import se.tryggkarta.http.api.ReleaseRoutes;
import se.tryggkarta.http.api.RouteRoutes;
import se.tryggkarta.http.api.StreetRoutes;
import se.tryggkarta.http.api.TileRoutes;
import se.tryggkarta.http.api.TipRoutes;
import se.tryggkarta.http.api.WebMapRoutes;
import se.tryggkarta.http.api.WorkspaceRoutes;
import se.tryggkarta.http.auth.AccessPolicy;
import se.tryggkarta.http.auth.ApiKeyPolicy;
import se.tryggkarta.http.auth.TrustedProxies;
import se.tryggkarta.http.ogc.OgcItems;
import se.tryggkarta.http.ogc.OgcRoutes;
import se.tryggkarta.ingest.ExportService;
import se.tryggkarta.ingest.ImportService;
import se.tryggkarta.layer.context.MapContext;
import se.tryggkarta.lighting.LightingService;
import se.tryggkarta.place.PlaceService;
import se.tryggkarta.release.ReleaseService;
import se.tryggkarta.release.ReleaseSettings;
import se.tryggkarta.route.NetworkService;
import se.tryggkarta.route.SafeRouter;
import se.tryggkarta.route.StoredLayerPriorities;
import se.tryggkarta.route.WalkPlanner;
import se.tryggkarta.store.Store;
import se.tryggkarta.store.geopackage.GeoPackageStore;
import se.tryggkarta.store.geopackage.SqliteGeoPackageFiles;
import se.tryggkarta.store.postgis.PostgisStore;
import se.tryggkarta.tiles.DensityTiles;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * The hand-written composition root: configuration → store → services → HTTP. Every dependency is
 * built here once and handed down; nothing else news up a service or looks one up.
 */
public final class Wiring implements AutoCloseable {
  private final AppConfig config;
  private final Store store;
  private final WorkspaceService workspaces;
  private final ApiKeyService keys;
  private final HotspotService hotspots;
  private final HotspotAnalyses analyses;
  private final ReleaseService releases;
  private final DensityTiles tiles;
  private final LightingService lighting;
  private final NetworkService networks;
  private final HotStreets hotStreets;
  private final WalkPlanner walkPlanner;
  private final SafeRouter safeRouter;
  private final ImportService imports;
  private final ExportService exports;
  private final CommitmentService commitments;
  private final FollowUp followUp;
  private final PlaceService places;
  private final ActionService actions;
  private final FindingService findings;
  private final TipService tips;

  /**
   * The event index holds a quarter of the heap (at least 64 MiB): a million events take about 30
   * MB of columns, so a national workspace and a few municipal ones stay warm side by side.
   */
  static long eventIndexBytes() {
    return Math.max(HotspotService.DEFAULT_INDEX_BYTES, Runtime.getRuntime().maxMemory() / 4);
  }

  private Wiring(AppConfig config, Store store) {
    this.config = config;
    this.store = store;
    this.workspaces = new WorkspaceService(store);
    this.keys = new ApiKeyService(store, store, Clock.systemUTC());
    this.hotspots = new HotspotService(workspaces, new EventIndex(store, eventIndexBytes()));
    this.analyses =
        new HotspotAnalyses(hotspots, store, new AnalysisCache(AnalysisPool.defaults()));
    this.releases =
        new ReleaseService(
            workspaces,
            store,
            store,
            new AnalysisCache(AnalysisPool.forReleases()),
            Clock.systemUTC());
    this.tiles = new DensityTiles(workspaces, analyses, releases, 64L << 20);
    this.places = new PlaceService(store);
    this.imports = new ImportService(store, store, new SqliteGeoPackageFiles());
    this.exports = new ExportService(store, store, new SqliteGeoPackageFiles());
    this.commitments =
        new CommitmentService(
            workspaces,
            store,
            store,
            HotspotPorts.commitmentSites(analyses, store),
            ReleasePorts.commitments(releases, store),
            Clock.systemUTC());
    this.actions = new ActionService(workspaces, store, commitments, Clock.systemUTC());
    this.lighting = new LightingService(workspaces, store, actions::openLightingActions, places);
    this.networks =
        new NetworkService(
            store,
            workspaces,
            new SqliteGeoPackageFiles(),
            LightingPorts.network(lighting),
            config.maxInflatedBytes());
    this.walkPlanner =
        new WalkPlanner(
            networks,
            workspaces,
            List.of(
                new StoredLayerPriorities(store, networks),
                HotspotPorts.walkStops(analyses, store)),
            places);
    this.safeRouter = new SafeRouter(networks);
    this.hotStreets =
        new HotStreets(workspaces, hotspots, HotspotPorts.streetLines(networks), analyses);
    this.findings =
        new FindingService(
            workspaces, store, store, store, walkPlanner, commitments, actions, Clock.systemUTC());
    this.tips = new TipService(workspaces, store, store, Clock.systemUTC());
    this.followUp =
        new FollowUp(
            commitments,
            workspaces,
            Clock.systemUTC(),
            List.of(new WalkFollowUp(workspaces, findings, actions, new ChangeCounter(store))));
  }

  /** Opens the configured store and builds the services on it. */
  public static Wiring open(AppConfig config) {
    return new Wiring(config, openStore(config));
  }

  /** Builds the services on an already open store (tests). The store is closed with this. */
  public static Wiring on(AppConfig config, Store store) {
    return new Wiring(config, store);
  }

  static Store openStore(AppConfig config) {
    if (config.dbUrl().isPresent()) {
      return PostgisStore.open(config.dbUrl().get(), config.dbReadUrls());
    }
    return GeoPackageStore.open(config.geoPackageFile());
  }

  public AppConfig config() {
    return config;
  }

  public Store store() {
    return store;
  }

  public WorkspaceService workspaces() {
    return workspaces;
  }

  public ApiKeyService keys() {
    return keys;
  }

  public DensityTiles tiles() {
    return tiles;
  }

  /** Members' hotspot analyses through their cache and pool. */
  public HotspotAnalyses analyses() {
    return analyses;
  }

  /** Public releases, on their own cache and pool. */
  public ReleaseService releases() {
    return releases;
  }

  public HotspotService hotspots() {
    return hotspots;
  }

  public LightingService lighting() {
    return lighting;
  }

  /** Hot streets: the network kernel density of events along the workspace's streets. */
  public HotStreets hotStreets() {
    return hotStreets;
  }

  public NetworkService networks() {
    return networks;
  }

  public PlaceService places() {
    return places;
  }

  public WalkPlanner walkPlanner() {
    return walkPlanner;
  }

  public SafeRouter safeRouter() {
    return safeRouter;
  }

  public ImportService imports() {
    return imports;
  }

  public ExportService exports() {
    return exports;
  }

  public CommitmentService commitments() {
    return commitments;
  }

  public FollowUp followUp() {
    return followUp;
  }

  public FindingService findings() {
    return findings;
  }

  public ActionService actions() {
    return actions;
  }

  public TipService tips() {
    return tips;
  }

  /**
   * Prepares the demo as {@code serve --demo} runs it: creates the synthetic public workspace
   * {@code exempelby} if absent, and installs the demo commitments (activities up to today, UTC
   * clock) if it has none. Idempotent; the browser tests start the app the same way.
   *
   * @return whether this call created the demo workspace
   */
  public boolean installDemo() {
    boolean created = ExempelbyGenerator.populateIfAbsent(store);
    if (created
        || releases.settings(ExempelbyGenerator.WORKSPACE_ID).equals(ReleaseSettings.DEFAULT)) {
      releases.putSettings(ExempelbyGenerator.WORKSPACE_ID, ExempelbyReleases.SETTINGS);
    }
    if (commitments.listCommitments(DemoCommitments.WORKSPACE).isEmpty()) {
      new DemoCommitments(commitments, workspaces, Clock.systemUTC()).install();
    }
    if (findings.listWalks(DemoWalk.WORKSPACE).isEmpty()) {
      new DemoWalk(findings, actions, commitments, workspaces, lighting, Clock.systemUTC())
          .install();
    }
    return created;
  }

  /** The policy the service runs with: API keys, and anonymous access to public aggregates. */
  public AccessPolicy accessPolicy() {
    return new ApiKeyPolicy(
        keys, store, Clock.systemUTC(), TrustedProxies.parse(config.trustedProxies()));
  }

  /** The HTTP app as the service runs it. */
  public HttpApp http() {
    return http(accessPolicy());
  }

  /** The HTTP app with every feature's routes, guarded by the given policy. */
  public HttpApp http(AccessPolicy policy) {
    List<RouteGroup> groups = new ArrayList<>();
    groups.add(new HealthRoutes(store));
    groups.add(new WorkspaceRoutes(workspaces, policy));
    groups.add(new IngestRoutes(workspaces, imports, exports, policy, config.maxUploadBytes()));
    groups.add(new LayerRoutes(workspaces, store, policy));
    groups.add(new KeyRoutes(keys));
    groups.add(new HotspotRoutes(workspaces, hotspots, analyses, releases, policy, places));
    groups.add(new StreetRoutes(workspaces, hotStreets));
    groups.add(new TileRoutes(workspaces, tiles, analyses, releases, policy));
    groups.add(new ReleaseRoutes(workspaces, releases));
    groups.add(
        new LightingRoutes(
            workspaces, lighting, releases, ReleasePorts.lighting(releases), policy));
    groups.add(new WebMapRoutes(MapSettings.fromEnvironment()));
    groups.add(new ContextRoutes(workspaces, new MapContext(store), policy));
    groups.add(new CommitmentRoutes(commitments, followUp, workspaces, policy, places));
    groups.add(
        new FindingRoutes(
            findings, new FindingExport(new SqliteGeoPackageFiles()), workspaces, policy));
    groups.add(new ActionRoutes(actions));
    groups.add(new TipRoutes(tips));
    groups.add(
        new OgcRoutes(
            workspaces,
            releases,
            new OgcItems(
                store,
                analyses,
                releases,
                lighting,
                ReleasePorts.lighting(releases),
                commitments,
                places),
            policy));
    HttpSettings settings =
        new HttpSettings(
            HttpSettings.DEFAULT.maxJsonBodyBytes(), config.maxUploadBytes(), config.corsOrigins());
    groups.add(
        new RouteRoutes(
            networks,
            walkPlanner,
            safeRouter,
            workspaces,
            places,
            policy,
            ReleasePorts.risk(releases, store),
            settings.maxUploadBytes()));
    return HttpApp.create(settings, policy, groups);
  }

  @Override
  public void close() {
    analyses.cache().pool().close();
    releases.cache().pool().close();
    store.close();
  }
}
