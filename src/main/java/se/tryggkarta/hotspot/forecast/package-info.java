/**
 * Forecast models for hotspot ranking: last period's counts ({@link
 * se.tryggkarta.hotspot.forecast.NaiveCounts}), kernel density at a bandwidth ({@link
 * se.tryggkarta.hotspot.forecast.KernelForecast}), counts blended with smoothed intensity ({@link
 * se.tryggkarta.hotspot.forecast.BlendForecast}) and the self-exciting ETAS model fitted by EM
 * ({@link se.tryggkarta.hotspot.forecast.Etas}). Entry: {@link
 * se.tryggkarta.hotspot.forecast.ForecastModel}. Invariants: a forecast is the expected (weighted)
 * events per grid cell in a window after the history, never NaN; everything is immutable and
 * thread-safe.
 */
package se.tryggkarta.hotspot.forecast;
