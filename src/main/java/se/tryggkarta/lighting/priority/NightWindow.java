package se.tryggkarta.lighting.priority;

import java.time.Instant;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.HourWindow;
import se.tryggkarta.common.Lang;

/**
 * Which incidents count as night-time: local clock hours [fromHour, toHour) in the workspace's time
 * zone, wrapping past midnight when fromHour &gt; toHour, in winter months (October to March, the
 * dark half of the Swedish year) or the whole year. Default 18–06 in winter.
 */
public record NightWindow(int fromHour, int toHour, Season season) {
  public static final NightWindow DEFAULT = new NightWindow(18, 6, Season.WINTER);

  /** Which months count. */
  public enum Season {
    /** October to March. */
    WINTER,
    /** Every month. */
    YEAR;

    public String slug() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Season parse(String field, String text) {
      return switch (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) {
        case "winter" -> WINTER;
        case "year", "all", "whole-year" -> YEAR;
        default ->
            throw DomainException.invalid(
                field, "season must be 'winter' or 'year', was '" + text + "'");
      };
    }
  }

  public NightWindow {
    if (fromHour < 0 || fromHour > 23) {
      throw DomainException.invalid("nightFrom", "nightFrom must be 0..23, was " + fromHour);
    }
    if (toHour < 0 || toHour > 24) {
      throw DomainException.invalid("nightTo", "nightTo must be 0..24, was " + toHour);
    }
    if (fromHour == toHour) {
      throw DomainException.invalid("nightTo", "night must not be empty: from = to = " + toHour);
    }
    if (season == null) {
      throw DomainException.invalid("season", "season is required");
    }
  }

  public boolean contains(Instant t, ZoneId zone) {
    ZonedDateTime local = t.atZone(zone);
    if (season == Season.WINTER) {
      Month m = local.getMonth();
      boolean winter = m.getValue() >= Month.OCTOBER.getValue() || m.getValue() <= 3;
      if (!winter) {
        return false;
      }
    }
    int h = local.getHour();
    return fromHour < toHour ? h >= fromHour && h < toHour : h >= fromHour || h < toHour;
  }

  /** For explanations: "kl. 18–06, okt–mars" / "18:00–06:00, Oct–Mar"; "hela året" / "all year". */
  public String describe(Lang lang) {
    String months =
        season == Season.WINTER
            ? (lang == Lang.SV ? "okt–mars" : "Oct–Mar")
            : (lang == Lang.SV ? "hela året" : "all year");
    return lang.hours(new HourWindow(fromHour, toHour)) + ", " + months;
  }

  /** The workspace's night hours in every month: one definition of night for every feature. */
  public static NightWindow of(HourWindow hours) {
    return new NightWindow(hours.fromHour(), hours.toHour(), Season.YEAR);
  }
}
