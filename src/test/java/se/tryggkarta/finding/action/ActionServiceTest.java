package se.tryggkarta.finding.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.tryggkarta.AppConfig;
import se.tryggkarta.Wiring;
import se.tryggkarta.commitment.Commitment;
import se.tryggkarta.commitment.CommitmentKind;
import se.tryggkarta.commitment.CommitmentState;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.finding.ChecklistCategory;
import se.tryggkarta.finding.Finding;
import se.tryggkarta.workspace.Workspace;

/** The action life cycle, its history, and what a done action counts for. */
class ActionServiceTest {
  static final String WS = "kungalv";
  static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);
  @TempDir Path dir;
  Wiring wiring;
  ActionService actions;

  @BeforeEach
  void open() {
    wiring =
        Wiring.open(new AppConfig(dir, 0, Optional.empty(), Optional.empty(), List.of(), 1 << 20));
    wiring.store().createWorkspace(Workspace.of(WS, "Kungälv"));
    actions = wiring.actions();
    wiring
        .commitments()
        .create(
            WS,
            new Commitment(
                "battre-belysning",
                "Bättre belysning på mörka platser",
                "",
                "municipality",
                CommitmentKind.MEASURE,
                LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31),
                OptionalLong.of(10),
                List.of(),
                List.of(),
                Set.of(),
                CommitmentState.ACTIVE));
    wiring
        .findings()
        .record(
            WS,
            new Finding(
                "f-1",
                new LonLat(11.98, 57.87),
                Optional.empty(),
                OptionalInt.empty(),
                ChecklistCategory.LIGHTING,
                3,
                Optional.empty(),
                List.of(),
                "Anna",
                Instant.parse("2025-10-02T17:00:00Z"),
                1));
  }

  @AfterEach
  void close() {
    wiring.close();
  }

  static Action proposed(String id, Optional<String> commitment, Optional<ActionLink> link) {
    return new Action(
        id,
        Optional.of("f-1"),
        "Byt armatur",
        "Gatuenheten",
        Optional.of(LocalDate.of(2025, 11, 1)),
        OptionalLong.of(8500),
        link,
        commitment,
        List.of(
            new StatusChange(ActionStatus.PROPOSED, at("2025-10-03"), "Anna", Optional.empty())));
  }

  static Instant at(String day) {
    return Instant.parse(day + "T10:00:00Z");
  }

  static StatusChange to(ActionStatus s, String day) {
    return new StatusChange(s, at(day), "Bo", Optional.empty());
  }

  @Test
  void an_action_moves_forward_and_keeps_its_whole_history() {
    actions.create(WS, proposed("a-1", Optional.empty(), Optional.empty()));
    actions.changeStatus(WS, "a-1", to(ActionStatus.DECIDED, "2025-10-05"));
    actions.changeStatus(WS, "a-1", to(ActionStatus.IN_PROGRESS, "2025-10-10"));
    actions.changeStatus(WS, "a-1", to(ActionStatus.DONE, "2025-10-20"));
    Action stored = actions.getAction(WS, "a-1");
    assertThat(stored.status()).isEqualTo(ActionStatus.DONE);
    assertThat(stored.history())
        .extracting(StatusChange::status, StatusChange::at)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ActionStatus.PROPOSED, at("2025-10-03")),
            org.assertj.core.groups.Tuple.tuple(ActionStatus.DECIDED, at("2025-10-05")),
            org.assertj.core.groups.Tuple.tuple(ActionStatus.IN_PROGRESS, at("2025-10-10")),
            org.assertj.core.groups.Tuple.tuple(ActionStatus.DONE, at("2025-10-20")));
  }

  @ParameterizedTest(name = "{0} → {1} is refused")
  @CsvSource({
    "proposed, proposed",
    "decided, proposed",
    "in-progress, decided",
    "done, rejected",
    "done, in-progress",
    "rejected, decided"
  })
  void moves_backwards_or_out_of_a_final_status_are_conflicts_and_change_nothing(
      String from, String next) {
    actions.create(WS, proposed("a-2", Optional.empty(), Optional.empty()));
    ActionStatus start = ActionStatus.parse("from", from);
    if (start != ActionStatus.PROPOSED) {
      actions.changeStatus(
          WS,
          "a-2",
          new StatusChange(
              start,
              at("2025-10-05"),
              "Bo",
              start == ActionStatus.REJECTED ? Optional.of("nej") : Optional.empty()));
    }
    int before = actions.getAction(WS, "a-2").history().size();
    ActionStatus target = ActionStatus.parse("next", next);
    assertThatThrownBy(
            () ->
                actions.changeStatus(
                    WS,
                    "a-2",
                    new StatusChange(target, at("2025-10-06"), "Bo", Optional.of("skäl"))))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT));
    assertThat(actions.getAction(WS, "a-2").history()).hasSize(before);
  }

  @Test
  void a_rejection_needs_a_reason() {
    assertThatThrownBy(
            () -> new StatusChange(ActionStatus.REJECTED, at("2025-10-05"), "Bo", Optional.of(" ")))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).contains("reason"));
  }

  @Test
  void closing_an_action_linked_to_a_commitment_advances_it_by_one() {
    actions.create(WS, proposed("a-3", Optional.of("battre-belysning"), Optional.empty()));
    long before = wiring.commitments().progress(WS, "battre-belysning", AS_OF).total().done();
    actions.changeStatus(WS, "a-3", to(ActionStatus.DECIDED, "2025-10-05"));
    assertThat(wiring.commitments().progress(WS, "battre-belysning", AS_OF).total().done())
        .isEqualTo(before);
    StatusResult r = actions.changeStatus(WS, "a-3", to(ActionStatus.DONE, "2025-10-20"));
    assertThat(r.warnings()).isEmpty();
    assertThat(wiring.commitments().progress(WS, "battre-belysning", AS_OF).total().done())
        .isEqualTo(before + 1);
    assertThat(wiring.commitments().listActivities(WS, "battre-belysning"))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.id()).isEqualTo("action-a-3");
              assertThat(a.location()).contains(new LonLat(11.98, 57.87));
            });
    actions.delete(WS, "a-3");
    assertThat(wiring.commitments().progress(WS, "battre-belysning", AS_OF).total().done())
        .isEqualTo(before);
  }

  @Test
  void a_done_action_outside_its_commitments_period_is_kept_with_a_warning() {
    actions.create(WS, proposed("a-4", Optional.of("battre-belysning"), Optional.empty()));
    StatusResult r = actions.changeStatus(WS, "a-4", to(ActionStatus.DONE, "2026-01-15"));
    assertThat(r.action().status()).isEqualTo(ActionStatus.DONE);
    assertThat(r.warnings()).singleElement().asString().contains("outside its period");
    assertThat(wiring.commitments().listActivities(WS, "battre-belysning")).isEmpty();
  }

  @Test
  void open_actions_mark_their_lighting_items_until_done() {
    actions.create(
        WS,
        proposed(
            "a-5", Optional.empty(), Optional.of(new ActionLink(ActionLink.Kind.LAMP, "L-17"))));
    actions.create(
        WS,
        proposed(
            "a-6",
            Optional.empty(),
            Optional.of(new ActionLink(ActionLink.Kind.LIGHTING_ITEM, "dammstigen-01@0-120"))));
    assertThat(actions.openLightingActions(WS))
        .containsEntry("repair-L-17", "a-5")
        .containsEntry("dammstigen-01@0-120", "a-6");
    actions.changeStatus(WS, "a-5", to(ActionStatus.DONE, "2025-10-20"));
    assertThat(actions.openLightingActions(WS)).doesNotContainKey("repair-L-17");
  }

  @Test
  void an_action_names_a_stored_finding_and_commitment() {
    Action lost =
        new Action(
            "a-7",
            Optional.of("no-such-finding"),
            "x",
            "y",
            Optional.empty(),
            OptionalLong.empty(),
            Optional.empty(),
            Optional.empty(),
            List.of(to(ActionStatus.PROPOSED, "2025-10-03")));
    assertThatThrownBy(() -> actions.create(WS, lost))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).contains("findingId"));
    assertThat(actions.findAction(WS, "a-7")).isEmpty();
  }

  @Test
  void overdue_means_open_and_past_the_due_date() {
    Action a = proposed("a-8", Optional.empty(), Optional.empty());
    assertThat(a.overdueOn(LocalDate.of(2025, 11, 1))).isFalse();
    assertThat(a.overdueOn(LocalDate.of(2025, 11, 2))).isTrue();
    assertThat(
            a.withStatus(to(ActionStatus.DONE, "2025-10-20")).overdueOn(LocalDate.of(2026, 1, 1)))
        .isFalse();
  }
}
