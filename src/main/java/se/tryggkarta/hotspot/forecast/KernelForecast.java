package se.tryggkarta.hotspot.forecast;

import java.util.Locale;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.kde.DensityGrid;
import se.tryggkarta.hotspot.kde.Kernel;
import se.tryggkarta.hotspot.kde.KernelDensity;

/**
 * Kernel density of the history as the forecast (the classic hotspot map, Chainey et al. 2008):
 * each cell's expected events are proportional to the history's quartic kernel mass in it. Named
 * {@code kde-<bandwidth in m>}. Thread-safe.
 *
 * @param bandwidthMeters the quartic kernel's bandwidth (radius)
 */
public record KernelForecast(double bandwidthMeters) implements ForecastModel {
  public KernelForecast {
    if (!(bandwidthMeters > 0) || !Double.isFinite(bandwidthMeters)) {
      throw DomainException.invalid("bandwidth", "bandwidth must be > 0 m, was " + bandwidthMeters);
    }
  }

  @Override
  public String name() {
    return String.format(Locale.ROOT, "kde-%.0f", bandwidthMeters);
  }

  @Override
  public double[] forecast(TimedEvents history, GridSpec grid, double fromDay, double toDay) {
    return cellMass(history, grid, bandwidthMeters);
  }

  /** The history's kernel mass per cell (expected events), 0 for an empty history. */
  static double[] cellMass(TimedEvents history, GridSpec grid, double h) {
    double[] out = new double[grid.cellCount()];
    if (history.size() == 0) {
      return out;
    }
    DensityGrid d = KernelDensity.estimate(history.points(), grid, Kernel.QUARTIC, h);
    double km2 = grid.cellAreaM2() / 1e6;
    for (int i = 0; i < out.length; i++) {
      out[i] = d.value(i) * km2;
    }
    return out;
  }
}
