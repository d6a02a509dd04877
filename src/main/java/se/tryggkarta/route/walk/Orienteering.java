package se.tryggkarta.route.walk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A heuristic for the orienteering problem (Golden, Levy &amp; Vohra 1987; survey by Vansteenwegen,
 * Souffriau &amp; Van Oudheusden 2011): given a start 0, candidates 1..n with prizes p_i and a
 * symmetric distance matrix d, choose and order a subset S to
 *
 * <pre>
 *   maximise Σ_{i∈S} p_i   subject to   d(0, s_1) + Σ_k d(s_k, s_{k+1}) [+ d(s_|S|, 0) if a loop] ≤ B
 * </pre>
 *
 * with every mandatory candidate in S. Construction by greedy insertion on the ratio p_i / Δ_i (Δ_i
 * the cheapest insertion cost), from several starts (the pure greedy run, and runs seeded with each
 * of the {@value #MAX_SEEDS} most promising candidates); each tour is shortened by 2-opt (Croes
 * 1958) after every insertion, and improved by a drop-and-refill local search. The best tour by
 * prize, then by length, wins. O(n⁴) in the worst case, fine for the ≤ 100 candidates a walk has.
 * Stateless; thread-safe.
 */
public final class Orienteering {
  private static final double EPS = 1e-9;
  private static final int MAX_SEEDS = 20;

  private final double[][] d;
  private final double[] prize;
  private final boolean loop;
  private final double budget;

  /**
   * @param distance the (n+1)×(n+1) matrix, index 0 the start; +Infinity for unreachable pairs
   * @param prize the prizes, prize[0] ignored; finite and ≥ 0
   * @param budget the largest tour length, same unit as the matrix
   * @param loop whether the tour returns to the start
   */
  public Orienteering(double[][] distance, double[] prize, double budget, boolean loop) {
    if (distance.length != prize.length) {
      throw new IllegalArgumentException("matrix and prizes differ in size");
    }
    this.d = distance;
    this.prize = prize;
    this.budget = budget;
    this.loop = loop;
  }

  /** The result: the visiting order (candidate indices, without the start) and its length. */
  public record Tour(List<Integer> order, double length, double prize) {
    public Tour {
      order = List.copyOf(order);
    }
  }

  /** The length of a tour visiting {@code order} from the start. */
  public double length(List<Integer> order) {
    double len = 0;
    int prev = 0;
    for (int i : order) {
      len += d[prev][i];
      prev = i;
    }
    if (loop) {
      len += d[prev][0];
    }
    return len;
  }

  /**
   * The shortest tour this heuristic finds through exactly the mandatory candidates; the caller
   * compares its length with the budget to explain an infeasible request.
   */
  public Tour mandatoryTour(List<Integer> mandatory) {
    List<Integer> t = new ArrayList<>();
    for (int m : mandatory) {
      insertCheapest(t, m);
      twoOpt(t);
    }
    return tour(t);
  }

  /** The best tour found, or empty when even the mandatory stops exceed the budget. */
  public Optional<Tour> solve(List<Integer> mandatory) {
    Tour base = mandatoryTour(mandatory);
    if (base.length() > budget + EPS) {
      return Optional.empty();
    }
    Tour best = improve(new ArrayList<>(base.order()), mandatory);
    for (int seed : seeds(base.order())) {
      List<Integer> t = new ArrayList<>(base.order());
      insertCheapest(t, seed);
      twoOpt(t);
      if (length(t) > budget + EPS) {
        continue;
      }
      Tour candidate = improve(t, mandatory);
      if (better(candidate, best)) {
        best = candidate;
      }
    }
    return Optional.of(best);
  }

  /**
   * The candidates each extra start is seeded with: all of them up to {@value #MAX_SEEDS}, else the
   * {@value #MAX_SEEDS} with the best prize per metre of a visit from the start alone.
   */
  private List<Integer> seeds(List<Integer> base) {
    List<Integer> s = new ArrayList<>();
    for (int c = 1; c < d.length; c++) {
      if (!base.contains(c) && prize[c] > 0 && d[0][c] < Double.POSITIVE_INFINITY) {
        s.add(c);
      }
    }
    s.sort(
        java.util.Comparator.comparingDouble((Integer c) -> -prize[c] / (d[0][c] + d[c][0] + EPS))
            .thenComparingInt(c -> c));
    return s.size() > MAX_SEEDS ? s.subList(0, MAX_SEEDS) : s;
  }

  private Tour improve(List<Integer> t, List<Integer> mandatory) {
    fill(t);
    Tour best = tour(t);
    boolean improved = true;
    while (improved) {
      improved = false;
      for (int k = 0; k < best.order().size(); k++) {
        int drop = best.order().get(k);
        if (mandatory.contains(drop)) {
          continue;
        }
        List<Integer> trial = new ArrayList<>(best.order());
        trial.remove(k);
        twoOpt(trial);
        fill(trial, drop);
        Tour candidate = tour(trial);
        if (better(candidate, best)) {
          best = candidate;
          improved = true;
          break;
        }
      }
    }
    return best;
  }

  private boolean better(Tour a, Tour b) {
    return a.prize() > b.prize() + EPS
        || (Math.abs(a.prize() - b.prize()) <= EPS && a.length() < b.length() - EPS);
  }

  private Tour tour(List<Integer> t) {
    double p = 0;
    for (int i : t) {
      p += prize[i];
    }
    return new Tour(t, length(t), p);
  }

  /** Greedy insertion by prize per added length until nothing more fits. */
  private void fill(List<Integer> t, int... excluded) {
    while (true) {
      int bestC = -1;
      double bestScore = -1;
      for (int c = 1; c < d.length; c++) {
        if (t.contains(c) || contains(excluded, c) || !(prize[c] > 0)) {
          continue;
        }
        double[] ins = cheapestInsertion(t, c);
        if (!(ins[0] < Double.POSITIVE_INFINITY) || length(t) + ins[0] > budget + EPS) {
          continue;
        }
        double score = prize[c] / (ins[0] + EPS);
        if (score > bestScore) {
          bestScore = score;
          bestC = c;
        }
      }
      if (bestC < 0) {
        return;
      }
      insertCheapest(t, bestC);
      twoOpt(t);
    }
  }

  private static boolean contains(int[] a, int v) {
    for (int x : a) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }

  /**
   * {added length, position} of the cheapest place to insert {@code c}: between neighbours p and q
   * the tour grows by d(p, c) + d(c, q) − d(p, q); at the open end of a path by d(p, c).
   */
  private double[] cheapestInsertion(List<Integer> t, int c) {
    double best = Double.POSITIVE_INFINITY;
    int pos = t.size();
    for (int i = 0; i <= t.size(); i++) {
      int prev = i == 0 ? 0 : t.get(i - 1);
      int next = i < t.size() ? t.get(i) : (loop ? 0 : -1);
      double delta = next < 0 ? d[prev][c] : d[prev][c] + d[c][next] - d[prev][next];
      if (delta < best) {
        best = delta;
        pos = i;
      }
    }
    return new double[] {best, pos};
  }

  private void insertCheapest(List<Integer> t, int c) {
    t.add((int) cheapestInsertion(t, c)[1], c);
  }

  /** 2-opt: reverse any stretch of the order that shortens the tour, until none does. */
  void twoOpt(List<Integer> t) {
    boolean improved = true;
    while (improved) {
      improved = false;
      double current = length(t);
      for (int i = 0; i < t.size() - 1 && !improved; i++) {
        for (int j = i + 1; j < t.size() && !improved; j++) {
          Collections.reverse(t.subList(i, j + 1));
          double l = length(t);
          if (l < current - EPS) {
            improved = true;
          } else {
            Collections.reverse(t.subList(i, j + 1));
          }
        }
      }
    }
  }
}
