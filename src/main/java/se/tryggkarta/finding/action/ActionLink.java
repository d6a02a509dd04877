package se.tryggkarta.finding.action;

import java.util.Locale;
import java.util.Objects;
import se.tryggkarta.common.DomainException;

/**
 * What lighting work an action is: repairing a lamp, or a new light for an item of the lighting
 * work list.
 *
 * @param kind lamp or work-list item
 * @param id the lamp's id, or the work-list item's id (a dark stretch's id)
 */
public record ActionLink(Kind kind, String id) {
  /** The kinds of link. */
  public enum Kind {
    LAMP("lamp"),
    LIGHTING_ITEM("lighting-item");

    private final String slug;

    Kind(String slug) {
      this.slug = slug;
    }

    public String slug() {
      return slug;
    }

    public static Kind parse(String field, String text) {
      String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
      for (Kind k : values()) {
        if (k.slug.equals(t)) {
          return k;
        }
      }
      throw DomainException.invalid(
          field, "link kind must be lamp or lighting-item, was '" + text + "'");
    }
  }

  public ActionLink {
    Objects.requireNonNull(kind, "kind");
    if (id == null || id.isBlank() || id.length() > 200) {
      throw DomainException.invalid("link/id", "link id must be 1-200 characters");
    }
  }

  /**
   * The id of the lighting work-list item this action answers: {@code repair-<lamp id>} for a lamp
   * (as {@link se.tryggkarta.lighting.priority.Priority#id()} names repairs), else the item's id.
   */
  public String priorityId() {
    return kind == Kind.LAMP ? "repair-" + id : id;
  }
}
