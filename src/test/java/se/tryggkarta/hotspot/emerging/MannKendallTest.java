package se.tryggkarta.hotspot.emerging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import se.tryggkarta.hotspot.gistar.GiStar;

class MannKendallTest {
  static final double TOLERANCE = 1e-12;

  @Test
  void a_strictly_rising_series_of_ten_has_s_45_and_tau_1() {
    // S = 45 pairs, Var S = 10·9·25/18 = 125, z = (45 − 1)/√125.
    MannKendall mk = MannKendall.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    assertThat(mk.s()).isEqualTo(45);
    assertThat(mk.tau()).isCloseTo(1, within(TOLERANCE));
    assertThat(mk.zScore()).isCloseTo(44 / Math.sqrt(125), within(TOLERANCE));
    assertThat(mk.pValue()).isCloseTo(GiStar.pValue(44 / Math.sqrt(125)), within(TOLERANCE));
  }

  @Test
  void ties_reduce_the_variance_and_tau_b_denominator() {
    // 1 2 2 3: S = 5; one tie of 2: Var S = (4·3·13 − 2·1·9)/18 = 138/18; n₀ = 6, n₁ = 1.
    MannKendall mk = MannKendall.of(new double[] {1, 2, 2, 3});
    assertThat(mk.s()).isEqualTo(5);
    assertThat(mk.tau()).isCloseTo(5 / Math.sqrt(6 * 5), within(TOLERANCE));
    assertThat(mk.zScore()).isCloseTo(4 / Math.sqrt(138.0 / 18), within(TOLERANCE));
  }

  @Test
  void a_falling_series_has_the_mirrored_statistics() {
    MannKendall up = MannKendall.of(new double[] {0.3, 1.2, 0.9, 2.5, 2.2, 3.1});
    MannKendall down = MannKendall.of(new double[] {-0.3, -1.2, -0.9, -2.5, -2.2, -3.1});
    assertThat(down.tau()).isCloseTo(-up.tau(), within(TOLERANCE));
    assertThat(down.zScore()).isCloseTo(-up.zScore(), within(TOLERANCE));
    assertThat(down.pValue()).isCloseTo(up.pValue(), within(TOLERANCE));
  }

  @Test
  void a_constant_series_has_no_trend() {
    MannKendall mk = MannKendall.of(new double[] {2, 2, 2, 2});
    assertThat(mk.tau()).isZero();
    assertThat(mk.pValue()).isEqualTo(1);
  }
}
