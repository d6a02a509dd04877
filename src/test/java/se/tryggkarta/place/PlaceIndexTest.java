package se.tryggkarta.place;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.layer.Lit;
import se.tryggkarta.layer.Place;
import se.tryggkarta.layer.StreetSegment;

/**
 * Reverse geocoding on a hand-made town near 58° N: Storgatan runs east–west along y = 0,
 * Kyrkogatan north–south along x = 0, an unnamed footway along y = 100, and the park is the square
 * 200..300 × 200..300 (metres from the origin).
 */
class PlaceIndexTest {
  static final double LON0 = 11.8;
  static final double LAT0 = 58.07;
  static final double DEG_PER_M = 1 / (Math.toRadians(1) * 6_371_008.8);
  static final GeometryFactory GF = new GeometryFactory();

  static LonLat at(double eastM, double northM) {
    return new LonLat(
        LON0 + eastM * DEG_PER_M / Math.cos(Math.toRadians(LAT0)), LAT0 + northM * DEG_PER_M);
  }

  static StreetSegment street(String id, String name, LonLat a, LonLat b) {
    return new StreetSegment(
        id,
        GF.createLineString(
            new Coordinate[] {new Coordinate(a.lon(), a.lat()), new Coordinate(b.lon(), b.lat())}),
        "residential",
        Lit.YES,
        Optional.ofNullable(name),
        Map.of());
  }

  static final PlaceIndex TOWN =
      PlaceIndex.of(
          List.of(
              street("s", "Storgatan", at(-500, 0), at(500, 0)),
              street("k", "Kyrkogatan", at(0, -500), at(0, 500)),
              street("f", null, at(-500, 100), at(500, 100))),
          List.of(
              new Place(
                  "p",
                  "Parken",
                  GF.createPolygon(
                      new Coordinate[] {
                        coord(at(200, 200)),
                        coord(at(300, 200)),
                        coord(at(300, 300)),
                        coord(at(200, 300)),
                        coord(at(200, 200))
                      }),
                  Map.of())));

  static Coordinate coord(LonLat p) {
    return new Coordinate(p.lon(), p.lat());
  }

  @Test
  void names_the_nearest_named_street() {
    assertThat(TOWN.addressOf(at(300, 20)).label()).isEqualTo("Storgatan");
    // 95 m from the footway's line would be 5 m from the unnamed footway: it has no name, and
    // Storgatan is 95 m away, beyond the reach: nothing
    assertThat(TOWN.addressOf(at(300, 95)).isEmpty()).isTrue();
  }

  @Test
  void names_a_corner_after_both_streets() {
    assertThat(TOWN.addressOf(at(12, 10)).label()).isEqualTo("Storgatan/Kyrkogatan");
    assertThat(TOWN.addressOf(at(10, 12)).label()).isEqualTo("Kyrkogatan/Storgatan");
    // 40 m from Kyrkogatan is no corner any more
    assertThat(TOWN.addressOf(at(40, 5)).label()).isEqualTo("Storgatan");
  }

  @Test
  void names_the_place_a_position_lies_in_or_near() {
    assertThat(TOWN.addressOf(at(250, 250)).label()).isEqualTo("Parken");
    assertThat(TOWN.addressOf(at(250, 230)).place()).contains("Parken");
    assertThat(TOWN.addressOf(at(250, 170)).place()).contains("Parken");
    assertThat(TOWN.addressOf(at(250, 150)).place()).isEmpty();
  }

  @Test
  void an_empty_index_names_nothing() {
    assertThat(PlaceIndex.empty().addressOf(at(0, 0)).isEmpty()).isTrue();
    assertThat(PlaceIndex.empty().addressOf(at(0, 0)).label()).isEmpty();
  }
}
