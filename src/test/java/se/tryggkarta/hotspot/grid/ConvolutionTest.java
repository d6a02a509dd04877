package se.tryggkarta.hotspot.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConvolutionTest {
  @Test
  void a_sum_of_convolutions_with_asymmetric_stencils_equals_direct_summation() {
    // Three terms on a 7 × 11 grid with a margin of 3 and stencils of radius 2 that are not
    // point-symmetric: out(i, j) = Σ_k Σ_d data_k(i + p − di, j + p − dj) s_k(di, dj).
    int ny = 7;
    int nx = 11;
    int p = 3;
    int r = 2;
    int rows = ny + 2 * p;
    int cols = nx + 2 * p;
    Random rnd = new Random(4);
    double[][] data = new double[3][rows * cols];
    double[][] stencils = new double[3][(2 * r + 1) * (2 * r + 1)];
    for (int k = 0; k < 3; k++) {
      for (int i = 0; i < data[k].length; i++) {
        data[k][i] = rnd.nextDouble();
      }
      for (int i = 0; i < stencils[k].length; i++) {
        stencils[k][i] = rnd.nextDouble() - 0.3;
      }
    }
    double[] fast =
        Convolution.convolveSum(
            new Convolution.Phases() {
              @Override
              public int count() {
                return 3;
              }

              @Override
              public void data(int k, double[] buffer, int rowStride) {
                for (int i = 0; i < rows; i++) {
                  System.arraycopy(data[k], i * cols, buffer, i * rowStride, cols);
                }
              }

              @Override
              public double[] stencil(int k) {
                return stencils[k];
              }

              @Override
              public Object cacheKey(int k) {
                return null;
              }
            },
            ny,
            nx,
            p,
            r);
    int w = 2 * r + 1;
    for (int i = 0; i < ny; i++) {
      for (int j = 0; j < nx; j++) {
        double direct = 0;
        for (int k = 0; k < 3; k++) {
          for (int di = -r; di <= r; di++) {
            for (int dj = -r; dj <= r; dj++) {
              direct +=
                  data[k][(i + p - di) * cols + j + p - dj] * stencils[k][(di + r) * w + dj + r];
            }
          }
        }
        assertThat(fast[i * nx + j]).as("cell (%d, %d)", i, j).isCloseTo(direct, offset(1e-12));
      }
    }
  }

  @Test
  void a_float_convolution_equals_direct_summation_to_single_precision() {
    int ny = 9;
    int nx = 6;
    int p = 2;
    int r = 2;
    int rows = ny + 2 * p;
    int cols = nx + 2 * p;
    Random rnd = new Random(5);
    float[] data = new float[rows * cols];
    for (int i = 0; i < data.length; i++) {
      data[i] = rnd.nextInt(4);
    }
    int w = 2 * r + 1;
    float[] disk = new float[w * w];
    for (int di = -r; di <= r; di++) {
      for (int dj = -r; dj <= r; dj++) {
        disk[(di + r) * w + dj + r] = di * di + dj * dj <= r * r ? 1 : 0;
      }
    }
    float[] fast = Convolution.convolve(data, ny, nx, p, disk, r);
    for (int i = 0; i < ny; i++) {
      for (int j = 0; j < nx; j++) {
        double direct = 0;
        for (int di = -r; di <= r; di++) {
          for (int dj = -r; dj <= r; dj++) {
            direct += data[(i + p - di) * cols + j + p - dj] * disk[(di + r) * w + dj + r];
          }
        }
        assertThat((double) fast[i * nx + j]).isCloseTo(direct, offset(1e-5));
      }
    }
  }

  @ParameterizedTest(name = "{0} cells → {1}")
  @CsvSource({"1, 2", "7, 8", "1000, 1024", "1036, 1080", "129, 144", "1500, 1500", "1900, 2048"})
  void transform_sizes_are_the_cheaper_of_a_smooth_size_and_a_power_of_two(int n, int size) {
    assertThat(Convolution.fastSize(n)).isEqualTo(size);
  }
}
