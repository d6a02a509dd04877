package se.tryggkarta.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
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
import se.tryggkarta.common.XY;
import se.tryggkarta.hotspot.index.EventColumns;
import se.tryggkarta.hotspot.index.EventIndex;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.workspace.Workspace;

/**
 * The event index's cold side: the first request after a change reads a workspace of 1 000 000
 * incidents ({@link StoreImportBenchmark}'s) from the store into columns ({@code coldIndexRead}:
 * {@code scanPoints} plus projection, codes and time sort), against what every new option set
 * costs without the index ({@code recordScan}: every record through {@link Store#scan} and
 * projected, as {@code HotspotService.load} does). Score: seconds per read. Run with {@code
 * scripts/bench EventIndexReadBenchmark}.
 */
@State(Scope.Benchmark)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g"})
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class EventIndexReadBenchmark {
  private static final Workspace WS = Workspace.of("bench-index", "Benchmark");

  @Param({"postgis", "geopackage"})
  public String storeKind;

  Store store;
  Path dir;

  @Setup(Level.Trial)
  public void load() throws IOException {
    dir = Files.createTempDirectory("tk-bench-index");
    store = StoreImportBenchmark.openStore(storeKind, dir);
    store.deleteWorkspace(WS.id());
    store.createWorkspace(WS);
    StoreImportBenchmark.importInto(store, WS.id(), 1_000_000, 0);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    store.deleteWorkspace(WS.id());
    store.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  public EventColumns coldIndexRead() {
    return new EventIndex(store, 1L << 30).columns(WS, Layer.INCIDENTS);
  }

  @Benchmark
  public double recordScan() {
    double[] sum = new double[1];
    store.scan(
        WS.id(),
        Layer.INCIDENTS,
        LayerQuery.ALL,
        r -> {
          org.locationtech.jts.geom.Point p = (org.locationtech.jts.geom.Point) r.geometryWgs84();
          XY xy = WS.crs().toXY(new LonLat(p.getX(), p.getY()));
          sum[0] += xy.x();
        });
    return sum[0];
  }
}
