package se.tryggkarta.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.LonLat;

class TileCoordTest {
  static final double DEGREES = 1e-9;

  @Test
  void zoom_0_tile_spans_the_world_and_its_centre_is_0_0() {
    TileCoord t = new TileCoord(0, 0, 0);
    double[] b = t.boundsWgs84();
    assertThat(b[0]).isCloseTo(-180, within(DEGREES));
    assertThat(b[2]).isCloseTo(180, within(DEGREES));
    // Web Mercator's latitude limit: atan(sinh(π)) = 85.0511287798°.
    assertThat(b[3]).isCloseTo(85.0511287798, within(1e-9));
    LonLat c = t.lonLat(128, 128);
    assertThat(c.lon()).isCloseTo(0, within(DEGREES));
    assertThat(c.lat()).isCloseTo(0, within(DEGREES));
  }

  @Test
  void neighbouring_tiles_share_their_edge() {
    TileCoord a = new TileCoord(15, 17_500, 9_000);
    TileCoord b = new TileCoord(15, 17_501, 9_000);
    assertThat(a.boundsWgs84()[2]).isEqualTo(b.boundsWgs84()[0]);
    assertThat(a.boundsMercator()[2]).isCloseTo(b.boundsMercator()[0], within(1e-6));
  }

  @Test
  void pixel_ground_size_at_the_equator_on_zoom_0_is_the_circumference_over_256() {
    assertThat(new TileCoord(0, 0, 0).pixelMeters(0))
        .isCloseTo(2 * Math.PI * 6_378_137 / 256, within(1e-6));
  }

  @ParameterizedTest(name = "{0}/{1}/{2} is rejected naming {3}")
  @CsvSource({"23,0,0,z", "-1,0,0,z", "2,4,0,x", "2,0,4,y", "2,-1,0,x", "3,a,0,x"})
  void out_of_range_tiles_are_rejected_naming_the_field(
      String z, String x, String y, String field) {
    assertThatThrownBy(() -> TileCoord.parse(z, x, y))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).contains(field));
  }
}
