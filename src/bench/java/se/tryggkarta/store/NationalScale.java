package se.tryggkarta.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.PrecisionModel;
import org.n52.jackson.datatype.jts.JtsModule;
import se.tryggkarta.AppConfig;
import se.tryggkarta.Main;
import se.tryggkarta.Wiring;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.grid.PointSet;
import se.tryggkarta.hotspot.index.EventColumns;
import se.tryggkarta.hotspot.index.EventIndex;
import se.tryggkarta.hotspot.index.EventQuery;
import se.tryggkarta.hotspot.kde.Kernel;
import se.tryggkarta.hotspot.kde.KernelDensity;
import se.tryggkarta.http.HttpApp;
import se.tryggkarta.http.auth.OpenAccessPolicy;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.store.postgis.LocalStandby;
import se.tryggkarta.store.postgis.PostgisStore;
import se.tryggkarta.store.postgis.PostgisTestDatabase;
import se.tryggkarta.workspace.PublicPrivacy;
import se.tryggkarta.workspace.Workspace;

/**
 * The national-scale benchmark ({@code scripts/bench scale}): 15 million generated incidents over
 * Sweden's 290 municipalities, one workspace each (SCB's boundaries from the fixtures), imported
 * into PostGIS, then
 *
 * <ol>
 *   <li>one municipality's density map (~1000 × 1000 cells, GeoTIFF) through the service: cold,
 *       warm (the same again) and new option sets (other periods and categories), and the same
 *       option sets through the in-memory event index (cold read, then filter + KDE);
 *   <li>the whole country at 1 km cells through the event index: all 290 workspaces read (cold),
 *       filtered and binned into one national grid and smoothed (quartic, 5 km), then a new option
 *       set on the held columns (warm);
 *   <li>a planner session at each rate ({@code bench load}) against two service instances reading
 *       through a hot standby of the database ({@link LocalStandby}).
 * </ol>
 *
 * <p>Incidents are sized by population: a municipality's share is its urban population (the SCB
 * tätorter of 2020 in it; the five Stockholm suburbs SCB counts in the Stockholm tätort get the
 * median municipality's) over the country's. 80 % lie around the municipality's tätorter (chosen by
 * population, Gaussian with σ half the radius of the tätort's area, at least 300 m), 20 % uniformly
 * over it, all inside its boundary; times over 2016–2025 with more in the evening and at night
 * and at weekends; eight police event categories. Seeded: the same data every run. The import goes
 * through the store's writer (the PostGIS bulk path), two workspaces at a time; a schema already
 * holding the data is reused unless {@code --reimport}.
 *
 * <p>Every phase prints its wall time, the machine's load average and the peak heap (sampled) and
 * peak resident memory (VmHWM) of this JVM. Options: {@code --incidents N}, {@code --municipality
 * CODES} (default 1480,0180: Göteborg and Stockholm), {@code --rates 100,500}, {@code --seconds 60}, {@code
 * --reimport}, {@code --no-session}.
 */
public final class NationalScale {
  private static final String SCHEMA = "bench_national";
  private static final String FIXTURES = "/fixtures/sweden-kommuner/scb-swemapdata/";
  private static final Instant START = Instant.parse("2016-01-01T00:00:00Z");
  private static final int DAYS = (int) (LocalDate.of(2026, 1, 1).toEpochDay()
      - LocalDate.of(2016, 1, 1).toEpochDay());
  private static final String[] CATEGORIES = {
    "stöld", "skadegörelse", "misshandel", "narkotikabrott", "bedrägeri", "inbrott", "trafikbrott",
    "rån"
  };
  private static final double[] CATEGORY_SHARES = {30, 15, 12, 10, 10, 8, 10, 5};

  /** Relative frequency of events per hour of the local day (more in the evening and at night). */
  private static final double[] HOUR_SHARES = {
    6, 5, 4, 3, 2, 1.5, 1.5, 2, 3, 3.5, 4, 4.5, 5, 5, 5, 5.5, 6, 6.5, 7, 7.5, 8, 8.5, 8.5, 7.5
  };

  private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

  record Municipality(String code, String name, Geometry boundary, List<double[]> tatorter) {
    String workspaceId() {
      return "kommun-" + code;
    }
  }

