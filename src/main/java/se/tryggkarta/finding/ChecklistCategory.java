package se.tryggkarta.finding;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import se.tryggkarta.common.DomainException;

/**
 * The checklist of the walk protocol ({@link se.tryggkarta.route.WalkPlan#CHECKLIST}), one value
 * per line. The slug is also the category of the unsafe place a finding becomes, so a {@link
 * #LIGHTING} finding counts as a darkness report in the lighting work list.
 */
public enum ChecklistCategory {
  LIGHTING("lighting", "Belysning"),
  VEGETATION("vegetation", "Vegetation och siktlinjer"),
  ACTIVITY("activity", "Människor och aktivitet"),
  MAINTENANCE("maintenance", "Skötsel och nedskräpning"),
  SIGNAGE("signage", "Skyltning och orientering"),
  OTHER("other", "Övrigt");

  private final String slug;
  private final String swedish;

  ChecklistCategory(String slug, String swedish) {
    this.slug = slug;
    this.swedish = swedish;
  }

  public String slug() {
    return slug;
  }

  /** The checklist line in Swedish, as printed in the protocol. */
  public String swedish() {
    return swedish;
  }

  /** Parses a slug such as {@code lighting}; the field name goes into the error. */
  public static ChecklistCategory parse(String field, String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (ChecklistCategory c : values()) {
      if (c.slug.equals(t)) {
        return c;
      }
    }
    throw DomainException.invalid(
        field,
        "category must be one of "
            + Arrays.stream(values()).map(ChecklistCategory::slug).collect(Collectors.joining(", "))
            + ", was '"
            + text
            + "'");
  }
}
