package se.tryggkarta.cli;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.locationtech.jts.geom.Envelope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.tryggkarta.Wiring;
import se.tryggkarta.access.Role;
import se.tryggkarta.analysis.AnalysisPool;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.demo.ExempelbyGenerator;
import se.tryggkarta.http.HttpApp;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.tiles.DensityTiles;
import se.tryggkarta.workspace.Workspace;

/** {@code tryggkarta bench load}: a planner session replayed against the running service. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks of the running service.",
    subcommands = {BenchCommand.Load.class})
public final class BenchCommand {

  /**
   * Starts {@code --instances} service instances in this JVM on the given store (one GeoPackage
   * directory, or one PostGIS database for several), creates the demo workspace if absent, and
   * replays a seeded planner session on it at a fixed (open-loop) rate: pan and zoom over 3 × 3
   * tile views at zooms 12–17, a new period or category set now and then, and a density PNG and a
   * patrol-site request every twentieth view, spread round-robin over the instances. The session
   * runs twice: cold (fresh caches) and warm (the same requests again). Latency counts from each
   * request's scheduled time, so a stall cannot hide queued requests (no coordinated omission).
   * Peak heap is the JVM's used heap sampled every 50 ms (service and load generator together).
   */
  @Command(
      name = "load",
      mixinStandardHelpOptions = true,
      description = "Replay a planner session on the demo town at a fixed rate; cold and warm.")
  static final class Load implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Option(names = "--rate", defaultValue = "100", description = "Requests per second.")
    int rate;

    @Option(names = "--seconds", defaultValue = "60", description = "Length of each phase.")
    int seconds;

    @Option(names = "--instances", defaultValue = "1", description = "Service instances (1..4).")
    int instances;

    @Option(
        names = "--workspace",
        defaultValue = ExempelbyGenerator.WORKSPACE_ID,
        description =
            "Workspace to replay the session on, around its boundary's centre (default: the demo"
                + " town, created when absent).")
    String workspace;

    @Override
    public Integer call() throws Exception {
      if (rate < 1 || seconds < 1 || instances < 1 || instances > 4) {
        throw se.tryggkarta.common.DomainException.invalid(
            "rate", "rate and seconds must be ≥ 1 and instances 1..4");
      }
      List<Wiring> wirings = new ArrayList<>();
      List<HttpApp> apps = new ArrayList<>();
      List<String> bases = new ArrayList<>();
      for (int i = 0; i < instances; i++) {
        Wiring w = Wiring.open(store.config());
        if (i == 0 && workspace.equals(ExempelbyGenerator.WORKSPACE_ID)) {
          ExempelbyGenerator.populateIfAbsent(w.store());
        }
        HttpApp app = w.http();
        bases.add("http://127.0.0.1:" + app.start(0));
        wirings.add(w);
        apps.add(app);
      }
      String key =
          wirings.get(0).keys().create(Role.ANALYST, Set.of(workspace), "bench load").token();
      List<String> session =
          session(rate * seconds, new Random(12), Area.of(wirings.get(0), workspace));
      try {
        System.out.printf(
            Locale.ROOT,
            "instances=%d rate=%d/s seconds=%d requests=%d store=%s%n",
            instances,
            rate,
            seconds,
            session.size(),
            wirings.get(0).store().describe());
        System.out.println(
            "phase  p50_ms  p95_ms  p99_ms  max_ms  errors  503s  tile_hit%  analysis_hit%  peak_heap_MB");
        for (String phase : List.of("cold", "warm")) {
          run(phase, session, bases, key, wirings);
        }
      } finally {
        for (int i = 0; i < apps.size(); i++) {
          apps.get(i).stop();
          wirings.get(i).close();
        }
      }
      return 0;
    }

    private void run(
        String phase, List<String> session, List<String> bases, String key, List<Wiring> wirings)
        throws Exception {
      long[] tileBefore = tileCounts(wirings);
      long[] poolBefore = poolCounts(wirings);
      AtomicLong peakHeap = new AtomicLong();
      java.util.concurrent.ScheduledExecutorService sampler =
          Executors.newSingleThreadScheduledExecutor();
      sampler.scheduleAtFixedRate(
          () ->
              peakHeap.accumulateAndGet(
                  ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max),
          0,
          50,
          java.util.concurrent.TimeUnit.MILLISECONDS);
      ExecutorService io = Executors.newFixedThreadPool(16);
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .executor(io)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      int n = session.size();
      long[] latencyNanos = new long[n];
      AtomicInteger errors = new AtomicInteger();
      AtomicInteger unavailable = new AtomicInteger();
      List<CompletableFuture<?>> pending = new ArrayList<>(n);
      long start = System.nanoTime();
      long periodNanos = 1_000_000_000L / rate;
      for (int i = 0; i < n; i++) {
        long due = start + i * periodNanos;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        int idx = i;
        HttpRequest req =
            HttpRequest.newBuilder(URI.create(bases.get(i % bases.size()) + session.get(i)))
                .header("Authorization", "Bearer " + key)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        pending.add(
            client
                .sendAsync(req, HttpResponse.BodyHandlers.discarding())
                .handle(
                    (r, e) -> {
                      latencyNanos[idx] = System.nanoTime() - due;
                      if (e != null || r.statusCode() >= 400) {
                        errors.incrementAndGet();
                        if (r != null && r.statusCode() == 503) {
                          unavailable.incrementAndGet();
                        }
                      }
                      return null;
                    }));
      }
      CompletableFuture.allOf(pending.toArray(new CompletableFuture<?>[0])).join();
      io.shutdown();
      sampler.shutdownNow();
      long[] tileAfter = tileCounts(wirings);
      long[] poolAfter = poolCounts(wirings);
      long[] sorted = latencyNanos.clone();
      Arrays.sort(sorted);
      System.out.printf(
          Locale.ROOT,
          "%-5s  %6.1f  %6.1f  %6.1f  %6.0f  %6d  %4d  %9.1f  %13.1f  %12d%n",
          phase,
          ms(percentile(sorted, 0.50)),
          ms(percentile(sorted, 0.95)),
          ms(percentile(sorted, 0.99)),
          ms(sorted[n - 1]),
          errors.get(),
          unavailable.get(),
          rate(tileAfter[0] - tileBefore[0], tileAfter[1] - tileBefore[1]),
          rate(poolAfter[0] - poolBefore[0], poolAfter[1] - poolBefore[1]),
          peakHeap.get() >> 20);
    }

    private static long[] tileCounts(List<Wiring> wirings) {
      long h = 0;
      long m = 0;
      for (Wiring w : wirings) {
        DensityTiles.CacheCounts c = w.tiles().tileCacheCounts();
        h += c.hits();
        m += c.misses();
      }
      return new long[] {h, m};
    }

    private static long[] poolCounts(List<Wiring> wirings) {
      long h = 0;
      long m = 0;
      for (Wiring w : wirings) {
        for (AnalysisPool.Stats s :
            List.of(w.analyses().cache().pool().stats(), w.releases().cache().pool().stats())) {
          h += s.hits();
          m += s.misses();
        }
      }
      return new long[] {h, m};
    }

    private static double rate(long hits, long misses) {
      return hits + misses == 0 ? 0 : 100.0 * hits / (hits + misses);
    }

    private static long percentile(long[] sorted, double q) {
      return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
      return nanos / 1e6;
    }
  }

  /**
   * Where a session pans, and the category sets it switches between: around the demo town's centre
   * with its categories, or around another workspace's boundary centre with its two most frequent
   * categories and its most frequent one.
   */
  record Area(String workspace, double lon, double lat, List<String> categorySets) {
    static final Area DEMO =
        new Area(ExempelbyGenerator.WORKSPACE_ID, 12.30, 58.00, List.of("violence,drugs", "theft"));

    static Area of(Wiring wiring, String workspaceId) {
      if (workspaceId.equals(DEMO.workspace())) {
        return DEMO;
      }
      Workspace w = wiring.workspaces().getWorkspace(workspaceId);
      Envelope e =
          w.boundaryWgs84()
              .orElseThrow(
                  () ->
                      DomainException.invalid(
                          "workspace", "the session needs a workspace with a boundary"))
              .getEnvelopeInternal();
      Map<String, Integer> counts = new HashMap<>();
      wiring
          .store()
          .scanPoints(
              workspaceId,
              Layer.INCIDENTS,
              (lon, lat, t, category, weight) -> counts.merge(category, 1, Integer::sum));
      List<String> top =
          counts.entrySet().stream()
              .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
              .map(Map.Entry::getKey)
              .limit(2)
              .toList();
      List<String> sets = top.size() < 2 ? top : List.of(top.get(0) + "," + top.get(1), top.get(0));
      return new Area(workspaceId, e.centre().x, e.centre().y, sets);
    }
  }

  /**
   * A seeded planner session of {@code count} request paths in an area: 3 × 3 tile views that pan
   * (45 %) within ±0.03° of its centre, zoom in or out within 12–17 (30 %), change the period (10
   * %) or the categories (10 %), and every twentieth view a density PNG and a patrol-site list.
   */
  static List<String> session(int count, Random rnd, Area area) {
    String ws = "/api/workspaces/" + area.workspace();
    List<String> periods =
        List.of("", "&from=2025-01-01&to=2026-01-01", "&from=2025-06-01&to=2025-09-01");
    List<String> categories = new ArrayList<>(List.of(""));
    for (String set : area.categorySets()) {
      categories.add("&categories=" + URLEncoder.encode(set, StandardCharsets.UTF_8));
    }
    double lon = area.lon();
    double lat = area.lat();
    int z = 14;
    int period = 0;
    int cats = 0;
    List<String> out = new ArrayList<>(count);
    for (int view = 0; out.size() < count; view++) {
      String opts = "?bandwidth=150&cell=25" + periods.get(period) + categories.get(cats);
      double n = Math.pow(2, z);
      int cx = (int) ((lon + 180) / 360 * n);
      double r = Math.toRadians(lat);
      int cy = (int) ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n);
      for (int dy = -1; dy <= 1; dy++) {
        for (int dx = -1; dx <= 1; dx++) {
          out.add(ws + "/tiles/density/" + z + "/" + (cx + dx) + "/" + (cy + dy) + ".png" + opts);
        }
      }
      if (view % 20 == 19) {
        out.add(ws + "/hotspots/density" + opts + "&format=png");
        out.add(ws + "/hotspots/sites" + opts + "&n=5");
      }
      double step = 360 / n;
      double u = rnd.nextDouble();
      if (u < 0.45) {
        lon = clamp(lon + (rnd.nextInt(3) - 1) * step, area.lon() - 0.03, area.lon() + 0.03);
        lat = clamp(lat + (rnd.nextInt(3) - 1) * step / 2, area.lat() - 0.015, area.lat() + 0.015);
      } else if (u < 0.75) {
        z = Math.max(12, Math.min(17, z + (rnd.nextBoolean() ? 1 : -1)));
      } else if (u < 0.85) {
        period = rnd.nextInt(periods.size());
      } else if (u < 0.95) {
        cats = rnd.nextInt(categories.size());
      }
    }
    return out.subList(0, count);
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
