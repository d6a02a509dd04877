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
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.XY;
import se.tryggkarta.hotspot.gistar.HexGrid;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.grid.PointSet;
import se.tryggkarta.hotspot.kde.Kernel;

/**
 * Forecast evaluation on real crime data from the fixtures in src/test/resources/fixtures (see each
 * folder's SOURCE.md): KDE vs Gi* vs last period's counts. Writes the table to
 * target/evaluation-*.md for the README.
 */
class RealCrimeEvaluationIT {
  static final Path DATA = Path.of("src/test/resources/fixtures");

  record Event(LocalDateTime time, XY xy) {}

  @Test
  void nyc_vehicle_thefts_2017_are_forecast_by_2014_to_2016_better_than_chance()
      throws IOException {
    // EPSG:32618, WGS 84 / UTM 18N, for New York. Train 2014–2016, test 2017.
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
    List<EvaluationRow> rows = evaluate(events, 2017, 1, 150, 300, 250);
    write("nyc", rows);
    assertSensible(rows);
  }

  @Test
  void memphis_robberies_of_the_last_quarter_are_forecast_by_the_first_three() throws IOException {
    // EPSG:32616, WGS 84 / UTM 16N. Train Jan–Sep 2019, test Oct–Dec 2019. Coordinates are rounded
    // to 0.001° (~100 m), so cells and bandwidth are coarser than for New York.
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
    List<EvaluationRow> rows = evaluate(events, 2019, 10, 250, 500, 400);
    write("memphis", rows);
    assertSensible(rows);
  }

  private static List<EvaluationRow> evaluate(
      List<Event> events, int testYear, int testMonth, double cell, double bandwidth, double hex) {
    List<Event> train = new ArrayList<>();
    List<Event> test = new ArrayList<>();
    LocalDateTime split = LocalDateTime.of(testYear, testMonth, 1, 0, 0);
    for (Event e : events) {
      (e.time().isBefore(split) ? train : test).add(e);
    }
    PointSet trainPts = points(train);
    PointSet testPts = points(test);
    Bbox all = points(events).bounds();
    GridSpec grid = GridSpec.covering(all.expandedBy(cell), cell);
    return ForecastEvaluation.evaluate(
        trainPts,
        testPts,
        new ForecastEvaluation.Setup(
            grid,
            Kernel.QUARTIC,
            bandwidth,
            hex,
            HexGrid.autoBand(hex),
            0.05,
            List.of(0.01, 0.02, 0.05)));
  }

  private static void assertSensible(List<EvaluationRow> rows) {
    for (EvaluationRow r : rows) {
      assertThat(r.hitRate()).isBetween(0.0, 1.0);
      if (r.cellsFlagged() > 0) {
        // Every method beats chance (PAI 1) on real, clustered crime; none is perfect.
        assertThat(r.pai()).as("%s at %s", r.method(), r.coverage()).isGreaterThan(1.5);
        assertThat(r.pei()).isBetween(0.0, 1.0);
      }
    }
    EvaluationRow kde5 = find(rows, Method.KDE, 0.05);
    EvaluationRow kde1 = find(rows, Method.KDE, 0.01);
    assertThat(kde5.hitRate()).isGreaterThan(kde1.hitRate());
    assertThat(kde1.pai()).isGreaterThan(kde5.pai());
  }

  private static EvaluationRow find(List<EvaluationRow> rows, Method m, double c) {
    return rows.stream()
        .filter(r -> r.method() == m && r.coverage() == c)
        .findFirst()
        .orElseThrow();
  }

  private static PointSet points(List<Event> events) {
    double[] x = new double[events.size()];
    double[] y = new double[events.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = events.get(i).xy().x();
      y[i] = events.get(i).xy().y();
    }
    return PointSet.unweighted(x, y);
  }

  private static BufferedReader reader(InputStream in) {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  private static void write(String name, List<EvaluationRow> rows) throws IOException {
    StringBuilder s =
        new StringBuilder("| method | coverage | area flagged | hit rate | PAI | PEI* |\n");
    s.append("|---|---|---|---|---|---|\n");
    for (EvaluationRow r : rows) {
      s.append(
          String.format(
              Locale.ROOT,
              "| %s | %.0f %% | %.2f %% | %.1f %% | %.2f | %.2f |%n",
              r.method().slug(),
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
