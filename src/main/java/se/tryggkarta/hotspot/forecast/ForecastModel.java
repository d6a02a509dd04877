package se.tryggkarta.hotspot.forecast;

import se.tryggkarta.hotspot.grid.GridSpec;

/**
 * A model that forecasts, from the events before a time, how many events each grid cell will see in
 * a following window. Implementations are immutable and thread-safe.
 */
public interface ForecastModel {
  /** A stable name used in evaluation rows and on patrol sites ({@code naive}, {@code kde-150}). */
  String name();

  /**
   * Expected (weighted) events per cell of {@code grid} in [fromDay, toDay), fitted on {@code
   * history} (events before fromDay). Never NaN; 0 where nothing is expected.
   */
  double[] forecast(TimedEvents history, GridSpec grid, double fromDay, double toDay);
}
