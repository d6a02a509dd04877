package se.tryggkarta.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import se.tryggkarta.common.LonLat;

/**
 * The one property map every writer (layer API, OGC items, exports, the demo files) shows: its key
 * order and how extra properties meet the typed fields.
 */
class RecordPropertiesTest {
  private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
  private static final LonLat KUNGALV = new LonLat(11.98, 57.87);
  private static final Instant T = Instant.parse("2024-03-01T21:15:00Z");

  /** Extras out of name order, the way a CSV with columns "zon, anteckning" brings them. */
  private static Map<String, Object> extrasOutOfOrder() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("zon", "Ytterby");
    m.put("anteckning", "vid tunneln");
    return m;
  }

  @Test
  void incidentKeysAreIdThenTypedFieldsThenExtrasInNameOrder() {
    Incident r = new Incident("p-1", KUNGALV, T, "violence", 2.0, extrasOutOfOrder());

    assertThat(RecordProperties.of(r, true))
        .containsExactly(
            Map.entry("id", "p-1"),
            Map.entry("occurred_at", "2024-03-01T21:15:00Z"),
            Map.entry("category", "violence"),
            Map.entry("weight", 2.0),
            Map.entry("anteckning", "vid tunneln"),
            Map.entry("zon", "Ytterby"));
  }

  @Test
  void everyLayerWritesItsTypedFieldsInTypedNamesOrder() {
    List<LayerRecord> full =
        List.of(
            new Incident("i", KUNGALV, T, "theft", 1.0, Map.of()),
            new UnsafePlace("u", KUNGALV, T, "darkness", "walk", Optional.of("mörkt"), Map.of()),
            new Lamp(
                "l",
                KUNGALV,
                LampStatus.BROKEN,
                OptionalDouble.of(40),
                OptionalDouble.of(3200),
                Optional.of(LocalDate.of(2019, 4, 1)),
                "inventory",
                Map.of()),
            new Place("p", "Resecentrum", point(), Map.of()),
            new StreetSegment("s", line(), "footway", Lit.NO, Optional.of("Dammstigen"), Map.of()));
    for (LayerRecord r : full) {
      List<String> expected = new ArrayList<>(List.of("id"));
      expected.addAll(RecordProperties.typedNames(r.layer()));
      assertThat(RecordProperties.of(r, true).keySet())
          .as(r.layer().slug())
          .containsExactlyElementsOf(expected);
    }
  }

  @Test
  void withoutFreeTextLeavesOutExtrasAndTheComment() {
    UnsafePlace r =
        new UnsafePlace(
            "u-1", KUNGALV, T, "darkness", "survey", Optional.of("Ring Anna"), extrasOutOfOrder());

    assertThat(RecordProperties.of(r, false).keySet())
        .containsExactly("id", "reported_at", "category", "source");
    assertThat(RecordProperties.of(r, true).keySet())
        .containsExactly("id", "reported_at", "category", "source", "comment", "anteckning", "zon");
  }

  @Test
  void typedFieldsAndIdWinOverExtrasOfTheSameNameAndExtrasFillAbsentTypedOnes() {
    // An import with a column mapping can leave columns named like typed fields in extra.
    Map<String, Object> clash = new LinkedHashMap<>();
    clash.put("status", "working");
    clash.put("id", "other");
    clash.put("lumens", 1800);
    Lamp r =
        new Lamp(
            "l-1",
            KUNGALV,
            LampStatus.BROKEN,
            OptionalDouble.of(40),
            OptionalDouble.empty(),
            Optional.empty(),
            "inventory",
            clash);

    Map<String, Object> p = RecordProperties.of(r, true);

    assertThat(p)
        .containsExactly(
            Map.entry("id", "l-1"),
            Map.entry("status", "broken"),
            Map.entry("power_w", 40.0),
            Map.entry("source", "inventory"),
            Map.entry("lumens", 1800));
  }

  @Test
  void theSameRecordGivesEqualMapsWhateverOrderItsExtrasCameIn() {
    Map<String, Object> reversed = new LinkedHashMap<>();
    reversed.put("anteckning", "vid tunneln");
    reversed.put("zon", "Ytterby");
    Place a = new Place("p", "Parken", point(), extrasOutOfOrder());
    Place b = new Place("p", "Parken", point(), reversed);

    assertThat(List.copyOf(RecordProperties.of(a, true).keySet()))
        .isEqualTo(List.copyOf(RecordProperties.of(b, true).keySet()));
  }

  private static Point point() {
    return WGS84.createPoint(new Coordinate(KUNGALV.lon(), KUNGALV.lat()));
  }

  private static LineString line() {
    return WGS84.createLineString(
        new Coordinate[] {
          new Coordinate(KUNGALV.lon(), KUNGALV.lat()),
          new Coordinate(KUNGALV.lon() + 0.001, KUNGALV.lat())
        });
  }
}
