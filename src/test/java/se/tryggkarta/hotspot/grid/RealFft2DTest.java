package se.tryggkarta.hotspot.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.visnow.jlargearrays.ConcurrencyUtils;

class RealFft2DTest {
  /** Double-precision transforms of values in [0, 1) on these sizes agree to round-off. */
  static final double ROUND_OFF = 1e-9;

  @ParameterizedTest(name = "{0} × {1}, {2} rows of data")
  @CsvSource({"6, 10, 5", "9, 8, 9", "15, 12, 4"})
  void forward_equals_the_direct_discrete_fourier_transform(int m1, int m2, int rows) {
    double[] x = random(1, rows * m2);
    RealFft2D fft = new RealFft2D(m1, m2);
    double[] spectrum = fft.newSpectrum();
    fft.forward(x.clone(), m2, rows, spectrum);
    for (int ky = 0; ky < m1; ky++) {
      for (int kx = 0; kx <= m2 / 2; kx++) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < rows; i++) {
          for (int j = 0; j < m2; j++) {
            double a = -2 * Math.PI * ((double) ky * i / m1 + (double) kx * j / m2);
            re += x[i * m2 + j] * Math.cos(a);
            im += x[i * m2 + j] * Math.sin(a);
          }
        }
        int q = 2 * (kx * m1 + ky);
        assertThat(spectrum[q]).as("Re(%d, %d)", ky, kx).isCloseTo(re, offset(ROUND_OFF));
        assertThat(spectrum[q + 1]).as("Im(%d, %d)", ky, kx).isCloseTo(im, offset(ROUND_OFF));
      }
    }
  }

  @ParameterizedTest(name = "{0} × {1} on {2} threads")
  @CsvSource({"12, 10, 1", "300, 256, 1", "300, 256, 2"})
  void inverse_returns_the_rows_and_columns_asked_for(int m1, int m2, int threads) {
    int before = ConcurrencyUtils.getNumberOfThreads();
    ConcurrencyUtils.setNumberOfThreads(threads);
    try {
      int rows = m1 - 2;
      int stride = m2 + 3;
      double[] x = new double[rows * stride];
      double[] values = random(2, rows * m2);
      for (int i = 0; i < rows; i++) {
        System.arraycopy(values, i * m2, x, i * stride, m2);
      }
      RealFft2D fft = new RealFft2D(m1, m2);
      double[] spectrum = fft.newSpectrum();
      fft.forward(x, stride, rows, spectrum);
      int rowFrom = 1;
      int rowTo = rows - 1;
      int colFrom = 2;
      int colTo = m2 - 1;
      double[] out = new double[(rowTo - rowFrom) * (colTo - colFrom)];
      fft.inverse(spectrum, rowFrom, rowTo, colFrom, colTo, out);
      for (int i = rowFrom; i < rowTo; i++) {
        for (int j = colFrom; j < colTo; j++) {
          assertThat(out[(i - rowFrom) * (colTo - colFrom) + j - colFrom])
              .isCloseTo(values[i * m2 + j], offset(ROUND_OFF));
        }
      }
    } finally {
      ConcurrencyUtils.setNumberOfThreads(before);
    }
  }

  private static double[] random(long seed, int n) {
    Random rnd = new Random(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rnd.nextDouble();
    }
    return x;
  }
}
