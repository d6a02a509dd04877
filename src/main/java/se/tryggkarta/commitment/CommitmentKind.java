package se.tryggkarta.commitment;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import se.tryggkarta.common.DomainException;

/** What kind of measure a commitment promises. */
public enum CommitmentKind {
  /** Police or municipal presence (patrols, visits). */
  PRESENCE,
  /** Targeted operations (drug operations). */
  OPERATION,
  /** Checks (speed checks, alcohol checks). */
  CHECKS,
  /** Safety walks (trygghetsvandringar). */
  WALK,
  /** Information (mailings, meetings). */
  INFORMATION,
  /** A physical measure (lighting, clearing vegetation). */
  MEASURE,
  OTHER;

  public String slug() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a slug such as {@code presence}; the field name goes into the error. */
  public static CommitmentKind parse(String field, String text) {
    for (CommitmentKind k : values()) {
      if (k.slug().equals(text == null ? "" : text.strip().toLowerCase(Locale.ROOT))) {
        return k;
      }
    }
    throw DomainException.invalid(
        field,
        "kind must be one of "
            + Arrays.stream(values()).map(CommitmentKind::slug).collect(Collectors.joining(", "))
            + ", was '"
            + text
            + "'");
  }
}
