package se.tryggkarta.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import se.tryggkarta.commitment.Commitment;
import se.tryggkarta.commitment.CommitmentKind;
import se.tryggkarta.commitment.CommitmentService;
import se.tryggkarta.commitment.CommitmentState;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.XY;
import se.tryggkarta.finding.ChecklistCategory;
import se.tryggkarta.finding.Finding;
import se.tryggkarta.finding.FindingService;
import se.tryggkarta.finding.Walk;
import se.tryggkarta.finding.action.Action;
import se.tryggkarta.finding.action.ActionLink;
import se.tryggkarta.finding.action.ActionService;
import se.tryggkarta.finding.action.ActionStatus;
import se.tryggkarta.finding.action.StatusChange;
import se.tryggkarta.lighting.LightingRequest;
import se.tryggkarta.lighting.LightingService;
import se.tryggkarta.lighting.priority.Priority;
import se.tryggkarta.lighting.priority.PriorityKind;
import se.tryggkarta.route.WalkRequest;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * The demo's completed safety walk in Exempelby (synthetic): a walk from the park held {@value
 * #DAYS_AGO} days before today, five findings along it and an action for each in a different state
 * (done and counted in the demo commitment "Bättre belysning på mörka platser", decided, overdue,
 * in progress, rejected with a reason), so that {@code serve --demo} shows the whole loop from walk
 * to follow-up. The lighting findings sit at the work list's first broken lamp and on the dark
 * footpath, and their actions link to those work-list items. Dates follow today, so the demo always
 * shows a recent walk.
 */
public final class DemoWalk {
  public static final String WORKSPACE = ExempelbyGenerator.WORKSPACE_ID;

  /** The demo commitment the lighting actions count towards. */
  public static final String LIGHTING_COMMITMENT = "battre-belysning";

  /** How long ago the demo walk was held, days. */
  public static final int DAYS_AGO = 40;

  private final FindingService findings;
  private final ActionService actions;
  private final CommitmentService commitments;
  private final WorkspaceService workspaces;
  private final LightingService lighting;
  private final Clock clock;

  public DemoWalk(
      FindingService findings,
      ActionService actions,
      CommitmentService commitments,
      WorkspaceService workspaces,
      LightingService lighting,
      Clock clock) {
    this.findings = findings;
    this.actions = actions;
    this.commitments = commitments;
    this.workspaces = workspaces;
    this.lighting = lighting;
    this.clock = clock;
  }

