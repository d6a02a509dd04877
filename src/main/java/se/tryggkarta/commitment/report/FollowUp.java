package se.tryggkarta.commitment.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
   * The report for {@code from} (inclusive) to {@code to} (exclusive). Without either, each
   * commitment is followed up over its own period: progress as of its last day or today, whichever
   * comes first, and notes from its own period; the report's span is then from the earliest start
   * of those commitments to the day after the latest end (or tomorrow, if sooner), and it covers
   * the commitments whose period has begun. With only one of them, an empty {@code from} means one
   * year before {@code to} and an empty {@code to} means tomorrow (so today is included).
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
    LocalDate today = LocalDate.now(clock.withZone(zone));
    boolean ownPeriods = from.isEmpty() && to.isEmpty();
    List<Commitment> all = commitments.listCommitments(w.id());
    LocalDate end;
    LocalDate start;
    if (ownPeriods) {
      List<Commitment> begun =
          all.stream()
              .filter(c -> c.state() != CommitmentState.CANCELLED)
              .filter(c -> !c.periodStart().isAfter(today))
              .toList();
      start =
          begun.stream()
              .map(Commitment::periodStart)
              .min(LocalDate::compareTo)
              .orElse(today.minusYears(1));
      LocalDate lastEnd =
          begun.stream().map(Commitment::periodEnd).max(LocalDate::compareTo).orElse(today);
      end = (lastEnd.isBefore(today) ? lastEnd : today).plusDays(1);
    } else {
      end = to.orElse(today.plusDays(1));
      start = from.orElse(end.minusYears(1));
    }
    if (!end.isAfter(start)) {
      throw DomainException.invalid("to", "to (" + end + ") must be after from (" + start + ")");
    }
    LocalDate reportAsOf = end.minusDays(1);
    List<FollowUpReport.Entry> entries = new ArrayList<>();
    Map<String, List<Activity>> activitiesByCommitment = commitments.activitiesByCommitment(w.id());
    Map<String, String> titles = new LinkedHashMap<>();
    for (Commitment c : all) {
      titles.put(c.id(), c.title());
      if (c.state() == CommitmentState.CANCELLED
          || c.periodEnd().isBefore(start)
          || !c.periodStart().isBefore(end)) {
        continue;
      }
      LocalDate asOf =
          ownPeriods
              ? (c.periodEnd().isBefore(reportAsOf) ? c.periodEnd() : reportAsOf)
              : reportAsOf;
      LocalDate notesFrom = ownPeriods ? c.periodStart() : start;
      List<Activity> activities = activitiesByCommitment.getOrDefault(c.id(), List.of());
      List<FollowUpReport.Note> notes =
          activities.stream()
              .filter(a -> a.notePublic() && a.note().isPresent())
              .filter(a -> !LocalDate.ofInstant(a.occurredAt(), zone).isAfter(asOf))
              .filter(a -> !LocalDate.ofInstant(a.occurredAt(), zone).isBefore(notesFrom))
              .map(
                  a ->
                      new FollowUpReport.Note(
                          LocalDate.ofInstant(a.occurredAt(), zone), a.note().get()))
              .toList();
      int notesTotal = notes.size();
      if (notes.size() > MAX_NOTES) {
        notes = notes.subList(notes.size() - MAX_NOTES, notes.size());
      }
      entries.add(
          new FollowUpReport.Entry(
              c, CommitmentService.progress(c, activities, zone, asOf), notes, notesTotal));
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
                : commitments.changes(w.id(), reportAsOf, ChangeCounter.DEFAULT_RING_METERS))
            .stream().filter(ch -> shown.contains(ch.commitmentId())).toList();
    return new FollowUpReport(
        w.id(),
        w.name(),
        start,
        end,
        ownPeriods,
        clock.instant(),
        publicView,
        entries,
        titles,
        coverage,
        changes,
        PlaceChange.CAVEAT_SV,
        sections.stream()
            .map(sec -> sec.html(w.id(), start, end, publicView))
            .flatMap(Optional::stream)
            .toList());
  }
}
