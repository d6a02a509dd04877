package se.tryggkarta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.Main;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.store.geopackage.GeoPackageStore;
import se.tryggkarta.workspace.Workspace;

class ImportExportCommandTest {
  static final String CSV =
      "id,lon,lat,occurred_at,category\n"
          + "a,11.98,57.87,2024-05-01T22:00:00Z,theft\n"
          + "b,11.99,57.88,2024-05-02T01:30:00+02:00,assault\n";

  @TempDir Path dir;
  Path data;

  @BeforeEach
  void workspace() {
    data = dir.resolve("data");
    try (GeoPackageStore s = GeoPackageStore.open(data.resolve("tryggkarta.gpkg"))) {
      s.createWorkspace(Workspace.of("orust", "Orust"));
    }
  }

  @Test
  void import_then_export_gives_back_the_records_as_csv() throws IOException {
    Path in = Files.writeString(dir.resolve("in.csv"), CSV);
    Path out = dir.resolve("out.csv");

    int imported =
        Main.run(
            "import",
            "--data",
            data.toString(),
            "--workspace",
            "orust",
            "--layer",
            "incidents",
            in.toString());
    int exported =
        Main.run(
            "export",
            "--data",
            data.toString(),
            "--workspace",
            "orust",
            "--layer",
            "incidents",
            "--format",
            "csv",
            "--output",
            out.toString());

    assertThat(imported).isZero();
    assertThat(exported).isZero();
    assertThat(Files.readAllLines(out))
        .containsExactly(
            "id,lon,lat,occurred_at,category,weight",
            "a,11.98,57.87,2024-05-01T22:00:00Z,theft,1.0",
            "b,11.99,57.88,2024-05-01T23:30:00Z,assault,1.0");
  }

  @Test
  void a_rejected_file_exits_2_and_stores_nothing() throws IOException {
    Path in = Files.writeString(dir.resolve("bad.csv"), CSV.replace("theft", ""));

    int code =
        Main.run(
            "import",
            "--data",
            data.toString(),
            "--workspace",
            "orust",
            "--layer",
            "incidents",
            "--no-progress",
            in.toString());

    assertThat(code).isEqualTo(2);
    try (GeoPackageStore s = GeoPackageStore.open(data.resolve("tryggkarta.gpkg"))) {
      assertThat(s.query("orust", Layer.INCIDENTS, se.tryggkarta.layer.LayerQuery.ALL).total())
          .isZero();
    }
  }

  @Test
  void column_mappings_and_on_invalid_skip_are_passed_through() throws IOException {
    Path in =
        Files.writeString(
            dir.resolve("sv.csv"),
            "nr;lng;lat;tid;brott\nx1;11,98;57,87;2024-05-01 22:00;Stöld\nx2;11,98;57,87;igår;Rån\n");

    int code =
        Main.run(
            "import",
            "--data",
            data.toString(),
            "--workspace",
            "orust",
            "--layer",
            "incidents",
            "--no-progress",
            "--on-invalid",
            "skip",
            "--column",
            "id=nr",
            "--column",
            "occurred_at=tid",
            "--column",
            "category=brott",
            in.toString());

    assertThat(code).isZero();
    try (GeoPackageStore s = GeoPackageStore.open(data.resolve("tryggkarta.gpkg"))) {
      assertThat(s.findRecord("orust", Layer.INCIDENTS, "x1")).isPresent();
      assertThat(s.findRecord("orust", Layer.INCIDENTS, "x2")).isEmpty();
    }
  }
}
