package se.tryggkarta.hotspot;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.hotspot.gistar.GiStarResult;
import se.tryggkarta.hotspot.gistar.HexGrid;
import se.tryggkarta.hotspot.grid.PointSet;

/** Gi* on about 100 000 hexagons (100 m wide over 31.6 km × 27.4 km) with 200 000 events. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class GiStarBenchmark {
  PointSet pts;
  HexGrid grid;

  @Setup(Level.Trial)
  public void setUp() {
    grid = HexGrid.covering(new Bbox(0, 0, 31_500, 27_200), 100);
    Random rnd = new Random(43);
    int n = 200_000;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rnd.nextDouble() * 31_500;
      y[i] = rnd.nextDouble() * 27_200;
    }
    pts = PointSet.unweighted(x, y);
  }

  @Benchmark
  public GiStarResult giStar() {
    return GiStarResult.analyse(pts, grid, HexGrid.autoBand(100));
  }

}
