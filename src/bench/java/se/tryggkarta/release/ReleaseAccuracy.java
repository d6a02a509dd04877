package se.tryggkarta.release;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.HourWindow;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.XY;
import se.tryggkarta.demo.ExempelbyGenerator;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.grid.PointSet;
import se.tryggkarta.hotspot.kde.DensityGrid;
import se.tryggkarta.hotspot.kde.Kernel;
import se.tryggkarta.hotspot.kde.KernelDensity;
import se.tryggkarta.hotspot.sites.PatrolSite;
import se.tryggkarta.hotspot.sites.PatrolSites;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.store.geopackage.GeoPackageStore;

/**
 * What a planner loses to the public releases' protection, measured (not a timing benchmark): for
 * each dataset and period, the release's protected counts against the exact counts in the same
 * cells, over several secrets.
 *
 * <ul>
 *   <li><b>kept</b>: the public density's mass ÷ events (what is shown of the events);
 *   <li><b>in suppressed cells</b>: the share of events whose cell the public density leaves blank;
 *   <li><b>density error</b>: Σ |public density − exact density| ÷ Σ exact density, both smoothed
 *       from cell counts at the public bandwidth on the public cells (so only noise and suppression
 *       differ);
 *   <li><b>captured by the top-10 sites</b>: the events inside the public top 10 patrol sites
 *       (100 m circles on the public density) as a share of the events inside the exact top 10
 *       (the same on the exact density): how much of what a patrol plan would cover survives.
 * </ul>
 *
 * Run: {@code scripts/bench release-accuracy} (datasets: the demo town, and the NYC and Memphis
 * fixtures when present).
 */
public final class ReleaseAccuracy {
  static double cell = 100;
  static final double BANDWIDTH = 300;
  static final double EPSILON = 2;
  static final int K = 5;
  static final int SECRETS = 5;

  record Event(String id, XY xy, Instant t, String category) {}

  public static void main(String[] args) throws Exception {
    System.out.println(
        "| data | period | events | kept | in suppressed cells | density error | captured by the top-10 sites |");
    System.out.println("|---|---|---|---|---|---|---|");
    demo();
    Path nyc = Path.of("src/test/resources/fixtures/crime-nyc-vehicle-thefts/nyc_vehicle_thefts_2014_2017.csv.gz");
    if (Files.exists(nyc)) {
      List<Event> e = csv(nyc, 2, 3, 1, "yyyy-MM-dd HH:mm", ZoneId.of("America/New_York"), Crs.of(32618));
      for (double c : new double[] {100, 250, 500}) {
        cell = c;
        measure(
            "NYC vehicle thefts, " + (int) c + " m",
            e,
            ZoneId.of("America/New_York"),
            List.of(),
            List.of(year(2017), month(2017, 6)));
      }
      cell = 100;
    }
    Path memphis = Path.of("src/test/resources/fixtures/crime-memphis-robberies/memphis_robberies.csv");
    if (Files.exists(memphis)) {
      List<Event> e = csv(memphis, 3, 4, 2, "yyyy-MM-dd'T'HH:mm:ss", ZoneId.of("America/Chicago"), Crs.of(32616));
      for (double c : new double[] {100, 250, 500}) {
        cell = c;
        measure(
            "Memphis robberies, " + (int) c + " m",
            e,
            ZoneId.of("America/Chicago"),
            List.of(),
            List.of(year(2019), month(2019, 6)));
      }
      cell = 100;
    }
  }

  static ReleasePeriod year(int y) {
    return ReleasePeriod.year(y);
  }

  static ReleasePeriod month(int y, int m) {
    return ReleasePeriod.month(YearMonth.of(y, m));
  }

  static void demo() throws IOException {
    List<Event> events = demoEvents();
    List<CategoryGroup> groups = se.tryggkarta.demo.ExempelbyReleases.SETTINGS.groupsOf(Layer.INCIDENTS);
    List<ReleasePeriod> periods = List.of(year(2025), ReleasePeriod.quarter(2025, 2), month(2025, 6));
    ZoneId zone = ZoneId.of("Europe/Stockholm");
    measure("demo town (synthetic), as published: 2 groups, 100 m", events, zone, groups, periods);
    measure("demo town, no groups, 100 m", events, zone, List.of(), periods);
    cell = 200;
    measure("demo town, no groups, 200 m", events, zone, List.of(), periods);
    cell = 100;
  }

  static List<Event> demoEvents() throws IOException {
    Path dir = Files.createTempDirectory("release-accuracy");
    List<Event> events = new ArrayList<>();
    try (GeoPackageStore store = GeoPackageStore.open(dir.resolve("demo.gpkg"))) {
      ExempelbyGenerator.populate(store);
      Crs crs = Crs.sweref99tm();
      store.scan(
          ExempelbyGenerator.WORKSPACE_ID,
          Layer.INCIDENTS,
          LayerQuery.ALL,
          r -> {
            Incident i = (Incident) r;
            events.add(new Event(i.externalId(), crs.toXY(i.location()), i.occurredAt(), i.category()));
          });
    }
    return events;
  }

