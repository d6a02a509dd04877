package se.tryggkarta.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.workspace.Workspace;

/**
 * Reads a bbox/time selection of about 50 000 points (a tenth of the area, half of the year) back
 * from a store holding the 1 000 000 incidents of {@link StoreImportBenchmark}, streaming every
 * record through {@link Store#scan}. Score: milliseconds per selection. Run with {@code
 * scripts/bench StoreReadBenchmark}.
 */
@State(Scope.Benchmark)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class StoreReadBenchmark {
  static final LayerQuery SELECTION =
      LayerQuery.ALL
          .withBbox(new Bbox(11, 55.5, 12.2, 68.5))
          .withTime(
              TimeRange.of(
                  StoreImportBenchmark.T0,
                  StoreImportBenchmark.T0.plusSeconds(StoreImportBenchmark.YEAR_SECONDS / 2)));

  @Param({"postgis", "geopackage"})
  public String storeKind;

  Store store;
  Path dir;

  @Setup(Level.Trial)
  public void load() throws IOException {
    dir = Files.createTempDirectory("tk-bench-read");
    store = StoreImportBenchmark.openStore(storeKind, dir);
    store.deleteWorkspace("bench-read");
    store.createWorkspace(Workspace.of("bench-read", "Benchmark"));
    StoreImportBenchmark.importInto(store, "bench-read", 1_000_000, 0);
    long selected = store.query("bench-read", Layer.INCIDENTS, SELECTION.withPage(1, 0)).total();
    System.out.printf("%n[%s] the selection holds %d of 1000000 points%n", storeKind, selected);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    store.deleteWorkspace("bench-read");
    store.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  public long readSelection() {
    AtomicLong n = new AtomicLong();
    store.scan("bench-read", Layer.INCIDENTS, SELECTION, rec -> n.incrementAndGet());
    return n.get();
  }
}
