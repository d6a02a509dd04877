package se.tryggkarta.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.AppConfig;
import se.tryggkarta.Wiring;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.demo.ExempelbyGenerator;
import se.tryggkarta.ingest.ImportFormat;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.layer.LayerRecord;
import se.tryggkarta.route.osm.AttributeMapping;
import se.tryggkarta.workspace.Workspace;

/** A municipal road layer delivered as a GeoPackage becomes the workspace's street network. */
class GeoPackageNetworkImportTest {
  /** Lengths agree to a millimetre per kilometre: the same coordinates, read back from a file. */
  private static final double LENGTH_TOLERANCE = 1e-6;

  @TempDir Path dir;

  @Test
  void a_geopackage_line_layer_imports_as_the_same_network_it_was_exported_from() throws Exception {
    try (Wiring w = open()) {
      ExempelbyGenerator.populateIfAbsent(w.store());
      String demo = ExempelbyGenerator.WORKSPACE_ID;
      Path gpkg = dir.resolve("vagnat.gpkg");
      try (OutputStream out = Files.newOutputStream(gpkg)) {
        w.exports().export(demo, Layer.STREETS, ImportFormat.GPKG, false, out);
      }
      w.workspaces().create(Workspace.of("kopia", "Kopia"));

      ImportSummary copy =
          w.networks().importFile("kopia", gpkg, Optional.empty(), AttributeMapping.DEFAULT);

      NetworkSummary original = w.networks().summary(demo);
      assertThat(copy.streets()).isEqualTo(ExempelbyGenerator.data().streets().size());
      assertThat(copy.walkableEdges()).isEqualTo(original.edges());
      assertThat(copy.totalLengthMeters())
          .isCloseTo(
              original.totalLengthMeters(),
              org.assertj.core.data.Percentage.withPercentage(100 * LENGTH_TOLERANCE));
      assertThat(ids(w, "kopia")).isEqualTo(ids(w, demo));
    }
  }

  @Test
  void a_file_that_is_not_a_geopackage_but_says_so_is_rejected() throws Exception {
    try (Wiring w = open()) {
      w.workspaces().create(Workspace.of("tom", "Tom"));
      Path bogus = dir.resolve("bogus.gpkg");
      Files.writeString(bogus, "SQLite format 3\u0000 but nothing else");
      assertThatThrownBy(
              () ->
                  w.networks().importFile("tom", bogus, Optional.empty(), AttributeMapping.DEFAULT))
          .isInstanceOf(DomainException.class);
      assertThat(ids(w, "tom")).isEmpty();
    }
  }

  private Wiring open() {
    return Wiring.open(
        new AppConfig(dir, 0, Optional.empty(), Optional.empty(), List.of(), 1L << 30));
  }

  private static Set<String> ids(Wiring w, String ws) {
    return w.store().query(ws, Layer.STREETS, LayerQuery.ALL.withPage(10_000, 0)).items().stream()
        .map(LayerRecord::externalId)
        .collect(Collectors.toSet());
  }
}
