package se.tryggkarta.lighting.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.XY;
import se.tryggkarta.layer.LampStatus;
import se.tryggkarta.layer.Lit;

class LampCoverageTest {
  static final double EXACT_M = 1e-9;
  static final GeometryFactory GF = new GeometryFactory();

  static StreetLine street(String id, Lit lit, double... xy) {
    Coordinate[] cs = new Coordinate[xy.length / 2];
    for (int i = 0; i < cs.length; i++) {
      cs[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
    }
    return new StreetLine(
        id, GF.createLineString(cs), "footway", lit, Optional.empty(), OptionalDouble.empty());
  }

  static LampPoint lamp(String id, double x, double y, LampStatus s) {
    return new LampPoint(id, new XY(x, y), s, 25);
  }

  static CoverageResult run(List<StreetLine> streets, List<LampPoint> lamps) {
    return LampCoverage.compute(streets, lamps, new CoverageSettings(25, 0));
  }

  @Test
  void one_lamp_in_the_middle_of_a_100_m_segment_lights_half_of_it() {
    // 100 m along x, lamp at x = 50 on the line, r = 25: lit [25, 75] = 50 m = 50 %.
    var r =
        run(
            List.of(street("s", Lit.UNKNOWN, 0, 0, 100, 0)),
            List.of(lamp("l", 50, 0, LampStatus.WORKING)));
    SegmentCoverage s = r.segments().get(0);
    assertThat(s.litMeters()).isCloseTo(50, within(EXACT_M));
    assertThat(s.litShare()).isCloseTo(0.5, within(EXACT_M));
    assertThat(s.darkMissingMeters()).isCloseTo(50, within(EXACT_M));
    assertThat(s.source()).isEqualTo(LitSource.LAMPS);
    assertThat(s.stretches()).extracting(DarkStretch::startMeters).containsExactly(0.0, 75.0);
  }

  @Test
  void a_lamp_20_m_off_the_street_lights_a_30_m_chord() {
    // half chord = √(25² − 20²) = 15, so 30 m of the 100 m are lit.
    var r =
        run(
            List.of(street("s", Lit.UNKNOWN, 0, 0, 100, 0)),
            List.of(lamp("l", 50, 20, LampStatus.WORKING)));
    assertThat(r.segments().get(0).litMeters()).isCloseTo(30, within(1e-9));
  }

  @Test
  void a_lamp_at_a_corner_lights_25_m_of_each_leg() {
    // L-shaped street (0,0)→(100,0)→(100,100), lamp on the corner: 25 m on each leg = 50 m.
    var r =
        run(
            List.of(street("s", Lit.UNKNOWN, 0, 0, 100, 0, 100, 100)),
            List.of(lamp("l", 100, 0, LampStatus.WORKING)));
    assertThat(r.segments().get(0).litMeters()).isCloseTo(50, within(EXACT_M));
    assertThat(r.segments().get(0).stretches()).hasSize(2);
  }

  @Test
  void lit_intervals_are_where_working_lamps_reach_and_beat_a_lit_yes_tag() {
    // A 200 m street tagged lit=yes with working lamps at x = 40 and x = 60 (r = 25: [15, 85],
    // overlapping) and at x = 170 ([145, 195]); the tag does not light the rest, the lamps decide.
    var r =
        run(
            List.of(street("s", Lit.YES, 0, 0, 100, 0, 200, 0)),
            List.of(
                lamp("a", 40, 0, LampStatus.WORKING),
                lamp("b", 60, 0, LampStatus.WORKING),
                lamp("c", 170, 0, LampStatus.WORKING)));
    SegmentCoverage s = r.segments().get(0);
    assertThat(s.litIntervals())
        .extracting(LitInterval::fromMeters, LitInterval::toMeters)
        .containsExactly(Tuple.tuple(15.0, 85.0), Tuple.tuple(145.0, 195.0));
    assertThat(s.litIntervals().stream().mapToDouble(LitInterval::lengthMeters).sum())
        .isCloseTo(s.litMeters(), within(EXACT_M));
  }

  @Test
  void a_street_no_lamp_reaches_is_lit_end_to_end_by_lit_yes_and_not_at_all_otherwise() {
    var r =
        run(
            List.of(street("y", Lit.YES, 0, 0, 80, 0), street("u", Lit.UNKNOWN, 0, 500, 80, 500)),
            List.of(lamp("far", 1000, 1000, LampStatus.WORKING)));
    assertThat(r.segments().get(0).litIntervals()).containsExactly(new LitInterval(0, 80));
    assertThat(r.segments().get(1).litIntervals()).isEmpty();
  }

  @Test
  void a_broken_lamp_makes_its_stretch_dark_for_a_broken_cause_and_the_rest_missing() {
    var r =
        run(
            List.of(street("s", Lit.YES, 0, 0, 100, 0)),
            List.of(lamp("b", 50, 0, LampStatus.BROKEN)));
    SegmentCoverage s = r.segments().get(0);
    assertThat(s.litMeters()).isZero();
    assertThat(s.darkBrokenMeters()).isCloseTo(50, within(EXACT_M));
    assertThat(s.darkMissingMeters()).isCloseTo(50, within(EXACT_M));
    assertThat(s.stretches())
        .extracting(DarkStretch::cause)
        .containsExactly(DarkCause.MISSING, DarkCause.BROKEN, DarkCause.MISSING);
    assertThat(s.stretches().get(1).brokenLampIds()).containsExactly("b");
    assertThat(r.repairGainMeters()).containsEntry("b", 50.0);
  }

  @Test
  void repairing_a_lamp_gains_only_what_no_working_lamp_already_lights() {
    // working at 30 lights [5, 55]; broken at 60 reaches [35, 85]; only [55, 85] = 30 m is gained.
    var r =
        run(
            List.of(street("s", Lit.UNKNOWN, 0, 0, 100, 0)),
            List.of(lamp("w", 30, 0, LampStatus.WORKING), lamp("b", 60, 0, LampStatus.BROKEN)));
    assertThat(r.repairGainMeters().get("b")).isCloseTo(30, within(EXACT_M));
    assertThat(r.segments().get(0).darkBrokenMeters()).isCloseTo(30, within(EXACT_M));
  }

  @Test
  void without_lamps_in_reach_the_lit_tag_decides_and_planned_lamps_give_no_light() {
    var r =
        run(
            List.of(
                street("yes", Lit.YES, 0, 0, 100, 0),
                street("no", Lit.NO, 0, 500, 100, 500),
                street("unknown", Lit.UNKNOWN, 0, 1000, 100, 1000)),
            List.of(lamp("p", 50, 500, LampStatus.PLANNED)));
    assertThat(r.segments())
        .extracting(SegmentCoverage::source)
        .containsExactly(LitSource.TAG, LitSource.TAG, LitSource.NONE);
    assertThat(r.segments())
        .extracting(SegmentCoverage::litMeters)
        .containsExactly(100.0, 0.0, 0.0);
    CoverageSummary sum = r.summary();
    assertThat(sum.litByTagMeters()).isCloseTo(100, within(EXACT_M));
    assertThat(sum.darkMissingMeters()).isCloseTo(200, within(EXACT_M));
    assertThat(sum.untaggedDarkMeters()).isCloseTo(100, within(EXACT_M));
    assertThat(sum.plannedLamps()).isEqualTo(1);
    assertThat(sum.litShare()).isCloseTo(1.0 / 3, within(1e-12));
  }

  @Test
  void lamp_output_scales_the_radius_by_the_square_root_and_is_clamped() {
    CoverageSettings s = CoverageSettings.DEFAULT;
    assertThat(s.radiusMeters(OptionalDouble.empty(), OptionalDouble.empty())).isEqualTo(25);
    assertThat(s.radiusMeters(OptionalDouble.of(100), OptionalDouble.empty())).isEqualTo(25);
    // 40 000 lm = 4 × reference → √4 = 2 → 50 m; 1000 W → √10 clamped to 2 → 50 m
    assertThat(s.radiusMeters(OptionalDouble.of(10), OptionalDouble.of(40_000))).isEqualTo(50);
    assertThat(s.radiusMeters(OptionalDouble.of(1000), OptionalDouble.empty())).isEqualTo(50);
    assertThat(s.radiusMeters(OptionalDouble.of(1), OptionalDouble.empty())).isEqualTo(12.5);
  }

  @Test
  void rejects_an_absurd_radius_naming_the_field() {
    for (double bad : new double[] {0, -5, 1e6, Double.NaN}) {
      assertThatThrownBy(() -> new CoverageSettings(bad, 5))
          .isInstanceOfSatisfying(
              DomainException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
                assertThat(e.field()).contains("radius");
              });
    }
  }

