package se.tryggkarta.hotspot.index;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
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
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.common.XY;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.grid.PointSet;
import se.tryggkarta.hotspot.kde.DensityGrid;
import se.tryggkarta.hotspot.kde.Kernel;
import se.tryggkarta.hotspot.kde.KernelDensity;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.workspace.Workspace;

/**
 * A new option set on a warm index of {@code points} incidents (three years, five categories, half
 * of them in 50 clusters over a 10 × 10 km town in SWEREF 99 TM): each call takes the next of 64
 * seeded option sets (a period of 3–24 months, a category subset, sometimes evenings and nights
 * 18–06, sometimes Friday–Saturday, sometimes a 90-day half-life) and
 *
 * <ul>
 *   <li>{@code filterAndBin}: selects and bins into the 1000 × 1000 grid of 10 m cells;
 *   <li>{@code filterToPointSet}: selects and builds the {@code PointSet} the hotspot core takes;
 *   <li>{@code filterAndDensity}: that plus the quartic 150 m KDE on the same grid (the in-memory
 *       part of a density request);
 *   <li>{@code buildFromRows}: the cold side, building the columns from the store's rows (projection,
 *       codes, time sort) without the store's own read.
 * </ul>
 *
 * Run with {@code scripts/bench EventIndexBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EventIndexBenchmark {
  private static final Workspace TOWN = Workspace.of("town", "Town");
  private static final Instant T0 = Instant.parse("2023-01-01T00:00:00Z");
  private static final long SPAN_SECONDS = 3 * 365 * 86_400L;
  private static final String[] CATEGORIES = {"theft", "assault", "vandalism", "burglary", "drugs"};
  private static final double X0 = 313_000;
  private static final double Y0 = 6_410_000;

  @Param({"1000000"})
  int points;

  double[] lon;
  double[] lat;
  long[] millis;
  String[] category;
  EventColumns columns;
  final List<EventQuery> optionSets = new ArrayList<>();
  final GridSpec grid = new GridSpec(X0, Y0, 10, 1000, 1000);
  int next;

  @Setup(Level.Trial)
  public void setUp() {
    Random rnd = new Random(42);
    Crs crs = TOWN.crs();
    lon = new double[points];
    lat = new double[points];
    millis = new long[points];
    category = new String[points];
    double[][] centres = new double[50][2];
    for (double[] c : centres) {
      c[0] = 500 + rnd.nextDouble() * 9000;
      c[1] = 500 + rnd.nextDouble() * 9000;
    }
    for (int i = 0; i < points; i++) {
      double x;
      double y;
      if (i % 2 == 0) {
        double[] c = centres[rnd.nextInt(centres.length)];
        x = Math.max(0, Math.min(9_999, c[0] + rnd.nextGaussian() * 200));
        y = Math.max(0, Math.min(9_999, c[1] + rnd.nextGaussian() * 200));
      } else {
        x = rnd.nextDouble() * 10_000;
        y = rnd.nextDouble() * 10_000;
      }
      LonLat p = crs.toLonLat(new XY(X0 + x, Y0 + y));
      lon[i] = p.lon();
      lat[i] = p.lat();
      millis[i] = T0.plusSeconds((long) (rnd.nextDouble() * SPAN_SECONDS)).toEpochMilli();
      category[i] = CATEGORIES[rnd.nextInt(CATEGORIES.length)];
    }
    columns = buildFromRows();
    Random q = new Random(7);
    for (int i = 0; i < 64; i++) {
      Instant from = T0.plusSeconds((long) (q.nextDouble() * SPAN_SECONDS / 2));
      Instant to = from.plus(Duration.ofDays(90 + q.nextInt(640)));
      Set<String> cats = new HashSet<>();
      for (String c : CATEGORIES) {
        if (q.nextBoolean()) {
          cats.add(c);
        }
      }
      EventQuery option = EventQuery.ALL.withPeriod(TimeRange.of(from, to)).withCategories(cats);
      if (q.nextInt(3) == 0) {
        option = option.withLocalHours(Set.of(18, 19, 20, 21, 22, 23, 0, 1, 2, 3, 4, 5));
      }
      if (q.nextInt(5) == 0) {
        option = option.withWeekdays(Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY));
      }
      if (q.nextInt(4) == 0) {
        option = option.withHalfLife(Duration.ofDays(90));
      }
      optionSets.add(option);
    }
  }

  private EventQuery nextOptionSet() {
    next = (next + 1) % optionSets.size();
    return optionSets.get(next);
  }

  @Benchmark
  public double[] filterAndBin() {
    return columns.select(nextOptionSet()).binWeights(grid);
  }

  @Benchmark
  public PointSet filterToPointSet() {
    return columns.select(nextOptionSet()).points();
  }

  @Benchmark
  public DensityGrid filterAndDensity() {
    return KernelDensity.estimate(
        columns.select(nextOptionSet()).points(), grid, Kernel.QUARTIC, 150);
  }

  @Benchmark
  @Warmup(iterations = 2, time = 5)
  @Measurement(iterations = 3, time = 5)
  public EventColumns buildFromRows() {
    EventColumns.Builder b = EventColumns.builder(TOWN, Layer.INCIDENTS);
    for (int i = 0; i < points; i++) {
      b.accept(lon[i], lat[i], millis[i], category[i], 1);
    }
    return b.build(1);
  }
}
