package se.tryggkarta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.Fixtures;
import se.tryggkarta.Main;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.store.geopackage.GeoPackageStore;
import se.tryggkarta.workspace.Workspace;

/** The workspace life cycle from the command line alone, on an empty data directory. */
class WorkspacesCommandTest {
  /** SCB's own figure for Kungälv (SOURCE.md of the boundaries), 366.8 km²; 6-decimal WGS84. */
  static final double KUNGALV_KM2 = 366.8;

  static final double AREA_TOLERANCE_KM2 = 0.2;

  @TempDir Path dir;

  /** Runs a command line and returns what it printed on standard output, with its exit code. */
  record Run(int exit, String out) {}

  private Run run(String... args) {
    PrintStream saved = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      int exit = Main.run(args);
      return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(saved);
    }
  }

  private String data() {
    return dir.resolve("data").toString();
  }

  @Test
  void workspaces_create_with_an_scb_boundary_then_import_works_from_the_cli_alone()
      throws IOException {
    Run created =
        run(
            "workspaces",
            "create",
            "kungalv",
            "--data",
            data(),
            "--name",
            "Kungälv",
            "--boundary",
            Fixtures.SCB_KOMMUNER_WGS84.toString(),
            "--boundary-where",
            "name=Kungälv");
    assertThat(created.exit()).as(created.out()).isZero();
    assertThat(created.out()).contains("created workspace kungalv (Kungälv)", "EPSG:3006");

    Run imported =
        run(
            "import",
            "--data",
            data(),
            "--workspace",
            "kungalv",
            "--layer",
            "incidents",
            "--on-invalid",
            "skip",
            "--no-progress",
            Fixtures.POLISEN_GOTEBORG_BOHUSLAN.toString());
    assertThat(imported.exit()).isZero();

    // Oracle: the events Polisen placed in Kungälv (its centroid lies inside SCB's outline; the
    // neighbours' centroids lie farther than the 1 km tolerance).
    long kungalvEvents;
    try (var it =
        new CsvMapper()
            .readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader())
            .<Map<String, String>>readValues(Fixtures.POLISEN_GOTEBORG_BOHUSLAN.toFile())) {
      kungalvEvents =
          it.readAll().stream().filter(e -> e.get("location_name").equals("Kungälv")).count();
    }
    assertThat(kungalvEvents).isEqualTo(99);
    assertThat(imported.out()).contains("kungalv/incidents: read 1898, stored 99");

    Run layers = run("layers", "list", "--data", data(), "--workspace", "kungalv");
    assertThat(layers.exit()).isZero();
    assertThat(layers.out()).containsPattern("(?m)^incidents\\s+99\\s");
    assertThat(layers.out()).containsPattern("(?m)^lamps\\s+0\\s");

    try (GeoPackageStore store = GeoPackageStore.open(dir.resolve("data/tryggkarta.gpkg"))) {
      Workspace w = store.findWorkspace("kungalv").orElseThrow();
      assertThat(w.crs().fromWgs84(w.boundaryWgs84().orElseThrow()).getArea() / 1e6)
          .isCloseTo(KUNGALV_KM2, within(AREA_TOLERANCE_KM2));
      assertThat(store.query("kungalv", Layer.INCIDENTS, LayerQuery.ALL).total()).isEqualTo(99);
    }
  }

  @Test
  void list_show_and_delete_follow_the_life_cycle() {
    assertThat(run("workspaces", "create", "orust", "--data", data(), "--name", "Orust").exit())
        .isZero();
    assertThat(
            run(
                    "workspaces",
                    "create",
                    "tjorn",
                    "--data",
                    data(),
                    "--name",
                    "Tjörn",
                    "--public",
                    "--time-zone",
                    "Europe/Oslo",
                    "--night",
                    "20-05")
                .exit())
        .isZero();

    Run list = run("workspaces", "list", "--data", data());
    assertThat(list.exit()).isZero();
    assertThat(list.out().lines().skip(1).map(l -> l.split("\\s+")[0]).toList())
        .containsExactlyInAnyOrder("orust", "tjorn");
    assertThat(list.out()).contains("Europe/Oslo", "Tjörn");

    Run show = run("workspaces", "show", "tjorn", "--data", data());
    assertThat(show.exit()).isZero();
    assertThat(show.out())
        .contains(
            "tjorn: Tjörn",
            "public:     yes (cells of at least 5 events, 100 m or coarser)",
            "night:      20-05")
        .containsPattern("(?m)^incidents\\s+0\\s");

    assertThat(run("workspaces", "delete", "orust", "--data", data()).exit())
        .as("without --yes nothing is deleted")
        .isEqualTo(2);
    assertThat(run("workspaces", "show", "orust", "--data", data()).exit()).isZero();
    assertThat(run("workspaces", "delete", "orust", "--yes", "--data", data()).exit()).isZero();
    assertThat(run("workspaces", "show", "orust", "--data", data()).exit()).isEqualTo(4);
    assertThat(run("workspaces", "list", "--data", data()).out()).doesNotContain("orust");
  }

  @Test
  void bad_input_exits_with_its_code_and_stores_nothing() throws IOException {
    Path notGeoJson = Files.writeString(dir.resolve("b.geojson"), "{\"type\": \"Feature\"");
    List<List<String>> bad =
        List.of(
            List.of("workspaces", "create", "Kungälv", "--name", "K"),
            List.of("workspaces", "create", "k2", "--name", "K", "--crs", "EPSG:4326"),
            List.of("workspaces", "create", "k3", "--name", "K", "--time-zone", "Mars/Olympus"),
            List.of("workspaces", "create", "k4", "--name", "K", "--boundary", "missing.geojson"),
            List.of(
                "workspaces", "create", "k5", "--name", "K", "--boundary", notGeoJson.toString()),
            List.of(
                "workspaces",
                "create",
                "k6",
                "--name",
                "K",
                "--boundary",
                Fixtures.SCB_KOMMUNER_WGS84.toString(),
                "--boundary-where",
                "name=Atlantis"),
            List.of("workspaces", "create", "k7", "--name", " "),
            List.of("workspaces", "create", "k8", "--name", "K", "--night", "18"));
    for (List<String> args : bad) {
      String[] withData =
          java.util.stream.Stream.concat(
                  args.stream(), java.util.stream.Stream.of("--data", data()))
              .toArray(String[]::new);
      assertThat(Main.run(withData)).as(String.join(" ", args)).isEqualTo(2);
    }
    assertThat(run("workspaces", "list", "--data", data()).out().lines().count()).isEqualTo(1);

    assertThat(run("workspaces", "create", "ale", "--data", data(), "--name", "Ale").exit())
        .isZero();
    assertThat(run("workspaces", "create", "ale", "--data", data(), "--name", "Ale 2").exit())
        .as("id taken")
        .isEqualTo(5);
    assertThat(run("workspaces", "show", "ale", "--data", data()).out()).contains("ale: Ale\n");
    assertThat(run("layers", "list", "--data", data(), "--workspace", "nope").exit()).isEqualTo(4);
    assertThat(run("layers", "list", "--data", data()).out())
        .contains("incidents", "unsafe-places", "lamps", "places", "streets");
  }
}
