package se.tryggkarta.hotspot.grid;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
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
