package se.tryggkarta.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.store.geopackage.GeoPackageStore;
import se.tryggkarta.store.geopackage.SqliteGeoPackageFiles;
import se.tryggkarta.workspace.Workspace;

/**
 * CSV import throughput and peak heap: writes a seeded CSV of N incidents (default 1,000,000), then
 * imports it twice into a fresh GeoPackage store (first all inserts, then all updates) and prints
 * rows per second and the peak heap of each run ({@code insert-only} as the second argument skips
 * the update run). Run it with {@code -Xmx512m} to check the streaming claim: {@code scripts/bench
 * import [rows] [insert-only]}.
 *
 * <p>On a shared machine the wall-clock rate depends on the load, so the importing thread's CPU
 * time (which includes SQLite's native work, done on that thread) is reported too. Peak heap is the sum of the heap pools' peak usage after resetting them before the run (an
 * upper bound of the true simultaneous peak).
 */
public final class CsvImportBenchmark {
  private CsvImportBenchmark() {}

  public static void main(String[] args) throws IOException {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    boolean updates = !(args.length > 1 && args[1].equals("insert-only"));
    Path dir = Files.createTempDirectory("tryggkarta-bench-");
    Path csv = dir.resolve("incidents.csv");
    write(csv, rows);
    System.out.printf(
        Locale.ROOT,
        "CSV: %,d rows, %.1f MiB; JVM max heap %d MiB; %s%n",
        rows,
        Files.size(csv) / 1048576.0,
        Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.vm.version"));
    try (GeoPackageStore store = GeoPackageStore.open(dir.resolve("bench.gpkg"))) {
      store.createWorkspace(Workspace.of("bench", "Bench"));
      ImportService imports = new ImportService(store, store, new SqliteGeoPackageFiles());
      run("insert", imports, csv, rows);
      if (updates) {
        run("update", imports, csv, rows);
      }
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  private static void run(String label, ImportService imports, Path csv, int rows)
      throws IOException {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    var threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    ImportReport report;
    try (InputStream in = Files.newInputStream(csv)) {
      report = imports.importFile("bench", Layer.INCIDENTS, in, ImportOptions.parse(Map.of()));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    if (report.stored() != rows) {
      throw new IllegalStateException("stored " + report.stored() + " of " + rows);
    }
    System.out.printf(
        Locale.ROOT,
        "%s: %,d rows in %.1f s = %,.0f rows/s (%.1f s CPU of the importing thread = %,.0f"
            + " rows per CPU-second); inserted %,d, updated %,d; peak heap %d MiB%n",
        label,
        rows,
        seconds,
        rows / seconds,
        cpuSeconds,
        rows / cpuSeconds,
        report.inserted(),
        report.updated(),
        peak >> 20);
  }

  /** Incidents spread over Kungälv with times over three years; seeded. */
  static void write(Path csv, int rows) throws IOException {
    Random r = new Random(42);
    String[] categories = {"theft", "assault", "vandalism", "burglary", "drugs"};
    long t0 = Instant.parse("2023-01-01T00:00:00Z").getEpochSecond();
    try (BufferedWriter w = Files.newBufferedWriter(csv)) {
      w.write("id,lon,lat,occurred_at,category,weight,note\n");
      for (int i = 0; i < rows; i++) {
        w.write(
            String.format(
                Locale.ROOT,
                "ev-%07d,%.6f,%.6f,%s,%s,%d,synthetic\n",
                i,
                11.90 + 0.2 * r.nextDouble(),
                57.80 + 0.15 * r.nextDouble(),
                Instant.ofEpochSecond(t0 + r.nextInt(3 * 365 * 86400)),
                categories[r.nextInt(categories.length)],
                1 + r.nextInt(3)));
      }
    }
  }
}
