package se.tryggkarta.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.commitment.link.Coverage;
import se.tryggkarta.commitment.link.IncidentGridSites;
import se.tryggkarta.commitment.link.PlaceChange;
import se.tryggkarta.commitment.progress.ProgressStatus;
import se.tryggkarta.commitment.report.FollowUp;
import se.tryggkarta.commitment.report.FollowUpHtml;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.demo.DemoCommitments;
import se.tryggkarta.demo.ExempelbyGenerator;
import se.tryggkarta.store.geopackage.GeoPackageStore;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * The demo commitments on the real demo town (ExempelbyGenerator, seeded): the night hotspots it
 * plants at Resecentrum and Parken are covered by the presence promise, the dark footpath's are
 * not, and the report renders.
 */
class DemoExempelbyIT {
  static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
  @TempDir Path dir;

  @Test
  void demo_town_commitments_cover_the_planted_hotspots_and_report_them() {
    try (GeoPackageStore store = GeoPackageStore.open(dir.resolve("demo.gpkg"))) {
      ExempelbyGenerator.populate(store);
      WorkspaceService workspaces = new WorkspaceService(store);
      Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
      CommitmentService service =
          new CommitmentService(workspaces, store, store, new IncidentGridSites(store, 200), clock);
      new DemoCommitments(service, workspaces, clock).install();
      LocalDate today = LocalDate.parse("2026-11-29");
      assertThat(
              service.progress("exempelby", "narvaro-resecentrum-parken", today).total().status())
          .isEqualTo(ProgressStatus.ON_TRACK);
      assertThat(service.progress("exempelby", "hastighetskontroller", today).total().status())
          .isEqualTo(ProgressStatus.MET);

      TimeRange year2025 =
          TimeRange.of(
              Instant.parse("2024-12-31T23:00:00Z"), Instant.parse("2025-12-31T23:00:00Z"));
      Coverage coverage = service.coverage("exempelby", year2025, 10);
      assertThat(coverage.sites()).hasSize(10);
      List<String> coveredPlaces =
          coverage.sites().stream()
              .flatMap(s -> s.coveredBy().stream())
              .filter(r -> r.commitmentId().equals("narvaro-resecentrum-parken"))
              .map(Coverage.PlaceRef::placeName)
              .distinct()
              .toList();
      assertThat(coveredPlaces).containsExactlyInAnyOrder("Resecentrum", "Parken");
      assertThat(coverage.sites().get(0).covered())
          .as("the strongest site is a promised place")
          .isTrue();
      assertThat(coverage.uncovered())
          .as("the dark footpath's hotspot has no promise")
          .isNotEmpty();

      // change figures exist for every place of every commitment with places
      List<PlaceChange> changes = service.changes("exempelby", today, 500);
      assertThat(changes).hasSize(4);
      assertThat(changes).allSatisfy(c -> assertThat(c.figures()).isPresent());

      var report =
          new FollowUp(service, workspaces, clock)
              .build(
                  "exempelby",
                  java.util.Optional.of(LocalDate.parse("2025-01-01")),
                  java.util.Optional.of(LocalDate.parse("2026-01-01")),
                  false);
      assertThat(report.commitments()).hasSize(5);
      String html =
          FollowUpHtml.render(
              report,
              se.tryggkarta.common.Lang.SV,
              se.tryggkarta.place.PlaceIndex.empty(),
              java.time.ZoneId.of("Europe/Stockholm"));
      assertThat(html).contains("Polisnärvaro vid resecentrum och i parken", "<svg", "Uppfyllt");
      assertThat(html).doesNotContain("Riktad insats, flera kontroller.");
    }
  }
}
