package se.tryggkarta.lighting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.Lang;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.lighting.coverage.CoverageSettings;
import se.tryggkarta.lighting.priority.NightWindow;
import se.tryggkarta.lighting.priority.Priority;
import se.tryggkarta.lighting.priority.PriorityKind;
import se.tryggkarta.lighting.priority.PriorityWeights;
import se.tryggkarta.store.Store;
import se.tryggkarta.store.geopackage.GeoPackageStore;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LightingServiceTest {
  @TempDir static Path dir;
  Store store;
  LightingService lighting;

  @BeforeAll
  void seed() {
    store = GeoPackageStore.open(dir.resolve("t.gpkg"));
    store.createWorkspace(Workspace.of("town", "Town"));
    store.createWorkspace(Workspace.of("empty", "Empty"));
    store.createWorkspace(Workspace.of("nolamps", "No lamps"));
    LightingTown.write(store, "town");
    LightingTown.writeAll(
        store,
        "nolamps",
        se.tryggkarta.layer.Layer.STREETS,
        List.of(
            LightingTown.segment(
                "s1", "residential", se.tryggkarta.layer.Lit.UNKNOWN, 0, 0, 100, 0)));
    lighting = new LightingService(new WorkspaceService(store), store);
  }

  @AfterAll
  void close() {
    store.close();
  }

  private static List<Priority> ofKind(PriorityList list, PriorityKind kind) {
    return list.priorities().stream().filter(p -> p.kind() == kind).toList();
  }

  @Test
  void
      the_dark_park_path_is_the_first_stretch_to_light_and_travel_centre_lamps_the_first_repairs() {
    PriorityList list = lighting.priorities("town", LightingRequest.DEFAULT);
    List<Priority> lights = ofKind(list, PriorityKind.NEW_LIGHT);
    List<Priority> repairs = ofKind(list, PriorityKind.REPAIR);
    assertThat(lights.get(0).segmentId()).contains(LightingTown.PARK_PATH);
    assertThat(lights.get(0).darknessReports()).isEqualTo(5);
    assertThat(repairs.subList(0, 4))
        .extracting(p -> p.lampId().orElseThrow())
        .containsExactlyInAnyOrderElementsOf(LightingTown.TRAVEL_CENTRE_LAMPS);
    assertThat(repairs.get(repairs.size() - 1).lampId()).contains(LightingTown.LONELY_BROKEN_LAMP);
    assertThat(lights.get(0).explanation().in(Lang.EN))
        .contains("Parkstigen")
        .contains("darkness report");
    assertThat(lights.get(0).explanation().in(Lang.SV))
        .contains("Parkstigen")
        .contains("rapporter om mörker")
        .contains("Poäng = ");
    assertThat(list.nightIncidents()).isEqualTo(80);
  }

  @Test
  void daytime_incidents_do_not_count_unless_the_window_asks_for_daytime() {
    PriorityList night = lighting.priorities("town", LightingRequest.DEFAULT);
    Priority industri =
        night.priorities().stream()
            .filter(p -> p.segmentId().orElse("").equals(LightingTown.INDUSTRIGATAN))
            .findFirst()
            .orElseThrow();
    assertThat(industri.nightIncidents()).isZero();
    LightingRequest day =
        new LightingRequest(
            CoverageSettings.DEFAULT,
            new NightWindow(6, 18, NightWindow.Season.YEAR),
            PriorityWeights.DEFAULT,
            TimeRange.ALL);
    List<Priority> lights = ofKind(lighting.priorities("town", day), PriorityKind.NEW_LIGHT);
    assertThat(lights.get(0).segmentId()).contains(LightingTown.INDUSTRIGATAN);
  }

  @Test
  void the_ranking_and_its_ids_are_the_same_in_every_run() {
    List<String> a =
        lighting.priorities("town", LightingRequest.DEFAULT).priorities().stream()
            .map(Priority::id)
            .toList();
    List<String> b =
        lighting.priorities("town", LightingRequest.DEFAULT).priorities().stream()
            .map(Priority::id)
            .toList();
    assertThat(a).isEqualTo(b).doesNotHaveDuplicates();
  }

  @Test
  void coverage_of_the_town_counts_the_dark_park_path_and_the_broken_lamps() {
    var c = lighting.coverage("town", CoverageSettings.DEFAULT).result();
    assertThat(c.summary().brokenLamps()).isEqualTo(5);
    assertThat(c.summary().darkBrokenMeters()).isGreaterThan(0);
    assertThat(c.summary().litShare()).isBetween(0.85, 0.99);
    assertThat(c.darkStretches())
        .anySatisfy(d -> assertThat(d.street().id()).isEqualTo(LightingTown.PARK_PATH));
  }

  @Test
  void repairing_the_travel_centre_lamps_raises_coverage_and_lowers_the_area_score() {
    WhatIfResult r =
        lighting.whatIf(
            "town",
            LightingRequest.DEFAULT,
            new PlannedChange(LightingTown.TRAVEL_CENTRE_LAMPS, List.of()));
    assertThat(r.workspaceAfter().litMeters()).isGreaterThan(r.workspaceBefore().litMeters());
    assertThat(r.areaAfter().darkBrokenMeters()).isZero();
    assertThat(r.areaScoreAfter()).isLessThan(r.areaScoreBefore());
    assertThat(r.resolvedPriorityIds())
        .containsAll(LightingTown.TRAVEL_CENTRE_LAMPS.stream().map(id -> "repair-" + id).toList());
  }

  @Test
  void a_new_lamp_on_the_park_path_lights_up_to_50_m_of_it() {
    WhatIfResult r =
        lighting.whatIf(
            "town",
            LightingRequest.DEFAULT,
            new PlannedChange(List.of(), List.of(LightingTown.at(650, 650))));
    double gained = r.workspaceAfter().litMeters() - r.workspaceBefore().litMeters();
    assertThat(gained).isCloseTo(50, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(r.areaScoreAfter()).isLessThan(r.areaScoreBefore());
  }

  @Test
  void what_if_rejects_an_unknown_or_working_lamp_naming_the_field() {
    assertThatThrownBy(
            () ->
                lighting.whatIf(
                    "town", LightingRequest.DEFAULT, new PlannedChange(List.of("nope"), List.of())))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).contains("repair"));
    assertThatThrownBy(
            () ->
                lighting.whatIf(
                    "town",
                    LightingRequest.DEFAULT,
                    new PlannedChange(List.of("lamp-h-0-15"), List.of())))
        .isInstanceOf(DomainException.class);
  }

  @Test
  void no_network_no_lamps_and_no_workspace_are_refused_saying_what_is_missing() {
    assertThatThrownBy(() -> lighting.coverage("empty", CoverageSettings.DEFAULT))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.UNPROCESSABLE);
              assertThat(e.field()).contains("streets");
            });
    assertThatThrownBy(() -> lighting.priorities("nolamps", LightingRequest.DEFAULT))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.UNPROCESSABLE);
              assertThat(e.field()).contains("lamps");
            });
    assertThatThrownBy(() -> lighting.coverage("nowhere", CoverageSettings.DEFAULT))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
  }
}
