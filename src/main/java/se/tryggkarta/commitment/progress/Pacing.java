package se.tryggkarta.commitment.progress;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import se.tryggkarta.common.DomainException;

/**
 * Linear (pro-rata) pacing of a count target over a period of whole days, optionally through
 * milestones.
 *
 * <pre>
 *   N = days in the period (start and end inclusive; a leap day counts like any other day)
 *   e = days elapsed up to and including asOf, clamped to 0..N
 *   expected  E = T · e / N   without milestones; with milestones (e_k, c_k), where e_k is the
 *               elapsed day at the end of the milestone's date, E is the straight line through
 *               (0, 0), every (e_k, c_k) and (N, T), read at e
 *   projected P = d · N / e                      (e &gt; 0)
 *   needed per week = max(0, T − d) · 7 / (N − e)  (N − e &gt; 0)
 * </pre>
 *
 * Status, first rule that applies: d ≥ T → MET; e = 0 → NOT_STARTED; no T → NO_TARGET; asOf after
 * the end → ENDED_UNMET; d ≥ E → ON_TRACK; no day left, or the plan already at T → AT_RISK; the
 * pace ratio ρ = (T − d) / (T − E), the pace still needed over the pace the plan has left, above
 * {@value #AT_RISK_PACE_RATIO} → AT_RISK; otherwise BEHIND. Without milestones ρ = ((T − d)/(N −
 * e)) / (T/N). Stateless and thread-safe.
 */
public final class Pacing {
  /** How much faster than planned the rest must go before "behind" becomes "at risk". */
  public static final double AT_RISK_PACE_RATIO = 1.5;

  private Pacing() {}

  /**
   * The progress on {@code asOf} of a count {@code done} against {@code target} over the period
   * {@code start..end} (inclusive local dates).
   */
  public static Progress progress(
      LocalDate start, LocalDate end, OptionalLong target, long done, LocalDate asOf) {
    return progress(start, end, target, List.of(), done, asOf);
  }

  /**
   * As {@link #progress(LocalDate, LocalDate, OptionalLong, long, LocalDate)}, with the expectation
   * drawn through the milestones (dates inside the period, increasing, counts non-decreasing and at
   * most the target; see {@link #checkMilestones}).
   */
  public static Progress progress(
      LocalDate start,
      LocalDate end,
      OptionalLong target,
      List<Milestone> milestones,
      long done,
      LocalDate asOf) {
    if (end.isBefore(start)) {
      throw DomainException.invalid(
          "periodEnd", "the period ends (" + end + ") before it starts (" + start + ")");
    }
    long n = ChronoUnit.DAYS.between(start, end) + 1;
    long e = Math.max(0, Math.min(n, ChronoUnit.DAYS.between(start, asOf) + 1));
    long t = target.orElse(0);
    checkMilestones(start, end, target, milestones);
    double expected = target.isPresent() ? expected(start, n, t, milestones, e) : 0.0;
    Optional<Double> projected = e > 0 ? Optional.of((double) done * n / e) : Optional.empty();
    long remaining = n - e;
    Optional<Double> needed =
        target.isPresent() && done < t && remaining > 0
            ? Optional.of((double) (t - done) * 7 / remaining)
            : Optional.empty();
    ProgressStatus status = status(target, done, n, e, asOf.isAfter(end), expected);
    return new Progress(asOf, done, target, n, e, expected, projected, needed, status);
  }

  private static ProgressStatus status(
      OptionalLong target, long done, long n, long e, boolean ended, double expected) {
    if (target.isPresent() && done >= target.getAsLong()) {
      return ProgressStatus.MET;
    }
    if (e == 0) {
      return ProgressStatus.NOT_STARTED;
    }
    if (target.isEmpty()) {
      return ProgressStatus.NO_TARGET;
    }
    if (ended) {
      return ProgressStatus.ENDED_UNMET;
    }
    if (done >= expected) {
      return ProgressStatus.ON_TRACK;
    }
    long t = target.getAsLong();
    if (e == n || expected >= t) {
      return ProgressStatus.AT_RISK;
    }
    double ratio = (t - done) / (t - expected);
    return ratio > AT_RISK_PACE_RATIO ? ProgressStatus.AT_RISK : ProgressStatus.BEHIND;
  }

  private static double expected(LocalDate start, long n, long t, List<Milestone> ms, long e) {
    double x0 = 0;
    double y0 = 0;
    for (int i = 0; i <= ms.size(); i++) {
      double x1 = i < ms.size() ? ChronoUnit.DAYS.between(start, ms.get(i).date()) + 1 : n;
      double y1 = i < ms.size() ? ms.get(i).count() : t;
      if (e <= x1) {
        return x1 == x0 ? y1 : y0 + (y1 - y0) * (e - x0) / (x1 - x0);
      }
      x0 = x1;
      y0 = y1;
    }
    return t;
  }

  /**
   * Throws INVALID_INPUT (field {@code milestones/i/date} or {@code .../count}) unless the
   * milestones lie inside the period with increasing dates and non-decreasing counts no larger than
   * the target; milestones need a target.
   */
  public static void checkMilestones(
      LocalDate start, LocalDate end, OptionalLong target, List<Milestone> milestones) {
    if (!milestones.isEmpty() && target.isEmpty()) {
      throw DomainException.invalid("milestones", "milestones need a target");
    }
    for (int i = 0; i < milestones.size(); i++) {
      Milestone m = milestones.get(i);
      if (m.date().isBefore(start) || m.date().isAfter(end)) {
        throw DomainException.invalid(
            "milestones/" + i + "/date", "milestone date " + m.date() + " lies outside the period");
      }
      if (i > 0 && !m.date().isAfter(milestones.get(i - 1).date())) {
        throw DomainException.invalid(
            "milestones/" + i + "/date",
            "milestone dates must increase, " + m.date() + " does not");
      }
      if ((i > 0 && m.count() < milestones.get(i - 1).count()) || m.count() > target.getAsLong()) {
        throw DomainException.invalid(
            "milestones/" + i + "/count",
            "milestone counts must not decrease nor exceed the target, was " + m.count());
      }
    }
  }
}
