package se.tryggkarta.lighting.priority;

import java.util.Locale;
import se.tryggkarta.common.DomainException;

/** What a priority asks the lighting engineer to do. */
public enum PriorityKind {
  /** Repair a broken lamp. */
  REPAIR("repair"),
  /** Put up light on a stretch no lamp reaches. */
  NEW_LIGHT("new-light");

  private final String slug;

  PriorityKind(String slug) {
    this.slug = slug;
  }

  public String slug() {
    return slug;
  }

  public static PriorityKind parse(String field, String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (PriorityKind k : values()) {
      if (k.slug.equals(t)) {
        return k;
      }
    }
    throw DomainException.invalid(
        field, field + " must be repair or new-light, was '" + text + "'");
  }
}
