package se.tryggkarta.hotspot;

import java.util.List;
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
import se.tryggkarta.hotspot.evaluation.ForecastEvaluation;
import se.tryggkarta.hotspot.evaluation.Split;
import se.tryggkarta.hotspot.forecast.TimedEvents;
import se.tryggkarta.hotspot.gistar.HexGrid;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.grid.PointSet;

/**
 * A city-sized evaluation like New York's: 28 000 training and 8 000 test events, 100 m cells over
 * 46 km × 46 km (212 000 cells), KDE, Gi* and naive at 1, 2 and 5 %.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class ForecastEvaluationBenchmark {
  TimedEvents events;
  List<Split> splits;
  ForecastEvaluation.Setup setup;

  @Setup(Level.Trial)
  public void setUp() {
    PointSet train = clustered(44, 28_000);
    PointSet test = clustered(45, 8_000);
    double[] x = new double[train.size() + test.size()];
    double[] y = new double[x.length];
    double[] days = new double[x.length];
    Random rnd = new Random(46);
    for (int i = 0; i < x.length; i++) {
      PointSet from = i < train.size() ? train : test;
      int k = i < train.size() ? i : i - train.size();
      x[i] = from.x(k);
      y[i] = from.y(k);
      days[i] = i < train.size() ? rnd.nextDouble() * 1095 : 1095 + rnd.nextDouble() * 365;
    }
    events = TimedEvents.of(PointSet.unweighted(x, y), days);
    splits = List.of(new Split(0, 1095, 1460));
    GridSpec grid = new GridSpec(0, 0, 100, 460, 460);
    setup =
        new ForecastEvaluation.Setup(
            grid, Optional.of(107.0), HexGrid.autoBand(107), 0.05, List.of(0.01, 0.02, 0.05));
  }

  private static PointSet clustered(long seed, int n) {
    Random rnd = new Random(seed);
    Random centres = new Random(7);
    double[][] c = new double[200][2];
    for (double[] p : c) {
      p[0] = 2000 + centres.nextDouble() * 42_000;
      p[1] = 2000 + centres.nextDouble() * 42_000;
    }
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double[] p = c[rnd.nextInt(c.length)];
      x[i] = p[0] + rnd.nextGaussian() * 400;
      y[i] = p[1] + rnd.nextGaussian() * 400;
    }
    return PointSet.unweighted(x, y);
  }

  /** Every candidate model, Gi* and the default choice over one split. */
  @Benchmark
  public ForecastEvaluation.Result evaluate() {
    return ForecastEvaluation.evaluate(events, splits, ForecastEvaluation.candidates(), setup);
  }
}
