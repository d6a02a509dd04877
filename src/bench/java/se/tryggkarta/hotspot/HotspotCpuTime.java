package se.tryggkarta.hotspot;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;
import org.visnow.jlargearrays.ConcurrencyUtils;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.hotspot.gistar.GiStarResult;
import se.tryggkarta.hotspot.gistar.HexGrid;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.grid.PointSet;
import se.tryggkarta.hotspot.kde.Kernel;
import se.tryggkarta.hotspot.kde.KernelDensity;

/**
 * Thread CPU time per operation with JTransforms on one thread: a figure that does not depend on
 * how many other processes share the machine (JMH wall-clock figures do). Run with {@code
 * scripts/bench hotspot-cpu}. Prints the best of 10 runs after 5 warm-ups.
 */
public class HotspotCpuTime {
  public static void main(String[] a) {
    ConcurrencyUtils.setNumberOfThreads(1);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    GridSpec grid = new GridSpec(0, 0, 10, 1000, 1000);
    for (int n : new int[] {100_000, 1_000_000}) {
      PointSet pts = pts(n);
      for (int w = 0; w < 5; w++) KernelDensity.estimate(pts, grid, Kernel.QUARTIC, 150);
      long best = Long.MAX_VALUE;
      for (int r = 0; r < 10; r++) {
        long t0 = mx.getCurrentThreadCpuTime();
        KernelDensity.estimate(pts, grid, Kernel.QUARTIC, 150);
        best = Math.min(best, mx.getCurrentThreadCpuTime() - t0);
      }
      System.out.printf("KDE fft n=%d: min thread CPU %.1f ms%n", n, best / 1e6);
      long t0 = mx.getCurrentThreadCpuTime();
      KernelDensity.exact(pts, grid, Kernel.QUARTIC, 150);
      System.out.printf("KDE exact n=%d: thread CPU %.1f ms%n", n, (mx.getCurrentThreadCpuTime() - t0) / 1e6);
    }
    HexGrid hex = HexGrid.covering(new Bbox(0, 0, 31_500, 27_200), 100);
    PointSet p = pts(200_000);
    for (int w = 0; w < 5; w++) GiStarResult.analyse(p, hex, HexGrid.autoBand(100));
    long best = Long.MAX_VALUE;
    for (int r = 0; r < 10; r++) {
      long t0 = mx.getCurrentThreadCpuTime();
      GiStarResult.analyse(p, hex, HexGrid.autoBand(100));
      best = Math.min(best, mx.getCurrentThreadCpuTime() - t0);
    }
    System.out.printf("Gi* %d hexagons: min thread CPU %.1f ms%n", hex.size(), best / 1e6);
  }

  static PointSet pts(int n) {
    Random rnd = new Random(42);
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) { x[i] = rnd.nextDouble() * 10_000; y[i] = rnd.nextDouble() * 10_000; }
    return PointSet.unweighted(x, y);
  }
}
