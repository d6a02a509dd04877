package se.tryggkarta.hotspot.forecast;

import se.tryggkarta.hotspot.grid.GridSpec;

/**
 * The baseline: the next window's events per cell are forecast as the history's (weighted) count in
 * that cell, i.e. "last period's counts" (Chainey et al. 2008's comparison baseline). Scale-free:
 * it ranks cells, which is all a hit-rate evaluation or a patrol ranking uses. Thread-safe.
 */
public record NaiveCounts() implements ForecastModel {
  @Override
  public String name() {
    return "naive";
  }

  @Override
  public double[] forecast(TimedEvents history, GridSpec grid, double fromDay, double toDay) {
    return counts(history, grid);
  }

  static double[] counts(TimedEvents history, GridSpec grid) {
    double[] c = new double[grid.cellCount()];
    for (int i = 0; i < history.size(); i++) {
      int k = grid.indexOf(history.points().x(i), history.points().y(i));
      if (k >= 0) {
        c[k] += history.points().weight(i);
      }
    }
    return c;
  }
}
