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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.grid.PointSet;
import se.tryggkarta.hotspot.kde.DensityGrid;
import se.tryggkarta.hotspot.kde.Kernel;
import se.tryggkarta.hotspot.kde.KernelDensity;

/**
 * The KDE target: n clustered points onto a 1000 × 1000 grid of 10 m cells, quartic kernel,
 * 150 m bandwidth; {@code estimate} (binning + FFT) against {@code exact} (direct summation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class KernelDensityBenchmark {
  @Param({"100000", "1000000"})
  int points;

  PointSet pts;
  final GridSpec grid = new GridSpec(0, 0, 10, 1000, 1000);

  @Setup(Level.Trial)
  public void setUp() {
    Random rnd = new Random(42);
    double[] x = new double[points];
    double[] y = new double[points];
    double[][] centres = new double[50][2];
    for (double[] c : centres) {
      c[0] = 500 + rnd.nextDouble() * 9000;
      c[1] = 500 + rnd.nextDouble() * 9000;
    }
    for (int i = 0; i < points; i++) {
      if (i % 2 == 0) {
        double[] c = centres[rnd.nextInt(centres.length)];
        x[i] = c[0] + rnd.nextGaussian() * 200;
        y[i] = c[1] + rnd.nextGaussian() * 200;
      } else {
        x[i] = rnd.nextDouble() * 10_000;
        y[i] = rnd.nextDouble() * 10_000;
      }
    }
    pts = PointSet.unweighted(x, y);
  }

  @Benchmark
  public DensityGrid fft() {
    return KernelDensity.estimate(pts, grid, Kernel.QUARTIC, 150);
  }

  @Benchmark
  @Warmup(iterations = 1, time = 1)
  @Measurement(iterations = 3, time = 1)
  public DensityGrid exact() {
    return KernelDensity.exact(pts, grid, Kernel.QUARTIC, 150);
  }
}
