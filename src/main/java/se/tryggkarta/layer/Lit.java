package se.tryggkarta.layer;

import java.util.Locale;

/** A street's lighting as tagged in the source (OpenStreetMap {@code lit=*}). */
public enum Lit {
  YES,
  NO,
  UNKNOWN;

  public String slug() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads OSM's values: yes, 24/7, automatic, sunset-sunrise... are lit; no and disused are not.
   */
  public static Lit fromTag(String value) {
    if (value == null || value.isBlank()) {
      return UNKNOWN;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "yes",
          "24/7",
          "automatic",
          "sunset-sunrise",
          "dusk-dawn",
          "interval",
          "limited",
          "true" ->
          YES;
      case "no", "disused", "false" -> NO;
      default -> UNKNOWN;
    };
  }
}
