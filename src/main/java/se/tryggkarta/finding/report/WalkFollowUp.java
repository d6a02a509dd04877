package se.tryggkarta.finding.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import se.tryggkarta.commitment.link.ChangeCounter;
import se.tryggkarta.commitment.link.DiffInDiff;
import se.tryggkarta.commitment.link.PlaceChange;
import se.tryggkarta.commitment.link.PromisedArea;
import se.tryggkarta.commitment.report.FollowUpSection;
import se.tryggkarta.common.XY;
import se.tryggkarta.finding.Finding;
import se.tryggkarta.finding.FindingService;
import se.tryggkarta.finding.Walk;
import se.tryggkarta.finding.action.Action;
import se.tryggkarta.finding.action.ActionService;
import se.tryggkarta.finding.action.ActionStatus;
import se.tryggkarta.finding.action.StatusChange;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * The follow-up report's section "Trygghetsvandringar": one part per walk held in the period (its
 * findings by checklist line and severity, its actions with status, owner and due date, the overdue
 * ones marked), and a table of the before/after change of incidents within {@value
 * #PLACE_RADIUS_METERS} m of each finding whose action is done: the commitments' difference in
 * differences ({@link DiffInDiff}, Angrist &amp; Pischke 2009) with its comparison ring ({@link
 * ChangeCounter#DEFAULT_RING_METERS} m), the "before" window as long as the time since the action
 * was done, and the same caveat ({@link PlaceChange#CAVEAT_SV}).
 *
 * <p>For the public the section gives counts only: findings by checklist line and actions by
 * status, no titles, owners' names or positions; change figures resting on fewer than the
 * workspace's k incidents in any cell are withheld, as in the commitments' own change table. Notes
 * and photos are never in the report. Thread-safe.
 */
public final class WalkFollowUp implements FollowUpSection {
  /** Incidents within this distance of a finding count as "at the place", metres. */
  public static final double PLACE_RADIUS_METERS = 100;

  private static final GeometryFactory GF = new GeometryFactory();
  private final WorkspaceService workspaces;
  private final FindingService findings;
  private final ActionService actions;
  private final ChangeCounter changes;

  public WalkFollowUp(
      WorkspaceService workspaces,
      FindingService findings,
      ActionService actions,
      ChangeCounter changes) {
    this.workspaces = workspaces;
    this.findings = findings;
    this.actions = actions;
    this.changes = changes;
  }

  @Override
  public Optional<String> html(
      String workspaceId, LocalDate from, LocalDate to, boolean publicView) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    LocalDate asOf = to.minusDays(1);
    List<Walk> walks =
        findings.listWalks(w.id()).stream()
            .filter(x -> x.heldOn().isPresent())
            .filter(x -> !x.heldOn().get().isBefore(from) && x.heldOn().get().isBefore(to))
            .sorted(java.util.Comparator.comparing(x -> x.heldOn().get()))
            .toList();
    if (walks.isEmpty()) {
      return Optional.empty();
    }
    Map<String, List<Action>> byFinding = actions.actionsByFinding(w.id());
    StringBuilder h = new StringBuilder(4096);
    h.append("<h2>Trygghetsvandringar: fynd och åtgärder</h2>\n");
    List<Done> done = new ArrayList<>();
    for (Walk walk : walks) {
      List<Finding> found = findings.listFindings(w.id(), Optional.of(walk.id()));
      h.append("<h3>")
          .append(esc(walk.name()))
          .append(", ")
          .append(walk.heldOn().get())
          .append("</h3>\n<p>")
          .append(found.size())
          .append(" fynd")
          .append(" längs ")
          .append(walk.stops().size())
          .append(" stopp.</p>\n");
      List<Action> walkActions = new ArrayList<>();
      found.forEach(f -> walkActions.addAll(byFinding.getOrDefault(f.id(), List.of())));
      if (publicView) {
        counts(h, found, walkActions, asOf);
      } else {
        findingTable(h, found, byFinding);
        actionTable(h, walkActions, asOf);
      }
      for (Finding f : found) {
        for (Action a : byFinding.getOrDefault(f.id(), List.of())) {
          if (a.status() == ActionStatus.DONE) {
            done.add(new Done(walk, f, a));
          }
        }
      }
    }
    changeTable(h, w, done, asOf, publicView);
    return Optional.of(h.toString());
  }

  private record Done(Walk walk, Finding finding, Action action) {}

  private static void counts(
      StringBuilder h, List<Finding> found, List<Action> acts, LocalDate asOf) {
    Map<se.tryggkarta.finding.ChecklistCategory, Integer> byCategory =
        new EnumMap<>(se.tryggkarta.finding.ChecklistCategory.class);
    found.forEach(f -> byCategory.merge(f.category(), 1, Integer::sum));
    h.append("<table><thead><tr><th>Område</th><th>Fynd</th></tr></thead><tbody>\n");
    byCategory.forEach(
        (c, n) ->
            h.append("<tr><td>")
                .append(esc(c.swedish()))
                .append("</td><td>")
                .append(n)
                .append("</td></tr>\n"));
    h.append("</tbody></table>\n");
    Map<ActionStatus, Integer> byStatus = new EnumMap<>(ActionStatus.class);
    acts.forEach(a -> byStatus.merge(a.status(), 1, Integer::sum));
    long overdue = acts.stream().filter(a -> a.overdueOn(asOf)).count();
    h.append("<p>Åtgärder: ");
    if (acts.isEmpty()) {
      h.append("inga");
    } else {
      List<String> parts = new ArrayList<>();
      byStatus.forEach((s, n) -> parts.add(n + " " + s.swedish()));
      h.append(String.join(", ", parts));
    }
    h.append(overdue > 0 ? "; " + overdue + " försenade" : "").append(".</p>\n");
  }

  private static void findingTable(
      StringBuilder h, List<Finding> found, Map<String, List<Action>> byFinding) {
    if (found.isEmpty()) {
      return;
    }
    h.append("<table><thead><tr><th>Fynd</th><th>Stopp</th><th>Område</th><th>Allvar</th>")
        .append("<th>Åtgärder</th></tr></thead><tbody>\n");
    int n = 1;
    for (Finding f : found) {
      h.append("<tr><td>")
          .append(n++)
          .append("</td><td>")
          .append(f.stopNumber().isPresent() ? String.valueOf(f.stopNumber().getAsInt()) : "–")
          .append("</td><td>")
          .append(esc(f.category().swedish()))
          .append("</td><td>")
          .append(f.severity())
          .append("</td><td>")
          .append(byFinding.getOrDefault(f.id(), List.of()).size())
          .append("</td></tr>\n");
    }
    h.append("</tbody></table>\n");
  }

  private static void actionTable(StringBuilder h, List<Action> acts, LocalDate asOf) {
    if (acts.isEmpty()) {
      h.append("<p>Inga åtgärder föreslagna.</p>\n");
      return;
    }
    h.append("<table><thead><tr><th>Åtgärd</th><th>Ansvarig</th><th>Status</th><th>Sedan</th>")
        .append("<th>Klart senast</th><th>Kostnad (kr)</th></tr></thead><tbody>\n");
    for (Action a : acts) {
      StatusChange last = a.history().get(a.history().size() - 1);
      boolean late = a.overdueOn(asOf);
      h.append("<tr><td>")
          .append(esc(a.title()))
          .append("</td><td>")
          .append(esc(a.owner()))
          .append("</td><td>")
          .append(a.status().swedish())
          .append(last.reason().map(r -> " (" + esc(r) + ")").orElse(""))
          .append("</td><td>")
          .append(last.at().toString(), 0, 10)
          .append("</td><td>")
          .append(a.dueOn().map(LocalDate::toString).orElse("–"))
          .append(late ? " <strong>försenad</strong>" : "")
          .append("</td><td>")
          .append(
              a.costEstimateSek().isPresent()
                  ? String.format(Locale.ROOT, "%,d", a.costEstimateSek().getAsLong())
                      .replace(',', ' ')
                  : "–")
          .append("</td></tr>\n");
    }
    h.append("</tbody></table>\n");
    long overdue = acts.stream().filter(a -> a.overdueOn(asOf)).count();
    if (overdue > 0) {
      h.append("<p><strong>")
          .append(overdue)
          .append(overdue == 1 ? " åtgärd är försenad" : " åtgärder är försenade")
          .append("</strong> (öppna efter sitt slutdatum).</p>\n");
    }
  }

  private void changeTable(
      StringBuilder h, Workspace w, List<Done> done, LocalDate asOf, boolean publicView) {
    h.append("<h3>Före och efter genomförda åtgärder</h3>\n");
    if (done.isEmpty()) {
      h.append("<p>Ingen åtgärd är klar ännu.</p>\n");
      return;
    }
    if (publicView) {
      h.append("<p>")
          .append(done.size())
          .append(done.size() == 1 ? " åtgärd är klar" : " åtgärder är klara")
          .append(". Förändringen runt platserna redovisas i uppföljningen för kommunen och")
          .append(
              " polisen, inte offentligt: den vilar på enskilda händelser nära en punkt.</p>\n");
      return;
    }
    h.append("<table><thead><tr><th>Plats</th><th>Klar</th><th>Före, per månad</th>")
        .append("<th>Efter, per månad</th><th>Jämförelse före</th><th>Jämförelse efter</th>")
        .append("<th>Skillnad i skillnad</th></tr></thead><tbody>\n");
    for (Done d : done) {
      LocalDate doneOn = LocalDate.ofInstant(d.action().statusSince(), w.timeZone());
      XY p = w.crs().toXY(d.finding().location());
      PromisedArea area =
          new PromisedArea(
              d.action().id(),
              d.finding().category().swedish(),
              GF.createPoint(new Coordinate(p.x(), p.y())).buffer(PLACE_RADIUS_METERS, 16));
      String label =
          publicView
              ? esc(d.finding().category().swedish()) + " (" + esc(d.walk().name()) + ")"
              : esc(d.action().title());
      h.append("<tr><td>").append(label).append("</td><td>").append(doneOn).append("</td>");
      LocalDate start = doneOn.plusDays(1);
      if (!asOf.isAfter(start)) {
        h.append("<td colspan=\"5\">För kort tid sedan åtgärden för att jämföra</td></tr>\n");
        continue;
      }
      PlaceChange ch =
          changes.change(w, area, Set.of(), start, asOf, asOf, ChangeCounter.DEFAULT_RING_METERS);
      Optional<DiffInDiff> f = ch.figures();
      if (f.isEmpty()) {
        h.append("<td colspan=\"5\">Ingen jämförelse möjlig</td></tr>\n");
      } else {
        DiffInDiff x = f.get();
        h.append(td(x.placeRateBefore()))
            .append(td(x.placeRateDuring()))
            .append(td(x.comparisonRateBefore()))
            .append(td(x.comparisonRateDuring()))
            .append(td(x.difference()))
            .append("</tr>\n");
      }
    }
    h.append("</tbody></table>\n<p class=\"caveat\">")
        .append(esc(PlaceChange.CAVEAT_SV))
        .append(
            " Platsen är området inom "
                + (int) PLACE_RADIUS_METERS
                + " m från fyndet; jämförelseområdet är ringen "
                + (int) ChangeCounter.DEFAULT_RING_METERS
                + " m runt det.")
        .append("</p>\n");
  }

  private static String td(double v) {
    return "<td>" + String.format(Locale.ROOT, "%.1f", v) + "</td>";
  }

  static String esc(String t) {
    StringBuilder o = new StringBuilder(t.length());
    for (char c : t.toCharArray()) {
      switch (c) {
        case '<' -> o.append("&lt;");
        case '>' -> o.append("&gt;");
        case '&' -> o.append("&amp;");
        case '"' -> o.append("&quot;");
        case '\'' -> o.append("&#39;");
        default -> o.append(c);
      }
    }
    return o.toString();
  }
}
