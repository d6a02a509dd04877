package se.tryggkarta.commitment.progress;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import se.tryggkarta.common.DomainException;

/**
 * A commitment's progress on one day.
 *
 * @param asOf the day the figures are for (local date; activities up to and including it count)
 * @param done activities counted so far (sum of their counts)
 * @param target the promised count, when there is one
 * @param totalDays days in the period, both ends included
 * @param elapsedDays days of the period up to and including {@code asOf}, 0..totalDays
 * @param expectedByNow the linear expectation target × elapsedDays / totalDays (0 without target)
 * @param projectedAtEnd done × totalDays / elapsedDays; empty before the period starts
 * @param neededPerWeek the pace still needed, (target − done) × 7 / remaining days; empty without a
 *     target, when met, or when no days remain
 * @param status the verdict
 */
public record Progress(
    LocalDate asOf,
    long done,
    OptionalLong target,
    long totalDays,
    long elapsedDays,
    double expectedByNow,
    Optional<Double> projectedAtEnd,
    Optional<Double> neededPerWeek,
    ProgressStatus status) {
  public Progress {
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(projectedAtEnd, "projectedAtEnd");
    Objects.requireNonNull(neededPerWeek, "neededPerWeek");
    Objects.requireNonNull(status, "status");
    if (done < 0) {
      throw DomainException.invalid("done", "done must be >= 0, was " + done);
    }
    if (totalDays < 1 || elapsedDays < 0 || elapsedDays > totalDays) {
      throw DomainException.invalid(
          "elapsedDays",
          "need 0 <= elapsed <= total, total >= 1; was " + elapsedDays + "/" + totalDays);
    }
  }

  /** done / target in 0..1 (capped), for progress bars; empty without a positive target. */
  public Optional<Double> fractionDone() {
    if (target.isEmpty() || target.getAsLong() == 0) {
      return Optional.empty();
    }
    return Optional.of(Math.min(1.0, (double) done / target.getAsLong()));
  }
}
