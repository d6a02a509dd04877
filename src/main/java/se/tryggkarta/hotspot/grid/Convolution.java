package se.tryggkarta.hotspot.grid;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jtransforms.fft.DoubleFFT_2D;
import org.jtransforms.fft.FloatFFT_2D;

/**
 * 2-D linear convolution of a padded grid with a point-symmetric stencil by FFT (JTransforms).
 *
 * <p>The data is a {@code (ny + 2p) × (nx + 2p)} row-major array (the grid and a margin of {@code
 * p} cells on every side, so sources just outside the grid still reach it); the stencil is {@code
 * (2r + 1)²} with {@code r ≤ p} and {@code s(−di, −dj) = s(di, dj)}. Both are zero-padded to a
 * transform size {@code M ≥ n + 2p} made of the factors 2, 3 and 5 (JTransforms' fast mixed-radix
 * sizes), which is large enough that the circular convolution never wraps onto the central {@code
 * ny × nx} cells that are returned:
 *
 * <pre>  out(i, j) = Σ_{di,dj} data(i + p − di, j + p − dj) · s(di, dj)</pre>
 *
 * Because the stencil is point-symmetric its transform is real, so the product is a real scaling of
 * each complex coefficient. Stencil transforms are cached (a few, least recently used), so repeated
 * maps with the same kernel skip one of the three transforms. Cost O(M² log M), independent of the
 * number of points. Thread-safe.
 */
