package se.tryggkarta.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.layer.LayerRecord;
import se.tryggkarta.store.geopackage.GeoPackageStore;
import se.tryggkarta.workspace.Workspace;

/** Populates a real GeoPackage store in a temporary directory and reads everything back. */
class ExempelbyStoreIT {
  @TempDir Path dir;

  private final ExempelbyData data = ExempelbyGenerator.data();

  @Test
  void populateStoresTheWorkspaceAndEveryLayerWithTheGeneratedCounts() {
    try (GeoPackageStore store = GeoPackageStore.open(dir.resolve("demo.gpkg"))) {
      ExempelbyGenerator.populate(store);

      Workspace ws = store.findWorkspace(ExempelbyGenerator.WORKSPACE_ID).orElseThrow();
      assertThat(ws.name()).isEqualTo("Exempelby (syntetisk demo)");
      assertThat(ws.publicAccess()).isTrue();
      assertThat(ws.crs().epsg()).isEqualTo(3006);
      assertThat(
              ws.boundaryWgs84().orElseThrow().equalsExact(data.workspace().boundaryWgs84().get()))
          .isTrue();
      for (Layer layer : Layer.values()) {
        assertThat(count(store, layer)).as(layer.slug()).isEqualTo(data.records(layer).size());
      }
    }
  }

  @Test
  void storedRecordsReadBackEqualToTheGeneratedOnesAfterReopening() {
    Path file = dir.resolve("reopen.gpkg");
    try (GeoPackageStore store = GeoPackageStore.open(file)) {
      ExempelbyGenerator.populate(store);
    }
    try (GeoPackageStore store = GeoPackageStore.open(file)) {
      for (Layer layer : Set.of(Layer.INCIDENTS, Layer.LAMPS, Layer.UNSAFE_PLACES)) {
        for (LayerRecord expected : data.records(layer).subList(0, 50)) {
          assertThat(
                  store.findRecord(ExempelbyGenerator.WORKSPACE_ID, layer, expected.externalId()))
              .contains(expected);
        }
      }
      LayerRecord dark =
          store
              .findRecord(
                  ExempelbyGenerator.WORKSPACE_ID,
                  Layer.STREETS,
                  ExempelbyGenerator.DARK_STRETCH_ID)
              .orElseThrow();
      assertThat(dark.extra()).containsEntry("synthetic", true);
      assertThat(dark.geometryWgs84().getCoordinates())
          .isEqualTo(
              data.streets().stream()
                  .filter(s -> s.externalId().equals(ExempelbyGenerator.DARK_STRETCH_ID))
                  .findFirst()
                  .orElseThrow()
                  .geometryWgs84()
                  .getCoordinates());
    }
  }

  @Test
  void populateIfAbsentCreatesOnceAndThenLeavesTheWorkspaceUntouched() {
    try (GeoPackageStore store = GeoPackageStore.open(dir.resolve("idem.gpkg"))) {
      assertThat(ExempelbyGenerator.populateIfAbsent(store)).isTrue();
      long version = store.dataVersion(ExempelbyGenerator.WORKSPACE_ID);
      String someIncident = data.incidents().get(0).externalId();
      store.deleteRecord(ExempelbyGenerator.WORKSPACE_ID, Layer.INCIDENTS, someIncident);
      long afterDelete = store.dataVersion(ExempelbyGenerator.WORKSPACE_ID);

      assertThat(ExempelbyGenerator.populateIfAbsent(store)).isFalse();

      assertThat(afterDelete).isNotEqualTo(version);
      assertThat(store.dataVersion(ExempelbyGenerator.WORKSPACE_ID)).isEqualTo(afterDelete);
      assertThat(count(store, Layer.INCIDENTS)).isEqualTo(data.incidents().size() - 1);
      assertThat(count(store, Layer.LAMPS)).isEqualTo(data.lamps().size());
      assertThat(store.listWorkspaces()).hasSize(1);
    }
  }

  @Test
  void populateOnAStoreThatHasTheWorkspaceAnswersConflict() {
    try (GeoPackageStore store = GeoPackageStore.open(dir.resolve("conflict.gpkg"))) {
      store.createWorkspace(Workspace.of(ExempelbyGenerator.WORKSPACE_ID, "Someone else's"));
      assertThatThrownBy(() -> ExempelbyGenerator.populate(store))
          .isInstanceOf(DomainException.class)
          .extracting(e -> ((DomainException) e).kind())
          .isEqualTo(ErrorKind.CONFLICT);
      assertThat(count(store, Layer.INCIDENTS)).isZero();
      assertThat(store.findWorkspace(ExempelbyGenerator.WORKSPACE_ID).orElseThrow().name())
          .isEqualTo("Someone else's");
    }
  }

  private static long count(GeoPackageStore store, Layer layer) {
    return store
        .query(ExempelbyGenerator.WORKSPACE_ID, layer, LayerQuery.ALL.withPage(1, 0))
        .total();
  }
}
