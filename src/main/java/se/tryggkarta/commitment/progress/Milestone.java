package se.tryggkarta.commitment.progress;

import java.time.LocalDate;
import java.util.Objects;
import se.tryggkarta.common.DomainException;

/**
 * An intermediate goal of a commitment: at least {@code count} done by the end of {@code date} (a
 * local date, inclusive).
 */
public record Milestone(LocalDate date, long count) {
  public Milestone {
    Objects.requireNonNull(date, "date");
    if (count < 0) {
      throw DomainException.invalid("count", "a milestone count must be >= 0, was " + count);
    }
  }
}