  /** Installs the walk, its findings and actions (and the lighting commitment when missing). */
  public Walk install() {
    Workspace w = workspaces.getWorkspace(WORKSPACE);
    ZoneId zone = w.timeZone();
    LocalDate today = LocalDate.now(clock.withZone(zone));
    LocalDate held = today.minusDays(DAYS_AGO);
    if (commitments.findCommitment(w.id(), LIGHTING_COMMITMENT).isEmpty()) {
      LocalDate start = held.minusMonths(6).withDayOfMonth(1);
      commitments.create(
          w.id(),
          new Commitment(
              LIGHTING_COMMITMENT,
              "Bättre belysning på mörka platser",
              "Kommunen lagar trasiga lampor och sätter upp ny belysning på de mörka platser som"
                  + " trygghetsvandringarna pekar ut, minst tio åtgärder under perioden.",
              "municipality",
              CommitmentKind.MEASURE,
              start,
              start.plusYears(3).minusDays(1),
              OptionalLong.of(10),
              List.of(),
              List.of(),
              Set.of(),
              CommitmentState.ACTIVE));
    }
    Walk walk =
        findings.planWalk(
            w.id(),
            "Trygghetsvandring i parken och längs Dammstigen",
            Optional.of(held),
            WalkRequest.of(ExempelbyGenerator.PARKEN_CENTRE, 2500));
    walk = findings.markHeld(w.id(), walk.id(), Optional.of(held));
    List<Priority> work = lighting.priorities(w.id(), LightingRequest.DEFAULT).priorities();
    Optional<Priority> repair =
        work.stream().filter(p -> p.kind() == PriorityKind.REPAIR).findFirst();
    Optional<Priority> newLight =
        work.stream()
            .filter(p -> p.kind() == PriorityKind.NEW_LIGHT)
            .filter(p -> p.segmentId().equals(Optional.of(ExempelbyGenerator.DARK_STRETCH_ID)))
            .findFirst();
    String leader = "Trygghetssamordnaren";
    LonLat lampAt =
        repair.map(p -> lonLat(w, p)).orElse(stopOr(walk, 1, ExempelbyGenerator.PARKEN_CENTRE));
    Finding lamp =
        finding(
            walk,
            "demo-fynd-1",
            lampAt,
            1,
            ChecklistCategory.LIGHTING,
            3,
            "Lampan vid övergångsstället är trasig; helt mörkt när vi gick förbi.",
            held,
            0,
            leader);
    Finding path =
        finding(
            walk,
            "demo-fynd-2",
            ExempelbyGenerator.DARK_STRETCH_CENTRE,
            2,
            ChecklistCategory.LIGHTING,
            3,
            "Gångvägen längs dammen saknar belysning hela sträckan.",
            held,
            12,
            leader);
    Finding hedge =
        finding(
            walk,
            "demo-fynd-3",
            stopOr(walk, 3, ExempelbyGenerator.PARKEN_CENTRE),
            3,
            ChecklistCategory.VEGETATION,
            2,
            "Häcken skymmer sikten mot lekplatsen.",
            held,
            25,
            leader);
    Finding shelter =
        finding(
            walk,
            "demo-fynd-4",
            stopOr(walk, 4, ExempelbyGenerator.RESECENTRUM_CENTRE),
            4,
            ChecklistCategory.MAINTENANCE,
            1,
            "Nedklottrad busskur, mycket fimpar och glas.",
            held,
            38,
            leader);
    Finding kiosk =
        finding(
            walk,
            "demo-fynd-5",
            stopOr(walk, 5, ExempelbyGenerator.RESECENTRUM_CENTRE),
            5,
            ChecklistCategory.ACTIVITY,
            2,
            "Deltagarna undviker platsen vid kiosken sena kvällar.",
            held,
            51,
            leader);
    for (Finding f : List.of(lamp, path, hedge, shelter, kiosk)) {
      findings.record(w.id(), f);
    }
    java.time.Instant proposed = held.atTime(LocalTime.of(21, 0)).atZone(zone).toInstant();
    Action a1 =
        action(
            "demo-atgard-1",
            lamp,
            "Byt armatur på den trasiga lampan",
            "Gatuenheten",
            held.plusDays(30),
            8_500,
            repair.flatMap(Priority::lampId).map(id -> new ActionLink(ActionLink.Kind.LAMP, id)),
            Optional.of(LIGHTING_COMMITMENT),
            proposed);
    Action a2 =
        action(
            "demo-atgard-2",
            path,
            "Ny belysning längs Dammstigen",
            "Gatuenheten",
            held.plusDays(200),
            240_000,
            newLight.map(p -> new ActionLink(ActionLink.Kind.LIGHTING_ITEM, p.id())),
            Optional.of(LIGHTING_COMMITMENT),
            proposed);
    Action a3 =
        action(
            "demo-atgard-3",
            hedge,
            "Klipp ner häcken vid lekplatsen",
            "Fastighetsägaren Exempelbyhus AB",
            held.plusDays(14),
            3_000,
            Optional.empty(),
            Optional.empty(),
            proposed);
    Action a4 =
        action(
            "demo-atgard-4",
            shelter,
            "Sanera klotter och städa busskuren",
            "Kollektivtrafikförvaltningen",
            held.plusDays(21),
            4_000,
            Optional.empty(),
            Optional.empty(),
            proposed);
    Action a5 =
        action(
            "demo-atgard-5",
            kiosk,
            "Synlig polisnärvaro vid kiosken fredagskvällar",
            "Polisen, lokalpolisområdet",
            held.plusDays(90),
            0,
            Optional.empty(),
            Optional.empty(),
            proposed);
    for (Action a : List.of(a1, a2, a3, a4, a5)) {
      actions.create(w.id(), a);
    }
    move(w, a1, ActionStatus.DECIDED, held.plusDays(3), "Gatuchefen", Optional.empty());
    move(w, a1, ActionStatus.IN_PROGRESS, held.plusDays(10), "Gatuenheten", Optional.empty());
    move(w, a1, ActionStatus.DONE, held.plusDays(18), "Gatuenheten", Optional.empty());
    move(w, a2, ActionStatus.DECIDED, held.plusDays(7), "Tekniska nämnden", Optional.empty());
    move(
        w,
        a4,
        ActionStatus.REJECTED,
        held.plusDays(9),
        "Kollektivtrafikförvaltningen",
        Optional.of("Busskuren rivs och ersätts under våren."));
    move(w, a5, ActionStatus.DECIDED, held.plusDays(2), "Polisen", Optional.empty());
    move(w, a5, ActionStatus.IN_PROGRESS, held.plusDays(5), "Polisen", Optional.empty());
    return walk;
  }

  private void move(
      Workspace w, Action a, ActionStatus to, LocalDate day, String by, Optional<String> reason) {
    actions.changeStatus(
        w.id(),
        a.id(),
        new StatusChange(
            to, day.atTime(LocalTime.of(10, 0)).atZone(w.timeZone()).toInstant(), by, reason));
  }

  private static Action action(
      String id,
      Finding f,
      String title,
      String owner,
      LocalDate due,
      long cost,
      Optional<ActionLink> link,
      Optional<String> commitment,
      java.time.Instant at) {
    return new Action(
        id,
        Optional.of(f.id()),
        title,
        owner,
        Optional.of(due),
        OptionalLong.of(cost),
        link,
        commitment,
        List.of(
            new StatusChange(ActionStatus.PROPOSED, at, "Trygghetssamordnaren", Optional.empty())));
  }

  private static Finding finding(
      Walk walk,
      String id,
      LonLat at,
      int stop,
      ChecklistCategory category,
      int severity,
      String note,
      LocalDate held,
      int minutes,
      String by) {
    return new Finding(
        id,
        at,
        Optional.of(walk.id()),
        walk.stop(stop).isPresent() ? OptionalInt.of(stop) : OptionalInt.empty(),
        category,
        severity,
        Optional.of(note),
        List.of(),
        by,
        held.atTime(LocalTime.of(18, 15).plusMinutes(minutes))
            .atZone(ZoneId.of("Europe/Stockholm"))
            .toInstant(),
        1);
  }

  private static LonLat stopOr(Walk walk, int number, LonLat fallback) {
    return walk.stop(number).map(Walk.Stop::location).orElse(fallback);
  }

  private static LonLat lonLat(Workspace w, Priority p) {
    Coordinate c = p.targetMeters().getCoordinate();
    return w.crs().toLonLat(new XY(c.x, c.y));
  }
}
