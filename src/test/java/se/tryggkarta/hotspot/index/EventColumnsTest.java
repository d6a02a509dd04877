package se.tryggkarta.hotspot.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.common.XY;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.grid.PointSet;
import se.tryggkarta.hotspot.index.EventOracle.Event;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.PointRowSink;
import se.tryggkarta.workspace.Workspace;

class EventColumnsTest {
  private static final Workspace KUNGALV = Workspace.of("kungalv", "Kungälv");
  private static final ZoneId STOCKHOLM = KUNGALV.timeZone();
  private static final Crs CRS = KUNGALV.crs();
  private static final List<String> CATEGORIES =
      List.of("theft", "assault", "vandalism", "drugs", "burglary");
  private static final Instant T0 = Instant.parse("2023-01-01T00:00:00Z");
  private static final long TWO_YEARS_S = 2 * 366 * 86_400L;

  /** A raw row as a store would send it. */
  private record Row(double lon, double lat, long millis, String category, double weight) {}

  private static EventColumns build(Workspace w, Layer layer, List<Row> rows) {
    EventColumns.Builder b = EventColumns.builder(w, layer);
    rows.forEach(r -> b.accept(r.lon, r.lat, r.millis, r.category, r.weight));
    return b.build(42);
  }

  private static List<Event> oracleEvents(List<Row> rows) {
    List<Event> out = new ArrayList<>();
    for (Row r : rows) {
      XY xy = CRS.toXY(new LonLat(r.lon, r.lat));
      Optional<Instant> t =
          r.millis == PointRowSink.NO_TIME
              ? Optional.empty()
              : Optional.of(Instant.ofEpochMilli(r.millis));
      out.add(new Event(xy.x(), xy.y(), t, r.category, r.weight));
    }
    return out;
  }

