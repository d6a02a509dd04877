package se.tryggkarta.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
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

  /**
   * Reads an instant as an ISO-8601 date-time with offset ({@code 2024-03-01T18:00:00Z}), a local
   * date-time or a date (its start), the local forms in {@code zone}. Throws INVALID_INPUT naming
   * {@code field}.
   */
  public static Instant parseInstant(String field, String text, ZoneId zone) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException ignored) {
      // not an instant with offset; try the local forms
    }
    try {
      return LocalDateTime.parse(text).atZone(zone).toInstant();
    } catch (DateTimeParseException ignored) {
      // not a local date-time; try a date
    }
    try {
      return LocalDate.parse(text).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw DomainException.invalid(
          field, field + " must be an ISO-8601 date or date-time, was '" + text + "'");
    }
  }
}
