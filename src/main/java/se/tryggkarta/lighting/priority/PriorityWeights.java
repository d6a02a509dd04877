package se.tryggkarta.lighting.priority;

import se.tryggkarta.common.DomainException;

/**
 * The weights and distances of the benefit score
 *
 * <pre>
 *   score = W · (w_n · N + w_d · D + w_u · U)
 * </pre>
 *
 * with N the kernel-weighted night-time incidents around the target ({@link NightDensity}), D and U
 * the darkness and other unsafe-place reports within {@code reportRadiusMeters}, and W the {@link
 * WalkFactor}. Defaults: w_n = 1 per incident, w_d = 3 per darkness report (residents name darkness
 * directly, so such a report weighs as much as three incidents), w_u = 1 per other report,
 * bandwidth 100 m, report radius 50 m.
 */
public record PriorityWeights(
    double nightIncident,
    double darknessReport,
    double otherReport,
    double bandwidthMeters,
    double reportRadiusMeters) {
  public static final PriorityWeights DEFAULT = new PriorityWeights(1, 3, 1, 100, 50);

  public PriorityWeights {
    weight("wIncident", nightIncident);
    weight("wDarkness", darknessReport);
    weight("wReport", otherReport);
    if (!(bandwidthMeters >= 1 && bandwidthMeters <= 5000)) {
      throw DomainException.invalid(
          "bandwidth", "bandwidth must be in [1, 5000] m, was " + bandwidthMeters);
    }
    if (!(reportRadiusMeters >= 1 && reportRadiusMeters <= 1000)) {
      throw DomainException.invalid(
          "reportRadius", "report radius must be in [1, 1000] m, was " + reportRadiusMeters);
    }
  }

  private static void weight(String field, double v) {
    if (!(v >= 0 && v <= 1000)) {
      throw DomainException.invalid(field, field + " must be in [0, 1000], was " + v);
    }
  }
}
