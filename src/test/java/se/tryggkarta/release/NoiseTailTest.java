package se.tryggkarta.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import se.tryggkarta.layer.Layer;

class NoiseTailTest {
  @Test
  void oneTablesTailIsTheGeometricMechanismsClosedForm() {
    double eps = 1.5;
    double a = Math.exp(-eps);
    double[] tail = NoiseTail.tail(1, eps);
    for (int t = 1; t < 8; t++) {
      // P(Z ≥ t) = α^t / (1 + α)
      assertThat(tail[t]).isCloseTo(Math.pow(a, t) / (1 + a), within(1e-12));
    }
  }

  @Test
  void theTailOfASumMatchesSimulatedNoise() {
    int tables = 24;
    double eps = 2;
    double[] tail = NoiseTail.tail(tables, eps);
    CellNoise noise = new CellNoise("a secret for the tail test, 32b!".getBytes(), eps);
    int n = 20_000;
    int atLeast4 = 0;
    int[] row = new int[n];
    int[] sum = new int[n];
    for (int t = 0; t < tables; t++) {
      noise
          .table(Layer.INCIDENTS, YearMonth.of(2025, 1 + t % 12), t / 12, "alla")
          .emptyRow(0, 0, n, row);
      for (int i = 0; i < n; i++) {
        sum[i] += row[i];
      }
    }
    for (int s : sum) {
      if (s >= 4) {
        atLeast4++;
      }
    }
    // binomial standard error at p ≈ 0.09, n = 20 000: ≈ 0.002
    assertThat(atLeast4 / (double) n).isCloseTo(tail[4], within(0.01));
  }

  @Test
  void theThresholdKeepsTheExpectedFalseCellsOfAMapUnderFivePercent() {
    for (int cells : new int[] {1_000, 10_000, 100_000}) {
      for (int tables : new int[] {2, 24, 72}) {
        int t = NoiseTail.threshold(5, tables, 2.0, cells);
        double[] tail = NoiseTail.tail(tables, 2.0);
        assertThat(cells * tail[t]).isLessThanOrEqualTo(NoiseTail.FALSE_CELLS_PER_RELEASE);
        assertThat(cells * tail[t - 1] > NoiseTail.FALSE_CELLS_PER_RELEASE || t == 5).isTrue();
      }
    }
    assertThat(NoiseTail.threshold(5, 2, 2.0, 10_000))
        .isLessThan(NoiseTail.threshold(5, 24, 2.0, 10_000));
  }
}
