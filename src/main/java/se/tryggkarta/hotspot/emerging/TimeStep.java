package se.tryggkarta.hotspot.emerging;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import se.tryggkarta.common.DomainException;

/**
 * The length of a space-time cube's time step, in local calendar terms (months and ISO weeks
 * starting on Monday, in the workspace's time zone), so that a step is what people planning patrols
 * call a month or a week, daylight saving time included.
 */
public enum TimeStep {
  MONTH("month"),
  WEEK("week");

  /** The most steps one analysis accepts (ten years of weeks). */
  public static final int MAX_STEPS = 530;

  private final String slug;

  TimeStep(String slug) {
    this.slug = slug;
  }

  public String slug() {
    return slug;
  }

  /** Parses {@code month} or {@code week}. */
  public static TimeStep parse(String field, String text) {
    for (TimeStep s : values()) {
      if (s.slug.equals(text.strip().toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw DomainException.invalid(field, "step must be month or week, was '" + text + "'");
  }

  /** The first local day of the step holding the instant. */
  public LocalDate start(Instant t, ZoneId zone) {
    LocalDate d = t.atZone(zone).toLocalDate();
    return this == MONTH
        ? d.withDayOfMonth(1)
        : d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  /** Whole steps from the step starting on {@code first} to the one holding the instant. */
  public int index(LocalDate first, Instant t, ZoneId zone) {
    LocalDate s = start(t, zone);
    return (int)
        (this == MONTH ? ChronoUnit.MONTHS.between(first, s) : ChronoUnit.WEEKS.between(first, s));
  }

  /** The first local day of step {@code k} after the one starting on {@code first}. */
  public LocalDate plus(LocalDate first, int k) {
    return this == MONTH ? first.plusMonths(k) : first.plusWeeks(k);
  }
}
