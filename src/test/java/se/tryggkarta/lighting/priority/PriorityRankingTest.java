package se.tryggkarta.lighting.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.linearref.LengthIndexedLine;
import se.tryggkarta.common.Lang;
import se.tryggkarta.common.XY;
import se.tryggkarta.layer.LampStatus;
import se.tryggkarta.layer.Lit;
import se.tryggkarta.lighting.coverage.CoverageResult;
import se.tryggkarta.lighting.coverage.CoverageSettings;
import se.tryggkarta.lighting.coverage.LampCoverage;
import se.tryggkarta.lighting.coverage.LampPoint;
import se.tryggkarta.lighting.coverage.StreetLine;

class PriorityRankingTest {
  static final GeometryFactory GF = new GeometryFactory();
  static final double EXACT = 1e-9;

  static StreetLine street(String id, String highway, double... xy) {
    Coordinate[] cs = new Coordinate[xy.length / 2];
    for (int i = 0; i < cs.length; i++) {
      cs[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
    }
    return new StreetLine(
        id,
        GF.createLineString(cs),
        highway,
        Lit.UNKNOWN,
        Optional.empty(),
        OptionalDouble.empty());
  }

  static List<Priority> rank(
      List<StreetLine> streets,
      List<LampPoint> lamps,
      List<IncidentPoint> incidents,
      List<ReportPoint> reports) {
    CoverageResult c = LampCoverage.compute(streets, lamps, new CoverageSettings(25, 0));
    return PriorityRanking.rank(
        c,
        lamps,
        new KernelNightDensity(incidents, 100),
        new ReportIndex(reports),
        PriorityWeights.DEFAULT,
        NightWindow.DEFAULT);
  }

  @Test
  void score_of_a_single_stretch_follows_the_formula() {
    // A 1000 m dark footway; an incident on it at 500 m counts (15/16h)·∫k = 1 exactly (the
    // kernel lies wholly on the line). One darkness report 10 m away, one other report 40 m away.
    // score = 1.0 × (1×1 + 3×1 + 1×1) = 5.
    List<Priority> p =
        rank(
            List.of(street("s", "footway", 0, 0, 1000, 0)),
            List.of(new LampPoint("far", new XY(5000, 5000), LampStatus.WORKING, 25)),
            List.of(new IncidentPoint(new XY(500, 0), 1)),
            List.of(
                new ReportPoint(new XY(300, 10), true), new ReportPoint(new XY(700, 40), false)));
    assertThat(p).hasSize(1);
    Priority s = p.get(0);
    assertThat(s.kind()).isEqualTo(PriorityKind.NEW_LIGHT);
    assertThat(s.nightIncidents()).isCloseTo(1, within(EXACT));
    assertThat(s.darknessReports()).isEqualTo(1);
    assertThat(s.otherReports()).isEqualTo(1);
    assertThat(s.score()).isCloseTo(5, within(EXACT));
    assertThat(s.explanation().in(Lang.EN))
        .contains("Score = 1.00 × (1.0×1.00 + 3.0×1 + 1.0×1) = 5.00");
    // Swedish: decimal commas, and the same figures
    assertThat(s.explanation().in(Lang.SV))
        .contains("Poäng = 1,00 × (1,0×1,00 + 3,0×1 + 1,0×1) = 5,00");
    assertThat(s.litGainMeters()).isCloseTo(1000, within(EXACT));
  }

  @Test
  void a_broken_lamp_scores_the_point_kernel_at_its_position() {
    // Incident 50 m from the broken lamp: k(0.5) = (1 − 0.25)² = 0.5625; residential W = 0.8.
    List<Priority> p =
        rank(
            List.of(street("s", "residential", 0, 0, 100, 0)),
            List.of(
                new LampPoint("w", new XY(15, 0), LampStatus.WORKING, 25),
                new LampPoint("b", new XY(75, 0), LampStatus.BROKEN, 25)),
            List.of(new IncidentPoint(new XY(75, 50), 1)),
            List.of());
    Priority repair =
        p.stream().filter(x -> x.kind() == PriorityKind.REPAIR).findFirst().orElseThrow();
    assertThat(repair.id()).isEqualTo("repair-b");
    assertThat(repair.nightIncidents()).isCloseTo(0.5625, within(EXACT));
    assertThat(repair.score()).isCloseTo(0.8 * 0.5625, within(EXACT));
    assertThat(repair.litGainMeters()).isCloseTo(50, within(EXACT)); // [50, 100]
  }

  @Test
  void line_kernel_sum_matches_a_brute_force_riemann_sum() {
    Random rnd = new Random(3);
    List<IncidentPoint> inc = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      inc.add(
          new IncidentPoint(
              new XY(rnd.nextDouble() * 600, rnd.nextDouble() * 600), 1 + rnd.nextInt(3)));
    }
    KernelNightDensity k = new KernelNightDensity(inc, 100);
    LineString line =
        GF.createLineString(
            new Coordinate[] {
              new Coordinate(50, 50), new Coordinate(300, 120), new Coordinate(420, 500)
            });
    LengthIndexedLine idx = new LengthIndexedLine(line);
    double step = 0.05;
    double sum = 0;
    for (double s = step / 2; s < line.getLength(); s += step) {
      Coordinate c = idx.extractPoint(s);
      for (IncidentPoint p : inc) {
        double u = Math.hypot(c.x - p.position().x(), c.y - p.position().y()) / 100;
        if (u < 1) {
          sum += p.weight() * (1 - u * u) * (1 - u * u) * step;
        }
      }
    }
    double brute = sum * 15 / (16 * 100.0);
    assertThat(k.exposure(line).weightedCount()).isCloseTo(brute, within(brute * 1e-4));
    long reach =
        inc.stream()
            .filter(
                p ->
                    line.distance(
                            GF.createPoint(new Coordinate(p.position().x(), p.position().y())))
                        < 100)
            .count();
    assertThat(k.exposure(line).incidentsWithinReach()).isEqualTo((int) reach);
  }

