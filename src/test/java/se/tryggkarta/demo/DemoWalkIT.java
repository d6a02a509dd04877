package se.tryggkarta.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.AppConfig;
import se.tryggkarta.Wiring;
import se.tryggkarta.commitment.report.FollowUpHtml;
import se.tryggkarta.finding.Walk;
import se.tryggkarta.finding.action.Action;
import se.tryggkarta.finding.action.ActionStatus;
import se.tryggkarta.lighting.LightingRequest;

/**
 * {@code serve --demo} ships one completed walk with findings and actions in several states, the
 * lighting action counts in "Bättre belysning", the open ones mark the lighting work list, and the
 * follow-up report shows the walk.
 */
class DemoWalkIT {
  @TempDir Path dir;

  @Test
  void the_demo_shows_the_loop_from_walk_to_follow_up() {
    try (Wiring wiring =
        Wiring.open(
            new AppConfig(dir, 0, Optional.empty(), Optional.empty(), List.of(), 1 << 20))) {
      wiring.installDemo();
      String ws = DemoWalk.WORKSPACE;
      LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));
      List<Walk> walks = wiring.findings().listWalks(ws);
      assertThat(walks)
          .singleElement()
          .satisfies(w -> assertThat(w.heldOn()).contains(today.minusDays(DemoWalk.DAYS_AGO)));
      Walk walk = walks.get(0);
      assertThat(walk.stops()).isNotEmpty();
      assertThat(wiring.findings().listFindings(ws, Optional.of(walk.id()))).hasSize(5);
      List<Action> actions = wiring.actions().listActions(ws, Optional.empty());
      Set<ActionStatus> states = actions.stream().map(Action::status).collect(Collectors.toSet());
      assertThat(states)
          .contains(
              ActionStatus.DONE,
              ActionStatus.DECIDED,
              ActionStatus.PROPOSED,
              ActionStatus.REJECTED,
              ActionStatus.IN_PROGRESS);
      assertThat(actions).anyMatch(a -> a.overdueOn(today));
      assertThat(
              wiring.commitments().progress(ws, DemoWalk.LIGHTING_COMMITMENT, today).total().done())
          .isEqualTo(1);
      assertThat(wiring.lighting().priorities(ws, LightingRequest.DEFAULT).openActions())
          .containsValue("demo-atgard-2");
      String html =
          FollowUpHtml.render(
              wiring.followUp().build(ws, Optional.empty(), Optional.empty(), false),
              se.tryggkarta.common.Lang.SV,
              wiring.places().index(ws),
              wiring.workspaces().getWorkspace(ws).timeZone());
      assertThat(html)
          .contains("Trygghetsvandring i parken och längs Dammstigen")
          .contains("Byt armatur på den trasiga lampan")
          .contains("Busskuren rivs")
          .contains("försenad")
          .contains("Före och efter genomförda åtgärder");
      assertThat(wiring.installDemo()).isFalse();
      assertThat(wiring.findings().listWalks(ws)).hasSize(1);
    }
  }
}
