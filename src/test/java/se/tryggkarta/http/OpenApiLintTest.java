package se.tryggkarta.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.tags.Tag;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /openapi.json} as client generators expect it: every operation has a stable, unique {@code
 * operationId}, a tag defined among the global tags, and a description; and Spectral's {@code oas}
 * ruleset (npm {@code @stoplight/spectral-cli}, installed into {@code .tools/spectral} by {@code
 * scripts/provision-spectral}) reports nothing, not even a hint. A route added later without these
 * fails here.
 */
class OpenApiLintTest {
  static final Path SPECTRAL = Path.of(".tools/spectral/node_modules/.bin/spectral");

  @TempDir Path dir;

  @Test
  void every_operation_has_an_operation_id_a_defined_tag_and_a_description() {
    try (TestServer server = TestServer.open(dir.resolve("data"))) {
      OpenAPI api =
          new OpenAPIV3Parser().readContents(server.get("/openapi.json").body()).getOpenAPI();
      Set<String> globalTags = new HashSet<>();
      for (Tag t : api.getTags()) {
        assertThat(t.getDescription()).as("tag %s", t.getName()).isNotBlank();
        globalTags.add(t.getName());
      }
      Set<String> ids = new HashSet<>();
      for (Map.Entry<String, PathItem> p : api.getPaths().entrySet()) {
        for (Map.Entry<PathItem.HttpMethod, Operation> e :
            p.getValue().readOperationsMap().entrySet()) {
          String route = e.getKey() + " " + p.getKey();
          Operation op = e.getValue();
          assertThat(op.getOperationId()).as("%s has an operationId", route).isNotBlank();
          assertThat(ids.add(op.getOperationId())).as("%s: operationId is unique", route).isTrue();
          assertThat(op.getTags()).as("%s has a tag", route).isNotEmpty();
          assertThat(globalTags)
              .as("%s: its tags are global tags", route)
              .containsAll(op.getTags());
          assertThat(op.getDescription()).as("%s has a description", route).isNotBlank();
        }
      }
    }
  }

  @Test
  void spectral_oas_ruleset_reports_nothing_on_openapi_json() throws Exception {
    assertThat(SPECTRAL)
        .as("Spectral is not installed: run scripts/provision-spectral (npm, into .tools/spectral)")
        .exists();
    Path document = dir.resolve("openapi.json");
    try (TestServer server = TestServer.open(dir.resolve("data"))) {
      Files.writeString(document, server.get("/openapi.json").body());
    }
    Path ruleset = Path.of("src/test/resources/spectral/ruleset.yaml").toAbsolutePath();
    Process p =
        new ProcessBuilder(
                List.of(
                    SPECTRAL.toAbsolutePath().toString(),
                    "lint",
                    "--ruleset",
                    ruleset.toString(),
                    "--fail-severity",
                    "hint",
                    "--format",
                    "text",
                    document.toString()))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("spectral finished").isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).as(out).contains("No results with a severity of 'hint' or higher found");
  }
}