  @Test
  void dark_stretch_ids_are_stable_across_runs_and_input_order() {
    Random rnd = new Random(7);
    List<StreetLine> streets = randomStreets(rnd, 200);
    List<LampPoint> lamps = randomLamps(rnd, 150);
    List<String> first = ids(run(streets, lamps));
    List<StreetLine> s2 = new ArrayList<>(streets);
    List<LampPoint> l2 = new ArrayList<>(lamps);
    Collections.shuffle(s2, new Random(1));
    Collections.shuffle(l2, new Random(2));
    List<String> second = ids(run(s2, l2));
    assertThat(second).containsExactlyInAnyOrderElementsOf(first).doesNotHaveDuplicates();
    assertThat(first).isNotEmpty();
  }

  @Test
  void every_segment_splits_exactly_into_lit_dark_broken_and_dark_missing() {
    Random rnd = new Random(11);
    var r = run(randomStreets(rnd, 300), randomLamps(rnd, 300));
    for (SegmentCoverage s : r.segments()) {
      assertThat(s.litMeters() + s.darkBrokenMeters() + s.darkMissingMeters())
          .isCloseTo(s.lengthMeters(), within(1e-6));
      double listed = s.stretches().stream().mapToDouble(DarkStretch::lengthMeters).sum();
      assertThat(listed).isCloseTo(s.darkBrokenMeters() + s.darkMissingMeters(), within(1e-6));
      for (DarkStretch d : s.stretches()) {
        assertThat(d.lineMeters().getLength()).isCloseTo(d.lengthMeters(), within(1e-6));
      }
    }
  }

