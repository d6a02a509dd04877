package se.tryggkarta.lighting.priority;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import se.tryggkarta.common.XY;

/**
 * An unsafe-place report in the projected CRS, reduced to what the ranking needs: where, and
 * whether it is about darkness.
 */
public record ReportPoint(XY position, boolean darkness) {
  /** Report categories that mean "too dark" (English and Swedish). */
  public static final Set<String> DARKNESS_CATEGORIES =
      Set.of(
          "darkness",
          "dark",
          "lighting",
          "poor-lighting",
          "unlit",
          "mörker",
          "morker",
          "belysning",
          "mörkt",
          "morkt");

  public ReportPoint {
    Objects.requireNonNull(position, "position");
  }

  public static boolean isDarkness(String category) {
    return DARKNESS_CATEGORIES.contains(category.strip().toLowerCase(Locale.ROOT));
  }
}
