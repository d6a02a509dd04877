package se.tryggkarta.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import se.tryggkarta.layer.Layer;

class CellNoiseTest {
  private static final byte[] SECRET = "a test secret of 32 bytes!!!!!!!".getBytes();
  private static final YearMonth MARCH = YearMonth.of(2025, 3);

  /** Chi-square critical value for 13 degrees of freedom at p = 0.001. */
  private static final double CHI2_CRITICAL_13_DF = 34.53;

  @Test
  void emptyCellNoiseFollowsTheTwoSidedGeometricDistribution() {
    double epsilon = 1.0;
    CellNoise noise = new CellNoise(SECRET, epsilon);
    CellNoise.TableNoise t = noise.table(Layer.INCIDENTS, MARCH, 0, "alla");
    int n = 200_000;
    int[] row = new int[1000];
    long[] hist = new long[15]; // z = -7..7, tails folded into the ends
    double sum = 0;
    double sumSq = 0;
    for (int iy = 0; iy < n / row.length; iy++) {
      t.emptyRow(-500, iy, row.length, row);
      for (int z : row) {
        hist[Math.max(0, Math.min(14, z + 7))]++;
        sum += z;
        sumSq += (double) z * z;
      }
    }
    double alpha = Math.exp(-epsilon);
    double chi2 = 0;
    for (int k = 0; k < 15; k++) {
      int z = k - 7;
      double p = (1 - alpha) / (1 + alpha) * Math.pow(alpha, Math.abs(z));
      if (k == 0 || k == 14) {
        p = alpha * Math.pow(alpha, 6) / (1 + alpha); // P(Z ≤ −7) = P(Z ≥ 7) = α^7 / (1 + α)
      }
      double expected = p * n;
      chi2 += (hist[k] - expected) * (hist[k] - expected) / expected;
    }
    assertThat(chi2).isLessThan(CHI2_CRITICAL_13_DF);
    assertThat(sum / n).isCloseTo(0, org.assertj.core.api.Assertions.within(0.02));
    assertThat(sumSq / n)
        .isCloseTo(CellNoise.variance(epsilon), org.assertj.core.api.Assertions.within(0.05));
  }

  @Test
  void theSameCellAndRecordsAlwaysGetTheSameNoise() {
    CellNoise a = new CellNoise(SECRET, 2.0);
    CellNoise b = new CellNoise(SECRET.clone(), 2.0);
    int[] ra = new int[50];
    int[] rb = new int[50];
    a.table(Layer.INCIDENTS, MARCH, 1, "alla").emptyRow(100, 200, 50, ra);
    b.table(Layer.INCIDENTS, MARCH, 1, "alla").emptyRow(100, 200, 50, rb);
    assertThat(ra).isEqualTo(rb);
    long key = a.recordKey(Layer.INCIDENTS, "inc-1");
    assertThat(a.table(Layer.INCIDENTS, MARCH, 1, "alla").occupied(3, 4, 1, key))
        .isEqualTo(b.table(Layer.INCIDENTS, MARCH, 1, "alla").occupied(3, 4, 1, key));
  }

  @Test
  void anotherSecretMonthOrRecordSetDrawsAfresh() {
    CellNoise a = new CellNoise(SECRET, 2.0);
    CellNoise other = new CellNoise("another secret of 32 bytes!!!!!!".getBytes(), 2.0);
    int[] r1 = new int[400];
    int[] r2 = new int[400];
    int[] r3 = new int[400];
    a.table(Layer.INCIDENTS, MARCH, 0, "alla").emptyRow(0, 0, 400, r1);
    other.table(Layer.INCIDENTS, MARCH, 0, "alla").emptyRow(0, 0, 400, r2);
    a.table(Layer.INCIDENTS, MARCH.plusMonths(1), 0, "alla").emptyRow(0, 0, 400, r3);
    assertThat(r1).isNotEqualTo(r2).isNotEqualTo(r3);
    CellNoise.TableNoise t = a.table(Layer.INCIDENTS, MARCH, 0, "alla");
    int same = 0;
    for (int i = 0; i < 400; i++) {
      long k1 = a.recordKey(Layer.INCIDENTS, "r" + i);
      long k2 = k1 + a.recordKey(Layer.INCIDENTS, "extra" + i);
      if (t.occupied(7, 7, 1, k1) == t.occupied(7, 7, 2, k2)) {
        same++;
      }
    }
    // independent draws at ε = 2 agree with probability Σ P(z)² ≈ 0.60; identical draws always
    assertThat(same).isBetween(180, 300);
  }
}
