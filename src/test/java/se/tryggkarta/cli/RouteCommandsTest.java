package se.tryggkarta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.AppConfig;
import se.tryggkarta.Fixtures;
import se.tryggkarta.Main;
import se.tryggkarta.Wiring;
import se.tryggkarta.workspace.Workspace;

class RouteCommandsTest {
  static final String PBF = Fixtures.SODERMALM_PBF.toString();

  @TempDir Path dir;

  private void workspace() {
    try (Wiring w =
        Wiring.open(
            new AppConfig(dir, 0, Optional.empty(), Optional.empty(), List.of(), 1L << 30))) {
      w.store().createWorkspace(Workspace.of("sod", "Södermalm"));
    }
  }

  @Test
  void network_import_then_walks_plan_and_routes_safe_exit_0_and_write_the_protocol() {
    workspace();
    String data = dir.toString();
    assertThat(Main.run("network", "import", "--data", data, "--workspace", "sod", PBF)).isZero();
    assertThat(Main.run("network", "summary", "--data", data, "--workspace", "sod")).isZero();
    assertThat(
            Main.run(
                "routes",
                "safe",
                "--data",
                data,
                "--workspace",
                "sod",
                "--from",
                "18.0612,59.3176",
                "--to",
                "18.0680,59.3145"))
        .isZero();
    Path out = dir.resolve("walk.html");
    assertThat(
            Main.run(
                "walks",
                "plan",
                "--data",
                data,
                "--workspace",
                "sod",
                "--start",
                "18.0640,59.3168",
                "--max-length-m",
                "1500",
                "--format",
                "html",
                "--out",
                out.toString()))
        .isZero();
    assertThat(out).exists();
    assertThat(Files.isRegularFile(out)).isTrue();
  }

  @Test
  void bad_input_exits_2_and_an_unknown_workspace_exits_4() {
    workspace();
    String data = dir.toString();
    assertThat(
            Main.run(
                "walks",
                "plan",
                "--data",
                data,
                "--workspace",
                "sod",
                "--start",
                "18.06,59.31",
                "--max-length-m",
                "0"))
        .isEqualTo(2);
    assertThat(Main.run("network", "import", "--data", data, "--workspace", "nope", PBF))
        .isEqualTo(4);
    assertThat(
            Main.run("network", "import", "--data", data, "--workspace", "sod", "no-such-file.pbf"))
        .isEqualTo(2);
  }
}
