package se.tryggkarta.hotspot.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import se.tryggkarta.hotspot.grid.PointSet;

/**
 * Seeded simulation of the ETAS process by its branching structure (Zhuang, Ogata &amp; Vere-Jones
 * 2002): background events are Poisson in time at {@code backgroundPerDay}, half uniform over the
 * square and half in Gaussian hot spots; each event then begets Poisson(θ) children after Exp(ω)
 * days at a Gaussian offset of scale σ, generation by generation, inside [0, days).
 */
public final class HawkesSimulation {
  private HawkesSimulation() {}

  public static TimedEvents simulate(
      long seed,
      double sizeMeters,
      int hotSpots,
      double hotSpotSigmaMeters,
      double backgroundPerDay,
      double theta,
      double omegaPerDay,
      double sigmaMeters,
      double days) {
    Random rnd = new Random(seed);
    double[][] centres = new double[hotSpots][2];
    for (double[] c : centres) {
      c[0] = sizeMeters * (0.15 + 0.7 * rnd.nextDouble());
      c[1] = sizeMeters * (0.15 + 0.7 * rnd.nextDouble());
    }
    List<double[]> events = new ArrayList<>();
    double t = 0;
    while (true) {
      t += -Math.log(1 - rnd.nextDouble()) / backgroundPerDay;
      if (t >= days) {
        break;
      }
      double x;
      double y;
      if (hotSpots > 0 && rnd.nextBoolean()) {
        double[] c = centres[rnd.nextInt(hotSpots)];
        x = c[0] + rnd.nextGaussian() * hotSpotSigmaMeters;
        y = c[1] + rnd.nextGaussian() * hotSpotSigmaMeters;
      } else {
        x = rnd.nextDouble() * sizeMeters;
        y = rnd.nextDouble() * sizeMeters;
      }
      events.add(new double[] {x, y, t});
    }
    List<double[]> generation = new ArrayList<>(events);
    while (!generation.isEmpty()) {
      List<double[]> next = new ArrayList<>();
      for (double[] parent : generation) {
        int children = poisson(rnd, theta);
        for (int c = 0; c < children; c++) {
          double ct = parent[2] - Math.log(1 - rnd.nextDouble()) / omegaPerDay;
          if (ct < days) {
            next.add(
                new double[] {
                  parent[0] + rnd.nextGaussian() * sigmaMeters,
                  parent[1] + rnd.nextGaussian() * sigmaMeters,
                  ct
                });
          }
        }
      }
      events.addAll(next);
      generation = next;
    }
    double[] x = new double[events.size()];
    double[] y = new double[x.length];
    double[] d = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = events.get(i)[0];
      y[i] = events.get(i)[1];
      d[i] = events.get(i)[2];
    }
    return TimedEvents.of(PointSet.unweighted(x, y), d);
  }

  private static int poisson(Random rnd, double mean) {
    double l = Math.exp(-mean);
    int k = 0;
    double p = rnd.nextDouble();
    while (p > l) {
      k++;
      p *= rnd.nextDouble();
    }
    return k;
  }
}
