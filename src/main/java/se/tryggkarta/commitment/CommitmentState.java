package se.tryggkarta.commitment;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import se.tryggkarta.common.DomainException;

/**
 * The commitment's own state as its owners set it (not its progress, which is computed): planned,
 * active (the default), completed or cancelled.
 */
public enum CommitmentState {
  PLANNED,
  ACTIVE,
  COMPLETED,
  CANCELLED;

  public String slug() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static CommitmentState parse(String field, String text) {
    for (CommitmentState s : values()) {
      if (s.slug().equals(text == null ? "" : text.strip().toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw DomainException.invalid(
        field,
        "status must be one of "
            + Arrays.stream(values()).map(CommitmentState::slug).collect(Collectors.joining(", "))
            + ", was '"
            + text
            + "'");
  }
}
