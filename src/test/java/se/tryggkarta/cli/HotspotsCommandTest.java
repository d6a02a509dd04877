package se.tryggkarta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.AppConfig;
import se.tryggkarta.Main;
import se.tryggkarta.Wiring;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.workspace.Workspace;

class HotspotsCommandTest {
  @TempDir Path dir;

  @BeforeEach
  void seed() {
    try (Wiring w =
        Wiring.open(
            new AppConfig(dir, 0, Optional.empty(), Optional.empty(), List.of(), 1 << 20))) {
      w.store().createWorkspace(Workspace.of("town", "Town"));
      try (LayerWriter lw = w.store().openWriter("town", Layer.INCIDENTS)) {
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
  }

  @Test
  void hotspots_density_writes_a_geotiff() throws Exception {
    Path out = dir.resolve("d.tif");
    int code =
        Main.run(
            "hotspots",
            "density",
            "--data",
            dir.toString(),
            "--workspace",
            "town",
            "--bandwidth",
            "150",
            "--cell",
            "20",
            "-o",
            out.toString());
    assertThat(code).isZero();
    byte[] b = Files.readAllBytes(out);
    assertThat(new String(b, 0, 2, java.nio.charset.StandardCharsets.US_ASCII)).isIn("II", "MM");
  }

  @Test
  void hotspots_emerging_writes_a_class_for_every_hexagon_and_rejects_an_unknown_step()
      throws Exception {
    Path out = dir.resolve("e.geojson");
    int code =
        Main.run(
            "hotspots",
            "emerging",
            "--data",
            dir.toString(),
            "--workspace",
            "town",
            "--step",
            "week",
            "--cell",
            "50",
            "-o",
            out.toString());
    assertThat(code).isZero();
    JsonNode g = new ObjectMapper().readTree(out.toFile());
    assertThat(g.get("step").asText()).isEqualTo("week");
    double total = 0;
    for (JsonNode f : g.get("features")) {
      assertThat(f.get("properties").get("class").asText()).isNotBlank();
      total += f.get("properties").get("count").asDouble();
    }
    assertThat(total).isEqualTo(30);
    assertThat(
            Main.run(
                "hotspots",
                "emerging",
                "--data",
                dir.toString(),
                "--workspace",
                "town",
                "--step",
                "year",
                "-o",
                out.toString()))
        .isNotZero();
  }

  @Test
  void hotspots_gistar_with_permutations_writes_pseudo_p_values() throws Exception {
    Path out = dir.resolve("g.geojson");
    int code =
        Main.run(
            "hotspots",
            "gistar",
            "--data",
            dir.toString(),
            "--workspace",
            "town",
            "--inference",
            "permutation",
            "--permutations",
            "99",
            "--seed",
            "4",
            "-o",
            out.toString());
    assertThat(code).isZero();
    JsonNode g = new ObjectMapper().readTree(out.toFile());
    assertThat(g.get("inference").asText()).isEqualTo("permutation");
    assertThat(g.get("seed").asLong()).isEqualTo(4);
  }

  @Test
  void hotspots_sites_and_evaluate_write_json() throws Exception {
    Path sites = dir.resolve("s.geojson");
    assertThat(
            Main.run(
                "hotspots",
                "sites",
                "--data",
                dir.toString(),
                "--workspace",
                "town",
                "--bandwidth",
                "150",
                "-n",
                "2",
                "-o",
                sites.toString()))
        .isZero();
    JsonNode fc = new ObjectMapper().readTree(sites.toFile());
    assertThat(fc.get("features").get(0).get("properties").get("rank").asInt()).isEqualTo(1);
    Path eval = dir.resolve("e.json");
    assertThat(
            Main.run(
                "hotspots",
                "evaluate",
                "--data",
                dir.toString(),
                "--workspace",
                "town",
                "--train",
                "2024-01-01/2024-01-20",
                "--test",
                "2024-01-21/2024-02-28",
                "--bandwidth",
                "150",
                "-o",
                eval.toString()))
        .isZero();
    JsonNode e = new ObjectMapper().readTree(eval.toFile());
    // 8 candidates (the asked-for kde-150 is one of them), Gi* and the default; 3 coverages each.
    assertThat(e.get("rows")).hasSize(3 * (8 + 1 + 1));
    assertThat(e.get("default").asText()).isNotBlank();
    assertThat(fc.get("model").asText()).isEqualTo("kde-150");
  }

  @Test
  void hotspots_density_with_unknown_kernel_exits_2() {
    int code =
        Main.run(
            "hotspots",
            "density",
            "--data",
            dir.toString(),
            "--workspace",
            "town",
            "--kernel",
            "triangle",
            "-o",
            dir.resolve("x.tif").toString());
    assertThat(code).isEqualTo(2);
    assertThat(dir.resolve("x.tif")).doesNotExist();
  }

  @Test
  void hotspots_streets_writes_lixel_lines_on_an_imported_network() throws Exception {
    String data = dir.toString();
    assertThat(Main.run("workspaces", "create", "--data", data, "sod", "--name", "Södermalm"))
        .isZero();
    assertThat(
            Main.run(
                "network",
                "import",
                "--data",
                data,
                "--workspace",
                "sod",
                se.tryggkarta.Fixtures.SODERMALM_PBF.toString()))
        .isZero();
    try (Wiring w =
        Wiring.open(
            new AppConfig(dir, 0, Optional.empty(), Optional.empty(), List.of(), 1 << 20))) {
      try (LayerWriter lw = w.store().openWriter("sod", Layer.INCIDENTS)) {
        for (int i = 0; i < 12; i++) {
          lw.write(
              new Incident(
                  "s" + i,
                  new LonLat(18.0640 + 0.0001 * i, 59.3168),
                  Instant.parse("2024-01-01T20:00:00Z").plusSeconds(86400L * i),
                  "theft",
                  1,
                  Map.of()));
        }
        lw.commit();
      }
    }
    Path out = dir.resolve("streets.geojson");
    assertThat(
            Main.run(
                "hotspots",
                "streets",
                "--data",
                data,
                "--workspace",
                "sod",
                "--bandwidth",
                "100",
                "-o",
                out.toString()))
        .isZero();
    JsonNode fc = new ObjectMapper().readTree(out.toFile());
    assertThat(fc.get("eventsSnapped").asInt()).isEqualTo(12);
    assertThat(fc.get("features").size()).isPositive();
    assertThat(fc.get("bandwidthMeters").asDouble()).isEqualTo(100);
  }

  @Test
  void hotspots_streets_without_a_street_network_exits_non_zero() {
    assertThat(
            Main.run(
                "hotspots",
                "streets",
                "--data",
                dir.toString(),
                "--workspace",
                "town",
                "-o",
                dir.resolve("x.geojson").toString()))
        .isNotZero();
    assertThat(dir.resolve("x.geojson")).doesNotExist();
  }
}
