package se.tryggkarta.hotspot.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.common.XY;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Lamp;
import se.tryggkarta.layer.LayerRecord;
import se.tryggkarta.layer.UnsafePlace;

/**
 * The independent oracle for the event index: events as plain objects (projected one by one, local
 * times by {@link ZonedDateTime}) and a brute-force filter that applies an {@link EventQuery} the
 * obvious way, with the weights computed from their formula.
 */
public final class EventOracle {
  /** An index coordinate may lie this far from the exact projection (half a centimetre). */
  public static final double XY_TOLERANCE_METERS = EventColumns.HALF_RESOLUTION_METERS + 1e-6;

  /** Relative tolerance of weights (they go through the same arithmetic, in another order). */
  public static final double WEIGHT_TOLERANCE = 1e-12;

  /** One event as the oracle sees it. */
  public record Event(double x, double y, Optional<Instant> time, String category, double weight) {}

  private EventOracle() {}

  /** A stored point record as an event in the given CRS. */
  public static Event of(LayerRecord r, Crs crs) {
    org.locationtech.jts.geom.Point p = (org.locationtech.jts.geom.Point) r.geometryWgs84();
    XY xy = crs.toXY(new LonLat(p.getX(), p.getY()));
    double weight = r instanceof Incident i ? i.weight() : 1;
    String category;
    if (r instanceof Incident i) {
      category = i.category();
    } else if (r instanceof UnsafePlace u) {
      category = u.category();
    } else if (r instanceof Lamp l) {
      category = l.status().slug();
    } else {
      throw new IllegalArgumentException("not a point layer: " + r.layer());
    }
    return new Event(xy.x(), xy.y(), r.time(), category, weight);
  }

  /** The events the query selects, with their analysis weights, by brute force. */
  public static List<Event> select(List<Event> all, EventQuery q, ZoneId zone) {
    List<Event> kept = new ArrayList<>();
    for (Event e : all) {
      if (e.time().isPresent() && !q.period().contains(e.time().get())) {
        continue;
      }
      if (!q.categories().isEmpty() && !q.categories().contains(e.category())) {
        continue;
      }
      if (!q.localHours().isEmpty() || !q.weekdays().isEmpty()) {
        if (e.time().isEmpty()) {
          continue;
        }
        ZonedDateTime local = e.time().get().atZone(zone);
        if (!q.localHours().isEmpty() && !q.localHours().contains(local.getHour())) {
          continue;
        }
        if (!q.weekdays().isEmpty() && !q.weekdays().contains(local.getDayOfWeek())) {
          continue;
        }
      }
      if (q.bboxXY().isPresent() && !q.bboxXY().get().contains(e.x(), e.y())) {
        continue;
      }
      kept.add(e);
    }
    Optional<Long> reference =
        q.period()
            .to()
            .map(Instant::getEpochSecond)
            .or(
                () ->
                    kept.stream()
                        .flatMap(e -> e.time().stream())
                        .map(Instant::getEpochSecond)
                        .max(Long::compare));
    List<Event> weighted = new ArrayList<>();
    for (Event e : kept) {
      double w = e.weight() * q.categoryWeights().getOrDefault(e.category(), 1.0);
      if (q.halfLife().isPresent() && e.time().isPresent()) {
        double age = Math.max(0, reference.orElseThrow() - e.time().get().getEpochSecond());
        w *= Math.pow(2, -age / q.halfLife().get().getSeconds());
      }
      weighted.add(new Event(e.x(), e.y(), e.time(), e.category(), w));
    }
    return weighted;
  }

