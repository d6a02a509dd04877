package se.tryggkarta.hotspot.grid;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.IntBinaryOperator;
import org.jtransforms.fft.DoubleFFT_1D;
import org.visnow.jlargearrays.ConcurrencyUtils;

/**
 * The 2-D discrete Fourier transform of real data on {@code m1} rows × {@code m2} columns ({@code
 * m2} even), built from JTransforms' 1-D plans: every row by a real transform, then the {@code m2/2
 * + 1} columns of non-negative x frequency by complex ones. The other half of the spectrum is the
 * conjugate mirror of this one (X(−k) = conj X(k) for real data) and is never formed, which halves
 * the work and the memory of a complex 2-D transform of the same data.
 *
 * <p>Spectra are held column by column: coefficient (k_y, k_x) at {@code 2·(k_x·m1 + k_y)} (real
 * part) and the next index (imaginary part), so the column transforms run on contiguous memory and
 * a product of two spectra is a loop over one flat array. Forward: X(k_y, k_x) = Σ_{i,j} x(i, j)
 * e^(−2πi (k_y i / m1 + k_x j / m2)); the inverse divides by m1·m2.
 *
 * <p>Rows are transformed and transposed in blocks of {@value #BLOCK_ROWS}, so both the reads and
 * the writes of the transpose stay within a few cache lines. Transforms of at least {@value
 * #PARALLEL_CELLS} cells split their rows and columns over JTransforms' threads ({@code
 * ConcurrencyUtils.getNumberOfThreads()}, set it to 1 for one-thread timings). Plans are cached per
 * size and read-only, so instances are thread-safe.
 */
final class RealFft2D {
  /** Rows transformed and transposed together. */
  static final int BLOCK_ROWS = 16;

  /** The least transform size (cells) worth splitting over threads (JTransforms' 2-D default). */
  static final int PARALLEL_CELLS = 65_536;

  private static final int MAX_CACHED_PLANS = 64;
  private static final Map<Integer, DoubleFFT_1D> PLANS = new ConcurrentHashMap<>();

  final int m1;
  final int m2;

  /** Complex columns held: m2/2 + 1. */
  final int halfCols;

  private final DoubleFFT_1D rowPlan;
  private final DoubleFFT_1D colPlan;

  RealFft2D(int m1, int m2) {
    if (m1 < 1 || m2 < 2 || m2 % 2 != 0) {
      throw new IllegalArgumentException("transform size " + m1 + "×" + m2 + " (columns even)");
    }
    this.m1 = m1;
    this.m2 = m2;
    this.halfCols = m2 / 2 + 1;
    this.rowPlan = plan(m2);
    this.colPlan = plan(m1);
  }

  private static DoubleFFT_1D plan(int n) {
    DoubleFFT_1D p = PLANS.get(n);
    if (p == null) {
      if (PLANS.size() >= MAX_CACHED_PLANS) {
        PLANS.clear();
      }
      p = PLANS.computeIfAbsent(n, DoubleFFT_1D::new);
    }
    return p;
  }

  /** A zeroed spectrum array: 2·halfCols·m1 doubles. */
  double[] newSpectrum() {
    return new double[2 * halfCols * m1];
  }

  /**
   * Transforms the real rows {@code 0 ≤ i < rows} of {@code data} (row i is {@code m2} values from
   * {@code i·stride}; rows from {@code rows} to {@code m1} are taken as zero and not read) into
   * {@code spectrum}, which is overwritten. The rows of {@code data} are transformed in place and
   * hold no meaningful values afterwards.
   */
  void forward(double[] data, int stride, int rows, double[] spectrum) {
    if (rows > m1 || stride < m2) {
      throw new IllegalArgumentException("rows " + rows + ", stride " + stride);
    }
    int blocks = (rows + BLOCK_ROWS - 1) / BLOCK_ROWS;
    parallel(
        blocks,
        (from, to) -> {
          for (int b = from; b < to; b++) {
            int i0 = b * BLOCK_ROWS;
            int i1 = Math.min(rows, i0 + BLOCK_ROWS);
            for (int i = i0; i < i1; i++) {
              rowPlan.realForward(data, i * stride);
            }
            transposeIn(data, stride, i0, i1, spectrum);
          }
          return 0;
        });
    parallel(
        halfCols,
        (from, to) -> {
          for (int kx = from; kx < to; kx++) {
            int col = 2 * kx * m1;
            java.util.Arrays.fill(spectrum, col + 2 * rows, col + 2 * m1, 0);
            colPlan.complexForward(spectrum, col);
          }
          return 0;
        });
  }

