package se.tryggkarta.finding.action;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import se.tryggkarta.common.DomainException;

/**
 * Where an action stands: <em>föreslagen → beslutad → pågår → klar</em>, or <em>avslagen</em> with
 * a reason. An action moves forward only (steps may be skipped: a small repair goes from decided
 * straight to done); done and rejected are final.
 */
public enum ActionStatus {
  PROPOSED("proposed", "föreslagen"),
  DECIDED("decided", "beslutad"),
  IN_PROGRESS("in-progress", "pågår"),
  DONE("done", "klar"),
  REJECTED("rejected", "avslagen");

  private final String slug;
  private final String swedish;

  ActionStatus(String slug, String swedish) {
    this.slug = slug;
    this.swedish = swedish;
  }

  public String slug() {
    return slug;
  }

  public String swedish() {
    return swedish;
  }

  /** Done and rejected: no change is possible after them. */
  public boolean isFinal() {
    return this == DONE || this == REJECTED;
  }

  /** Open: not yet done or rejected. */
  public boolean isOpen() {
    return !isFinal();
  }

  /** Whether an action in this status may move to {@code next}. */
  public boolean canMoveTo(ActionStatus next) {
    if (isFinal() || next == this || next == PROPOSED) {
      return false;
    }
    return next == REJECTED || next.ordinal() > ordinal();
  }

  /** Parses the English slug ({@code in-progress}) or the Swedish word ({@code pågår}). */
  public static ActionStatus parse(String field, String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (ActionStatus s : values()) {
      if (s.slug.equals(t) || s.swedish.equals(t)) {
        return s;
      }
    }
    throw DomainException.invalid(
        field,
        "status must be one of "
            + Arrays.stream(values()).map(ActionStatus::slug).collect(Collectors.joining(", "))
            + ", was '"
            + text
            + "'");
  }
}
