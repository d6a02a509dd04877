package se.tryggkarta.finding.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.AppConfig;
import se.tryggkarta.Wiring;
import se.tryggkarta.commitment.report.FollowUpHtml;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.XY;
import se.tryggkarta.finding.ChecklistCategory;
import se.tryggkarta.finding.Finding;
import se.tryggkarta.finding.Walk;
import se.tryggkarta.finding.action.Action;
import se.tryggkarta.finding.action.ActionStatus;
import se.tryggkarta.finding.action.StatusChange;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.workspace.Workspace;

/**
 * The follow-up report's walk section: findings and actions with status, owner and what is overdue
 * for members, counts only for the public, and the before/after change around a finding whose
 * action is done, checked against the difference in differences computed here by hand from planted
 * incidents.
 */
class WalkFollowUpTest {
  static final String WS = "kungalv";
  static final LonLat AT = new LonLat(11.98, 57.87);
  static final LocalDate HELD = LocalDate.of(2025, 2, 20);
  static final LocalDate DONE = LocalDate.of(2025, 3, 1);
  static final LocalDate FROM = LocalDate.of(2025, 1, 1);
  static final LocalDate TO = LocalDate.of(2025, 6, 1);
  @TempDir Path dir;
  Wiring wiring;

  @BeforeEach
  void open() {
    wiring =
        Wiring.open(new AppConfig(dir, 0, Optional.empty(), Optional.empty(), List.of(), 1 << 20));
    Workspace w = Workspace.of(WS, "Kungälv").withPublicAccess(true);
    wiring.store().createWorkspace(w);
    XY p = w.crs().toXY(AT);
    // In the place (within 100 m): 4 before the action, 1 after. In the ring (100–600 m): 2 and 2.
    try (LayerWriter lw = wiring.store().openWriter(WS, Layer.INCIDENTS)) {
      int n = 0;
      for (int i = 0; i < 4; i++) {
        lw.write(incident(n++, w, p, 20, 0, DONE.minusDays(10 + i)));
      }
      lw.write(incident(n++, w, p, 0, 30, DONE.plusDays(20)));
      lw.write(incident(n++, w, p, 300, 0, DONE.minusDays(5)));
      lw.write(incident(n++, w, p, -300, 0, DONE.minusDays(6)));
      lw.write(incident(n++, w, p, 0, 300, DONE.plusDays(5)));
      lw.write(incident(n++, w, p, 0, -300, DONE.plusDays(6)));
      lw.write(incident(n++, w, p, 2000, 0, DONE.plusDays(6)));
      lw.commit();
    }
    var findings = wiring.findings();
    findings.putWalk(
        WS,
        new Walk(
            "w-1",
            "Vandring vid torget",
            Optional.of(HELD),
            Optional.empty(),
            AT,
            List.of(new Walk.Stop(1, "s1", AT, "Mörkt")),
            List.of(AT),
            0,
            Instant.parse("2025-02-01T10:00:00Z")));
    findings.markHeld(WS, "w-1", Optional.of(HELD));
    findings.record(WS, finding("f-1", ChecklistCategory.LIGHTING, "Privat anteckning"));
    findings.record(WS, finding("f-2", ChecklistCategory.VEGETATION, "Annan anteckning"));
    var actions = wiring.actions();
    actions.create(WS, action("a-1", "f-1", "Byt armatur", "Gatuenheten", DONE.plusDays(30)));
    actions.changeStatus(WS, "a-1", change(ActionStatus.DONE, DONE, Optional.empty()));
    actions.create(WS, action("a-2", "f-2", "Klipp häcken", "Fastighetsägaren", HELD.plusDays(14)));
  }

  @AfterEach
  void close() {
    wiring.close();
  }

  static Incident incident(int n, Workspace w, XY p, double dx, double dy, LocalDate day) {
    return new Incident(
        "i" + n,
        w.crs().toLonLat(new XY(p.x() + dx, p.y() + dy)),
        day.atTime(12, 0).atZone(w.timeZone()).toInstant(),
        "theft",
        1,
        Map.of());
  }

  static Finding finding(String id, ChecklistCategory c, String note) {
    return new Finding(
        id,
        AT,
        Optional.of("w-1"),
        OptionalInt.of(1),
        c,
        2,
        Optional.of(note),
        List.of(),
        "Anna",
        HELD.atTime(18, 0).atZone(java.time.ZoneId.of("Europe/Stockholm")).toInstant(),
        1);
  }

  static Action action(String id, String finding, String title, String owner, LocalDate due) {
    return new Action(
        id,
        Optional.of(finding),
        title,
        owner,
        Optional.of(due),
        OptionalLong.of(1000),
        Optional.empty(),
        Optional.empty(),
        List.of(change(ActionStatus.PROPOSED, HELD, Optional.empty())));
  }

  static StatusChange change(ActionStatus s, LocalDate day, Optional<String> reason) {
    return new StatusChange(
        s,
        day.atTime(9, 0).atZone(java.time.ZoneId.of("Europe/Stockholm")).toInstant(),
        "Bo",
        reason);
  }

  private String report(boolean publicView) {
    // the public's report covers a release period (here the first quarter of 2025), never a
    // caller-chosen window
    return FollowUpHtml.render(
        publicView
            ? wiring
                .followUp()
                .build(WS, Optional.empty(), Optional.empty(), true, Optional.of("2025-Q1"))
            : wiring.followUp().build(WS, Optional.of(FROM), Optional.of(TO), false));
  }

  @Test
  void members_see_each_action_with_status_owner_and_what_is_overdue() {
    String html = report(false);
    assertThat(html).contains("Trygghetsvandringar: fynd och åtgärder", "Vandring vid torget");
    assertThat(html).contains("Byt armatur", "Gatuenheten", "klar");
    assertThat(html).contains("Klipp häcken", "Fastighetsägaren", "föreslagen", "försenad");
    assertThat(html).doesNotContain("Privat anteckning", "Annan anteckning");
  }

  @Test
  void the_change_around_a_done_action_is_the_hand_computed_difference_in_differences() {
    LocalDate asOf = TO.minusDays(1);
    long days = ChronoUnit.DAYS.between(DONE.plusDays(1), asOf.plusDays(1));
    double months = days / (365.2425 / 12);
    double expected = (1 / months - 4 / months) - (2 / months - 2 / months);
    String row = String.format(Locale.ROOT, "<td>%.1f</td></tr>", expected);
    assertThat(report(false)).contains(row).contains("inte ett bevis");
  }

  @Test
  void the_public_sees_counts_and_no_titles_or_change_figures() {
    String html = report(true);
    assertThat(html).contains("Trygghetsvandringar: fynd och åtgärder", "1 klar", "1 föreslagen");
    assertThat(html).doesNotContain("Byt armatur", "Gatuenheten", "Privat anteckning");
    assertThat(html).contains("1 åtgärd är klar").doesNotContain("<td>-1.0</td>");
  }
}