  static List<Event> csv(
      Path file, int lonCol, int latCol, int timeCol, String pattern, ZoneId zone, Crs crs)
      throws IOException {
    DateTimeFormatter f = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
    List<Event> out = new ArrayList<>();
    var in =
        file.toString().endsWith(".gz")
            ? new GZIPInputStream(Files.newInputStream(file))
            : Files.newInputStream(file);
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      r.readLine();
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        String[] p = line.replace("\"", "").split(",");
        try {
          LonLat ll = new LonLat(Double.parseDouble(p[lonCol]), Double.parseDouble(p[latCol]));
          Instant t = LocalDateTime.parse(p[timeCol], f).atZone(zone).toInstant();
          out.add(new Event("e" + n++, crs.toXY(ll), t, "all"));
        } catch (RuntimeException e) {
          // rows without coordinates or time are not released
        }
      }
    }
    return out;
  }

  static void measure(
      String name,
      List<Event> events,
      ZoneId zone,
      List<CategoryGroup> groups,
      List<ReleasePeriod> periods) {
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (Event e : events) {
      minX = Math.min(minX, e.xy().x());
      minY = Math.min(minY, e.xy().y());
      maxX = Math.max(maxX, e.xy().x());
      maxY = Math.max(maxY, e.xy().y());
    }
    double x0 = Math.floor(minX / cell) * cell;
    double y0 = Math.floor(minY / cell) * cell;
    GridSpec grid =
        new GridSpec(
            x0, y0, cell, (int) Math.ceil((maxX - x0) / cell) + 1, (int) Math.ceil((maxY - y0) / cell) + 1);
    for (ReleasePeriod p : periods) {
      double kept = 0;
      double suppressedShare = 0;
      double densityError = 0;
      double sitesFound = 0;
      int total = 0;
      Random seeds = new Random(2026);
      for (int s = 0; s < SECRETS; s++) {
        byte[] key = new byte[32];
        seeds.nextBytes(key);
        MonthlyTables t =
            new MonthlyTables(
                Layer.INCIDENTS,
                grid,
                p.months(),
                groups,
                new HourWindow(18, 6),
                zone,
                new CellNoise(key, EPSILON));
        int[] exact = new int[grid.cellCount()];
        total = 0;
        var range = p.timeRange(zone);
        for (Event e : events) {
          if (!range.contains(e.t())) {
            continue;
          }
          t.add(e.xy().x(), e.xy().y(), e.t(), Optional.of(e.category()));
          int ix = (int) Math.floor((e.xy().x() - grid.minX()) / cell);
          int iy = (int) Math.floor((e.xy().y() - grid.minY()) / cell);
          exact[iy * grid.nx() + ix]++;
          total++;
        }
        List<Integer> all = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        for (int m = 0; m < p.months().size(); m++) {
          all.add(m);
          digests.add(t.digest(m, "accuracy"));
        }
        ProtectedCounts c = t.sums(all, digests).counts(Slice.ALL, CategoryGroup.ALL);
        double h = Math.max(BANDWIDTH, cell);
        PointSet exactPoints = points(grid, exact);
        DensityGrid de = KernelDensity.estimate(exactPoints, grid, Kernel.QUARTIC, h);
        float[] pub = KernelDensity.estimate(c.positivePoints(), grid, Kernel.QUARTIC, h).values();
        if (!c.negativePoints().isEmpty()) {
          float[] neg = KernelDensity.estimate(c.negativePoints(), grid, Kernel.QUARTIC, h).values();
          for (int i = 0; i < pub.length; i++) {
            pub[i] -= neg[i];
          }
        }
        double tau = ReleaseThresholds.density(K, c.tables(), c.epsilon(), grid, h);
        double shownMass = 0;
        double inSuppressed = 0;
        for (int i = 0; i < pub.length; i++) {
          if (pub[i] < tau) {
            pub[i] = 0;
            inSuppressed += exact[i];
          }
          shownMass += pub[i] * grid.cellAreaM2() / 1e6;
        }
        kept += shownMass / total;
        suppressedShare += inSuppressed / total;
        DensityGrid dp = new DensityGrid(grid, pub, Kernel.QUARTIC, h);
        double diff = 0;
        double sum = 0;
        for (int i = 0; i < grid.cellCount(); i++) {
          diff += Math.abs(dp.value(i) - de.value(i));
          sum += de.value(i);
        }
        densityError += diff / sum;
        List<PatrolSite> es = PatrolSites.rank(de, exactPoints, Math.max(100, cell / 2), 10);
        List<PatrolSite> ps =
            dp.max() > 0
                ? PatrolSites.rank(dp, c.positivePoints(), Math.max(100, cell / 2), 10)
                : List.of();
        sitesFound += covered(grid, exact, ps) / Math.max(1, covered(grid, exact, es));
      }
      System.out.printf(
          Locale.ROOT,
          "| %s | %s | %d | %.1f %% | %.1f %% | %.1f %% | %.0f %% |%n",
          name,
          p.id(),
          total,
          100 * kept / SECRETS,
          100 * suppressedShare / SECRETS,
          100 * densityError / SECRETS,
          100 * sitesFound / SECRETS);
    }
  }

  /** Exact events in the cells whose centres lie inside any of the sites' circles. */
  static double covered(GridSpec grid, int[] exact, List<PatrolSite> sites) {
    double n = 0;
    for (int i = 0; i < exact.length; i++) {
      double x = grid.centreX(i % grid.nx());
      double y = grid.centreY(i / grid.nx());
      for (PatrolSite s : sites) {
        if (Math.hypot(x - s.centre().x(), y - s.centre().y()) <= s.radiusMeters()) {
          n += exact[i];
          break;
        }
      }
    }
    return n;
  }

  static PointSet points(GridSpec grid, int[] counts) {
    List<double[]> rows = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        rows.add(new double[] {grid.centreX(i % grid.nx()), grid.centreY(i / grid.nx()), counts[i]});
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
  }
}
