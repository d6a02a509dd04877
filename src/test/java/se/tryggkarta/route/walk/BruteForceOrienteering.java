package se.tryggkarta.route.walk;

import java.util.ArrayList;
import java.util.List;

/** The orienteering oracle for tests: every subset, every order. Exponential; n ≤ 8. */
public final class BruteForceOrienteering {
  private BruteForceOrienteering() {}

  /** The optimum by enumerating every subset and every order of it. */
  public static double optimum(double[][] d, double[] prize, double budget, boolean loop) {
    int n = d.length - 1;
    double best = 0;
    for (int mask = 1; mask < (1 << n); mask++) {
      List<Integer> items = new ArrayList<>();
      double p = 0;
      for (int i = 0; i < n; i++) {
        if ((mask & (1 << i)) != 0) {
          items.add(i + 1);
          p += prize[i + 1];
        }
      }
      if (p <= best) {
        continue;
      }
      if (shortest(d, items, new ArrayList<>(), 0, 0, loop) <= budget + 1e-6) {
        best = p;
      }
    }
    return best;
  }

  private static double shortest(
      double[][] d, List<Integer> left, List<Integer> done, int prev, double len, boolean loop) {
    if (left.isEmpty()) {
      return len + (loop ? d[prev][0] : 0);
    }
    double best = Double.POSITIVE_INFINITY;
    for (int k = 0; k < left.size(); k++) {
      int c = left.remove(k);
      best = Math.min(best, shortest(d, left, done, c, len + d[prev][c], loop));
      left.add(k, c);
    }
    return best;
  }
}
