package se.tryggkarta.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.commitment.progress.ProgressStatus;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.demo.DemoCommitments;
import se.tryggkarta.layer.Incident;

/**
 * The demo promises on a stand-in for the exempelby places (the fixture's two squares), with the
 * clock fixed at 29 November 2026.
 */
class DemoCommitmentsTest {
  static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
  static final LocalDate TODAY = LocalDate.parse("2026-11-29");

  @TempDir Path dir;

  @Test
  void demo_commitments_show_the_designed_mix_of_states() {
    try (Fixture f = new Fixture(dir, DemoCommitments.WORKSPACE, NOW)) {
      f.addPlaces(DemoCommitments.WORKSPACE);
      new DemoCommitments(f.service, f.workspaces, Clock.fixed(NOW, ZoneOffset.UTC)).install();
      Map<String, ProgressStatus> status =
          f.service.listCommitments(DemoCommitments.WORKSPACE).stream()
              .collect(
                  Collectors.toMap(
                      Commitment::id,
                      c ->
                          f.service
                              .progress(DemoCommitments.WORKSPACE, c.id(), TODAY)
                              .total()
                              .status()));
      assertThat(status)
          .containsEntry("narvaro-resecentrum-parken", ProgressStatus.ON_TRACK)
          .containsEntry("narkotikainsatser", ProgressStatus.AT_RISK) // 4 of 6, 32 days left
          .containsEntry("hastighetskontroller", ProgressStatus.MET) // 22 of 20
          .containsEntry("trygghetsvandring", ProgressStatus.AT_RISK) // 2 of 3, 32 days left
          .containsEntry("information-15-aringar", ProgressStatus.ENDED_UNMET); // 1 of 2, ended
      var presence =
          f.service.progress(DemoCommitments.WORKSPACE, "narvaro-resecentrum-parken", TODAY);
      List<Activity> log =
          f.service.listActivities(DemoCommitments.WORKSPACE, "narvaro-resecentrum-parken");
      // invariants: done is the sum of counting activities, and every counting presence activity
      // has a location inside one of the two places, so the places add up to the total
      assertThat(presence.total().done())
          .isEqualTo(log.stream().filter(Activity::counts).mapToLong(Activity::count).sum());
      assertThat(presence.perPlace().stream().mapToLong(p -> p.progress().done()).sum())
          .isEqualTo(presence.total().done());
      assertThat(presence.outsidePlaces()).isPositive();
      assertThat(presence.total().done())
          .isGreaterThanOrEqualTo((long) Math.ceil(presence.total().expectedByNow()));
    }
  }

  @Test
  void reinstalling_gives_the_same_log_and_figures() {
    try (Fixture f = new Fixture(dir, DemoCommitments.WORKSPACE, NOW)) {
      f.addPlaces(DemoCommitments.WORKSPACE);
      DemoCommitments demo =
          new DemoCommitments(f.service, f.workspaces, Clock.fixed(NOW, ZoneOffset.UTC));
      demo.install();
      var first =
          f.service.progress(DemoCommitments.WORKSPACE, "narvaro-resecentrum-parken", TODAY);
      demo.install();
      assertThat(f.service.progress(DemoCommitments.WORKSPACE, "narvaro-resecentrum-parken", TODAY))
          .isEqualTo(first);
    }
  }

  @Test
  void demo_presence_covers_the_travel_centre_hotspot() {
    try (Fixture f = new Fixture(dir, DemoCommitments.WORKSPACE, NOW)) {
      f.addPlaces(DemoCommitments.WORKSPACE);
      List<Incident> incidents = new ArrayList<>();
      // 15 drug incidents in Resecentrum's square, 6 two kilometres away
      for (int i = 0; i < 15; i++) {
        incidents.add(
            Fixture.incident(
                "rc" + i,
                Fixture.X0 + 20 + i * 4,
                Fixture.Y0 + 50,
                Instant.parse("2026-03-01T21:00:00Z"),
                "drugs"));
      }
      for (int i = 0; i < 6; i++) {
        incidents.add(
            Fixture.incident(
                "far" + i,
                Fixture.X0 + 2050 + i,
                Fixture.Y0 + 2050,
                Instant.parse("2026-03-01T21:00:00Z"),
                "theft"));
      }
      f.addIncidents(DemoCommitments.WORKSPACE, incidents);
      new DemoCommitments(f.service, f.workspaces, Clock.fixed(NOW, ZoneOffset.UTC)).install();
      var coverage =
          f.service.coverage(
              DemoCommitments.WORKSPACE,
              TimeRange.of(Instant.parse("2026-01-01T00:00:00Z"), NOW),
              2);
      assertThat(coverage.sites()).hasSize(2);
      assertThat(coverage.sites().get(0).site().eventCount()).isEqualTo(15);
      assertThat(coverage.sites().get(0).coveredBy())
          .extracting(r -> r.commitmentId() + "/" + r.placeName())
          .contains("narvaro-resecentrum-parken/Resecentrum");
      assertThat(coverage.uncovered()).extracting(s -> s.eventCount()).containsExactly(6L);
    }
  }

  @Test
  void without_the_demo_places_installation_fails_with_not_found_and_stores_nothing() {
    try (Fixture f = new Fixture(dir, DemoCommitments.WORKSPACE, NOW)) {
      assertThatThrownBy(
              () ->
                  new DemoCommitments(f.service, f.workspaces, Clock.fixed(NOW, ZoneOffset.UTC))
                      .install())
          .isInstanceOfSatisfying(
              DomainException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND);
                assertThat(e.getMessage()).contains("Resecentrum");
              });
      assertThat(f.service.listCommitments(DemoCommitments.WORKSPACE)).isEmpty();
    }
  }
}
