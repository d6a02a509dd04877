package se.tryggkarta.hotspot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.TimeRange;

/**
 * Parses times and periods as users type them: an ISO-8601 instant with offset, a local date-time
 * or a date, read in the workspace's zone. Stateless.
 */
public final class Periods {
  private Periods() {}

  public static Instant instant(String field, String text, ZoneId zone) {
    return TimeRange.parseInstant(field, text.strip(), zone);
  }

  /**
   * {@code "from/to"} as a half-open range; a date-only end includes that whole day ({@code
   * 2023-01-01/2023-09-30} ends at the start of 1 October).
   */
  public static TimeRange period(String field, String text, ZoneId zone) {
    String[] p = text == null ? new String[0] : text.split("/");
    if (p.length != 2) {
      throw DomainException.invalid(field, field + " must be 'from/to', was '" + text + "'");
    }
    Instant from = instant(field, p[0], zone);
    String end = p[1].strip();
    Instant to =
        end.length() == 10
            ? parseDate(field, end).plusDays(1).atStartOfDay(zone).toInstant()
            : instant(field, end, zone);
    try {
      return TimeRange.of(from, to);
    } catch (DomainException e) {
      throw DomainException.invalid(field, e.getMessage());
    }
  }

  /** Optional {@code from} and {@code to} as a half-open range (errors name {@code to}). */
  public static TimeRange range(Optional<String> from, Optional<String> to, ZoneId zone) {
    return new TimeRange(
        from.map(f -> instant("from", f, zone)), to.map(t -> instant("to", t, zone)));
  }

  private static LocalDate parseDate(String field, String v) {
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw DomainException.invalid(field, field + " must be an ISO-8601 date, was '" + v + "'");
    }
  }
}
