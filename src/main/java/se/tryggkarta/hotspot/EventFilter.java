package se.tryggkarta.hotspot;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.HourWindow;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.layer.Layer;

/**
 * Which events an analysis uses and how much each weighs.
 *
 * @param layer a point layer: incidents, unsafe-places or lamps
 * @param time only events in this half-open range
 * @param categories only these categories (lower case); empty means all
 * @param hours only events at these local hours (the workspace's time zone)
 * @param weekdays only events on these local weekdays; empty means all
 * @param categoryWeights a multiplier per category (others weigh 1), each finite and ≥ 0
 * @param halfLife exponential time decay: an event one half-life older than the reference time (the
 *     range's end, else the newest event) weighs half as much: w = 2^(−age/halfLife)
 * @param bboxWgs84 the map's extent in degrees (else the workspace boundary's box, else the data's)
 */
public record EventFilter(
    Layer layer,
    TimeRange time,
    Set<String> categories,
    Optional<HourWindow> hours,
    Set<DayOfWeek> weekdays,
    Map<String, Double> categoryWeights,
    Optional<Duration> halfLife,
    Optional<Bbox> bboxWgs84) {
  public EventFilter {
    Objects.requireNonNull(layer, "layer");
    if (!(layer.isTimedPoints() || layer == Layer.LAMPS)) {
      throw DomainException.invalid(
          "layer",
          "hotspots need a point layer (incidents, unsafe-places, lamps), was " + layer.slug());
    }
    Objects.requireNonNull(time, "time");
    categories = Set.copyOf(categories);
    Objects.requireNonNull(hours, "hours");
    weekdays = weekdays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weekdays));
    categoryWeights = Map.copyOf(categoryWeights);
    Objects.requireNonNull(halfLife, "halfLife");
    halfLife.ifPresent(
        h -> {
          if (h.isNegative() || h.isZero()) {
            throw DomainException.invalid("halfLife", "halfLife must be positive, was " + h);
          }
        });
    Objects.requireNonNull(bboxWgs84, "bboxWgs84");
  }

  /** All events of the layer, equally weighted. */
  public static EventFilter all(Layer layer) {
    return new EventFilter(
        layer,
        TimeRange.ALL,
        Set.of(),
        Optional.empty(),
        Set.of(),
        Map.of(),
        Optional.empty(),
        Optional.empty());
  }

  public EventFilter withTime(TimeRange range) {
    return new EventFilter(
        layer, range, categories, hours, weekdays, categoryWeights, halfLife, bboxWgs84);
  }

  public EventFilter withCategories(Set<String> cats) {
    return new EventFilter(
        layer, time, cats, hours, weekdays, categoryWeights, halfLife, bboxWgs84);
  }

  public EventFilter withHours(Optional<HourWindow> h) {
    return new EventFilter(
        layer, time, categories, h, weekdays, categoryWeights, halfLife, bboxWgs84);
  }

  /** Parses {@code "drugs:2,violence:3"}. */
  public static Map<String, Double> parseWeights(String field, String text) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String part : text.split(",")) {
      String[] kv = part.split(":");
      if (kv.length != 2 || kv[0].isBlank()) {
        throw DomainException.invalid(
            field, "weights must look like 'drugs:2,violence:3', was '" + text + "'");
      }
      double w;
      try {
        w = Double.parseDouble(kv[1].strip());
      } catch (NumberFormatException e) {
        throw DomainException.invalid(
            field, "weight of '" + kv[0].strip() + "' is not a number: '" + kv[1] + "'");
      }
      if (!Double.isFinite(w) || w < 0 || w > 1000) {
        throw DomainException.invalid(field, "weights must be 0..1000, was " + w);
      }
      out.put(kv[0].strip().toLowerCase(Locale.ROOT), w);
    }
    return out;
  }

  /** Parses {@code "mon,tue,sat"} (English three-letter or full names). */
  public static Set<DayOfWeek> parseWeekdays(String field, String text) {
    Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String part : text.split(",")) {
      String p = part.strip().toUpperCase(Locale.ROOT);
      DayOfWeek found = null;
      for (DayOfWeek d : DayOfWeek.values()) {
        if (p.length() >= 3 && d.name().startsWith(p)) {
          found = d;
        }
      }
      if (found == null) {
        throw DomainException.invalid(
            field, "unknown weekday '" + part.strip() + "', expected mon..sun");
      }
      out.add(found);
    }
    return out;
  }

  /**
   * Parses an ISO-8601 duration ({@code P30D}) or a number of days or hours ({@code 30d}, {@code
   * 12h}).
   */
  public static Duration parseHalfLife(String field, String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    try {
      Duration d;
      if (t.startsWith("p")) {
        d = Duration.parse(t.toUpperCase(Locale.ROOT));
      } else if (t.endsWith("d")) {
        d =
            Duration.ofSeconds(
                Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 86400));
      } else if (t.endsWith("h")) {
        d =
            Duration.ofSeconds(
                Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 3600));
      } else {
        d = Duration.ofSeconds(Math.round(Double.parseDouble(t) * 86400));
      }
      if (d.isNegative() || d.isZero()) {
        throw DomainException.invalid(field, "halfLife must be positive, was '" + text + "'");
      }
      return d;
    } catch (NumberFormatException | DateTimeParseException e) {
      throw DomainException.invalid(
          field, "halfLife must look like '30d', '12h' or 'P30D', was '" + text + "'");
    }
  }
}
