package se.tryggkarta.lighting.priority;

import java.util.Locale;
import java.util.Map;
import se.tryggkarta.lighting.coverage.StreetLine;

/**
 * How much a street is walked, 0..1. With a {@code footfall} figure on the segments it is {@code
 * 0.1 + 0.9 · footfall / max footfall}; otherwise it comes from the OSM highway class (footways and
 * pedestrian streets 1.0, residential 0.8, main roads less, motorways 0.05; unknown classes 0.6).
 *
 * @param value the factor, 0..1
 * @param basis what it rests on, in words ({@code footway} or {@code footfall 120 of max 400})
 */
public record WalkFactor(double value, String basis) {
  static final double UNKNOWN_CLASS = 0.6;
  static final Map<String, Double> BY_CLASS =
      Map.ofEntries(
          Map.entry("pedestrian", 1.0),
          Map.entry("footway", 1.0),
          Map.entry("path", 1.0),
          Map.entry("steps", 1.0),
          Map.entry("living_street", 1.0),
          Map.entry("residential", 0.8),
          Map.entry("unclassified", 0.8),
          Map.entry("cycleway", 0.7),
          Map.entry("tertiary", 0.7),
          Map.entry("secondary", 0.6),
          Map.entry("service", 0.5),
          Map.entry("track", 0.5),
          Map.entry("primary", 0.5),
          Map.entry("trunk", 0.2),
          Map.entry("trunk_link", 0.1),
          Map.entry("motorway", 0.05),
          Map.entry("motorway_link", 0.05));

  /** The factor for a street, given the largest footfall in the network (0 when none). */
  public static WalkFactor of(StreetLine street, double maxFootfall) {
    if (street.footfall().isPresent() && maxFootfall > 0) {
      double f = street.footfall().getAsDouble();
      return new WalkFactor(
          0.1 + 0.9 * Math.min(1, f / maxFootfall),
          String.format(Locale.ROOT, "footfall %.0f of max %.0f", f, maxFootfall));
    }
    String h = street.highway().toLowerCase(Locale.ROOT);
    Double v = BY_CLASS.get(h);
    return v == null ? new WalkFactor(UNKNOWN_CLASS, h + " (unrated class)") : new WalkFactor(v, h);
  }
}
