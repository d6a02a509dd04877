package se.tryggkarta.common;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * The languages texts for people are written in, Swedish first, with the conventions each reader
 * expects of numbers and dates. Swedish: decimal comma and a (non-breaking) space between
 * thousands, "2,8 km", "1 222", "4 dec 2026 15:44"; English: "2.8 km", "1,222", "4 Dec 2026 15:44".
 * Times are given in the zone the caller passes (the workspace's). Immutable; thread-safe.
 */
public enum Lang {
  SV("sv", '\u00a0', ',', "jan feb mars apr maj juni juli aug sep okt nov dec"),
  EN("en", ',', '.', "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec");

  /** The language when a request names none. */
  public static final Lang DEFAULT = SV;

  private final String code;
  private final char groupingSeparator;
  private final char decimalSeparator;
  private final String[] months;

  Lang(String code, char grouping, char decimal, String months) {
    this.code = code;
    this.groupingSeparator = grouping;
    this.decimalSeparator = decimal;
    this.months = months.split(" ");
  }

  /** The ISO 639-1 code, {@code sv} or {@code en} (HTML {@code lang}, the API's {@code lang}). */
  public String code() {
    return code;
  }

  /** The language as a {@link Locale} ({@code sv}, {@code en}). */
  public Locale locale() {
    return Locale.forLanguageTag(code);
  }

  /** The hours of a window, "kl. 18–06" / "18:00–06:00". */
  public String hours(HourWindow w) {
    return this == SV
        ? String.format(Locale.ROOT, "kl. %02d–%02d", w.fromHour(), w.toHour() % 24)
        : String.format(Locale.ROOT, "%02d:00–%02d:00", w.fromHour(), w.toHour() % 24);
  }

  /**
   * The language a {@code lang} parameter names: {@code sv} or {@code en}, case-insensitive, with
   * or without a region ({@code sv-SE}, {@code en-GB}). Throws INVALID_INPUT naming {@code field}.
   */
  public static Lang parse(String field, String text) {
    String primary = text.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
    for (Lang l : values()) {
      if (l.code.equals(primary)) {
        return l;
      }
    }
    throw DomainException.invalid(field, "lang must be sv or en, was '" + text + "'");
  }

  /**
   * The first supported language of an HTTP {@code Accept-Language} header in order of its quality
   * values (RFC 9110 §12.5.4), else {@link #DEFAULT}; a malformed header counts as absent.
   */
  public static Lang fromAcceptLanguage(String header) {
    if (header == null || header.isBlank()) {
      return DEFAULT;
    }
    Lang best = DEFAULT;
    double bestQ = -1;
    for (String part : header.split(",")) {
      String[] bits = part.strip().split(";");
      double q = 1;
      for (int i = 1; i < bits.length; i++) {
        String b = bits[i].strip();
        if (b.startsWith("q=")) {
          try {
            q = Double.parseDouble(b.substring(2));
          } catch (NumberFormatException e) {
            q = 0;
          }
        }
      }
      String primary = bits[0].strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
      for (Lang l : values()) {
        if (l.code.equals(primary) && q > bestQ && q > 0) {
          best = l;
          bestQ = q;
        }
      }
    }
    return best;
  }

  /** A number with {@code decimals} decimals (rounded half-even) and grouped thousands. */
  public String number(double value, int decimals) {
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
    symbols.setGroupingSeparator(groupingSeparator);
    symbols.setDecimalSeparator(decimalSeparator);
    symbols.setMinusSign('−');
    DecimalFormat f =
        new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), symbols);
    double v = value == 0 ? 0 : value;
    String s = f.format(v);
    return s.equals("−0") ? "0" : s;
  }

  /** A whole number with grouped thousands. */
  public String integer(long value) {
    return number(value, 0);
  }

  /** A share 0..1 as a whole percentage, "42 %". */
  public String percent(double share) {
    return number(100 * share, 0) + (this == SV ? "\u00a0%" : "%");
  }

  /** A distance: whole metres below a kilometre, else kilometres with one decimal. */
  public String distance(double meters) {
    return meters < 999.5 ? number(meters, 0) + "\u00a0m" : number(meters / 1000, 1) + "\u00a0km";
  }

  /**
   * A position for people, latitude first with hemispheres: "60,16900° N 24,94450° Ö" / "60.16900°
   * N 24.94450° E" (five decimals, about a metre).
   */
  public String position(LonLat p) {
    return number(Math.abs(p.lat()), 5)
        + "°\u00a0"
        + (p.lat() >= 0 ? "N" : "S")
        + " "
        + number(Math.abs(p.lon()), 5)
        + "°\u00a0"
        + (p.lon() >= 0 ? (this == SV ? "Ö" : "E") : (this == SV ? "V" : "W"));
  }

  /** A date, "4 dec 2026" / "4 Dec 2026". */
  public String date(LocalDate d) {
    return d.getDayOfMonth() + " " + months[d.getMonthValue() - 1] + " " + d.getYear();
  }

  /** A moment in the given zone to the minute, "4 dec 2026 15:44" / "4 Dec 2026 15:44". */
  public String dateTime(Instant t, ZoneId zone) {
    ZonedDateTime z = t.atZone(zone);
    return date(z.toLocalDate())
        + String.format(Locale.ROOT, " %02d:%02d", z.getHour(), z.getMinute());
  }

  /** A month and year, "dec 2026". */
  public String month(LocalDate d) {
    return months[d.getMonthValue() - 1] + " " + d.getYear();
  }
}
