package se.tryggkarta.ingest;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.store.geopackage.GeoPackageStore;
import se.tryggkarta.workspace.Workspace;

/**
 * The same CSV of N incidents ({@link CsvImportBenchmark}'s, default 1 000 000) into a new
 * GeoPackage, side by side in one run: GDAL's {@code ogr2ogr -f GPKG} (when on the PATH) and {@code
 * tryggkarta import} (a child JVM with {@code -Xmx128m} unless a heap is given, into a fresh store with the workspace
 * created). Each is a separate process, timed from start to exit; peak resident memory is the
 * kernel's high-water mark (VmHWM in /proc) sampled every 10 ms; CPU is the process's user +
 * system time. Rounds alternate the two tools. Both files are checked to hold N features. Run with
 * {@code scripts/bench import-vs-ogr2ogr [rows] [rounds] [heap]}.
 */
public final class ImportVersusOgr2ogr {
  private static final double TICKS_PER_SECOND = 100.0;

  private ImportVersusOgr2ogr() {}

  record Run(String tool, double seconds, long peakRssKib, double cpuSeconds) {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    String heap = args.length > 2 ? args[2] : "128m";
    Path dir = Files.createTempDirectory("tk-vs-ogr");
    try {
      Path csv = dir.resolve("incidents.csv");
      CsvImportBenchmark.write(csv, rows);
      boolean gdal = onPath("ogr2ogr");
      System.out.printf(
          Locale.ROOT,
          "CSV: %,d rows, %.1f MiB; ogr2ogr: %s; load average at start %s%n",
          rows,
          Files.size(csv) / 1048576.0,
          gdal ? version() : "not installed (apt-get install gdal-bin)",
          loadAverage());
      List<Run> runs = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        if (gdal) {
          runs.add(ogr2ogr(dir, csv, rows, round));
        }
        runs.add(tryggkarta(dir, csv, rows, round, heap));
      }
      System.out.println("tool        wall_s  rows/s   cpu_s  peak_rss_MiB");
      for (Run r : runs) {
        System.out.printf(
            Locale.ROOT,
            "%-10s %7.1f %8.0f %7.1f %8.0f%n",
            r.tool(),
            r.seconds(),
            rows / r.seconds(),
            r.cpuSeconds(),
            r.peakRssKib() / 1024.0);
      }
      System.out.println("load average at end " + loadAverage());
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static Run ogr2ogr(Path dir, Path csv, int rows, int round) throws Exception {
    Path out = dir.resolve("ogr-" + round + ".gpkg");
    Run run =
        measure(
            "ogr2ogr",
            List.of(
                "ogr2ogr",
                "-f",
                "GPKG",
                out.toString(),
                csv.toString(),
                "-oo",
                "X_POSSIBLE_NAMES=lon",
                "-oo",
                "Y_POSSIBLE_NAMES=lat",
                "-a_srs",
                "EPSG:4326",
                "-nln",
                "incidents"));
    String info = output(List.of("ogrinfo", "-so", out.toString(), "incidents"));
    Matcher m = Pattern.compile("Feature Count: (\\d+)").matcher(info);
    if (!m.find() || Long.parseLong(m.group(1)) != rows) {
      throw new IllegalStateException("ogr2ogr wrote a different count: " + info);
    }
    Files.deleteIfExists(out);
    return run;
  }

  private static Run tryggkarta(Path dir, Path csv, int rows, int round, String heap)
      throws Exception {
    Path data = dir.resolve("tk-" + round);
    try (GeoPackageStore store = GeoPackageStore.open(data.resolve("tryggkarta.gpkg"))) {
      store.createWorkspace(Workspace.of("bench", "Bench"));
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Run run =
        measure(
            "tryggkarta",
            List.of(
                java,
                "-Xmx" + heap,
                "-cp",
                System.getProperty("java.class.path"),
                "se.tryggkarta.Main",
                "import",
                "--data",
                data.toString(),
                "--workspace",
                "bench",
                "--layer",
                "incidents",
                "--no-progress",
                csv.toString()));
    try (GeoPackageStore store = GeoPackageStore.open(data.resolve("tryggkarta.gpkg"))) {
      long stored = store.query("bench", Layer.INCIDENTS, LayerQuery.ALL.withPage(1, 0)).total();
      if (stored != rows) {
        throw new IllegalStateException("tryggkarta stored " + stored + " of " + rows);
      }
    }
    try (Stream<Path> files = Files.walk(data)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    return run;
  }

  /** Runs a process to its end: wall seconds, sampled peak RSS and CPU seconds. */
  private static Run measure(String tool, List<String> command) throws Exception {
    long start = System.nanoTime();
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    Path status = Path.of("/proc", Long.toString(p.pid()), "status");
    Path stat = Path.of("/proc", Long.toString(p.pid()), "stat");
    long peak = 0;
    double cpu = 0;
    while (p.isAlive()) {
      try {
        for (String line : Files.readAllLines(status)) {
          if (line.startsWith("VmHWM:")) {
            peak = Math.max(peak, Long.parseLong(line.replaceAll("\\D", "")));
          }
        }
        String s = Files.readString(stat);
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
      } catch (IOException | RuntimeException e) {
        // the process ended between isAlive and the read
      }
      Thread.sleep(10);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (p.exitValue() != 0) {
      throw new IllegalStateException(tool + " exited with " + p.exitValue());
    }
    return new Run(tool, seconds, peak, cpu);
  }

  private static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String d : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, program))) {
        return true;
      }
    }
    return false;
  }

  private static String version() throws Exception {
    return output(List.of("ogr2ogr", "--version")).strip();
  }

  private static String output(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    return out;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).substring(0, 14).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