  /** Writes rows [i0, i1) of JTransforms' packed real spectra into the column-major spectrum. */
  private void transposeIn(double[] data, int stride, int i0, int i1, double[] spectrum) {
    int nyquist = halfCols - 1;
    for (int i = i0; i < i1; i++) {
      int row = i * stride;
      spectrum[2 * i] = data[row];
      spectrum[2 * i + 1] = 0;
      int ny = 2 * (nyquist * m1 + i);
      spectrum[ny] = data[row + 1];
      spectrum[ny + 1] = 0;
    }
    for (int kx = 1; kx < nyquist; kx++) {
      int dst = 2 * (kx * m1 + i0);
      int src = 2 * kx;
      for (int i = i0; i < i1; i++, dst += 2) {
        int s = i * stride + src;
        spectrum[dst] = data[s];
        spectrum[dst + 1] = data[s + 1];
      }
    }
  }

  /**
   * The inverse transform of a spectrum of real data (destroyed): writes rows {@code rowFrom ≤ i <
   * rowTo} and columns {@code colFrom ≤ j < colTo} of the real result into {@code out}, row-major
   * with width {@code colTo − colFrom}. Rows outside the range are never transformed back.
   */
  void inverse(double[] spectrum, int rowFrom, int rowTo, int colFrom, int colTo, double[] out) {
    parallel(
        halfCols,
        (from, to) -> {
          for (int kx = from; kx < to; kx++) {
            colPlan.complexInverse(spectrum, 2 * kx * m1, true);
          }
          return 0;
        });
    int rows = rowTo - rowFrom;
    int width = colTo - colFrom;
    int blocks = (rows + BLOCK_ROWS - 1) / BLOCK_ROWS;
    parallel(
        blocks,
        (from, to) -> {
          double[] buf = new double[BLOCK_ROWS * m2];
          int nyquist = halfCols - 1;
          for (int b = from; b < to; b++) {
            int i0 = rowFrom + b * BLOCK_ROWS;
            int i1 = Math.min(rowTo, i0 + BLOCK_ROWS);
            for (int i = i0; i < i1; i++) {
              int row = (i - i0) * m2;
              buf[row] = spectrum[2 * i];
              buf[row + 1] = spectrum[2 * (nyquist * m1 + i)];
            }
            for (int kx = 1; kx < nyquist; kx++) {
              int src = 2 * (kx * m1 + i0);
              for (int i = i0; i < i1; i++, src += 2) {
                int d = (i - i0) * m2 + 2 * kx;
                buf[d] = spectrum[src];
                buf[d + 1] = spectrum[src + 1];
              }
            }
            for (int i = i0; i < i1; i++) {
              int row = (i - i0) * m2;
              rowPlan.realInverse(buf, row, true);
              System.arraycopy(buf, row + colFrom, out, (i - rowFrom) * width, width);
            }
          }
          return 0;
        });
  }

  /**
   * Runs {@code work(from, to)} over [0, n) in one chunk per thread when the transform is large and
   * JTransforms may use several threads; the calling thread takes the last chunk.
   */
  private void parallel(int n, IntBinaryOperator work) {
    int threads = Math.min(ConcurrencyUtils.getNumberOfThreads(), n);
    if (threads <= 1 || (long) m1 * m2 < PARALLEL_CELLS) {
      work.applyAsInt(0, n);
      return;
    }
    Future<?>[] futures = new Future<?>[threads - 1];
    int chunk = (n + threads - 1) / threads;
    for (int t = 0; t < threads - 1; t++) {
      int from = t * chunk;
      int to = Math.min(n, from + chunk);
      futures[t] = ConcurrencyUtils.submit(() -> work.applyAsInt(from, to));
    }
    work.applyAsInt(Math.min(n, (threads - 1) * chunk), n);
    try {
      ConcurrencyUtils.waitForCompletion(futures);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("FFT interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("FFT failed", e.getCause());
    }
  }
}
