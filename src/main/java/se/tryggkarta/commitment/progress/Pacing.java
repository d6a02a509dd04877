package se.tryggkarta.commitment.progress;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalLong;
import se.tryggkarta.common.DomainException;

/**
 * Linear (pro-rata) pacing of a count target over a period of whole days.
 *
 * <pre>
 *   N = days in the period (start and end inclusive; a leap day counts like any other day)
 *   e = days elapsed up to and including asOf, clamped to 0..N
 *   expected  E = T · e / N
 *   projected P = d · N / e                      (e &gt; 0)
 *   needed per week = max(0, T − d) · 7 / (N − e)  (N − e &gt; 0)
 * </pre>
 *
 * Status, first rule that applies: d ≥ T → MET; e = 0 → NOT_STARTED; no T → NO_TARGET; asOf after
 * the end → ENDED_UNMET; d ≥ E → ON_TRACK; no day left → AT_RISK; the pace ratio ρ = ((T − d)/(N −
 * e)) / (T/N) above {@value #AT_RISK_PACE_RATIO} → AT_RISK; otherwise BEHIND. (d &lt; E holds
 * exactly when ρ &gt; 1, so BEHIND and AT_RISK both mean "below the line".) Stateless and
 * thread-safe.
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
    if (end.isBefore(start)) {
      throw DomainException.invalid(
          "periodEnd", "the period ends (" + end + ") before it starts (" + start + ")");
    }
    long n = ChronoUnit.DAYS.between(start, end) + 1;
    long e = Math.max(0, Math.min(n, ChronoUnit.DAYS.between(start, asOf) + 1));
    long t = target.orElse(0);
    double expected = target.isPresent() ? (double) t * e / n : 0.0;
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
    if (e == n) {
      return ProgressStatus.AT_RISK;
    }
    long t = target.getAsLong();
    double ratio = ((double) (t - done) / (n - e)) / ((double) t / n);
    return ratio > AT_RISK_PACE_RATIO ? ProgressStatus.AT_RISK : ProgressStatus.BEHIND;
  }
}
