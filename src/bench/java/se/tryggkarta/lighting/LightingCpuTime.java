package se.tryggkarta.lighting;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The CPU time (not wall-clock) per operation of {@link LightingBenchmark}'s operations, for a
 * shared machine where wall-clock figures mostly measure the other tenants. Two warm-up runs, then
 * the median of seven. Run with the bench profile's test classpath: {@code java -cp ...
 * se.tryggkarta.lighting.LightingCpuTime}.
 */
public final class LightingCpuTime {
  private LightingCpuTime() {}

  public static void main(String[] args) throws Exception {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (String dataset : new String[] {"cambridge", "generated-50k"}) {
      LightingBenchmark b = new LightingBenchmark();
      b.dataset = dataset;
      b.load();
      for (String op : new String[] {"coverage", "priorities"}) {
        long[] cpu = new long[9];
        long[] wall = new long[9];
        for (int i = 0; i < cpu.length; i++) {
          long c0 = mx.getCurrentThreadCpuTime();
          long w0 = System.nanoTime();
          Object r = op.equals("coverage") ? b.coverage() : b.priorities();
          cpu[i] = mx.getCurrentThreadCpuTime() - c0;
          wall[i] = System.nanoTime() - w0;
          if (r == null) {
            throw new IllegalStateException();
          }
        }
        long[] c = java.util.Arrays.copyOfRange(cpu, 2, 9);
        long[] w = java.util.Arrays.copyOfRange(wall, 2, 9);
        java.util.Arrays.sort(c);
        java.util.Arrays.sort(w);
        System.out.printf(
            Locale.ROOT,
            "%-14s %-11s cpu median %7.1f ms (max %7.1f)  wall median %7.1f ms%n",
            dataset,
            op,
            c[3] / 1e6,
            c[6] / 1e6,
            w[3] / 1e6);
      }
    }
  }
}
