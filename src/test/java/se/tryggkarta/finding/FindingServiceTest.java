package se.tryggkarta.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.tryggkarta.finding.DemoTownWiring.WS;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.linearref.LengthIndexedLine;
import se.tryggkarta.Wiring;
import se.tryggkarta.commitment.Commitment;
import se.tryggkarta.commitment.CommitmentKind;
import se.tryggkarta.commitment.CommitmentState;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.XY;
import se.tryggkarta.demo.ExempelbyGenerator;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.UnsafePlace;
import se.tryggkarta.lighting.LightingRequest;
import se.tryggkarta.lighting.priority.Priority;
import se.tryggkarta.lighting.priority.PriorityKind;

/** Findings on the demo town: idempotent recording, conflicts, and what every finding feeds. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FindingServiceTest {
  @TempDir static Path dir;
  Wiring wiring;
  FindingService findings;

  @BeforeAll
  void open() {
    wiring = DemoTownWiring.open(dir);
    findings = wiring.findings();
  }

  @AfterAll
  void close() {
    wiring.close();
  }

  static Finding finding(String id, LonLat at, ChecklistCategory category, String note) {
    return new Finding(
        id,
        at,
        Optional.empty(),
        OptionalInt.empty(),
        category,
        2,
        Optional.of(note),
        List.of(),
        "Anna",
        Instant.parse("2025-10-02T17:30:00Z"),
        1);
  }

  @Test
  void recording_the_same_finding_twice_stores_it_once() {
    Finding f = finding("sync-1", ExempelbyGenerator.PARKEN_CENTRE, ChecklistCategory.OTHER, "x");
    Recorded first = findings.record(WS, f);
    Recorded again = findings.record(WS, f);
    assertThat(first.created()).isTrue();
    assertThat(again.created()).isFalse();
    assertThat(again.finding()).isEqualTo(first.finding());
    assertThat(findings.listFindings(WS, Optional.empty()))
        .filteredOn(x -> x.id().equals("sync-1"))
        .hasSize(1);
  }

  @Test
  void a_different_finding_under_a_stored_id_is_a_conflict_and_changes_nothing() {
    findings.record(
        WS, finding("c-1", ExempelbyGenerator.PARKEN_CENTRE, ChecklistCategory.OTHER, "a"));
    Finding other = finding("c-1", ExempelbyGenerator.PARKEN_CENTRE, ChecklistCategory.OTHER, "b");
    assertThatThrownBy(() -> findings.record(WS, other))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT));
    assertThat(findings.getFinding(WS, "c-1").note()).contains("a");
  }

  @Test
  void an_edit_needs_the_stored_revision_and_moves_it_on() {
    findings.record(
        WS, finding("e-1", ExempelbyGenerator.PARKEN_CENTRE, ChecklistCategory.OTHER, "a"));
    Finding edited =
        finding("e-1", ExempelbyGenerator.PARKEN_CENTRE, ChecklistCategory.SIGNAGE, "b");
    Finding stored = findings.update(WS, "e-1", edited);
    assertThat(stored.revision()).isEqualTo(2);
    assertThat(stored.category()).isEqualTo(ChecklistCategory.SIGNAGE);
    assertThatThrownBy(() -> findings.update(WS, "e-1", edited))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT));
  }

  @Test
  void every_finding_is_an_unsafe_place_with_source_walk_and_without_its_note() {
    findings.record(
        WS,
        finding("u-1", ExempelbyGenerator.PARKEN_CENTRE, ChecklistCategory.VEGETATION, "hemlig"));
    UnsafePlace place =
        (UnsafePlace) wiring.store().findRecord(WS, Layer.UNSAFE_PLACES, "walk-u-1").orElseThrow();
    assertThat(place.source()).isEqualTo("walk");
    assertThat(place.category()).isEqualTo("vegetation");
    assertThat(place.comment()).isEmpty();
    assertThat(place.extra()).containsEntry("finding_id", "u-1");
    findings.deleteFinding(WS, "u-1");
    assertThat(wiring.store().findRecord(WS, Layer.UNSAFE_PLACES, "walk-u-1")).isEmpty();
  }

  @Test
  void a_lighting_finding_on_a_dark_stretch_raises_it_on_the_lighting_work_list() {
    List<Priority> before = wiring.lighting().priorities(WS, LightingRequest.DEFAULT).priorities();
    Priority target =
        before.stream()
            .filter(p -> p.kind() == PriorityKind.NEW_LIGHT)
            .reduce((a, b) -> b)
            .orElseThrow();
    LineString line = (LineString) target.targetMeters();
    Coordinate mid = new LengthIndexedLine(line).extractPoint(line.getLength() / 2);
    var w = wiring.workspaces().getWorkspace(WS);
    LonLat at = w.crs().toLonLat(new XY(mid.x, mid.y));
    findings.record(WS, finding("dark-1", at, ChecklistCategory.LIGHTING, "mörkt"));
    Priority after =
        wiring.lighting().priorities(WS, LightingRequest.DEFAULT).priorities().stream()
            .filter(p -> p.id().equals(target.id()))
            .findFirst()
            .orElseThrow();
    assertThat(after.darknessReports()).isEqualTo(target.darknessReports() + 1);
    assertThat(after.score()).isGreaterThan(target.score());
    findings.deleteFinding(WS, "dark-1");
  }

  @Test
  void holding_a_walk_counts_once_in_each_safety_walk_commitment_covering_the_day() {
    wiring
        .commitments()
        .create(
            WS,
            new Commitment(
                "vandringar-test",
                "Två trygghetsvandringar om året",
                "",
                "joint",
                CommitmentKind.WALK,
                LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31),
                OptionalLong.of(2),
                List.of(),
                List.of(),
                Set.of(),
                CommitmentState.ACTIVE));
    Walk walk =
        findings.putWalk(
            WS,
            new Walk(
                "w-test",
                "Testvandring",
                Optional.empty(),
                Optional.empty(),
                ExempelbyGenerator.PARKEN_CENTRE,
                List.of(new Walk.Stop(1, "s", ExempelbyGenerator.PARKEN_CENTRE, "mörkt")),
                List.of(ExempelbyGenerator.PARKEN_CENTRE),
                0,
                Instant.parse("2025-09-01T00:00:00Z")));
    LocalDate asOf = LocalDate.of(2025, 12, 31);
    findings.markHeld(WS, walk.id(), Optional.of(LocalDate.of(2025, 10, 2)));
    findings.markHeld(WS, walk.id(), Optional.of(LocalDate.of(2025, 10, 3)));
    assertThat(wiring.commitments().progress(WS, "vandringar-test", asOf).total().done())
        .isEqualTo(1);
    assertThat(wiring.commitments().listActivities(WS, "vandringar-test"))
        .singleElement()
        .satisfies(a -> assertThat(a.id()).isEqualTo("walk-w-test"));
    findings.markHeld(WS, walk.id(), Optional.empty());
    assertThat(wiring.commitments().progress(WS, "vandringar-test", asOf).total().done()).isZero();
  }

  @Test
  void a_finding_names_an_existing_walk_and_stop() {
    Finding lost =
        new Finding(
            "lost-1",
            ExempelbyGenerator.PARKEN_CENTRE,
            Optional.of("no-such-walk"),
            OptionalInt.of(1),
            ChecklistCategory.OTHER,
            1,
            Optional.empty(),
            List.of(),
            "",
            Instant.parse("2025-10-02T17:30:00Z"),
            1);
    assertThatThrownBy(() -> findings.record(WS, lost))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).contains("walkId"));
    assertThat(findings.findFinding(WS, "lost-1")).isEmpty();
  }
}
