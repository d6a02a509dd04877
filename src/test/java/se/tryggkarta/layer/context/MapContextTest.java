package se.tryggkarta.layer.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MapContextTest {
  /** Degrees of latitude; far below a millimetre. */
  private static final double TOLERANCE_DEGREES = 1e-12;

  @Test
  void toleranceIsHalfAPixelOfGroundInDegreesOfLatitude() {
    // zoom 16 on the equator: 156 543.03392 / 65 536 = 2.3887 m per pixel; half of it over
    // 111 320 m per degree = 1.0729e-5 degrees
    assertThat(MapContext.toleranceDegrees(16, 0))
        .isCloseTo(0.5 * 156_543.033_92 / 65_536 / 111_320, within(TOLERANCE_DEGREES));
    // at 60° N a pixel covers half the ground
    assertThat(MapContext.toleranceDegrees(16, 60))
        .isCloseTo(MapContext.toleranceDegrees(16, 0) / 2, within(TOLERANCE_DEGREES));
    assertThat(MapContext.toleranceDegrees(15, 60))
        .isCloseTo(2 * MapContext.toleranceDegrees(16, 60), within(TOLERANCE_DEGREES));
  }

  @Test
  void mainRoadsShowAtEveryZoomAndFootwaysOnlyFromZoom15() {
    assertThat(MapContext.drawnAt("primary", 8)).isTrue();
    assertThat(MapContext.drawnAt("residential", 12)).isFalse();
    assertThat(MapContext.drawnAt("residential", 13)).isTrue();
    assertThat(MapContext.drawnAt("footway", 14)).isFalse();
    assertThat(MapContext.drawnAt("footway", 15)).isTrue();
  }
}
