package se.tryggkarta.commitment.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import se.tryggkarta.commitment.Commitment;
import se.tryggkarta.commitment.CommitmentProgress;
import se.tryggkarta.commitment.link.Coverage;
import se.tryggkarta.commitment.link.PlaceChange;

/**
 * A follow-up of a workspace's commitments.
 *
 * @param workspaceId the workspace
 * @param workspaceName its display name
 * @param from the first day of the period followed up (inclusive, local date)
 * @param to the day after the period (exclusive); progress is as of the day before
 * @param generatedAt when the report was made
 * @param publicView true when made for the public (suppressed figures, only public notes)
 * @param commitments every commitment whose period overlaps from..to, with its progress
 * @param coverage the top hotspot sites of the period and the places covering them
 * @param changes the before/during change of incidents in each place
 * @param caveat the plain-language caveat on the change figures
 * @param sections further sections as HTML, from {@link FollowUpSection}s, in order
 */
public record FollowUpReport(
    String workspaceId,
    String workspaceName,
    LocalDate from,
    LocalDate to,
    Instant generatedAt,
    boolean publicView,
    List<Entry> commitments,
    Coverage coverage,
    List<PlaceChange> changes,
    String caveat,
    List<String> sections) {
  public FollowUpReport {
    Objects.requireNonNull(workspaceId, "workspaceId");
    sections = List.copyOf(sections);
    commitments = List.copyOf(commitments);
    changes = List.copyOf(changes);
  }

  /**
   * One commitment in the report.
   *
   * @param publicNotes notes of its activities marked public (date and text), newest last
   */
  public record Entry(Commitment commitment, CommitmentProgress progress, List<Note> publicNotes) {
    public Entry {
      publicNotes = List.copyOf(publicNotes);
    }
  }

  /** A public note of an activity. */
  public record Note(LocalDate date, String text) {}
}
