package se.tryggkarta.hotspot.evaluation;

import java.util.ArrayList;
import java.util.List;
import se.tryggkarta.common.DomainException;

/**
 * One train/test split in days: models see the events in [trainFromDay, testFromDay) and are scored
 * on [testFromDay, testToDay).
 */
public record Split(double trainFromDay, double testFromDay, double testToDay) {
  public Split {
    if (!(trainFromDay < testFromDay && testFromDay < testToDay)) {
      throw DomainException.invalid(
          "test",
          "a split needs train before test, was "
              + trainFromDay
              + ", "
              + testFromDay
              + ", "
              + testToDay);
    }
  }

  /**
   * Rolling-origin splits (Tashman 2000, "Out-of-sample tests of forecasting accuracy", IJF 16):
   * the span [fromDay, toDay) is cut into k + 1 equal windows; split i trains on everything before
   * window i and tests on window i, for i = 1..k, so every model is scored k times on data it has
   * not seen, each time with all the history a live forecast would have had.
   */
  public static List<Split> rollingOrigin(double fromDay, double toDay, int k) {
    if (k < 1 || k > 12) {
      throw DomainException.invalid("splits", "splits must be 1..12, was " + k);
    }
    if (!(toDay > fromDay)) {
      throw DomainException.invalid("splits", "the events span no time to split");
    }
    double window = (toDay - fromDay) / (k + 1);
    List<Split> out = new ArrayList<>();
    for (int i = 1; i <= k; i++) {
      out.add(new Split(fromDay, fromDay + i * window, fromDay + (i + 1) * window));
    }
    return List.copyOf(out);
  }

  public double testDays() {
    return testToDay - testFromDay;
  }
}
