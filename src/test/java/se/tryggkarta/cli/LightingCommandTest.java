package se.tryggkarta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.Main;
import se.tryggkarta.http.api.LightingJson;
import se.tryggkarta.lighting.LightingTown;
import se.tryggkarta.store.Store;
import se.tryggkarta.store.geopackage.GeoPackageStore;
import se.tryggkarta.workspace.Workspace;

class LightingCommandTest {
  @TempDir static Path dir;

  @BeforeAll
  static void seed() {
    try (Store store = GeoPackageStore.open(dir.resolve("tryggkarta.gpkg"))) {
      store.createWorkspace(Workspace.of("town", "Town"));
      LightingTown.write(store, "town");
    }
  }

  @Test
  void lighting_priorities_writes_the_csv_work_list_with_travel_centre_repairs_first()
      throws Exception {
    Path out = dir.resolve("work.csv");
    int code =
        Main.run(
            "lighting",
            "priorities",
            "--data",
            dir.toString(),
            "--workspace",
            "town",
            "--kind",
            "repair",
            "-n",
            "4",
            "--format",
            "csv",
            "--out",
            out.toString());
    assertThat(code).isZero();
    var lines = Files.readAllLines(out);
    assertThat(lines.get(0)).isEqualTo(String.join(",", LightingJson.CSV_COLUMNS));
    assertThat(lines).hasSize(5);
    for (String id : LightingTown.TRAVEL_CENTRE_LAMPS) {
      assertThat(lines.subList(1, 5)).anyMatch(l -> l.contains("repair-" + id + ","));
    }
  }

  @Test
  void lighting_coverage_and_dark_segments_write_json() throws Exception {
    Path cov = dir.resolve("coverage.json");
    Path dark = dir.resolve("dark.geojson");
    assertThat(
            Main.run(
                "lighting",
                "coverage",
                "--data",
                dir.toString(),
                "--workspace",
                "town",
                "--out",
                cov.toString()))
        .isZero();
    assertThat(
            Main.run(
                "lighting",
                "dark-segments",
                "--data",
                dir.toString(),
                "--workspace",
                "town",
                "--out",
                dark.toString()))
        .isZero();
    assertThat(Files.readString(cov)).contains("\"litShare\"");
    assertThat(Files.readString(dark))
        .contains("FeatureCollection")
        .contains(LightingTown.PARK_PATH);
  }

  @Test
  void lighting_what_if_reports_the_gain_of_a_repair() throws Exception {
    Path out = dir.resolve("whatif.json");
    int code =
        Main.run(
            "lighting",
            "what-if",
            "--data",
            dir.toString(),
            "--workspace",
            "town",
            "--repair",
            String.join(",", LightingTown.TRAVEL_CENTRE_LAMPS),
            "--out",
            out.toString());
    assertThat(code).isZero();
    assertThat(Files.readString(out))
        .contains("\"litMetersGained\"")
        .contains("repair-lamp-h-200-175");
  }

  @Test
  void bad_input_exits_2_and_an_unknown_workspace_exits_4() {
    assertThat(
            Main.run(
                "lighting",
                "coverage",
                "--data",
                dir.toString(),
                "--workspace",
                "town",
                "--radius",
                "9999"))
        .isEqualTo(2);
    assertThat(Main.run("lighting", "what-if", "--data", dir.toString(), "--workspace", "town"))
        .isEqualTo(2);
    assertThat(Main.run("lighting", "coverage", "--data", dir.toString(), "--workspace", "nowhere"))
        .isEqualTo(4);
  }
}
