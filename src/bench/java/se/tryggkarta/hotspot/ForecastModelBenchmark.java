package se.tryggkarta.hotspot;

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
import se.tryggkarta.hotspot.evaluation.ForecastEvaluation;
import se.tryggkarta.hotspot.forecast.ForecastModel;
import se.tryggkarta.hotspot.forecast.HawkesSimulation;
import se.tryggkarta.hotspot.forecast.TimedEvents;
import se.tryggkarta.hotspot.grid.GridSpec;

/**
 * The cost of one forecast (fit on the history, then the next month's expected events on 150 m
 * cells) per model, on a simulated self-exciting process: {@code events=10000} is a year of a
 * municipality (10 km × 10 km), {@code events=1000000} four years of a large city (50 km × 50 km,
 * ≈ 100 events per km² a year). ETAS's fit dominates: its EM runs up to 60 iterations over the
 * pairs within 600 m and 60 days.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class ForecastModelBenchmark {
  @Param({"10000", "1000000"})
  int events;

  @Param({"naive", "kde-150", "blend-300-25", "etas-100"})
  String model;

  TimedEvents history;
  GridSpec grid;
  ForecastModel forecast;
  double end;

  @Setup(Level.Trial)
  public void setUp() {
    boolean city = events > 100_000;
    double size = city ? 50_000 : 10_000;
    double days = city ? 1460 : 365;
    // θ = 0.3, so the background supplies 70 % of the events.
    double backgroundPerDay = 0.7 * events / days;
    history =
        HawkesSimulation.simulate(
            51, size, city ? 400 : 20, 300, backgroundPerDay, 0.3, 0.25, 60, days);
    grid = GridSpec.covering(history.points().bounds(), 150);
    forecast = ForecastEvaluation.parseModel("model", model, java.util.Optional.empty()).get();
    end = days;
  }

  @Benchmark
  public double[] forecast() {
    return forecast.forecast(history, grid, end, end + 30);
  }
}
