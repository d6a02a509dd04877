package se.tryggkarta.commitment.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.tryggkarta.commitment.Activity;
import se.tryggkarta.commitment.Commitment;
import se.tryggkarta.commitment.CommitmentService;
import se.tryggkarta.commitment.CommitmentState;
import se.tryggkarta.commitment.link.ChangeCounter;
import se.tryggkarta.commitment.link.PlaceChange;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * Builds the follow-up report of a workspace for a period: progress as of the period's last day,
 * coverage of the period's top {@value #TOP_SITES} hotspot sites, and change figures. Thread-safe.
 */
public final class FollowUp {
  /** How many hotspot sites the report checks for coverage. */
  public static final int TOP_SITES = 10;

  /** The most notes per commitment the report lists. */
  static final int MAX_NOTES = 10;

  private final CommitmentService commitments;
  private final WorkspaceService workspaces;
  private final Clock clock;
  private final List<FollowUpSection> sections;

  public FollowUp(CommitmentService commitments, WorkspaceService workspaces, Clock clock) {
    this(commitments, workspaces, clock, List.of());
  }

  /** With sections other features add after the change figures (the safety walks). */
  public FollowUp(
      CommitmentService commitments,
      WorkspaceService workspaces,
      Clock clock,
      List<FollowUpSection> sections) {
    this.commitments = commitments;
    this.workspaces = workspaces;
    this.clock = clock;
    this.sections = List.copyOf(sections);
  }

  /**
   * The report for {@code from} (inclusive) to {@code to} (exclusive). Empty {@code from} means one
   * year before {@code to}; empty {@code to} means tomorrow (so today is included).
   */
  public FollowUpReport build(
      String workspaceId, Optional<LocalDate> from, Optional<LocalDate> to, boolean publicView) {
    return build(workspaceId, from, to, publicView, Optional.empty());
  }

  /**
   * As {@link #build(String, Optional, Optional, boolean)}; for the public, hotspot coverage comes
   * from the release period {@code release} (the default release when empty) and change figures
   * from protected monthly counts, never from raw records.
   */
  public FollowUpReport build(
      String workspaceId,
      Optional<LocalDate> from,
      Optional<LocalDate> to,
      boolean publicView,
      Optional<String> release) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    ZoneId zone = w.timeZone();
    if (publicView) {
      // the public report covers the chosen release's period, never a caller-chosen window
      TimeRange p = commitments.publishedPeriod(w.id(), release);
      from = p.from().map(t -> LocalDate.ofInstant(t, zone));
      to = p.to().map(t -> LocalDate.ofInstant(t, zone));
    }
    LocalDate end = to.orElse(LocalDate.now(clock.withZone(zone)).plusDays(1));
    LocalDate start = from.orElse(end.minusYears(1));
    if (!end.isAfter(start)) {
      throw DomainException.invalid("to", "to (" + end + ") must be after from (" + start + ")");
    }
    LocalDate asOf = end.minusDays(1);
    List<FollowUpReport.Entry> entries = new ArrayList<>();
    Map<String, List<Activity>> activitiesByCommitment = commitments.activitiesByCommitment(w.id());
    for (Commitment c : commitments.listCommitments(w.id())) {
      if (c.state() == CommitmentState.CANCELLED
          || c.periodEnd().isBefore(start)
          || !c.periodStart().isBefore(end)) {
        continue;
      }
      List<Activity> activities = activitiesByCommitment.getOrDefault(c.id(), List.of());
      List<FollowUpReport.Note> notes =
          activities.stream()
              .filter(a -> a.notePublic() && a.note().isPresent())
              .filter(a -> !LocalDate.ofInstant(a.occurredAt(), zone).isAfter(asOf))
              .map(
                  a ->
                      new FollowUpReport.Note(
                          LocalDate.ofInstant(a.occurredAt(), zone), a.note().get()))
              .toList();
      if (notes.size() > MAX_NOTES) {
        notes = notes.subList(notes.size() - MAX_NOTES, notes.size());
      }
      entries.add(
          new FollowUpReport.Entry(
              c, CommitmentService.progress(c, activities, zone, asOf), notes));
    }
    TimeRange period =
        TimeRange.of(start.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant());
    var coverage =
        publicView
            ? commitments.publishedCoverage(w.id(), release, TOP_SITES)
            : commitments.coverage(w.id(), period, TOP_SITES);
    List<String> shown = entries.stream().map(e -> e.commitment().id()).toList();
    List<PlaceChange> changes =
        (publicView
                ? commitments.publishedChanges(w.id())
                : commitments.changes(w.id(), asOf, ChangeCounter.DEFAULT_RING_METERS))
            .stream().filter(ch -> shown.contains(ch.commitmentId())).toList();
    return new FollowUpReport(
        w.id(),
        w.name(),
        start,
        end,
        clock.instant(),
        publicView,
        entries,
        coverage,
        changes,
        PlaceChange.CAVEAT_SV,
        sections.stream()
            .map(sec -> sec.html(w.id(), start, end, publicView))
            .flatMap(Optional::stream)
            .toList());
  }
}
