package se.tryggkarta.hotspot.emerging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.XY;
import se.tryggkarta.hotspot.gistar.GiStarResult;
import se.tryggkarta.hotspot.gistar.HexGrid;
import se.tryggkarta.hotspot.grid.PointSet;

class EmergingHotspotsTest {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures");

  /** The golden file prints τ and p with 12 significant digits. */
  static final double TREND_TOLERANCE = 1e-9;

  static final double Z_TOLERANCE = 1e-9;

  /** The Memphis robberies of 2019 in UTM 16N, and each one's month (0 = January). */
  record MonthlyEvents(PointSet points, int[] month) {
    static MonthlyEvents memphis() throws IOException {
      Crs utm = Crs.of(32616);
      List<String> lines =
          Files.readAllLines(FIXTURES.resolve("crime-memphis-robberies/memphis_robberies.csv"));
      int n = lines.size() - 1;
      double[] x = new double[n];
      double[] y = new double[n];
      int[] month = new int[n];
      for (int i = 0; i < n; i++) {
        String[] c = lines.get(i + 1).split(",");
        XY p = utm.toXY(new LonLat(Double.parseDouble(c[3]), Double.parseDouble(c[4])));
        x[i] = p.x();
        y[i] = p.y();
        // date_local is naive local time, YYYY-MM-DDTHH:MM:SS: the month is the text's.
        month[i] = Integer.parseInt(c[2].substring(5, 7)) - 1;
      }
      return new MonthlyEvents(PointSet.unweighted(x, y), month);
    }
  }

