package se.tryggkarta.commitment.report;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A section that another feature adds to the follow-up report (the safety walks' findings and
 * actions). It renders itself as self-contained, HTML-escaped Swedish markup starting with an
 * {@code <h2>}; empty when it has nothing for the period. Thread-safe.
 */
@FunctionalInterface
public interface FollowUpSection {
  /**
   * The section for {@code from} (inclusive) to {@code to} (exclusive); for the public when {@code
   * publicView} (aggregates only: no free text, no personal data).
   */
  Optional<String> html(String workspaceId, LocalDate from, LocalDate to, boolean publicView);
}
