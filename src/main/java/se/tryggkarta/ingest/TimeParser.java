package se.tryggkarta.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.tryggkarta.common.DomainException;

/**
 * ISO-8601 times as import files write them: {@code 2024-05-01T22:00:00Z}, with an offset ({@code
 * +02:00}, {@code +0200}), a local date-time (read in the workspace's zone), or a date (its start,
 * in that zone). It is lenient where real exports are sloppy: a space instead of {@code T}, a
 * one-digit hour ({@code 2026-08-22 9:48:12 +02:00}, as in the Police events API), a space before
 * the offset, a decimal comma. Stateless and thread-safe.
 */
final class TimeParser {
  private static final Pattern ISO =
      Pattern.compile(
          "^(\\d{4})-(\\d{2})-(\\d{2})"
              + "(?:[Tt ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
              + "\\s*(Z|z|[+-]\\d{2}(?::?\\d{2})?)?)?$");

  private TimeParser() {}

  /** The instant the text names; throws INVALID_INPUT naming the field otherwise. */
  static Instant instant(String field, String text, ZoneId zone) {
    Matcher m = ISO.matcher(text.strip());
    if (!m.matches()) {
      throw bad(field, text);
    }
    try {
      LocalDate date =
          LocalDate.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)));
      if (m.group(4) == null) {
        return date.atStartOfDay(zone).toInstant();
      }
      int nanos = 0;
      if (m.group(7) != null) {
        nanos = Integer.parseInt((m.group(7) + "00000000").substring(0, 9));
      }
      LocalDateTime local =
          date.atTime(
              Integer.parseInt(m.group(4)),
              Integer.parseInt(m.group(5)),
              m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
              nanos);
      String offset = m.group(8);
      if (offset == null) {
        return local.atZone(zone).toInstant();
      }
      return local.toInstant(offset(offset));
    } catch (DateTimeException | NumberFormatException e) {
      throw bad(field, text);
    }
  }

  /** A calendar date ({@code 2019-04-30}); a date-time's date part is accepted too. */
  static LocalDate date(String field, String text) {
    String t = text.strip();
    if (t.length() > 10 && (t.charAt(10) == 'T' || t.charAt(10) == ' ')) {
      t = t.substring(0, 10);
    }
    try {
      return LocalDate.parse(t);
    } catch (DateTimeException e) {
      throw DomainException.invalid(
          field, field + " must be an ISO-8601 date like 2019-04-30, was '" + text + "'");
    }
  }

  private static ZoneOffset offset(String text) {
    if (text.equalsIgnoreCase("Z")) {
      return ZoneOffset.UTC;
    }
    String t = text.length() == 5 ? text.substring(0, 3) + ":" + text.substring(3) : text;
    return ZoneOffset.of(t);
  }

  private static DomainException bad(String field, String text) {
    return DomainException.invalid(
        field,
        field
            + " must be an ISO-8601 date or date-time like 2024-05-01T22:00:00+02:00, was '"
            + text
            + "'");
  }
}
