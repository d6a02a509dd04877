package se.tryggkarta.store;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.store.geopackage.GeoPackageStore;
import se.tryggkarta.store.postgis.PostgisStore;
import se.tryggkarta.workspace.Workspace;

/**
 * Bulk import of {@code rows} incidents into each store (one writer, one transaction), and reading
 * back a bbox/time selection of about 50 000 of 1 000 000 points. Incidents are generated on the
 * fly (seeded, uniform over 11–23 °E, 55.5–68.5 °N and 2024), so the heap holds only what the store
 * holds. The import prints the sampled peak heap in use during each iteration.
 *
 * <p>Scores: {@code importIncidents} is seconds per import (rows/s = rows / score); {@code
 * readSelection} is milliseconds per selection. PostGIS: {@code TRYGGKARTA_TEST_DB_URL} or the
 * local test database, schema {@code bench_store}. Run with {@code scripts/bench StoreImport}.
 */
@State(Scope.Benchmark)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g"})
public class StoreImportBenchmark {
  static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  static final long YEAR_SECONDS = 366L * 24 * 3600;

  /** About 5 % of the points: a tenth of the area and half of the year. */
  static final LayerQuery SELECTION =
      LayerQuery.ALL
          .withBbox(new Bbox(11, 55.5, 12.2, 68.5))
          .withTime(TimeRange.of(T0, T0.plusSeconds(YEAR_SECONDS / 2)));

  @Param({"postgis", "geopackage"})
  public String storeKind;

  @Param({"1000000"})
  public int rows;

  Store store;
  Path dir;
  HeapSampler heap;

  @Setup(Level.Trial)
  public void open() throws IOException {
    dir = Files.createTempDirectory("tk-bench");
    store =
        switch (storeKind) {
          case "postgis" ->
              PostgisStore.open(
                  System.getenv()
                      .getOrDefault(
                          "TRYGGKARTA_TEST_DB_URL",
                          "jdbc:postgresql://127.0.0.1:5432/tryggkarta_test?user=postgres"),
                  "bench_store");
          case "geopackage" -> GeoPackageStore.open(dir.resolve("bench.gpkg"));
          default -> throw new IllegalArgumentException(storeKind);
        };
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    store.deleteWorkspace("bench");
    store.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** An empty workspace before each import, outside the measured time. */
  @Setup(Level.Iteration)
  public void emptyWorkspace() {
    store.deleteWorkspace("bench");
    store.createWorkspace(Workspace.of("bench", "Benchmark"));
    System.gc();
    heap = new HeapSampler();
  }

  @TearDown(Level.Iteration)
  public void reportHeap() {
    System.out.printf(
        "%n[%s, %d rows] sampled peak heap in use: %d MiB%n",
        storeKind, rows, heap.stop() >> 20);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 2)
  public long importIncidents() {
    return importInto(store, rows);
  }

  static long importInto(Store store, int rows) {
    Random r = new Random(2024);
    try (LayerWriter w = store.openWriter("bench", Layer.INCIDENTS)) {
      for (int i = 0; i < rows; i++) {
        w.write(
            new Incident(
                "inc-" + i,
                new LonLat(11 + r.nextDouble() * 12, 55.5 + r.nextDouble() * 13),
                T0.plusSeconds((long) (r.nextDouble() * YEAR_SECONDS)),
                r.nextInt(4) == 0 ? "assault" : "theft",
                1,
                Map.of()));
      }
      return w.commit().written();
    }
  }

  /** Reading the selection back from a store holding 1 000 000 incidents. */
  @State(Scope.Benchmark)
  @Fork(
      value = 1,
      jvmArgsAppend = {"-Xmx1g"})
  public static class Loaded {
    @Param({"postgis", "geopackage"})
    public String storeKind;

    Store store;
    Path dir;

    @Setup(Level.Trial)
    public void load() throws IOException {
      StoreImportBenchmark b = new StoreImportBenchmark();
      b.storeKind = storeKind;
      b.open();
      store = b.store;
      dir = b.dir;
      store.deleteWorkspace("bench");
      store.createWorkspace(Workspace.of("bench", "Benchmark"));
      importInto(store, 1_000_000);
      long selected = store.query("bench", Layer.INCIDENTS, SELECTION.withPage(1, 0)).total();
      System.out.printf("%n[%s] the selection holds %d of 1000000 points%n", storeKind, selected);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      store.deleteWorkspace("bench");
      store.close();
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2, time = 5)
  @Measurement(iterations = 3, time = 5)
  public long readSelection(Loaded loaded) {
    AtomicLong n = new AtomicLong();
    loaded.store.scan("bench", Layer.INCIDENTS, SELECTION, rec -> n.incrementAndGet());
    return n.get();
  }

  /** Samples the heap in use every 10 ms on a daemon thread and keeps the largest value. */
  static final class HeapSampler {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private volatile boolean running = true;
    private final Thread thread;

    HeapSampler() {
      thread =
          new Thread(
              () -> {
                while (running) {
                  peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                  try {
                    Thread.sleep(10);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "heap-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    long stop() {
      running = false;
      thread.interrupt();
      return peak.get();
    }
  }
}
