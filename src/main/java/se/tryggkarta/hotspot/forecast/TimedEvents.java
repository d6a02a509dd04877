package se.tryggkarta.hotspot.forecast;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.hotspot.grid.PointSet;

/**
 * Weighted events with times, in a projected metric CRS, sorted by time. Times are in days (any
 * fixed origin, e.g. epoch days as a fraction). Immutable; thread-safe.
 */
public final class TimedEvents {
  private final PointSet points;
  private final double[] days;

  private TimedEvents(PointSet points, double[] days) {
    this.points = points;
    this.days = days;
  }

  /** The events sorted by time (stable for equal times); times must be finite. */
  public static TimedEvents of(PointSet points, double[] days) {
    if (days.length != points.size()) {
      throw DomainException.invalid(
          "points", days.length + " times for " + points.size() + " events");
    }
    for (int i = 0; i < days.length; i++) {
      if (!Double.isFinite(days[i])) {
        throw DomainException.invalid("time", "event " + i + " has no finite time");
      }
    }
    Integer[] order = IntStream.range(0, days.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> days[i]));
    double[] x = new double[days.length];
    double[] y = new double[days.length];
    double[] w = new double[days.length];
    double[] t = new double[days.length];
    for (int k = 0; k < order.length; k++) {
      int i = order[k];
      x[k] = points.x(i);
      y[k] = points.y(i);
      w[k] = points.weight(i);
      t[k] = days[i];
    }
    return new TimedEvents(PointSet.of(x, y, w), t);
  }

  public PointSet points() {
    return points;
  }

  public int size() {
    return days.length;
  }

  /** The time of event i in days; non-decreasing in i. */
  public double day(int i) {
    return days[i];
  }

  public double firstDay() {
    return days.length == 0 ? Double.NaN : days[0];
  }

  public double lastDay() {
    return days.length == 0 ? Double.NaN : days[days.length - 1];
  }

  /** The events with fromDay ≤ t &lt; toDay. */
  public TimedEvents between(double fromDay, double toDay) {
    int a = lowerBound(fromDay);
    int b = lowerBound(toDay);
    double[] x = new double[Math.max(0, b - a)];
    double[] y = new double[x.length];
    double[] w = new double[x.length];
    for (int i = a; i < b; i++) {
      x[i - a] = points.x(i);
      y[i - a] = points.y(i);
      w[i - a] = points.weight(i);
    }
    return new TimedEvents(PointSet.of(x, y, w), Arrays.copyOfRange(days, a, Math.max(a, b)));
  }

  private int lowerBound(double t) {
    int lo = 0;
    int hi = days.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (days[mid] < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
