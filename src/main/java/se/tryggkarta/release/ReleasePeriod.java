package se.tryggkarta.release;

import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.TimeRange;

/**
 * One period the public may read: a calendar month, quarter or year, or the last 12 whole months.
 * Always whole months in the workspace's time zone, so every release is a sum of monthly protected
 * tables.
 *
 * @param id the identifier callers use: {@code 2026-03}, {@code 2026-Q1}, {@code 2026} or {@code
 *     last-12-months}
 * @param first the first month
 * @param last the last month (inclusive)
 */
public record ReleasePeriod(String id, Kind kind, YearMonth first, YearMonth last) {
  /** The kinds of period, in the order a period picker lists them. */
  public enum Kind {
    LAST_12_MONTHS("last-12-months"),
    YEAR("year"),
    QUARTER("quarter"),
    MONTH("month");

    private final String slug;

    Kind(String slug) {
      this.slug = slug;
    }

    public String slug() {
      return slug;
    }
  }

  public static final String LAST_12_MONTHS = "last-12-months";
  private static final Pattern MONTH = Pattern.compile("^(\\d{4})-(\\d{2})$");
  private static final Pattern QUARTER = Pattern.compile("^(\\d{4})-Q([1-4])$");
  private static final Pattern YEAR = Pattern.compile("^(\\d{4})$");

  public ReleasePeriod {
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("period " + id + " ends before it starts");
    }
  }

  public static ReleasePeriod month(YearMonth m) {
    return new ReleasePeriod(m.toString(), Kind.MONTH, m, m);
  }

  public static ReleasePeriod quarter(int year, int quarter) {
    YearMonth first = YearMonth.of(year, 3 * quarter - 2);
    return new ReleasePeriod(year + "-Q" + quarter, Kind.QUARTER, first, first.plusMonths(2));
  }

  public static ReleasePeriod year(int year) {
    return new ReleasePeriod(
        Integer.toString(year), Kind.YEAR, YearMonth.of(year, 1), YearMonth.of(year, 12));
  }

  /** The 12 whole months ending with {@code lastWhole}. */
  public static ReleasePeriod last12Months(YearMonth lastWhole) {
    return new ReleasePeriod(
        LAST_12_MONTHS, Kind.LAST_12_MONTHS, lastWhole.minusMonths(11), lastWhole);
  }

  /**
   * Reads a period id, not yet checked against the releases a workspace offers: {@code 2026-03},
   * {@code 2026-Q1}, {@code 2026} or {@code last-12-months} (then {@code lastWhole} ends it).
   */
  static ReleasePeriod parse(String field, String id, YearMonth lastWhole) {
    String text = id == null ? "" : id.strip();
    if (text.equals(LAST_12_MONTHS)) {
      return last12Months(lastWhole);
    }
    try {
      Matcher m = MONTH.matcher(text);
      if (m.matches()) {
        return month(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
      }
      m = QUARTER.matcher(text);
      if (m.matches()) {
        return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      }
      m = YEAR.matcher(text);
      if (m.matches()) {
        return year(Integer.parseInt(m.group(1)));
      }
    } catch (java.time.DateTimeException e) {
      // falls through to the error below
    }
    throw DomainException.invalid(
        field,
        field
            + " must be a release period: a month (2026-03), a quarter (2026-Q1), a year (2026) or"
            + " last-12-months, was '"
            + text
            + "'");
  }

  /** The months of the period, oldest first. */
  public List<YearMonth> months() {
    List<YearMonth> out = new ArrayList<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      out.add(m);
    }
    return out;
  }

  /** The period as a half-open time range in the zone: from the first month's start. */
  public TimeRange timeRange(ZoneId zone) {
    return TimeRange.of(
        first.atDay(1).atStartOfDay(zone).toInstant(),
        last.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
  }

  /** How a person reads the period: "mars 2026", "kvartal 1 2026", "2026", "dec 2025–nov 2026". */
  public String label(Locale language) {
    boolean en = language.getLanguage().equals("en");
    return switch (kind) {
      case MONTH -> monthName(first, TextStyle.FULL, language) + " " + first.getYear();
      case QUARTER ->
          (en ? "Quarter " : "Kvartal ")
              + ((first.getMonthValue() + 2) / 3)
              + " "
              + first.getYear();
      case YEAR -> Integer.toString(first.getYear());
      case LAST_12_MONTHS ->
          (en ? "Last 12 months (" : "Senaste 12 månaderna (")
              + monthName(first, TextStyle.SHORT, language)
              + " "
              + first.getYear()
              + "–"
              + monthName(last, TextStyle.SHORT, language)
              + " "
              + last.getYear()
              + ")";
    };
  }

  private static String monthName(YearMonth m, TextStyle style, Locale language) {
    Locale l = language.getLanguage().equals("en") ? Locale.ENGLISH : Locale.forLanguageTag("sv");
    return m.getMonth().getDisplayName(style, l).replace(".", "");
  }
}
