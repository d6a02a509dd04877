package se.tryggkarta.lighting.coverage;

import java.util.OptionalDouble;
import se.tryggkarta.common.DomainException;

/**
 * How far a lamp lights and which dark stretches are worth listing.
 *
 * <p>A lamp's lit radius follows the inverse-square law: the illuminance at distance d is E ∝ Φ/d²,
 * so the distance at which E falls to a fixed threshold grows with the square root of the output:
 *
 * <pre>
 *   r = r₀ · √(Φ / Φ₀)     (lumens known; Φ₀ = {@value #REFERENCE_LUMENS} lm)
 *   r = r₀ · √(P / P₀)     (only power known; P₀ = {@value #REFERENCE_WATTS} W)
 *   r = r₀                 (neither known)
 * </pre>
 *
 * clamped to [r₀/2, 2·r₀]. The references are a 100 W high-pressure sodium street lamp, which gives
 * about 10 000 lm; r₀ defaults to {@value #DEFAULT_RADIUS_METERS} m.
 *
 * @param defaultRadiusMeters r₀, the lit radius of a lamp of reference output, in metres (0, 200]
 * @param minDarkMeters dark stretches shorter than this are left out of the dark-segment list (they
 *     still count in the coverage figures), in metres [0, 1000]
 */
public record CoverageSettings(double defaultRadiusMeters, double minDarkMeters) {
  public static final double DEFAULT_RADIUS_METERS = 25;
  public static final double DEFAULT_MIN_DARK_METERS = 5;
  public static final double MAX_RADIUS_METERS = 200;
  public static final double REFERENCE_LUMENS = 10_000;
  public static final double REFERENCE_WATTS = 100;
  public static final CoverageSettings DEFAULT =
      new CoverageSettings(DEFAULT_RADIUS_METERS, DEFAULT_MIN_DARK_METERS);

  public CoverageSettings {
    if (!(defaultRadiusMeters > 0 && defaultRadiusMeters <= MAX_RADIUS_METERS)) {
      throw DomainException.invalid(
          "radius",
          "lit radius must be in (0, " + MAX_RADIUS_METERS + "] m, was " + defaultRadiusMeters);
    }
    if (!(minDarkMeters >= 0 && minDarkMeters <= 1000)) {
      throw DomainException.invalid(
          "minDark", "minimum dark length must be in [0, 1000] m, was " + minDarkMeters);
    }
  }

  /** The lit radius in metres of a lamp with this output (see the class comment). */
  public double radiusMeters(OptionalDouble powerWatts, OptionalDouble lumens) {
    double factor;
    if (lumens.isPresent()) {
      factor = Math.sqrt(lumens.getAsDouble() / REFERENCE_LUMENS);
    } else if (powerWatts.isPresent()) {
      factor = Math.sqrt(powerWatts.getAsDouble() / REFERENCE_WATTS);
    } else {
      factor = 1;
    }
    return defaultRadiusMeters * Math.max(0.5, Math.min(2.0, factor));
  }
}