  /** Seeded incidents over Kungälv, two years of whole seconds, with the DST nights crowded. */
  private static List<Row> randomRows(int n, long seed) {
    Random r = new Random(seed);
    double[] weights = {1, 1, 1, 2, 0.5, 3.25};
    List<Instant> dst =
        List.of(Instant.parse("2023-03-26T01:00:00Z"), Instant.parse("2024-10-27T01:00:00Z"));
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Instant t =
          i % 10 == 0
              ? dst.get(r.nextInt(2)).plusSeconds(r.nextInt(7200) - 3600)
              : T0.plusSeconds((long) (r.nextDouble() * TWO_YEARS_S));
      rows.add(
          new Row(
              11.90 + 0.2 * r.nextDouble(),
              57.80 + 0.15 * r.nextDouble(),
              t.toEpochMilli(),
              CATEGORIES.get(r.nextInt(CATEGORIES.size())),
              weights[r.nextInt(weights.length)]));
    }
    return rows;
  }

  @Test
  void selectionsMatchTheBruteForceOracleForSeededRandomQueries() {
    List<Row> rows = randomRows(5_000, 1);
    EventColumns columns = build(KUNGALV, Layer.INCIDENTS, rows);
    List<Event> all = oracleEvents(rows);
    EventOracle.assertSameEvents(EventOracle.events(columns.select(EventQuery.ALL)), all);

    Random r = new Random(2);
    for (int q = 0; q < 150; q++) {
      EventQuery query = EventOracle.randomQuery(r, all, T0, TWO_YEARS_S, CATEGORIES);
      EventOracle.assertSameEvents(
          EventOracle.events(columns.select(query)), EventOracle.select(all, query, STOCKHOLM));
    }
  }

  @Test
  void periodsAreHalfOpenToTheMillisecond() {
    Instant t = Instant.parse("2024-05-01T12:00:00Z");
    List<Row> rows =
        List.of(
            new Row(12.0, 57.9, t.toEpochMilli(), "theft", 1),
            new Row(12.0, 57.9, t.toEpochMilli() + 1, "theft", 1),
            new Row(12.0, 57.9, t.toEpochMilli() + 60_000, "theft", 1));
    EventColumns c = build(KUNGALV, Layer.INCIDENTS, rows);
    assertThat(c.select(EventQuery.ALL.withPeriod(TimeRange.of(t, t.plusMillis(1)))).size())
        .isEqualTo(1);
    assertThat(
            c.select(EventQuery.ALL.withPeriod(TimeRange.of(t.plusMillis(1), t.plusSeconds(60))))
                .time(0))
        .contains(t.plusMillis(1));
    // a bound inside a millisecond: the event at +1 ms is not before +0.5 ms
    assertThat(
            c.select(
                    EventQuery.ALL.withPeriod(
                        TimeRange.of(t.minusSeconds(1), t.plusNanos(500_000))))
                .size())
        .isEqualTo(1);
    assertThat(
            c.select(EventQuery.ALL.withPeriod(TimeRange.of(t.plusSeconds(60), t.plusSeconds(61))))
                .size())
        .isEqualTo(1);
    assertThat(c.earliest()).contains(t);
    assertThat(c.latest()).contains(t.plusSeconds(60));
  }

  @Test
  void localHoursFollowTheWorkspacesDaylightSavingTime() {
    // Sunday 31 March 2024: Stockholm moves from +01:00 to +02:00 at 01:00 UTC (02:00 → 03:00)
    Instant beforeShift = Instant.parse("2024-03-31T00:30:00Z"); // 01:30 local
    Instant afterShift = Instant.parse("2024-03-31T01:30:00Z"); // 03:30 local
    EventColumns c =
        build(
            KUNGALV,
            Layer.INCIDENTS,
            List.of(
                new Row(12.0, 57.9, beforeShift.toEpochMilli(), "theft", 1),
                new Row(12.0, 57.9, afterShift.toEpochMilli(), "theft", 1)));
    assertThat(c.select(EventQuery.ALL.withLocalHours(Set.of(1))).time(0)).contains(beforeShift);
    assertThat(c.select(EventQuery.ALL.withLocalHours(Set.of(3))).time(0)).contains(afterShift);
    assertThat(c.select(EventQuery.ALL.withLocalHours(Set.of(2))).size()).isZero();
    assertThat(c.select(EventQuery.ALL.withWeekdays(Set.of(DayOfWeek.SUNDAY))).size()).isEqualTo(2);
    assertThat(c.select(EventQuery.ALL.withWeekdays(Set.of(DayOfWeek.MONDAY))).size()).isZero();

    Workspace helsinki =
        new Workspace(
            "hki",
            "Helsinki",
            CRS,
            Optional.empty(),
            ZoneId.of("Europe/Helsinki"),
            false,
            KUNGALV.privacy());
    EventColumns h =
        build(
            helsinki,
            Layer.INCIDENTS,
            List.of(new Row(12, 57.9, afterShift.toEpochMilli(), "theft", 1)));
    assertThat(h.select(EventQuery.ALL.withLocalHours(Set.of(4))).size()).isEqualTo(1);
  }

  @Test
  void untimedLampsIgnoreThePeriodAndAnHourFilterSelectsNone() {
    List<Row> rows =
        List.of(
            new Row(12.0, 57.9, PointRowSink.NO_TIME, "broken", 1),
            new Row(12.01, 57.9, PointRowSink.NO_TIME, "working", 1));
    EventColumns lamps = build(KUNGALV, Layer.LAMPS, rows);
    Instant t = Instant.parse("2024-01-01T00:00:00Z");
    EventSelection all = lamps.select(EventQuery.ALL.withPeriod(TimeRange.of(t, t.plusSeconds(1))));
    assertThat(all.size()).isEqualTo(2);
    assertThat(all.time(0)).isEmpty();
    assertThat(lamps.select(EventQuery.ALL.withCategories(Set.of("broken"))).category(0))
        .isEqualTo("broken");
    assertThat(lamps.select(EventQuery.ALL.withLocalHours(Set.of(22))).size()).isZero();
    assertThat(lamps.select(EventQuery.ALL.withWeekdays(Set.of(DayOfWeek.FRIDAY))).size()).isZero();
    assertThat(lamps.earliest()).isEmpty();
  }

  @Test
  void aHalfLifeHalvesTheWeightOfAnEventOneHalfLifeBeforeThePeriodsEnd() {
    Instant end = Instant.parse("2024-06-01T00:00:00Z");
    EventColumns c =
        build(
            KUNGALV,
            Layer.INCIDENTS,
            List.of(
                new Row(12.0, 57.9, end.minus(Duration.ofDays(30)).toEpochMilli(), "theft", 1),
                new Row(12.0, 57.9, end.minus(Duration.ofDays(60)).toEpochMilli(), "drugs", 3)));
    EventSelection s =
        c.select(
            EventQuery.ALL
                .withPeriod(TimeRange.of(end.minus(Duration.ofDays(365)), end))
                .withHalfLife(Duration.ofDays(30))
                .withCategoryWeights(Map.of("theft", 2.0)));
    // w = weight · categoryWeight · 2^(−age/30 d): 1·2·½ and 3·1·¼
    assertThat(s.weight(0)).isEqualTo(0.75);
    assertThat(s.weight(1)).isEqualTo(1.0);
    assertThat(s.totalWeight()).isEqualTo(1.75);
    // without a period end the newest selected event is the reference
    EventSelection open = c.select(EventQuery.ALL.withHalfLife(Duration.ofDays(30)));
    assertThat(open.weight(0)).isEqualTo(1.5);
    assertThat(open.weight(1)).isEqualTo(1.0);
  }

  @Test
  void binsHoldEachSelectedEventsWeightInTheCellContainingIt() {
    EventColumns c = build(KUNGALV, Layer.INCIDENTS, randomRows(3_000, 3));
    EventSelection s =
        c.select(
            EventQuery.ALL
                .withHalfLife(Duration.ofDays(90))
                .withCategories(Set.of("theft", "drugs")));
    PointSet points = s.points();
    GridSpec grid = GridSpec.covering(points.bounds().expandedBy(-500), 100);
    double[] expected = new double[grid.cellCount()];
    int[] expectedCounts = new int[grid.cellCount()];
    for (int i = 0; i < points.size(); i++) {
      int cell = grid.indexOf(points.x(i), points.y(i));
      if (cell >= 0) {
        expected[cell] += points.weight(i);
        expectedCounts[cell]++;
      }
    }
    assertThat(s.binWeights(grid)).containsExactly(expected);
    double[] twice = s.binWeights(grid);
    s.addWeights(grid, twice); // adds to what is there: every cell doubles (up to rounding)
    for (int i = 0; i < expected.length; i++) {
      assertThat(twice[i]).isCloseTo(2 * expected[i], org.assertj.core.data.Offset.offset(1e-9));
    }
    assertThat(s.binCounts(grid)).containsExactly(expectedCounts);
    assertThat(s.counted().totalWeight()).isEqualTo(s.size());
  }

  @Test
  void moreThan256CategoriesAreCodedWiderAndStillSelectExactly() {
    Random r = new Random(4);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      rows.add(
          new Row(
              11.9 + 0.2 * r.nextDouble(),
              57.8 + 0.15 * r.nextDouble(),
              T0.plusSeconds(r.nextInt(1_000_000)).toEpochMilli(),
              "category-" + (i % 300),
              1 + (i % 400)));
    }
    EventColumns c = build(KUNGALV, Layer.INCIDENTS, rows);
    assertThat(c.categories()).hasSize(300);
    EventQuery q = EventQuery.ALL.withCategories(Set.of("category-7", "category-299"));
    EventOracle.assertSameEvents(
        EventOracle.events(c.select(q)), EventOracle.select(oracleEvents(rows), q, STOCKHOLM));
    // 300 categories and 400 weights need int codes: 4 + 4 + 4 + 2 + 1 + 4 + 4 bytes a row
    assertThat(c.bytes()).isBetween(23L * rows.size(), 23L * rows.size() + 64 * 1024);
  }

  @Test
  void bytesCountEveryColumnAtAboutSeventeenBytesAnEvent() {
    int n = 10_000;
    EventColumns c = build(KUNGALV, Layer.INCIDENTS, randomRows(n, 5));
    // x, y, minute: 4 bytes each; millisecond of the minute 2; hour of week, category, weight 1
    assertThat(c.bytes()).isBetween(17L * n, 17L * n + 2 * 1024);
    assertThat(c.size()).isEqualTo(n);
    assertThat(c.dataVersion()).isEqualTo(42);
  }

  @Test
  void anEmptyLayerSelectsNothingAndStreetsAreRefused() {
    EventColumns empty = build(KUNGALV, Layer.INCIDENTS, List.of());
    assertThat(empty.size()).isZero();
    assertThat(empty.select(EventQuery.ALL.withLocalHours(Set.of(3))).isEmpty()).isTrue();
    assertThat(empty.select(EventQuery.ALL).points().size()).isZero();
    assertThatThrownBy(() -> EventColumns.builder(KUNGALV, Layer.STREETS))
        .isInstanceOf(DomainException.class);
  }
}
