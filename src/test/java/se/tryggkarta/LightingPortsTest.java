package se.tryggkarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/** The lighting adapter hands lit intervals to the street graph in vertex units. */
class LightingPortsTest {
  static final double EXACT = 1e-12;

  // A line with pieces of 100 m, 0 m (a repeated vertex) and 50 m: vertices at 0, 100, 100, 150 m.
  static final double[] ALONG = {0, 100, 100, 150};

  @Test
  void metres_along_the_line_become_the_piece_index_plus_the_fraction_of_that_piece() {
    assertThat(LightingPorts.vertexUnits(ALONG, 0)).isCloseTo(0, offset(EXACT));
    assertThat(LightingPorts.vertexUnits(ALONG, 25)).isCloseTo(0.25, offset(EXACT));
    // 125 m is halfway along the third piece (index 2, from 100 m to 150 m): 2.5.
    assertThat(LightingPorts.vertexUnits(ALONG, 125)).isCloseTo(2.5, offset(EXACT));
    assertThat(LightingPorts.vertexUnits(ALONG, 150)).isCloseTo(3, offset(EXACT));
  }

  @Test
  void a_zero_length_piece_is_stepped_over_and_positions_stay_in_order() {
    // 100 m is both the end of piece 0 and the whole of piece 1; it maps to the start of piece 2,
    // so the lit part [0, 100] covers pieces 0 and 1 and nothing of piece 2.
    assertThat(LightingPorts.vertexUnits(ALONG, 100)).isCloseTo(2, offset(EXACT));
    assertThat(LightingPorts.vertexUnits(ALONG, 99.9)).isLessThan(1);
    assertThat(LightingPorts.vertexUnits(ALONG, 1e9)).isEqualTo(3);
  }
}
