package se.tryggkarta.hotspot.index;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.TimeRange;

/**
 * Which events of one layer's {@link EventColumns} an analysis takes, and how much each weighs: the
 * same selection {@code HotspotService} makes from an {@code EventFilter}, in the index's terms.
 *
 * @param period only events in this half-open range (ignored for an untimed layer)
 * @param categories only these categories (lower case); empty means all
 * @param localHours only events at these hours of the local day (0..23, the workspace's time zone);
 *     empty means all. An untimed layer has no hours, so a non-empty set selects none of it
 * @param weekdays only events on these local weekdays; empty means all (an untimed layer: none)
 * @param bboxXY only events inside this box (edges included), in the workspace's CRS (metres)
 * @param categoryWeights a multiplier per category (others weigh 1), each finite and ≥ 0
 * @param halfLife exponential time decay: an event one half-life older than the reference time (the
 *     period's end, else the newest selected event) weighs half as much, w = 2^(−age/halfLife) with
 *     the age in whole seconds
 */
public record EventQuery(
    TimeRange period,
    Set<String> categories,
    Set<Integer> localHours,
    Set<DayOfWeek> weekdays,
    Optional<Bbox> bboxXY,
    Map<String, Double> categoryWeights,
    Optional<Duration> halfLife) {
  /** Every event, each with its stored weight. */
  public static final EventQuery ALL =
      new EventQuery(
          TimeRange.ALL,
          Set.of(),
          Set.of(),
          Set.of(),
          Optional.empty(),
          Map.of(),
          Optional.empty());

  public EventQuery {
    Objects.requireNonNull(period, "period");
    categories = Set.copyOf(categories);
    localHours = Set.copyOf(localHours);
    for (int h : localHours) {
      if (h < 0 || h > 23) {
        throw DomainException.invalid("hours", "local hours must be 0..23, was " + h);
      }
    }
    weekdays = weekdays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weekdays));
    Objects.requireNonNull(bboxXY, "bboxXY");
    categoryWeights = Map.copyOf(categoryWeights);
    for (var e : categoryWeights.entrySet()) {
      if (!Double.isFinite(e.getValue()) || e.getValue() < 0) {
        throw DomainException.invalid(
            "weights",
            "weight of '" + e.getKey() + "' must be finite and ≥ 0, was " + e.getValue());
      }
    }
    Objects.requireNonNull(halfLife, "halfLife");
    halfLife.ifPresent(
        h -> {
          if (h.isNegative() || h.isZero()) {
            throw DomainException.invalid("halfLife", "halfLife must be positive, was " + h);
          }
        });
  }

  public EventQuery withPeriod(TimeRange p) {
    return new EventQuery(p, categories, localHours, weekdays, bboxXY, categoryWeights, halfLife);
  }

  public EventQuery withCategories(Set<String> c) {
    return new EventQuery(period, c, localHours, weekdays, bboxXY, categoryWeights, halfLife);
  }

  public EventQuery withLocalHours(Set<Integer> h) {
    return new EventQuery(period, categories, h, weekdays, bboxXY, categoryWeights, halfLife);
  }

  public EventQuery withWeekdays(Set<DayOfWeek> d) {
    return new EventQuery(period, categories, localHours, d, bboxXY, categoryWeights, halfLife);
  }

  public EventQuery withBboxXY(Bbox b) {
    return new EventQuery(
        period, categories, localHours, weekdays, Optional.of(b), categoryWeights, halfLife);
  }

  public EventQuery withCategoryWeights(Map<String, Double> w) {
    return new EventQuery(period, categories, localHours, weekdays, bboxXY, w, halfLife);
  }

  public EventQuery withHalfLife(Duration h) {
    return new EventQuery(
        period, categories, localHours, weekdays, bboxXY, categoryWeights, Optional.of(h));
  }
}
