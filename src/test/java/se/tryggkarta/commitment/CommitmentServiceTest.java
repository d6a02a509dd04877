package se.tryggkarta.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.commitment.progress.ProgressStatus;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.store.geopackage.GeoPackageStore;

/** The service on a real GeoPackage store: persistence, validation, attribution, time zone. */
class CommitmentServiceTest {
  @TempDir Path dir;
  Fixture f;

  @BeforeEach
  void open() {
    f = new Fixture(dir, Fixture.WS, Instant.parse("2024-06-01T10:00:00Z"));
    f.addPlaces(Fixture.WS);
  }

  @AfterEach
  void close() {
    f.close();
  }

  private Commitment twoPlaces() {
    return Fixture.presence(
        "narvaro",
        "2024-01-01",
        "2024-12-31",
        366,
        List.of(CommitmentPlace.named("Resecentrum", 50), CommitmentPlace.named("Parken", 0)));
  }

  @Test
  void commitment_round_trips_through_the_geopackage_store_with_resolved_places() {
    Commitment stored = f.service.create(Fixture.WS, twoPlaces());
    f.close();
    try (GeoPackageStore reopened = GeoPackageStore.open(dir.resolve("t.gpkg"))) {
      String json =
          reopened
              .findDocument(CommitmentService.COMMITMENTS, Fixture.WS, "narvaro")
              .orElseThrow()
              .json();
      Commitment read = CommitmentJson.readCommitment(json);
      assertThat(read).isEqualTo(stored);
      assertThat(read.places()).allSatisfy(p -> assertThat(p.geometryWgs84()).isPresent());
      assertThat(read.places().get(0).placeId()).contains("p-rc");
    }
    f = new Fixture(dir.resolve("again"), Fixture.WS, Instant.parse("2024-06-01T10:00:00Z"));
  }

