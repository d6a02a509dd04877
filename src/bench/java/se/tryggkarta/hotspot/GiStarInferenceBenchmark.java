package se.tryggkarta.hotspot;

import java.util.Optional;
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
import se.tryggkarta.hotspot.emerging.EmergingHotspots;
import se.tryggkarta.hotspot.emerging.EmergingResult;
import se.tryggkarta.hotspot.emerging.SpaceTimeCube;
import se.tryggkarta.hotspot.gistar.GiStarResult;
import se.tryggkarta.hotspot.gistar.HexGrid;
import se.tryggkarta.hotspot.gistar.IncrementalAutocorrelation;
import se.tryggkarta.hotspot.gistar.PermutationInference;
import se.tryggkarta.hotspot.grid.PointSet;

/**
 * Gi* analytic against 999 conditional permutations, the automatic band (ten Moran's I) and
 * emerging hot spots (12 months, lag 1), on 20 000 events (half uniform, half in 40 Gaussian
 * clusters of 150 m) over 10 km × 10 km in 100 m hexagons (11 700 cells).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
public class GiStarInferenceBenchmark {
  PointSet pts;
  int[] month;
  HexGrid grid;

  @Setup(Level.Trial)
  public void setUp() {
    grid = HexGrid.covering(new Bbox(0, 0, 10_000, 10_000), 100);
    Random rnd = new Random(25);
    int n = 20_000;
    double[][] centres = new double[40][];
    for (int c = 0; c < centres.length; c++) {
      centres[c] = new double[] {rnd.nextDouble() * 10_000, rnd.nextDouble() * 10_000};
    }
    double[] x = new double[n];
    double[] y = new double[n];
    month = new int[n];
    for (int i = 0; i < n; i++) {
      if (i % 2 == 0) {
        x[i] = rnd.nextDouble() * 10_000;
        y[i] = rnd.nextDouble() * 10_000;
      } else {
        double[] c = centres[rnd.nextInt(centres.length)];
        x[i] = Math.min(9_999, Math.max(0, c[0] + rnd.nextGaussian() * 150));
        y[i] = Math.min(9_999, Math.max(0, c[1] + rnd.nextGaussian() * 150));
      }
      month[i] = rnd.nextInt(12);
    }
    pts = PointSet.unweighted(x, y);
  }

  @Benchmark
  public GiStarResult analytic() {
    return GiStarResult.analyse(pts, grid, HexGrid.autoBand(100));
  }

  @Benchmark
  public GiStarResult permutations999() {
    return GiStarResult.analyse(
        pts, grid, HexGrid.autoBand(100), Optional.of(new PermutationInference(999, 1)));
  }

  @Benchmark
  public GiStarResult bandAuto() {
    IncrementalAutocorrelation.Scan scan =
        IncrementalAutocorrelation.scan(grid.sums(pts), grid);
    return GiStarResult.analyse(pts, grid, scan.chosenBandMeters());
  }

  @Benchmark
  public EmergingResult emerging() {
    return EmergingHotspots.analyse(
        SpaceTimeCube.of(grid, 12, pts, month), HexGrid.autoBand(100), 1, 0.05);
  }
}
