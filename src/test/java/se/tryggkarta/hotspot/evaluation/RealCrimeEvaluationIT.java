package se.tryggkarta.hotspot.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.XY;
import se.tryggkarta.hotspot.forecast.TimedEvents;
import se.tryggkarta.hotspot.gistar.HexGrid;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.grid.PointSet;

/**
 * Forecast evaluation on real crime data (the fixtures in src/test/resources/fixtures, see each
 * folder's SOURCE.md): every candidate model, Gi* and the default over three rolling-origin splits.
 * Writes the tables to target/evaluation-*.md for the README and docs/hotspots.md.
 */
class RealCrimeEvaluationIT {
  static final Path DATA = Path.of("src/test/resources/fixtures");

  record Event(LocalDateTime time, XY xy) {}

  @Test
  void nyc_vehicle_thefts_default_forecast_is_at_least_naive_over_yearly_rolling_splits()
      throws IOException {
    // EPSG:32618, WGS 84 / UTM 18N. 2014–2017 in four windows of a year: test 2015, 2016, 2017.
    Crs utm = Crs.of(32618);
    List<Event> events = new ArrayList<>();
    DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    try (BufferedReader r =
        reader(
            new GZIPInputStream(
                Files.newInputStream(
                    DATA.resolve(
                        "crime-nyc-vehicle-thefts/nyc_vehicle_thefts_2014_2017.csv.gz"))))) {
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] c = line.split(",", -1);
        events.add(
            new Event(
                LocalDateTime.parse(c[1], f),
                utm.toXY(new LonLat(Double.parseDouble(c[2]), Double.parseDouble(c[3])))));
      }
    }
    assertThat(events).hasSize(35_746);
    ForecastEvaluation.Result result =
        evaluate(
            events,
            LocalDateTime.of(2014, 1, 1, 0, 0),
            LocalDateTime.of(2018, 1, 1, 0, 0),
            150,
            250);
    write("nyc", result);
    assertSensible(result);
  }

  @Test
  void memphis_robberies_default_forecast_is_at_least_naive_over_quarterly_rolling_splits()
      throws IOException {
    // EPSG:32616, WGS 84 / UTM 16N. 2019 in four quarters: test Q2, Q3, Q4. Coordinates are
    // rounded to 0.001° (~100 m), so cells are coarser than for New York.
    Crs utm = Crs.of(32616);
    List<Event> events = new ArrayList<>();
    try (BufferedReader r =
        reader(
            Files.newInputStream(DATA.resolve("crime-memphis-robberies/memphis_robberies.csv")))) {
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] c = line.split(",", -1);
        events.add(
            new Event(
                LocalDateTime.parse(c[2]),
                utm.toXY(new LonLat(Double.parseDouble(c[3]), Double.parseDouble(c[4])))));
      }
    }
    assertThat(events).hasSize(2_245);
    ForecastEvaluation.Result result =
        evaluate(
            events,
            LocalDateTime.of(2019, 1, 1, 0, 0),
            LocalDateTime.of(2020, 1, 1, 0, 0),
            250,
            400);
    write("memphis", result);
    assertSensible(result);
  }

  private static ForecastEvaluation.Result evaluate(
      List<Event> events, LocalDateTime from, LocalDateTime to, double cell, double hex) {
    double[] x = new double[events.size()];
    double[] y = new double[x.length];
    double[] days = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = events.get(i).xy().x();
      y[i] = events.get(i).xy().y();
      days[i] = day(events.get(i).time());
    }
    PointSet pts = PointSet.unweighted(x, y);
    GridSpec grid = GridSpec.covering(pts.bounds().expandedBy(cell), cell);
    return ForecastEvaluation.evaluate(
        TimedEvents.of(pts, days),
        Split.rollingOrigin(day(from), day(to), 3),
        ForecastEvaluation.candidates(),
        new ForecastEvaluation.Setup(
            grid, Optional.of(hex), HexGrid.autoBand(hex), 0.05, List.of(0.01, 0.02, 0.05)));
  }

  private static double day(LocalDateTime t) {
    return t.toEpochSecond(ZoneOffset.UTC) / 86400.0;
  }

  private static void assertSensible(ForecastEvaluation.Result result) {
    for (EvaluationRow r : result.rows()) {
      assertThat(r.hitRate()).isBetween(0.0, 1.0);
      if (r.cellsFlagged() > 0) {
        // Every method beats chance (PAI 1) on real, clustered crime; none is perfect.
        assertThat(r.pai()).as("%s at %s", r.method(), r.coverage()).isGreaterThan(1.5);
        assertThat(r.pei()).isBetween(0.0, 1.0);
      }
    }
    for (double c : List.of(0.01, 0.05)) {
      double naive = result.row("naive", c).orElseThrow().hitRate();
      assertThat(result.row("default", c).orElseThrow().hitRate())
          .as("default (%s) against naive at %s", result.chosen().name(), c)
          .isGreaterThanOrEqualTo(naive);
    }
  }

  private static BufferedReader reader(InputStream in) {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  private static void write(String name, ForecastEvaluation.Result result) throws IOException {
    StringBuilder s =
        new StringBuilder(
            "| method | coverage | area flagged | hit rate | PAI | PEI* |\n|---|---|---|---|---|---|\n");
    for (EvaluationRow r : result.rows()) {
      s.append(
          String.format(
              Locale.ROOT,
              "| %s | %.0f %% | %.2f %% | %.1f %% | %.2f | %.2f |%n",
              r.method().equals("default") ? "**default** (" + r.model() + ")" : r.method(),
              100 * r.coverage(),
              100 * r.areaShare(),
              100 * r.hitRate(),
              r.pai(),
              r.pei()));
    }
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/evaluation-" + name + ".md"), s.toString());
  }
}