  @Test
  void a_place_missing_from_the_places_layer_is_rejected_naming_it_and_nothing_is_stored() {
    Commitment c =
        Fixture.presence(
            "x", "2024-01-01", "2024-12-31", 5, List.of(CommitmentPlace.named("Torget", 0)));
    assertThatThrownBy(() -> f.service.create(Fixture.WS, c))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).contains("places/0/name"));
    assertThat(f.service.listCommitments(Fixture.WS)).isEmpty();
  }

  @Test
  void creating_an_existing_id_is_a_conflict() {
    f.service.create(Fixture.WS, twoPlaces());
    assertThatThrownBy(() -> f.service.create(Fixture.WS, twoPlaces()))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT));
  }

  @Test
  void location_inside_the_buffer_is_attributed_to_that_place() {
    f.service.create(Fixture.WS, twoPlaces());
    Instant t = Instant.parse("2024-03-01T12:00:00Z");
    // 30 m east of Resecentrum's east edge: inside its 50 m buffer
    Activity a =
        f.service.logActivity(
            Fixture.WS,
            "narvaro",
            Fixture.at(
                "a1",
                "narvaro",
                t,
                Optional.of(Fixture.lonLat(Fixture.X0 + 130, Fixture.Y0 + 50)),
                false));
    assertThat(a.place()).contains("Resecentrum");
    // inside Parken itself
    Activity b =
        f.service.logActivity(
            Fixture.WS,
            "narvaro",
            Fixture.at(
                "a2",
                "narvaro",
                t,
                Optional.of(Fixture.lonLat(Fixture.X0 + 1050, Fixture.Y0 + 50)),
                false));
    assertThat(b.place()).contains("Parken");
  }

  @Test
  void location_outside_every_place_is_rejected_unless_flagged_and_then_does_not_count() {
    f.service.create(Fixture.WS, twoPlaces());
    Instant t = Instant.parse("2024-03-01T12:00:00Z");
    // 70 m east of Resecentrum: outside its 50 m buffer, far from Parken
    var far = Optional.of(Fixture.lonLat(Fixture.X0 + 170, Fixture.Y0 + 50));
    assertThatThrownBy(
            () ->
                f.service.logActivity(
                    Fixture.WS, "narvaro", Fixture.at("o1", "narvaro", t, far, false)))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).contains("location"));
    assertThat(f.service.listActivities(Fixture.WS, "narvaro")).isEmpty();
    Activity kept =
        f.service.logActivity(Fixture.WS, "narvaro", Fixture.at("o2", "narvaro", t, far, true));
    assertThat(kept.place()).isEmpty();
    assertThat(kept.outsidePlaces()).isTrue();
    var progress = f.service.progress(Fixture.WS, "narvaro", LocalDate.parse("2024-06-01"));
    assertThat(progress.total().done()).isZero();
    assertThat(progress.outsidePlaces()).isEqualTo(1);
  }

  @Test
  void the_period_is_read_in_the_workspace_time_zone() {
    f.service.create(
        Fixture.WS, Fixture.presence("april", "2021-04-01", "2021-12-31", 10, List.of()));
    // Stockholm is UTC+2 from 28 March 2021: 22:30Z on 31 March is 00:30 on 1 April
    f.service.logActivity(
        Fixture.WS,
        "april",
        Fixture.at("in", "april", Instant.parse("2021-03-31T22:30:00Z"), Optional.empty(), false));
    // 21:30Z is 23:30 on 31 March, before the period
    assertThatThrownBy(
            () ->
                f.service.logActivity(
                    Fixture.WS,
                    "april",
                    Fixture.at(
                        "out",
                        "april",
                        Instant.parse("2021-03-31T21:30:00Z"),
                        Optional.empty(),
                        false)))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).contains("occurredAt"));
    // 22:30Z on 30 April is 00:30 on 1 May: not counted as of 30 April
    f.service.logActivity(
        Fixture.WS,
        "april",
        Fixture.at("may", "april", Instant.parse("2021-04-30T22:30:00Z"), Optional.empty(), false));
    assertThat(
            f.service.progress(Fixture.WS, "april", LocalDate.parse("2021-04-30")).total().done())
        .isEqualTo(1);
    assertThat(
            f.service.progress(Fixture.WS, "april", LocalDate.parse("2021-05-01")).total().done())
        .isEqualTo(2);
  }

  @Test
  void progress_is_given_in_total_and_per_place() {
    Commitment c =
        Fixture.presence(
            "narvaro",
            "2024-01-01",
            "2024-12-31",
            366,
            List.of(
                new CommitmentPlace(
                    "Resecentrum",
                    Optional.empty(),
                    Optional.empty(),
                    50,
                    java.util.OptionalLong.of(200)),
                CommitmentPlace.named("Parken", 0)));
    f.service.create(Fixture.WS, c);
    Instant t = Instant.parse("2024-01-15T12:00:00Z");
    var rc = Optional.of(Fixture.lonLat(Fixture.X0 + 50, Fixture.Y0 + 50));
    var park = Optional.of(Fixture.lonLat(Fixture.X0 + 1050, Fixture.Y0 + 50));
    for (int i = 0; i < 40; i++) {
      f.service.logActivity(Fixture.WS, "narvaro", Fixture.at("r" + i, "narvaro", t, rc, false));
    }
    for (int i = 0; i < 20; i++) {
      f.service.logActivity(Fixture.WS, "narvaro", Fixture.at("p" + i, "narvaro", t, park, false));
    }
    // 29 Feb 2024 is day 60 of 366: expected 60 in total, done 60 → on track
    var p = f.service.progress(Fixture.WS, "narvaro", LocalDate.parse("2024-02-29"));
    assertThat(p.total().done()).isEqualTo(60);
    assertThat(p.total().status()).isEqualTo(ProgressStatus.ON_TRACK);
    assertThat(p.perPlace()).hasSize(2);
    // Resecentrum: 40 of 200, expected 200·60/366 = 32.8 → on track
    assertThat(p.perPlace().get(0).progress().done()).isEqualTo(40);
    assertThat(p.perPlace().get(0).progress().status()).isEqualTo(ProgressStatus.ON_TRACK);
    assertThat(p.perPlace().get(1).progress().done()).isEqualTo(20);
    assertThat(p.perPlace().get(1).progress().status()).isEqualTo(ProgressStatus.NO_TARGET);
  }

  @Test
  void a_patrol_log_with_one_bad_row_imports_nothing_and_names_the_line() {
    f.service.create(Fixture.WS, twoPlaces());
    var rc = Fixture.lonLat(Fixture.X0 + 50, Fixture.Y0 + 50);
    String csv =
        "occurred_at,count,lon,lat,note\n"
            + "2024-02-01T18:00,2,"
            + rc.lon()
            + ","
            + rc.lat()
            + ",kväll\n"
            + "2025-02-01T18:00,1,,,efter perioden\n"
            + "2024-02-03,1,,,\n";
    assertThatThrownBy(() -> f.service.importActivities(Fixture.WS, "narvaro", csv))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.errors()).hasSize(1);
              assertThat(e.errors().get(0).record()).contains(3L);
              assertThat(e.errors().get(0).field()).isEqualTo("occurredAt");
            });
    assertThat(f.service.listActivities(Fixture.WS, "narvaro")).isEmpty();
    String good = csv.replace("2025-02-01", "2024-02-02");
    assertThat(f.service.importActivities(Fixture.WS, "narvaro", good)).hasSize(3);
    var p = f.service.progress(Fixture.WS, "narvaro", LocalDate.parse("2024-03-01"));
    assertThat(p.total().done()).isEqualTo(4);
    assertThat(p.perPlace().get(0).progress().done()).isEqualTo(2);
  }

  @Test
  void replacing_a_commitment_with_a_period_that_excludes_its_activities_is_rejected() {
    f.service.create(Fixture.WS, twoPlaces());
    f.service.logActivity(
        Fixture.WS,
        "narvaro",
        Fixture.at("a", "narvaro", Instant.parse("2024-03-01T12:00:00Z"), Optional.empty(), false));
    Commitment shorter =
        Fixture.presence("narvaro", "2024-06-01", "2024-12-31", 10, twoPlaces().places());
    assertThatThrownBy(() -> f.service.replace(Fixture.WS, "narvaro", shorter))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).contains("periodStart"));
    assertThat(f.service.getCommitment(Fixture.WS, "narvaro").periodStart())
        .isEqualTo(LocalDate.parse("2024-01-01"));
  }

  @Test
  void deleting_a_commitment_deletes_its_activities() {
    f.service.create(Fixture.WS, twoPlaces());
    f.service.logActivity(
        Fixture.WS,
        "narvaro",
        Fixture.at("a", "narvaro", Instant.parse("2024-03-01T12:00:00Z"), Optional.empty(), false));
    f.service.delete(Fixture.WS, "narvaro");
    assertThat(f.store.listDocuments(CommitmentService.ACTIVITIES, Fixture.WS)).isEmpty();
  }

  @Test
  void export_then_import_gives_the_same_commitments() {
    f.service.create(Fixture.WS, twoPlaces());
    f.service.create(
        Fixture.WS, Fixture.presence("info", "2024-01-01", "2025-12-31", -1, List.of()));
    String exported = CommitmentJson.writeAll(f.service.listCommitments(Fixture.WS));
    f.service.delete(Fixture.WS, "narvaro");
    f.service.delete(Fixture.WS, "info");
    f.service.importCommitments(Fixture.WS, CommitmentJson.readCommitments(exported));
    assertThat(CommitmentJson.writeAll(f.service.listCommitments(Fixture.WS))).isEqualTo(exported);
  }
}