public final class Convolution {
  private static final int CACHE_SIZE = 6;
  private static final Map<StencilKey, float[]> SPECTRA =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<StencilKey, float[]> e) {
          return size() > CACHE_SIZE;
        }
      };

  private Convolution() {}

  /**
   * Convolves and returns the central {@code ny × nx} cells, row-major.
   *
   * @param padded the {@code (ny + 2p) × (nx + 2p)} input, row-major
   * @param stencil the {@code (2r + 1)²} point-symmetric stencil, row-major
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
    int m1 = fastSize(rows);
    int m2 = fastSize(cols);
    float[] spectrum = spectrum(m1, m2, stencil, r);
    float[] a = new float[2 * m1 * m2];
    for (int i = 0; i < rows; i++) {
      int src = i * cols;
      int dst = 2 * i * m2;
      for (int j = 0; j < cols; j++) {
        a[dst + 2 * j] = padded[src + j];
      }
    }
    FloatFFT_2D fft = new FloatFFT_2D(m1, m2);
    fft.complexForward(a);
    for (int k = 0, n = m1 * m2; k < n; k++) {
      float s = spectrum[k];
      a[2 * k] *= s;
      a[2 * k + 1] *= s;
    }
    fft.complexInverse(a, true);
    float[] out = new float[ny * nx];
    for (int i = 0; i < ny; i++) {
      int src = 2 * ((i + p) * m2 + p);
      int dst = i * nx;
      for (int j = 0; j < nx; j++) {
        out[dst + j] = a[src + 2 * j];
      }
    }
    return out;
  }

  /**
   * A sum of convolutions in double precision, for stencils of any symmetry:
   *
   * <pre>  out(i, j) = Σ_k Σ_{di,dj} data_k(i + p − di, j + p − dj) · s_k(di, dj)</pre>
   *
   * where {@code data_k} is the k-th padded grid, produced on demand by {@code phases.data(k,
   * buffer)} into a zeroed {@code (ny + 2p) × (nx + 2p)} buffer (so only one is held at a time),
   * and {@code s_k} its {@code (2r + 1)²} stencil. The products are summed in the frequency domain,
   * so K terms cost K forward transforms of data and stencil and one inverse. Round-off is that of
   * double-precision FFTs (about 1e-15 of the largest output, against 1e-7 for {@link #convolve}).
   * The spectrum of a term whose {@code cacheKey} is not null is cached, up to {@link
   * #SPECTRA_CACHE_BYTES} in all (least recently used first out).
   */
  public static double[] convolveSum(Phases phases, int ny, int nx, int p, int r) {
    int rows = ny + 2 * p;
    int cols = nx + 2 * p;
    if (r > p) {
      throw new IllegalArgumentException("stencil radius " + r + " exceeds padding " + p);
    }
    int m1 = fastSize(rows);
    int m2 = fastSize(cols);
    DoubleFFT_2D fft = new DoubleFFT_2D(m1, m2);
    double[] acc = new double[2 * m1 * m2];
    double[] a = new double[2 * m1 * m2];
    double[] buffer = new double[rows * cols];
    for (int k = 0; k < phases.count(); k++) {
      java.util.Arrays.fill(buffer, 0);
      phases.data(k, buffer);
      java.util.Arrays.fill(a, 0);
      for (int i = 0; i < rows; i++) {
        int src = i * cols;
        int dst = 2 * i * m2;
        for (int j = 0; j < cols; j++) {
          a[dst + 2 * j] = buffer[src + j];
        }
      }
      fft.complexForward(a);
      double[] spec = complexSpectrum(fft, m1, m2, phases, k, r);
      for (int q = 0, n = m1 * m2; q < n; q++) {
        double re = a[2 * q];
        double im = a[2 * q + 1];
        double sr = spec[2 * q];
        double si = spec[2 * q + 1];
        acc[2 * q] += re * sr - im * si;
        acc[2 * q + 1] += re * si + im * sr;
      }
    }
    fft.complexInverse(acc, true);
    double[] out = new double[ny * nx];
    for (int i = 0; i < ny; i++) {
      int src = 2 * ((i + p) * m2 + p);
      int dst = i * nx;
      for (int j = 0; j < nx; j++) {
        out[dst + j] = acc[src + 2 * j];
      }
    }
    return out;
  }

  /** The terms of {@link #convolveSum}: each a padded data grid and its stencil. */
  public interface Phases {
    int count();

    /** Writes term k's padded data into the zeroed buffer. */
    void data(int k, double[] buffer);

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

  private static double[] complexSpectrum(
      DoubleFFT_2D fft, int m1, int m2, Phases ph, int k, int r) {
    Object key = ph.cacheKey(k);
    List<Object> full = key == null ? null : List.of(m1, m2, r, key);
    if (full != null) {
      synchronized (COMPLEX_SPECTRA) {
        double[] cached = COMPLEX_SPECTRA.get(full);
        if (cached != null) {
          return cached;
        }
      }
    }
    double[] stencil = ph.stencil(k);
    double[] s = new double[2 * m1 * m2];
    int w = 2 * r + 1;
    for (int di = -r; di <= r; di++) {
      int row = Math.floorMod(di, m1);
      for (int dj = -r; dj <= r; dj++) {
        int col = Math.floorMod(dj, m2);
        s[2 * (row * m2 + col)] += stencil[(di + r) * w + (dj + r)];
      }
    }
    fft.complexForward(s);
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

  /** The smallest even n' ≥ n whose only prime factors are 2, 3 and 5. */
  static int fastSize(int n) {
    int m = Math.max(2, n + (n & 1));
    while (!smooth(m)) {
      m += 2;
    }
    return m;
  }

  private static boolean smooth(int m) {
    for (int f : new int[] {2, 3, 5}) {
      while (m % f == 0) {
        m /= f;
      }
    }
    return m == 1;
  }

  private static float[] spectrum(int m1, int m2, float[] stencil, int r) {
    StencilKey key = new StencilKey(m1, m2, r, stencil.clone());
    synchronized (SPECTRA) {
      float[] cached = SPECTRA.get(key);
      if (cached != null) {
        return cached;
      }
    }
    float[] a = new float[2 * m1 * m2];
    int w = 2 * r + 1;
    for (int di = -r; di <= r; di++) {
      int row = Math.floorMod(di, m1);
      for (int dj = -r; dj <= r; dj++) {
        int col = Math.floorMod(dj, m2);
        a[2 * (row * m2 + col)] += stencil[(di + r) * w + (dj + r)];
      }
    }
    new FloatFFT_2D(m1, m2).complexForward(a);
    float[] re = new float[m1 * m2];
    for (int k = 0; k < re.length; k++) {
      re[k] = a[2 * k];
    }
    synchronized (SPECTRA) {
      SPECTRA.put(key, re);
    }
    return re;
  }

  private record StencilKey(int m1, int m2, int r, float[] stencil) {
    @Override
    public boolean equals(Object o) {
      return o instanceof StencilKey k
          && k.m1 == m1
          && k.m2 == m2
          && k.r == r
          && Arrays.equals(k.stencil, stencil);
    }

    @Override
    public int hashCode() {
      return 31 * (31 * (31 * m1 + m2) + r) + Arrays.hashCode(stencil);
    }
  }
}