  @ParameterizedTest(name = "time lag {0}")
  @ValueSource(ints = {0, 1})
  void classes_trends_and_counts_equal_the_r_golden_for_the_memphis_robberies_by_month(int lag)
      throws IOException {
    // Golden by src/test/resources/fixtures/golden/emerging-memphis.R: spdep localG per month,
    // sfdep's lagged Gi* formula, base R's Kendall test and sfdep's rules; 800 m, band 1600 m.
    MonthlyEvents events = MonthlyEvents.memphis();
    HexGrid grid = HexGrid.covering(events.points().bounds().expandedBy(1), 800);
    SpaceTimeCube cube = SpaceTimeCube.of(grid, 12, events.points(), events.month());
    EmergingResult r = EmergingHotspots.analyse(cube, HexGrid.autoBand(800), lag, 0.05);

    List<String> golden = Files.readAllLines(FIXTURES.resolve("golden/emerging-memphis-800m.csv"));
    assertThat(golden).hasSize(r.size() + 1);
    int column = lag == 0 ? 4 : 7;
    Map<String, Integer> tally = new TreeMap<>();
    for (int i = 0; i < r.size(); i++) {
      String[] g = golden.get(i + 1).split(",");
      assertThat(grid.centreX(i)).isCloseTo(Double.parseDouble(g[1]), within(0.05));
      assertThat(r.total(i)).as("count of hexagon %d", i).isEqualTo(Double.parseDouble(g[3]));
      assertThat(r.trend(i).tau())
          .as("τ of hexagon %d", i)
          .isCloseTo(Double.parseDouble(g[column + 1]), within(TREND_TOLERANCE));
      assertThat(r.trend(i).pValue())
          .as("trend p of hexagon %d", i)
          .isCloseTo(Double.parseDouble(g[column + 2]), within(TREND_TOLERANCE));
      assertThat(r.emergingClass(i).slug()).as("class of hexagon %d", i).isEqualTo(g[column]);
      tally.merge(g[column], 1, Integer::sum);
    }
    // The comparison means something only if the fixture has several kinds of pattern.
    assertThat(tally.keySet()).hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  void lag_zero_z_scores_are_gi_star_of_each_month_alone() throws IOException {
    MonthlyEvents events = MonthlyEvents.memphis();
    HexGrid grid = HexGrid.covering(events.points().bounds().expandedBy(1), 800);
    SpaceTimeCube cube = SpaceTimeCube.of(grid, 12, events.points(), events.month());
    EmergingResult r = EmergingHotspots.analyse(cube, HexGrid.autoBand(800), 0, 0.05);
    int march = 2;
    int[] inMarch =
        java.util.stream.IntStream.range(0, events.month().length)
            .filter(e -> events.month()[e] == march)
            .toArray();
    double[] x = new double[inMarch.length];
    double[] y = new double[inMarch.length];
    for (int k = 0; k < inMarch.length; k++) {
      x[k] = events.points().x(inMarch[k]);
      y[k] = events.points().y(inMarch[k]);
    }
    GiStarResult march2019 =
        GiStarResult.analyse(PointSet.unweighted(x, y), grid, HexGrid.autoBand(800));
    for (int i = 0; i < r.size(); i++) {
      assertThat(r.zScores(i)[march]).isCloseTo(march2019.zScore(i), within(Z_TOLERANCE));
    }
  }

  @Test
  void a_cluster_that_appears_in_the_last_month_only_is_a_new_hot_spot() {
    // 12 months of 300 uniform events on 10 km × 10 km; in month 12, 40 more at one spot.
    Bbox area = new Bbox(0, 0, 10_000, 10_000);
    java.util.Random rnd = new java.util.Random(25);
    int n = 12 * 300 + 40;
    double[] x = new double[n];
    double[] y = new double[n];
    int[] month = new int[n];
    for (int e = 0; e < n; e++) {
      boolean planted = e >= 12 * 300;
      x[e] = planted ? 5000 + rnd.nextGaussian() * 50 : rnd.nextDouble() * 10_000;
      y[e] = planted ? 5000 + rnd.nextGaussian() * 50 : rnd.nextDouble() * 10_000;
      month[e] = planted ? 11 : e / 300;
    }
    HexGrid grid = HexGrid.covering(area, 500);
    SpaceTimeCube cube = SpaceTimeCube.of(grid, 12, PointSet.unweighted(x, y), month);
    EmergingResult r = EmergingHotspots.analyse(cube, HexGrid.autoBand(500), 0, 0.01);
    assertThat(r.classAt(new XY(5000, 5000))).contains(EmergingClass.NEW_HOT);
    assertThat(r.classAt(new XY(-5000, 5000))).isEmpty();
  }

  @Test
  void a_cluster_growing_every_month_is_an_intensifying_hot_spot() {
    // Month t adds 20 + 10 t events at one spot over 200 uniform ones.
    Bbox area = new Bbox(0, 0, 10_000, 10_000);
    java.util.Random rnd = new java.util.Random(26);
    List<double[]> events = new java.util.ArrayList<>();
    for (int t = 0; t < 12; t++) {
      for (int k = 0; k < 200; k++) {
        events.add(new double[] {rnd.nextDouble() * 10_000, rnd.nextDouble() * 10_000, t});
      }
      for (int k = 0; k < 20 + 10 * t; k++) {
        events.add(
            new double[] {3000 + rnd.nextGaussian() * 60, 7000 + rnd.nextGaussian() * 60, t});
      }
    }
    double[] x = events.stream().mapToDouble(e -> e[0]).toArray();
    double[] y = events.stream().mapToDouble(e -> e[1]).toArray();
    int[] month = events.stream().mapToInt(e -> (int) e[2]).toArray();
    HexGrid grid = HexGrid.covering(area, 500);
    SpaceTimeCube cube = SpaceTimeCube.of(grid, 12, PointSet.unweighted(x, y), month);
    EmergingResult r = EmergingHotspots.analyse(cube, HexGrid.autoBand(500), 1, 0.05);
    assertThat(r.classAt(new XY(3000, 7000))).contains(EmergingClass.INTENSIFYING_HOT);
    int cell = grid.indexOf(3000, 7000);
    assertThat(r.trend(cell).tau()).isPositive();
  }

  @Test
  void rejects_fewer_than_three_steps_and_a_negative_time_lag() {
    HexGrid grid = HexGrid.covering(new Bbox(0, 0, 1000, 1000), 100);
    PointSet one = PointSet.unweighted(new double[] {500}, new double[] {500});
    SpaceTimeCube two = SpaceTimeCube.of(grid, 2, one, new int[] {0});
    assertThatThrownBy(() -> EmergingHotspots.analyse(two, 200, 1, 0.05))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).field())
        .isEqualTo(java.util.Optional.of("step"));
    SpaceTimeCube three = SpaceTimeCube.of(grid, 3, one, new int[] {0});
    assertThatThrownBy(() -> EmergingHotspots.analyse(three, 200, -1, 0.05))
        .isInstanceOf(DomainException.class);
  }
}
