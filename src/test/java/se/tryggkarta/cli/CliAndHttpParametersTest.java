package se.tryggkarta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.tryggkarta.AppConfig;
import se.tryggkarta.Main;
import se.tryggkarta.Wiring;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.http.TestServer;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.store.Store;
import se.tryggkarta.workspace.Workspace;

/**
 * The command line's hotspot options mirror the HTTP query parameters, and read them with the same
 * parsers ({@code DensityRequest.parseBandwidth}, {@code CommaList}): the same text is accepted by
 * both or refused by both, and the CLI's one error line is the problem's {@code detail}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliAndHttpParametersTest {
  @TempDir static Path serverDir;
  @TempDir static Path cliDir;
  TestServer server;

  @BeforeAll
  void start() {
    server = TestServer.open(serverDir);
    seed(server.wiring().store());
    try (Wiring w =
        Wiring.open(
            new AppConfig(cliDir, 0, Optional.empty(), Optional.empty(), List.of(), 1 << 20))) {
      seed(w.store());
    }
  }

  @AfterAll
  void stop() {
    server.close();
  }

  /** 30 thefts on a 6 × 5 lattice about 20 m apart, one a day from 1 January 2024. */
  private static void seed(Store store) {
    store.createWorkspace(Workspace.of("town", "Town"));
    try (LayerWriter lw = store.openWriter("town", Layer.INCIDENTS)) {
      for (int i = 0; i < 30; i++) {
        lw.write(
            new Incident(
                "i" + i,
                new LonLat(11.98 + 0.0003 * (i % 6), 57.87 + 0.0002 * (i / 6)),
                Instant.parse("2024-01-01T20:00:00Z").plusSeconds(86400L * i),
                "theft",
                1,
                Map.of()));
      }
      lw.commit();
    }
  }

  @ParameterizedTest(name = "{0}={1} is refused alike by {2} and hotspots {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bandwidth | abc         | density  | density",
        "bandwidth | NaN         | density  | density",
        "bandwidth | Infinity    | sites    | sites",
        "mass      | 0.5,half    | density  | density --format contours --bandwidth 150",
        "levels    | 10,Infinity | density  | density --format contours --bandwidth 150",
        "levels    | 10,,20      | density  | density --format contours --bandwidth 150",
        "coverage  | 0.05,x      | evaluate | evaluate",
      })
  void a_bad_value_gives_the_same_400_problem_and_cli_error_line(
      String name, String value, String route, String command) {
    String contours = command.contains("contours") ? "format=contours&bandwidth=150&" : "";
    HttpResponse<String> r =
        server.get(
            "/api/workspaces/town/hotspots/"
                + route
                + "?"
                + contours
                + name
                + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8));
    Cli cli = cli(command, "--" + name, value);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    var problem = TestServer.json(r);
    assertThat(problem.get("type").asText()).isEqualTo("urn:tryggkarta:problem:invalid-input");
    assertThat(problem.get("field").asText()).isEqualTo(name);
    assertThat(cli.exit()).as(cli.err()).isEqualTo(2);
    assertThat(cli.err().strip()).isEqualTo("tryggkarta: " + problem.get("detail").asText());
  }

  @ParameterizedTest(name = "categories={0} selects the thefts on both paths")
  @CsvSource(
      delimiter = '|',
      value = {"THEFT", "' Theft , '", "'arson,theft,,'"})
  void category_codes_are_read_alike_case_and_blanks_ignored(String categories) {
    HttpResponse<String> r =
        server.get(
            "/api/workspaces/town/hotspots/density?format=json&bandwidth=150&categories="
                + URLEncoder.encode(categories, StandardCharsets.UTF_8));
    Cli cli = cli("density --format json --bandwidth 150", "--categories", categories);

    // Were a code not lower-cased or stripped, no event would match: 422 and exit 2.
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(cli.exit()).as(cli.err()).isZero();
  }

  /** What a command line printed on standard error, with its exit code. */
  record Cli(int exit, String err) {}

  private Cli cli(String command, String option, String value) {
    List<String> args = new ArrayList<>(List.of("hotspots"));
    args.addAll(List.of(command.split(" ")));
    args.addAll(
        List.of(
            "--data",
            cliDir.toString(),
            "--workspace",
            "town",
            "-o",
            cliDir.resolve("out").toString(),
            option,
            value));
    PrintStream saved = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      int exit = Main.run(args.toArray(String[]::new));
      return new Cli(exit, bytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(saved);
    }
  }
}
