package se.tryggkarta.common;

import java.time.Instant;
import java.util.Optional;

/**
 * A half-open time interval [from, to). Either end may be open (empty). A range whose end is not
 * after its start is rejected: it would select nothing, which is always a caller's mistake.
 */
public record TimeRange(Optional<Instant> from, Optional<Instant> to) {
  public static final TimeRange ALL = new TimeRange(Optional.empty(), Optional.empty());

  public TimeRange {
    if (from.isPresent() && to.isPresent() && !to.get().isAfter(from.get())) {
      throw DomainException.invalid(
          "to", "time range ends (" + to.get() + ") before or when it starts (" + from.get() + ")");
    }
  }

  public static TimeRange of(Instant from, Instant to) {
    return new TimeRange(Optional.of(from), Optional.of(to));
  }

  public boolean contains(Instant t) {
    return from.map(f -> !t.isBefore(f)).orElse(true) && to.map(t::isBefore).orElse(true);
  }
}