  /** The selection's events as oracle events. */
  public static List<Event> events(EventSelection s) {
    List<Event> out = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      out.add(new Event(s.x(i), s.y(i), s.time(i), s.category(i), s.weight(i)));
    }
    return out;
  }

  private static final Comparator<Event> ORDER =
      Comparator.comparing((Event e) -> e.time().orElse(Instant.EPOCH))
          .thenComparing(Event::category)
          .thenComparingDouble(Event::x)
          .thenComparingDouble(Event::y);

  /** Asserts that both hold the same events (positions within the index's rounding). */
  public static void assertSameEvents(List<Event> actual, List<Event> expected) {
    List<Event> a = new ArrayList<>(actual);
    List<Event> e = new ArrayList<>(expected);
    a.sort(ORDER);
    e.sort(ORDER);
    assertThat(a).hasSameSizeAs(e);
    for (int i = 0; i < a.size(); i++) {
      Event x = a.get(i);
      Event y = e.get(i);
      boolean same =
          x.time().equals(y.time())
              && x.category().equals(y.category())
              && Math.abs(x.x() - y.x()) <= XY_TOLERANCE_METERS
              && Math.abs(x.y() - y.y()) <= XY_TOLERANCE_METERS
              && Math.abs(x.weight() - y.weight())
                  <= WEIGHT_TOLERANCE * Math.max(1, Math.abs(y.weight()));
      if (!same) {
        throw new AssertionError("event " + i + " differs: " + x + " vs expected " + y);
      }
    }
  }

  /** A query mixing every filter at random; box edges kept a centimetre or more from any event. */
  public static EventQuery randomQuery(
      Random r, List<Event> all, Instant t0, long spanSeconds, List<String> categories) {
    EventQuery q = EventQuery.ALL;
    if (r.nextBoolean()) {
      Instant a = t0.plusMillis((long) (r.nextDouble() * spanSeconds * 1000));
      Instant b = a.plusSeconds(1 + (long) (r.nextDouble() * spanSeconds / 2));
      q =
          q.withPeriod(
              switch (r.nextInt(3)) {
                case 0 -> TimeRange.of(a, b);
                case 1 -> new TimeRange(Optional.of(a), Optional.empty());
                default -> new TimeRange(Optional.empty(), Optional.of(b));
              });
    }
    if (r.nextBoolean()) {
      Set<String> cats = new HashSet<>();
      for (String c : categories) {
        if (r.nextBoolean()) {
          cats.add(c);
        }
      }
      if (r.nextInt(5) == 0) {
        cats.add("not-stored");
      }
      q = q.withCategories(cats);
    }
    if (r.nextBoolean()) {
      int from = r.nextInt(24);
      int length = 1 + r.nextInt(12);
      Set<Integer> hours = new HashSet<>();
      for (int h = 0; h < length; h++) {
        hours.add((from + h) % 24);
      }
      q = q.withLocalHours(hours);
    }
    if (r.nextInt(3) == 0) {
      Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
      for (DayOfWeek d : DayOfWeek.values()) {
        if (r.nextBoolean()) {
          days.add(d);
        }
      }
      q = q.withWeekdays(days);
    }
    if (r.nextBoolean()) {
      Event a = all.get(r.nextInt(all.size()));
      Event b = all.get(r.nextInt(all.size()));
      q =
          q.withBboxXY(
              new Bbox(
                  clearOf(all, Math.min(a.x(), b.x()), true),
                  clearOf(all, Math.min(a.y(), b.y()), false),
                  clearOf(all, Math.max(a.x(), b.x()), true),
                  clearOf(all, Math.max(a.y(), b.y()), false)));
    }
    if (r.nextBoolean()) {
      q =
          q.withCategoryWeights(
              Map.of(categories.get(0), 2.0, categories.get(1), 0.0, categories.get(2), 0.25));
    }
    if (r.nextBoolean()) {
      q = q.withHalfLife(Duration.ofDays(1 + r.nextInt(200)));
    }
    return q;
  }

  /**
   * A box edge near {@code v} that no event lies within 2 cm of (on that axis), so the index's
   * centimetre rounding cannot put an event on the other side of it than the oracle does.
   */
  private static double clearOf(List<Event> all, double v, boolean xAxis) {
    double edge = Math.floor(v) + 0.5;
    boolean moved = true;
    while (moved) {
      moved = false;
      for (Event e : all) {
        if (Math.abs((xAxis ? e.x() : e.y()) - edge) < 0.02) {
          edge += 0.05;
          moved = true;
        }
      }
    }
    return edge;
  }
}
