package se.tryggkarta.commitment.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import se.tryggkarta.common.DomainException;

class DiffInDiffTest {
  static final double EPS = 1e-12;

  @Test
  void difference_in_differences_matches_a_hand_computed_example() {
    // 6 months each side. Place: 12 → 6 incidents, 2.0 → 1.0 a month (−1.0).
    // Ring: 30 → 27 incidents, 5.0 → 4.5 a month (−0.5). DiD = −1.0 − (−0.5) = −0.5 a month.
    DiffInDiff d = new DiffInDiff(12, 6, 30, 27, 6, 6);
    assertThat(d.placeRateBefore()).isCloseTo(2.0, within(EPS));
    assertThat(d.placeRateDuring()).isCloseTo(1.0, within(EPS));
    assertThat(d.comparisonRateBefore()).isCloseTo(5.0, within(EPS));
    assertThat(d.comparisonRateDuring()).isCloseTo(4.5, within(EPS));
    assertThat(d.difference()).isCloseTo(-0.5, within(EPS));
    assertThat(d.smallestCount()).isEqualTo(6);
  }

  @Test
  void windows_of_different_length_compare_monthly_rates() {
    // before 4 months: 8 and 40 → 2 and 10 a month; during 2 months: 2 and 22 → 1 and 11 a month
    // DiD = (1 − 2) − (11 − 10) = −2
    assertThat(new DiffInDiff(8, 2, 40, 22, 4, 2).difference()).isCloseTo(-2.0, within(EPS));
  }

  @Test
  void equal_change_in_place_and_ring_gives_zero() {
    assertThat(new DiffInDiff(10, 20, 100, 110, 3, 3).difference()).isCloseTo(0.0, within(EPS));
  }

  @Test
  void rejects_an_empty_window() {
    assertThatThrownBy(() -> new DiffInDiff(1, 1, 1, 1, 0, 1)).isInstanceOf(DomainException.class);
  }
}
