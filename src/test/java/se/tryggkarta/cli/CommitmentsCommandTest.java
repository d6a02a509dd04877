package se.tryggkarta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.Main;
import se.tryggkarta.store.geopackage.GeoPackageStore;
import se.tryggkarta.workspace.Workspace;

class CommitmentsCommandTest {
  @TempDir Path dir;

  static final String WALK =
      """
      {"id":"vandring","title":"Trygghetsvandring","responsible":"joint","kind":"walk",
       "periodStart":"2024-01-01","periodEnd":"2024-12-31","target":1,
       "places":[{"name":"Torget","geometry":{"type":"Point","coordinates":[11.98,57.87]},"bufferMeters":100}]}
      """;

  @BeforeEach
  void workspace() {
    try (GeoPackageStore s = GeoPackageStore.open(dir.resolve("tryggkarta.gpkg"))) {
      s.createWorkspace(Workspace.of("kv", "Kungälv"));
    }
  }

  private int run(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "commitments";
    all[1] = args[0];
    all[2] = "--data=" + dir;
    System.arraycopy(args, 1, all, 3, args.length - 1);
    return Main.run(all);
  }

  @Test
  void import_log_export_and_report_round_trip_through_the_store() throws Exception {
    Path json = Files.writeString(dir.resolve("c.json"), WALK);
    assertThat(run("import", "--workspace=kv", json.toString())).isZero();
    Path csv =
        Files.writeString(
            dir.resolve("log.csv"), "occurred_at;place;note\n2024-09-12T18:00;Torget;Vandring\n");
    assertThat(run("log", "--workspace=kv", "vandring", csv.toString())).isZero();
    Path exported = dir.resolve("out.json");
    assertThat(run("export", "--workspace=kv", "--out=" + exported)).isZero();
    assertThat(Files.readString(exported)).contains("\"vandring\"", "\"Torget\"");
    Path html = dir.resolve("r.html");
    assertThat(
            run(
                "report",
                "--workspace=kv",
                "--from=2024-01-01",
                "--to=2025-01-01",
                "--out=" + html))
        .isZero();
    assertThat(Files.readString(html)).contains("Uppföljning", "Trygghetsvandring", "Uppfyllt");
  }

  @Test
  void bad_input_exits_2_and_unknown_things_exit_4() throws Exception {
    Path bad =
        Files.writeString(dir.resolve("bad.json"), WALK.replace("\"target\":1", "\"target\":-1"));
    assertThat(run("import", "--workspace=kv", bad.toString())).isEqualTo(2);
    assertThat(run("progress", "--workspace=kv", "nothing")).isEqualTo(4);
    assertThat(run("list", "--workspace=nowhere")).isEqualTo(4);
    assertThat(run("demo")).as("no exempelby workspace").isEqualTo(4);
  }
}
