package se.tryggkarta.finding.tip;

import java.util.Locale;
import se.tryggkarta.common.DomainException;

/** Where a tip stands in moderation. Only approved tips count in analyses. */
public enum Moderation {
  PENDING,
  APPROVED,
  REJECTED;

  public String slug() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Moderation parse(String field, String text) {
    for (Moderation m : values()) {
      if (m.slug().equals(text == null ? "" : text.strip().toLowerCase(Locale.ROOT))) {
        return m;
      }
    }
    throw DomainException.invalid(
        field, field + " must be pending, approved or rejected, was '" + text + "'");
  }
}
