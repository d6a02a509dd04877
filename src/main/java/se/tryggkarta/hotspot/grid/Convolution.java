package se.tryggkarta.hotspot.grid;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * 2-D linear convolution of padded grids with stencils by real-to-complex FFT ({@link RealFft2D}
 * over JTransforms' 1-D plans).
 *
 * <p>The data is a {@code (ny + 2p) × (nx + 2p)} row-major grid (the grid and a margin of {@code p}
 * cells on every side, so sources just outside the grid still reach it); a stencil is {@code (2r +
 * 1)²} with {@code r ≤ p}. Both are zero-padded to transform sizes {@code M ≥ n + 2p} ({@link
 * #fastSize}), large enough that the circular convolution never wraps onto the central {@code ny ×
 * nx} cells that are returned:
 *
 * <pre>  out(i, j) = Σ_{di,dj} data(i + p − di, j + p − dj) · s(di, dj)</pre>
 *
 * Stencil spectra are cached (least recently used out, {@link #SPECTRA_CACHE_BYTES} in all), so a
 * repeated map with the same stencil costs one forward and one inverse transform. Cost O(M² log M),
 * independent of the number of points. Thread-safe.
 */
public final class Convolution {
  private Convolution() {}

  /**
   * Convolves and returns the central {@code ny × nx} cells, row-major, computed in double
   * precision and rounded to float.
   *
   * @param padded the {@code (ny + 2p) × (nx + 2p)} input, row-major
   * @param stencil the {@code (2r + 1)²} stencil, row-major
   */
  public static float[] convolve(float[] padded, int ny, int nx, int p, float[] stencil, int r) {
    int rows = ny + 2 * p;
    int cols = nx + 2 * p;
    if (padded.length != rows * cols) {
      throw new IllegalArgumentException("padded grid has " + padded.length + " cells");
    }
    if (r > p || stencil.length != (2 * r + 1) * (2 * r + 1)) {
      throw new IllegalArgumentException("stencil radius " + r + " exceeds padding " + p);
    }
    FloatStencil key = new FloatStencil(stencil.clone());
    double[] sum =
        convolveSum(
            new Phases() {
              @Override
              public int count() {
                return 1;
              }

              @Override
              public void data(int k, double[] buffer, int rowStride) {
                for (int i = 0; i < rows; i++) {
                  for (int j = 0, src = i * cols, dst = i * rowStride; j < cols; j++) {
                    buffer[dst + j] = padded[src + j];
                  }
                }
              }

              @Override
              public double[] stencil(int k) {
                double[] st = new double[key.values.length];
                for (int i = 0; i < st.length; i++) {
                  st[i] = key.values[i];
                }
                return st;
              }

              @Override
              public Object cacheKey(int k) {
                return key;
              }
            },
            ny,
            nx,
            p,
            r);
    float[] out = new float[sum.length];
    for (int i = 0; i < sum.length; i++) {
      out[i] = (float) sum[i];
    }
    return out;
  }

  /** A float stencil as a cache key, equal by content. */
  private record FloatStencil(float[] values) {
    @Override
    public boolean equals(Object o) {
      return o instanceof FloatStencil f && Arrays.equals(f.values, values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
      return "FloatStencil[" + values.length + "]";
    }
  }

  /**
   * A sum of convolutions in double precision, for stencils of any symmetry:
   *
   * <pre>  out(i, j) = Σ_k Σ_{di,dj} data_k(i + p − di, j + p − dj) · s_k(di, dj)</pre>
   *
   * where {@code data_k} is the k-th padded {@code (ny + 2p) × (nx + 2p)} grid, written on demand
   * by {@code phases.data(k, buffer, rowStride)} straight into the zeroed input of a
   * real-to-complex transform ({@link RealFft2D}), so only one is held at a time and none is
   * copied, and {@code s_k} its {@code (2r + 1)²} stencil. The products are summed in the frequency
   * domain: K terms cost K forward transforms of data (half-size, real data) and one inverse, which
   * transforms back only the {@code ny} rows returned. Round-off is that of double-precision FFTs,
   * about 1e-15 of the largest output. The spectrum of a term whose {@code cacheKey} is not null is
   * cached, up to {@link #SPECTRA_CACHE_BYTES} in all (least recently used first out), so a
   * repeated map with the same kernel, bandwidth, cell and transform size transforms its stencils
   * only once.
   */
  public static double[] convolveSum(Phases phases, int ny, int nx, int p, int r) {
    int rows = ny + 2 * p;
    int cols = nx + 2 * p;
    if (r > p) {
      throw new IllegalArgumentException("stencil radius " + r + " exceeds padding " + p);
    }
    RealFft2D fft = new RealFft2D(fastSize(rows), fastSize(cols));
    int stride = fft.m2;
    double[] data = new double[rows * stride];
    double[] spectrum = fft.newSpectrum();
    double[] acc = phases.count() == 1 ? spectrum : fft.newSpectrum();
    for (int k = 0; k < phases.count(); k++) {
      if (k > 0) {
        Arrays.fill(data, 0);
      }
      phases.data(k, data, stride);
      fft.forward(data, stride, rows, spectrum);
      double[] st = stencilSpectrum(fft, phases, k, r);
      if (acc == spectrum) {
        for (int q = 0; q < spectrum.length; q += 2) {
          double re = spectrum[q];
          double im = spectrum[q + 1];
          spectrum[q] = re * st[q] - im * st[q + 1];
          spectrum[q + 1] = re * st[q + 1] + im * st[q];
        }
      } else {
        for (int q = 0; q < spectrum.length; q += 2) {
          double re = spectrum[q];
          double im = spectrum[q + 1];
          acc[q] += re * st[q] - im * st[q + 1];
          acc[q + 1] += re * st[q + 1] + im * st[q];
        }
      }
    }
    double[] out = new double[ny * nx];
    fft.inverse(acc, p, p + ny, p, p + nx, out);
    return out;
  }

  /** The terms of {@link #convolveSum}: each a padded data grid and its stencil. */
  public interface Phases {
    int count();

    /**
     * Writes term k's padded data into the zeroed buffer: cell (i, j) of the {@code (ny + 2p) × (nx
     * + 2p)} grid at {@code i·rowStride + j}.
     */
    void data(int k, double[] buffer, int rowStride);

    /** Term k's {@code (2r + 1)²} stencil, row-major, index {@code (di + r)·(2r + 1) + dj + r}. */
    double[] stencil(int k);

    /** A key identifying term k's stencil for the spectrum cache, or null not to cache it. */
    Object cacheKey(int k);
  }

  /** The most bytes of cached complex spectra (least recently used go first). */
  static final long SPECTRA_CACHE_BYTES = 96L << 20;

  private static final LinkedHashMap<List<Object>, double[]> COMPLEX_SPECTRA =
      new LinkedHashMap<>(16, 0.75f, true);

  private static long cachedBytes;

  private static double[] stencilSpectrum(RealFft2D fft, Phases ph, int k, int r) {
    Object key = ph.cacheKey(k);
    List<Object> full = key == null ? null : List.of(fft.m1, fft.m2, r, key);
    if (full != null) {
      synchronized (COMPLEX_SPECTRA) {
        double[] cached = COMPLEX_SPECTRA.get(full);
        if (cached != null) {
          return cached;
        }
      }
    }
    double[] stencil = ph.stencil(k);
    int m1 = fft.m1;
    int m2 = fft.m2;
    double[] wrapped = new double[m1 * m2];
    int w = 2 * r + 1;
    for (int di = -r; di <= r; di++) {
      int row = Math.floorMod(di, m1);
      for (int dj = -r; dj <= r; dj++) {
        int col = Math.floorMod(dj, m2);
        wrapped[row * m2 + col] += stencil[(di + r) * w + (dj + r)];
      }
    }
    double[] s = fft.newSpectrum();
    fft.forward(wrapped, m2, m1, s);
    long bytes = 8L * s.length;
    if (full != null && bytes <= SPECTRA_CACHE_BYTES / 4) {
      synchronized (COMPLEX_SPECTRA) {
        if (COMPLEX_SPECTRA.put(full, s) == null) {
          cachedBytes += bytes;
        }
        var it = COMPLEX_SPECTRA.entrySet().iterator();
        while (cachedBytes > SPECTRA_CACHE_BYTES && it.hasNext()) {
          cachedBytes -= 8L * it.next().getValue().length;
          it.remove();
        }
      }
    }
    return s;
  }

  /**
   * JTransforms' split-radix transforms of a power-of-two length cost about this share of its
   * mixed-radix ones per n·log₂ n (measured on one thread: 1 024 complex points in 6.0 µs against
   * 10.5 µs for 1 080, real 3.0 µs against 8.0 µs).
   */
  static final double POWER_OF_TWO_RELATIVE_COST = 0.55;

  /**
   * The transform length for n ≥ 1 cells: the cheaper of the least even n' ≥ n whose only prime
   * factors are 2, 3 and 5 and the least power of two ≥ n, costing a square 2-D transform of side m
   * as m² log m, weighted with {@link #POWER_OF_TWO_RELATIVE_COST} for a power of two (1 000
   * becomes 1 024; 1 036 stays 1 080 rather than 2 048).
   */
  static int fastSize(int n) {
    int m = Math.max(2, n + (n & 1));
    while (!smooth(m)) {
      m += 2;
    }
    int pow2 = Integer.highestOneBit(Math.max(2, n) - 1) << 1;
    return cost(pow2) * POWER_OF_TWO_RELATIVE_COST <= cost(m) ? pow2 : m;
  }

  private static double cost(int m) {
    return (double) m * m * Math.log(m);
  }

  private static boolean smooth(int m) {
    for (int f : new int[] {2, 3, 5}) {
      while (m % f == 0) {
        m /= f;
      }
    }
    return m == 1;
  }
}
