package se.tryggkarta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.AppConfig;
import se.tryggkarta.Main;
import se.tryggkarta.Wiring;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.finding.ChecklistCategory;
import se.tryggkarta.finding.Finding;
import se.tryggkarta.finding.action.Action;
import se.tryggkarta.finding.action.ActionStatus;
import se.tryggkarta.finding.action.StatusChange;
import se.tryggkarta.workspace.Workspace;

class FindingsCommandTest {
  @TempDir Path dir;

  @BeforeEach
  void workspace() {
    try (Wiring w =
        Wiring.open(
            new AppConfig(dir, 0, Optional.empty(), Optional.empty(), List.of(), 1 << 20))) {
      w.store().createWorkspace(Workspace.of("kv", "Kungälv"));
      w.findings()
          .record(
              "kv",
              new Finding(
                  "f-1",
                  new LonLat(11.98, 57.87),
                  Optional.empty(),
                  OptionalInt.empty(),
                  ChecklistCategory.LIGHTING,
                  3,
                  Optional.of("+46 70 123 45 67 ringde"),
                  List.of(),
                  "Anna",
                  Instant.parse("2025-10-02T17:00:00Z"),
                  1));
      w.actions()
          .create(
              "kv",
              new Action(
                  "a-1",
                  Optional.of("f-1"),
                  "Byt lampa",
                  "Gatuenheten",
                  Optional.empty(),
                  OptionalLong.of(900),
                  Optional.empty(),
                  Optional.empty(),
                  List.of(
                      new StatusChange(
                          ActionStatus.PROPOSED,
                          Instant.parse("2025-10-03T08:00:00Z"),
                          "Anna",
                          Optional.empty()))));
    }
  }

  private int run(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "findings";
    all[1] = args[0];
    all[2] = "--data=" + dir;
    System.arraycopy(args, 1, all, 3, args.length - 1);
    return Main.run(all);
  }

  @Test
  void exports_findings_and_actions_and_moves_an_action_to_done() throws Exception {
    Path csv = dir.resolve("fynd.csv");
    assertThat(run("export", "--workspace=kv", "--out=" + csv)).isZero();
    assertThat(Files.readString(csv)).contains("f-1", "lighting", "\"'+46 70 123 45 67 ringde\"");
    Path gpkg = dir.resolve("fynd.gpkg");
    assertThat(run("export", "--workspace=kv", "--format=gpkg", "--out=" + gpkg)).isZero();
    assertThat(Files.size(gpkg)).isPositive();
    assertThat(run("status", "--workspace=kv", "--action=a-1", "--status=klar")).isZero();
    Path actions = dir.resolve("atgarder.csv");
    assertThat(run("actions", "--workspace=kv", "--out=" + actions)).isZero();
    assertThat(Files.readString(actions)).contains("a-1,f-1,Byt lampa,Gatuenheten,done,klar");
  }

  @Test
  void a_move_the_life_cycle_forbids_exits_non_zero_and_changes_nothing() throws Exception {
    assertThat(run("status", "--workspace=kv", "--action=a-1", "--status=rejected")).isNotZero();
    assertThat(run("status", "--workspace=kv", "--action=a-1", "--status=done")).isZero();
    assertThat(run("status", "--workspace=kv", "--action=a-1", "--status=decided")).isNotZero();
    Path actions = dir.resolve("atgarder.csv");
    run("actions", "--workspace=kv", "--out=" + actions);
    assertThat(Files.readString(actions)).contains(",done,klar,");
  }
}