  private NationalScale() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = options(args);
    long incidents = Long.parseLong(opt.getOrDefault("incidents", "15000000"));
    String focus = opt.getOrDefault("municipality", "1480,0180");
    int seconds = Integer.parseInt(opt.getOrDefault("seconds", "60"));
    List<Integer> rates =
        java.util.Arrays.stream(opt.getOrDefault("rates", "100,500").split(","))
            .map(Integer::parseInt)
            .toList();
    String url = PostgisTestDatabase.URL + "&currentSchema=" + SCHEMA;
    System.out.printf(
        Locale.ROOT,
        "National scale: %,d incidents, %s, %d cores, %s, JVM max heap %d MiB, load %s%n",
        incidents,
        PostgisTestDatabase.URL.replaceAll("\\?.*", ""),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.version"),
        Runtime.getRuntime().maxMemory() >> 20,
        load());

    List<Municipality> municipalities = municipalities();
    long[] counts = sizes(municipalities, incidents);
    importIfNeeded(municipalities, counts, incidents, opt.containsKey("reimport"));

    List<String> focusCodes = List.of(focus.split(","));
    // The first requests of a fresh JVM run interpreted and compiling code; a service that has run
    // for a while has compiled its paths. So the JVM first answers the same requests for another
    // municipality of ~200 000 incidents, twice (printed too, the first as the JVM-cold figures),
    // and the focus municipalities' first requests then measure what a planner meets after an
    // import: a cold index and cold caches in a warm service.
    int warmUp = -1;
    for (int i = 0; i < municipalities.size(); i++) {
      if (!focusCodes.contains(municipalities.get(i).code())
          && (warmUp < 0
              || Math.abs(counts[i] - 200_000) < Math.abs(counts[warmUp] - 200_000))) {
        warmUp = i;
      }
    }
    municipalityDensity(url, municipalities.get(warmUp), "JIT warm-up, the JVM's first requests");
    municipalityDensity(url, municipalities.get(warmUp), "JIT warm-up, the same again");
    for (String code : focusCodes) {
      Municipality one =
          municipalities.stream().filter(m -> m.code().equals(code)).findFirst().orElseThrow();
      municipalityDensity(url, one, "a warm JVM, cold index and caches");
    }
    wholeCountry(municipalities);
    if (!opt.containsKey("no-session")) {
      plannerSession(url, municipalities, rates, seconds);
    }
  }

  // ---------------------------------------------------------------- data

  private static List<Municipality> municipalities() throws IOException {
    ObjectMapper json = new ObjectMapper().registerModule(new JtsModule(WGS84));
    Map<String, List<double[]>> tatorter = new HashMap<>();
    for (JsonNode f : read(json, "tatorter_wgs84.geojson").get("features")) {
      JsonNode p = f.get("properties");
      JsonNode c = f.at("/geometry/coordinates");
      tatorter
          .computeIfAbsent(p.get("mun_code").asText(), k -> new ArrayList<>())
          .add(
              new double[] {
                c.get(0).asDouble(), c.get(1).asDouble(), p.get("pop").asDouble(),
                p.get("area").asDouble()
              });
    }
    List<Municipality> out = new ArrayList<>();
    for (JsonNode f : read(json, "kommuner_wgs84.geojson").get("features")) {
      String code = f.at("/properties/code").asText();
      out.add(
          new Municipality(
              code,
              f.at("/properties/name").asText(),
              json.treeToValue(f.get("geometry"), Geometry.class),
              tatorter.getOrDefault(code, List.of())));
    }
    return out;
  }

  private static JsonNode read(ObjectMapper json, String file) throws IOException {
    try (InputStream in = NationalScale.class.getResourceAsStream(FIXTURES + file)) {
      if (in == null) {
        throw new IOException("fixture " + FIXTURES + file + " is not on the classpath");
      }
      return json.readTree(in);
    }
  }

  /** Incidents per municipality in proportion to its urban population; they sum to the total. */
  static long[] sizes(List<Municipality> ms, long total) {
    double[] pop = new double[ms.size()];
    List<Double> known = new ArrayList<>();
    for (int i = 0; i < ms.size(); i++) {
      pop[i] = ms.get(i).tatorter().stream().mapToDouble(t -> t[2]).sum();
      if (pop[i] > 0) {
        known.add(pop[i]);
      }
    }
    known.sort(Double::compare);
    double median = known.get(known.size() / 2);
    double sum = 0;
    for (int i = 0; i < pop.length; i++) {
      pop[i] = pop[i] > 0 ? pop[i] : median;
      sum += pop[i];
    }
    long[] n = new long[ms.size()];
    long assigned = 0;
    for (int i = 0; i < n.length; i++) {
      n[i] = Math.round(total * pop[i] / sum);
      assigned += n[i];
    }
    int largest = 0;
    for (int i = 1; i < n.length; i++) {
      largest = n[i] > n[largest] ? i : largest;
    }
    n[largest] += total - assigned;
    return n;
  }

  /** A municipality's incidents, seeded by its code, written through one store writer. */
  private static long importMunicipality(Store store, Municipality m, long count) {
    Random r = new Random(m.code().hashCode() * 7919L);
    IndexedPointInAreaLocator inside = new IndexedPointInAreaLocator(m.boundary());
    Envelope box = m.boundary().getEnvelopeInternal();
    double[] tatortCumulative = new double[m.tatorter().size()];
    double s = 0;
    for (int i = 0; i < tatortCumulative.length; i++) {
      s += m.tatorter().get(i)[2];
      tatortCumulative[i] = s;
    }
    try (LayerWriter w = store.openWriter(m.workspaceId(), Layer.INCIDENTS)) {
      for (long i = 0; i < count; i++) {
        double[] p = position(r, m, inside, box, tatortCumulative);
        int day = r.nextInt(DAYS);
        LocalDate date = LocalDate.of(2016, 1, 1).plusDays(day);
        boolean weekend =
            date.getDayOfWeek() == DayOfWeek.FRIDAY || date.getDayOfWeek() == DayOfWeek.SATURDAY;
        if (!weekend && r.nextDouble() < 0.2) { // Fridays and Saturdays get more
          LocalDate saturday =
              date.plusDays(
                  (DayOfWeek.SATURDAY.getValue() - date.getDayOfWeek().getValue() + 7) % 7);
          date = saturday.isBefore(LocalDate.of(2026, 1, 1)) ? saturday : date;
        }
        int hour = pick(r, HOUR_SHARES);
        Instant at =
            date.atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .plusSeconds(hour * 3600L - 3600 + r.nextInt(3600)); // local hour in CET
        if (at.isBefore(START)) {
          at = START.plusSeconds(r.nextInt(3600));
        }
        w.write(
            new Incident(
                "e" + i,
                new LonLat(p[0], p[1]),
                at,
                CATEGORIES[pick(r, CATEGORY_SHARES)],
                1,
                Map.of()));
      }
      return w.commit().written();
    }
  }

  private static double[] position(
      Random r,
      Municipality m,
      IndexedPointInAreaLocator inside,
      Envelope box,
      double[] tatortCumulative) {
    for (int attempt = 0; attempt < 100; attempt++) {
      double lon;
      double lat;
      if (tatortCumulative.length > 0 && r.nextDouble() < 0.8) {
        double u = r.nextDouble() * tatortCumulative[tatortCumulative.length - 1];
        int k = 0;
        while (tatortCumulative[k] < u) {
          k++;
        }
        double[] t = m.tatorter().get(k);
        double sigmaMeters = Math.max(300, Math.sqrt(t[3] * 1e4 / Math.PI) / 2);
        lat = t[1] + r.nextGaussian() * sigmaMeters / 111_320;
        lon = t[0] + r.nextGaussian() * sigmaMeters / (111_320 * Math.cos(Math.toRadians(t[1])));
      } else {
        lon = box.getMinX() + r.nextDouble() * box.getWidth();
        lat = box.getMinY() + r.nextDouble() * box.getHeight();
      }
      if (inside.locate(new Coordinate(lon, lat)) == Location.INTERIOR) {
        return new double[] {lon, lat};
      }
    }
    Coordinate c = m.boundary().getInteriorPoint().getCoordinate();
    return new double[] {c.x, c.y};
  }

  private static int pick(Random r, double[] shares) {
    double total = 0;
    for (double s : shares) {
      total += s;
    }
    double u = r.nextDouble() * total;
    for (int i = 0; i < shares.length; i++) {
      u -= shares[i];
      if (u < 0) {
        return i;
      }
    }
    return shares.length - 1;
  }

  private static void importIfNeeded(
      List<Municipality> ms, long[] counts, long total, boolean reimport) throws Exception {
    try (PostgisStore store = PostgisStore.open(PostgisTestDatabase.URL, SCHEMA)) {
      if (!reimport && store.listWorkspaces().size() == ms.size()) {
        long stored = 0;
        for (Municipality m : ms) {
          stored +=
              store.query(m.workspaceId(), Layer.INCIDENTS, LayerQuery.ALL.withPage(1, 0)).total();
        }
        if (stored == total) {
          System.out.printf(
              Locale.ROOT, "%nImport: schema %s already holds the %,d incidents%n", SCHEMA, stored);
          return;
        }
      }
    }
    PostgisTestDatabase.dropSchema(SCHEMA);
    try (PostgisStore store = PostgisStore.open(PostgisTestDatabase.URL, SCHEMA)) {
      for (Municipality m : ms) {
        store.createWorkspace(
            new Workspace(
                m.workspaceId(),
                m.name(),
                Crs.sweref99tm(),
                Optional.of(m.boundary()),
                Workspace.DEFAULT_ZONE,
                false,
                PublicPrivacy.DEFAULT));
      }
      Phase phase = new Phase();
      long dbTicks = StoreImportBenchmark.postgresCpuTicks();
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<Future<Long>> done = new ArrayList<>();
      for (int i = 0; i < ms.size(); i++) {
        Municipality m = ms.get(i);
        long n = counts[i];
        done.add(pool.submit(() -> importMunicipality(store, m, n)));
      }
      long written = 0;
      for (Future<Long> f : done) {
        written += f.get();
      }
      pool.shutdown();
      double dbCpu = (StoreImportBenchmark.postgresCpuTicks() - dbTicks) / 100.0;
      double s = phase.seconds();
      System.out.printf(
          Locale.ROOT,
          "%nImport: %,d incidents into %d workspaces in %.0f s = %,.0f rows/s (two at a time,"
              + " generated on the fly); database CPU %.0f s; schema size %s; %s%n",
          written,
          ms.size(),
          s,
          written / s,
          dbCpu,
          schemaSize(),
          phase.memory());
    }
  }

  // ---------------------------------------------------------------- one municipality

  private static void municipalityDensity(String url, Municipality m, String role)
      throws Exception {
    Workspace w;
    try (Wiring wiring =
        Wiring.open(
            new AppConfig(
                Files.createTempDirectory("tk-national"),
                0,
                Optional.of(url),
                Optional.empty(),
                List.of(),
                1L << 20))) {
      w = wiring.workspaces().getWorkspace(m.workspaceId());
      Envelope e = Crs.sweref99tm().fromWgs84(m.boundary()).getEnvelopeInternal();
      int cell = (int) Math.ceil(Math.max(e.getWidth(), e.getHeight()) / 1000);
      long stored =
          wiring.store().query(w.id(), Layer.INCIDENTS, LayerQuery.ALL.withPage(1, 0)).total();
      System.out.printf(
          Locale.ROOT,
          "%nOne municipality (%s): %s (%s), %,d incidents, %.0f × %.0f km → %d m cells (%d × %d)%n",
          role,
          m.name(),
          w.id(),
          stored,
          e.getWidth() / 1000,
          e.getHeight() / 1000,
          cell,
          (int) Math.ceil(e.getWidth() / cell),
          (int) Math.ceil(e.getHeight() / cell));
      HttpApp app = wiring.http(new OpenAccessPolicy());
      String base = "http://127.0.0.1:" + app.start(0) + "/api/workspaces/" + w.id();
      HttpClient client = HttpClient.newHttpClient();
      String first = "?layer=incidents&bandwidth=200&cell=" + cell + "&format=geotiff";
      List<String> options = optionSets();
      try {
        Phase cold = new Phase();
        long bytes = get(client, base + "/hotspots/density" + first);
        System.out.printf(
            Locale.ROOT,
            "  service, first request (store scan + KDE, GeoTIFF %,d bytes): %.2f s; %s%n",
            bytes,
            cold.seconds(),
            cold.memory());
        int repeats = 5;
        Phase warm = new Phase();
        for (int i = 0; i < repeats; i++) {
          get(client, base + "/hotspots/density" + first);
        }
        System.out.printf(
            Locale.ROOT,
            "  service, the same again (cached): %.3f s each (mean of %d)%n",
            warm.seconds() / repeats,
            repeats);
        Phase fresh = new Phase();
        for (String o : options) {
          get(client, base + "/hotspots/density" + first + o);
        }
        System.out.printf(
            Locale.ROOT,
            "  service, a new option set (period, categories, hours): %.2f s each (mean of %d);"
                + " %s%n",
            fresh.seconds() / options.size(),
            options.size(),
            fresh.memory());
      } finally {
        app.stop();
      }

      EventIndex index = new EventIndex(wiring.store(), 1L << 30);
      Phase coldIndex = new Phase();
      EventColumns columns = index.columns(w, Layer.INCIDENTS);
      System.out.printf(
          Locale.ROOT,
          "  event index, cold read (scanPoints + columns): %.2f s, %,d events, %.0f MiB held;"
              + " %s%n",
          coldIndex.seconds(),
          columns.size(),
          columns.bytes() / 1048576.0,
          coldIndex.memory());
      GridSpec grid =
          GridSpec.covering(new se.tryggkarta.common.Bbox(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()), cell);
      List<EventQuery> queries = indexQueries();
      Phase warmIndex = new Phase();
      for (EventQuery q : queries) {
        PointSet points = index.columns(w, Layer.INCIDENTS).select(q).points();
        KernelDensity.estimate(points, grid, Kernel.QUARTIC, 200);
      }
      System.out.printf(
          Locale.ROOT,
          "  event index, a new option set (filter + PointSet + KDE on the same grid, warm): %.3f"
              + " s each (mean of %d)%n",
          warmIndex.seconds() / queries.size(),
          queries.size());
    }
  }

  /** Query strings of new option sets for the service. */
  private static List<String> optionSets() {
    String cats =
        "&categories="
            + URLEncoder.encode("misshandel,rån", StandardCharsets.UTF_8);
    return List.of(
        "&from=2025-01-01&to=2026-01-01",
        "&from=2024-06-01&to=2024-09-01" + cats,
        "&from=2023-01-01&to=2025-01-01&hours=18-06");
  }

  /** The same option sets for the index. */
  private static List<EventQuery> indexQueries() {
    Set<Integer> nights = Set.of(18, 19, 20, 21, 22, 23, 0, 1, 2, 3, 4, 5);
    return List.of(
        EventQuery.ALL.withPeriod(
            TimeRange.of(Instant.parse("2024-12-31T23:00:00Z"), Instant.parse("2025-12-31T23:00:00Z"))),
        EventQuery.ALL
            .withPeriod(
                TimeRange.of(
                    Instant.parse("2024-05-31T22:00:00Z"), Instant.parse("2024-08-31T22:00:00Z")))
            .withCategories(Set.of("misshandel", "rån")),
        EventQuery.ALL
            .withPeriod(
                TimeRange.of(
                    Instant.parse("2022-12-31T23:00:00Z"), Instant.parse("2024-12-31T23:00:00Z")))
            .withLocalHours(nights));
  }

  // ---------------------------------------------------------------- the whole country

  private static void wholeCountry(List<Municipality> ms) throws Exception {
    try (PostgisStore store = PostgisStore.open(PostgisTestDatabase.URL, SCHEMA)) {
      // SWEREF 99 TM covering Sweden (the SCB boundaries' extent) in 1 km cells
      GridSpec grid = new GridSpec(277_000, 6_133_000, 1000, 641, 1537);
      EventIndex index = new EventIndex(store, 1L << 30);
      List<Workspace> workspaces = new ArrayList<>();
      for (Municipality m : ms) {
        workspaces.add(store.findWorkspace(m.workspaceId()).orElseThrow());
      }
      Phase cold = new Phase();
      long events = 0;
      for (Workspace w : workspaces) {
        events += index.columns(w, Layer.INCIDENTS).size();
      }
      double readSeconds = cold.seconds();
      double[] all = national(index, workspaces, grid, EventQuery.ALL);
      System.out.printf(
          Locale.ROOT,
          "%nWhole country, 1 km cells (%d × %d), through the event index:%n  cold: read %,d"
              + " events of %d workspaces %.1f s, then bin + KDE (quartic, 5 km) %.2f s; index"
              + " holds %.0f MiB; %s%n",
          grid.nx(),
          grid.ny(),
          events,
          workspaces.size(),
          readSeconds,
          cold.seconds() - readSeconds,
          index.heldBytes() / 1048576.0,
          cold.memory());
      Phase warm = new Phase();
      EventQuery nightsLastYear =
          EventQuery.ALL
              .withPeriod(
                  TimeRange.of(
                      Instant.parse("2024-12-31T23:00:00Z"), Instant.parse("2025-12-31T23:00:00Z")))
              .withLocalHours(Set.of(22, 23, 0, 1, 2, 3, 4, 5));
      double[] nights = national(index, workspaces, grid, nightsLastYear);
      System.out.printf(
          Locale.ROOT,
          "  warm, a new option set (2025, nights 22–06): filter + bin + KDE %.2f s (%,.0f of"
              + " %,.0f events); %s%n",
          warm.seconds(),
          sum(nights),
          sum(all),
          warm.memory());
    }
  }

  /** Bins every workspace's selection into the national grid and smooths it; returns the bins. */
  private static double[] national(
      EventIndex index, List<Workspace> workspaces, GridSpec grid, EventQuery q) {
    double[] bins = new double[grid.cellCount()];
    for (Workspace w : workspaces) {
      index.columns(w, Layer.INCIDENTS).select(q).addWeights(grid, bins);
    }
    int nonEmpty = 0;
    for (double v : bins) {
      nonEmpty += v > 0 ? 1 : 0;
    }
    double[] x = new double[nonEmpty];
    double[] y = new double[nonEmpty];
    double[] wt = new double[nonEmpty];
    for (int i = 0, k = 0; i < bins.length; i++) {
      if (bins[i] > 0) {
        x[k] = grid.centreX(i % grid.nx());
        y[k] = grid.centreY(i / grid.nx());
        wt[k++] = bins[i];
      }
    }
    KernelDensity.estimate(PointSet.of(x, y, wt), grid, Kernel.QUARTIC, 5_000);
    return bins;
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d;
    }
    return s;
  }

  // ---------------------------------------------------------------- planner session

  private static void plannerSession(
      String url, List<Municipality> ms, List<Integer> rates, int seconds) {
    Municipality goteborg =
        ms.stream().filter(m -> m.code().equals("1480")).findFirst().orElseThrow();
    System.out.printf(
        Locale.ROOT,
        "%nPlanner session on %s (%s): two instances, primary + a hot standby (pg_basebackup of"
            + " the whole cluster)%n",
        goteborg.name(),
        goteborg.workspaceId());
    Phase copy = new Phase();
    try (LocalStandby standby = LocalStandby.start(PostgisTestDatabase.URL)) {
      System.out.printf(
          Locale.ROOT, "  standby made and started in %.0f s%n", copy.seconds());
      for (int rate : rates) {
        System.out.printf(Locale.ROOT, "%n  rate %d/s, load %s%n", rate, load());
        Main.run(
            new String[] {
              "bench",
              "load",
              "--db",
              url,
              "--db-read",
              standby.url(),
              "--instances",
              "2",
              "--workspace",
              goteborg.workspaceId(),
              "--rate",
              Integer.toString(rate),
              "--seconds",
              Integer.toString(seconds)
            });
      }
    }
  }

  // ---------------------------------------------------------------- plumbing

  /** The body's length; a refusal (the analysis pool's time limit, 503) is printed and is −1. */
  private static long get(HttpClient client, String url) throws Exception {
    HttpResponse<byte[]> r =
        client.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10)).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() == 503) {
      System.out.println("  (answered 503: " + new String(r.body(), StandardCharsets.UTF_8) + ")");
      return -1;
    }
    if (r.statusCode() != 200) {
      throw new IllegalStateException(
          url + " answered " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
    }
    return r.body().length;
  }

  private static String schemaSize() throws SQLException {
    try (Connection c = DriverManager.getConnection(PostgisTestDatabase.URL);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) FROM pg_class c JOIN"
                    + " pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '"
                    + SCHEMA
                    + "' AND c.relkind = 'r'")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).substring(0, 14).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + args[i]);
      }
      String name = args[i].substring(2);
      boolean flag = name.equals("reimport") || name.equals("no-session");
      out.put(name, flag ? "true" : args[++i]);
    }
    return out;
  }

  /** Wall time, peak heap (sampled) and load of one phase; peak RSS of the process so far. */
  private static final class Phase {
    private final long start = System.nanoTime();
    private final StoreImportBenchmark.HeapSampler heap = new StoreImportBenchmark.HeapSampler();
    private final AtomicLong peak = new AtomicLong();

    double seconds() {
      return (System.nanoTime() - start) / 1e9;
    }

    String memory() {
      peak.set(heap.stop());
      return String.format(
          Locale.ROOT,
          "peak heap %d MiB, peak RSS so far %d MiB, load %s",
          peak.get() >> 20,
          peakRssMiB(),
          load());
    }

    private static long peakRssMiB() {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
          if (line.startsWith("VmHWM:")) {
            return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
          }
        }
      } catch (IOException e) {
        return -1;
      }
      return -1;
    }
  }
}
