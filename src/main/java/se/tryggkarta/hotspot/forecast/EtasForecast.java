package se.tryggkarta.hotspot.forecast;

import java.util.Locale;
import se.tryggkarta.hotspot.grid.GridSpec;

/**
 * The {@link Etas} self-exciting model as a forecast: fitted on the history (from its first event
 * to the forecast's start), then the expected counts for the window. Named {@code etas-<η>}.
 * Thread-safe.
 */
public record EtasForecast(Etas.Settings settings) implements ForecastModel {
  @Override
  public String name() {
    return String.format(Locale.ROOT, "etas-%.0f", settings.backgroundBandwidthMeters());
  }

  @Override
  public double[] forecast(TimedEvents history, GridSpec grid, double fromDay, double toDay) {
    if (history.size() < 2) {
      return NaiveCounts.counts(history, grid);
    }
    Etas.Fit fit = Etas.fit(history, history.firstDay(), fromDay, settings);
    return Etas.forecast(fit, grid, fromDay, toDay);
  }
}