  @Test
  void line_kernel_sum_is_additive_over_the_parts_of_a_line() {
    Random rnd = new Random(5);
    List<IncidentPoint> inc = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      inc.add(new IncidentPoint(new XY(rnd.nextDouble() * 300, rnd.nextDouble() * 100), 1));
    }
    KernelNightDensity k = new KernelNightDensity(inc, 80);
    LineString whole = (LineString) street("s", "x", 0, 50, 300, 50).lineMeters();
    LineString a = (LineString) street("a", "x", 0, 50, 120, 50).lineMeters();
    LineString b = (LineString) street("b", "x", 120, 50, 300, 50).lineMeters();
    assertThat(k.exposure(a).weightedCount() + k.exposure(b).weightedCount())
        .isCloseTo(k.exposure(whole).weightedCount(), within(1e-9));
  }

  @Test
  void the_list_is_in_total_order_with_unique_ids_and_more_incidents_never_lower_a_score() {
    Random rnd = new Random(9);
    List<StreetLine> streets = new ArrayList<>();
    String[] classes = {"footway", "residential", "primary", "service"};
    for (int i = 0; i < 120; i++) {
      double x = rnd.nextDouble() * 1500;
      double y = rnd.nextDouble() * 1500;
      streets.add(
          street(
              "s" + i,
              classes[i % 4],
              x,
              y,
              x + rnd.nextGaussian() * 120,
              y + rnd.nextGaussian() * 120));
    }
    List<LampPoint> lamps = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      lamps.add(
          new LampPoint(
              "l" + i,
              new XY(rnd.nextDouble() * 1500, rnd.nextDouble() * 1500),
              i % 4 == 0 ? LampStatus.BROKEN : LampStatus.WORKING,
              25));
    }
    List<IncidentPoint> inc = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      inc.add(new IncidentPoint(new XY(rnd.nextDouble() * 1500, rnd.nextDouble() * 1500), 1));
    }
    List<ReportPoint> rep = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      rep.add(
          new ReportPoint(new XY(rnd.nextDouble() * 1500, rnd.nextDouble() * 1500), i % 2 == 0));
    }
    List<Priority> before = rank(streets, lamps, inc, rep);
    for (int i = 1; i < before.size(); i++) {
      assertThat(PriorityRanking.ORDER.compare(before.get(i - 1), before.get(i))).isNegative();
      assertThat(before.get(i).score()).isFinite().isGreaterThanOrEqualTo(0);
    }
    assertThat(before.stream().map(Priority::id)).doesNotHaveDuplicates();
    List<IncidentPoint> more = new ArrayList<>(inc);
    for (int i = 0; i < 100; i++) {
      more.add(new IncidentPoint(new XY(rnd.nextDouble() * 1500, rnd.nextDouble() * 1500), 1));
    }
    Map<String, Double> after = new HashMap<>();
    rank(streets, lamps, more, rep).forEach(p -> after.put(p.id(), p.score()));
    for (Priority p : before) {
      assertThat(after.get(p.id())).isGreaterThanOrEqualTo(p.score() - 1e-12);
    }
  }

  @Test
  void the_night_window_wraps_midnight_and_keeps_to_winter_months() {
    ZoneId z = ZoneId.of("Europe/Stockholm");
    NightWindow w = NightWindow.DEFAULT;
    assertThat(w.contains(at(2024, 1, 10, 22, z), z)).isTrue();
    assertThat(w.contains(at(2024, 1, 10, 5, z), z)).isTrue();
    assertThat(w.contains(at(2024, 1, 10, 6, z), z)).isFalse();
    assertThat(w.contains(at(2024, 1, 10, 12, z), z)).isFalse();
    assertThat(w.contains(at(2024, 7, 10, 22, z), z)).isFalse();
    assertThat(w.contains(at(2024, 10, 1, 18, z), z)).isTrue();
    NightWindow year = new NightWindow(18, 6, NightWindow.Season.YEAR);
    assertThat(year.contains(at(2024, 7, 10, 22, z), z)).isTrue();
    NightWindow day = new NightWindow(6, 18, NightWindow.Season.YEAR);
    assertThat(day.contains(at(2024, 7, 10, 12, z), z)).isTrue();
    assertThat(day.contains(at(2024, 7, 10, 22, z), z)).isFalse();
  }

  @Test
  void walk_factor_comes_from_footfall_when_present_else_from_street_class() {
    StreetLine foot = street("f", "footway", 0, 0, 10, 0);
    assertThat(WalkFactor.of(foot, 0).value()).isEqualTo(1.0);
    assertThat(WalkFactor.of(street("m", "motorway", 0, 0, 1, 0), 0).value()).isEqualTo(0.05);
    assertThat(WalkFactor.of(street("u", "weird", 0, 0, 1, 0), 0).value()).isEqualTo(0.6);
    StreetLine counted =
        new StreetLine(
            "c",
            foot.lineMeters(),
            "primary",
            Lit.UNKNOWN,
            Optional.empty(),
            OptionalDouble.of(50));
    // 0.1 + 0.9 × 50/200 = 0.325
    assertThat(WalkFactor.of(counted, 200).value()).isCloseTo(0.325, within(EXACT));
  }

  private static Instant at(int y, int m, int d, int h, ZoneId z) {
    return LocalDateTime.of(y, m, d, h, 0).atZone(z).toInstant();
  }
}