  /**
   * Oracle: JTS buffer union of the working lamps' discs intersected with the streets. Buffers are
   * polygons with 32 segments per quadrant, so they fall short of the circle by under 0.1 %.
   */
  @Test
  void lit_length_agrees_with_jts_buffer_union_intersection_within_one_percent() {
    Random rnd = new Random(42);
    List<StreetLine> streets = randomStreets(rnd, 150);
    List<LampPoint> lamps = randomLamps(rnd, 250);
    var r = run(streets, lamps);
    List<Geometry> discs = new ArrayList<>();
    for (LampPoint l : lamps) {
      if (l.status() == LampStatus.WORKING) {
        discs.add(
            GF.createPoint(new Coordinate(l.position().x(), l.position().y()))
                .buffer(l.radiusMeters(), 32));
      }
    }
    Geometry lit = UnaryUnionOp.union(discs);
    double oracle = 0;
    double oracleOnLampSegments = 0;
    for (SegmentCoverage s : r.segments()) {
      double len = s.street().lineMeters().intersection(lit).getLength();
      oracle += len;
      if (s.source() == LitSource.LAMPS) {
        oracleOnLampSegments += len;
      }
    }
    assertThat(oracle).isGreaterThan(500);
    assertThat(oracleOnLampSegments).isCloseTo(oracle, within(1e-9));
    assertThat(r.summary().litByLampsMeters()).isCloseTo(oracle, within(oracle * 0.01));
  }

  static List<StreetLine> randomStreets(Random rnd, int n) {
    List<StreetLine> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int pts = 2 + rnd.nextInt(4);
      double[] xy = new double[pts * 2];
      double x = rnd.nextDouble() * 2000;
      double y = rnd.nextDouble() * 2000;
      for (int k = 0; k < pts; k++) {
        xy[2 * k] = x;
        xy[2 * k + 1] = y;
        x += rnd.nextGaussian() * 60;
        y += rnd.nextGaussian() * 60;
      }
      out.add(street("s" + i, Lit.UNKNOWN, xy));
    }
    return out;
  }

  static List<LampPoint> randomLamps(Random rnd, int n) {
    List<LampPoint> out = new ArrayList<>();
    LampStatus[] st = {
      LampStatus.WORKING,
      LampStatus.WORKING,
      LampStatus.WORKING,
      LampStatus.BROKEN,
      LampStatus.PLANNED
    };
    for (int i = 0; i < n; i++) {
      out.add(
          new LampPoint(
              "l" + i,
              new XY(rnd.nextDouble() * 2000, rnd.nextDouble() * 2000),
              st[rnd.nextInt(st.length)],
              10 + rnd.nextDouble() * 40));
    }
    return out;
  }

  private static List<String> ids(CoverageResult r) {
    return r.darkStretches().stream().map(DarkStretch::id).toList();
  }
}
