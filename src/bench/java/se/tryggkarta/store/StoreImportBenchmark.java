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
import se.tryggkarta.common.LonLat;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.store.geopackage.GeoPackageStore;
import se.tryggkarta.store.postgis.PostgisStore;
import se.tryggkarta.workspace.Workspace;

/**
 * Bulk import of {@code rows} incidents into each store: one writer, one transaction, into an empty
 * workspace, or, with {@code existingRows} > 0, into a workspace already holding that many (half of
 * the import then updates stored ids, half adds new ones; on PostGIS this is the merge path rather
 * than the bulk load of a workspace's first import). Incidents are generated on the fly (seeded, uniform over 11–23 °E, 55.5–68.5 °N and
 * 2024), so the heap holds only what the store itself holds; each iteration prints the sampled peak
 * heap in use. Score: seconds per import (rows/s = rows / score). PostGIS: {@code
 * TRYGGKARTA_TEST_DB_URL} or the local test database, schema {@code bench_store}. Run with {@code
 * scripts/bench StoreImportBenchmark}; {@link StoreReadBenchmark} reads a selection back.
 */
@State(Scope.Benchmark)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g"})
public class StoreImportBenchmark {
  static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  static final long YEAR_SECONDS = 366L * 24 * 3600;

  @Param({"postgis", "geopackage"})
  public String storeKind;

  @Param({"1000000"})
  public int rows;

  @Param({"0"})
  public int existingRows;

  Store store;
  Path dir;
  HeapSampler heap;

  @Setup(Level.Trial)
  public void open() throws IOException {
    dir = Files.createTempDirectory("tk-bench");
    store = openStore(storeKind, dir);
  }

  static Store openStore(String storeKind, Path dir) {
    return switch (storeKind) {
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
    if (existingRows > 0) {
      importInto(store, "bench", existingRows, 0);
    }
    System.gc();
    heap = new HeapSampler();
    jvmCpuAtStart = jvmCpuNanos();
    postgresTicksAtStart = postgresCpuTicks();
  }

  @TearDown(Level.Iteration)
  public void reportHeapAndCpu() {
    double jvmCpuSeconds = (jvmCpuNanos() - jvmCpuAtStart) / 1e9;
    double serverCpuSeconds = (postgresCpuTicks() - postgresTicksAtStart) / TICKS_PER_SECOND;
    System.out.printf(
        "%n[%s, %d rows] sampled peak heap in use: %d MiB; CPU: this JVM %.1f s, postgres"
            + " processes %.1f s; load average %s%n",
        storeKind, rows, heap.stop() >> 20, jvmCpuSeconds, serverCpuSeconds, loadAverage());
  }

  /** Linux USER_HZ: /proc/[pid]/stat reports CPU time in these ticks. */
  private static final double TICKS_PER_SECOND = 100.0;

  private long jvmCpuAtStart;
  private long postgresTicksAtStart;

  private static long jvmCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * utime + stime of every process named postgres (the server, its backends and background
   * workers), from /proc; 0 where /proc is not readable. Includes other clients' work, if any.
   */
  static long postgresCpuTicks() {
    long ticks = 0;
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : procs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String stat = Files.readString(p.resolve("stat"));
          int open = stat.indexOf('(');
          int close = stat.lastIndexOf(')');
          if (!stat.substring(open + 1, close).startsWith("postgres")) {
            continue;
          }
          String[] f = stat.substring(close + 2).split(" ");
          ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
          // the process ended meanwhile
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return ticks;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).substring(0, 14).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 2)
  public long importIncidents() {
    return importInto(store, "bench", rows, Math.max(0, existingRows - rows / 2));
  }

  /** Imports incidents with the ids inc-{firstId} ... inc-{firstId + rows - 1}. */
  static long importInto(Store store, String workspaceId, int rows, int firstId) {
    Random r = new Random(2024 + firstId);
    try (LayerWriter w = store.openWriter(workspaceId, Layer.INCIDENTS)) {
      for (int i = 0; i < rows; i++) {
        w.write(
            new Incident(
                "inc-" + (firstId + i),
                new LonLat(11 + r.nextDouble() * 12, 55.5 + r.nextDouble() * 13),
                T0.plusSeconds((long) (r.nextDouble() * YEAR_SECONDS)),
                r.nextInt(4) == 0 ? "assault" : "theft",
                1,
                Map.of()));
      }
      return w.commit().written();
    }
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
