package se.tryggkarta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Static checks of the analyst notebooks in {@code notebooks/}: committed without outputs, and
 * shaped as the issue asks. Executing them is {@code scripts/notebooks}' job (it needs Python and a
 * running service).
 */
class NotebooksTest {
  static final Path DIR = Path.of("notebooks");
  static final ObjectMapper JSON = new ObjectMapper();

  static List<Path> notebooks() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
  }

  static List<JsonNode> codeCells(Path notebook) throws IOException {
    List<JsonNode> code = new ArrayList<>();
    for (JsonNode cell : JSON.readTree(notebook.toFile()).path("cells")) {
      if (cell.path("cell_type").asText().equals("code")) {
        code.add(cell);
      }
    }
    return code;
  }

  static String source(JsonNode cell) {
    JsonNode s = cell.path("source");
    if (s.isTextual()) {
      return s.asText();
    }
    StringBuilder b = new StringBuilder();
    s.forEach(line -> b.append(line.asText()));
    return b.toString();
  }

  @Test
  void the_four_walkthroughs_of_the_issue_are_committed() throws IOException {
    assertThat(notebooks().stream().map(p -> p.getFileName().toString()))
        .contains(
            "01-hotspots.ipynb",
            "02-safety-walk.ipynb",
            "03-lighting-priorities.ipynb",
            "04-medborgarloften-follow-up.ipynb");
  }

  @Test
  void committed_notebooks_hold_no_outputs_or_execution_counts() throws IOException {
    for (Path nb : notebooks()) {
      for (JsonNode cell : codeCells(nb)) {
        assertThat(cell.path("outputs"))
            .as("outputs in %s; strip with scripts/notebook-tool.py strip", nb)
            .isEmpty();
        assertThat(
                cell.path("execution_count").isNull()
                    || cell.path("execution_count").isMissingNode())
            .as("execution count in %s", nb)
            .isTrue();
      }
    }
  }

  @Test
  void every_notebook_runs_on_python3_and_ends_with_assertions_and_draws_a_figure()
      throws IOException {
    for (Path nb : notebooks()) {
      JsonNode root = JSON.readTree(nb.toFile());
      assertThat(root.path("metadata").path("kernelspec").path("name").asText())
          .as("kernel of %s", nb)
          .isEqualTo("python3");
      List<JsonNode> code = codeCells(nb);
      assertThat(code).as("code cells in %s", nb).isNotEmpty();
      assertThat(source(code.get(code.size() - 1))).as("last cell of %s", nb).contains("assert ");
      assertThat(code.stream().map(NotebooksTest::source).anyMatch(s -> s.contains("plt.show()")))
          .as("a figure in %s", nb)
          .isTrue();
    }
  }

  @Test
  void notebooks_reach_the_service_only_through_the_configured_url_and_key() throws IOException {
    String client = Files.readString(DIR.resolve("tryggkarta_api.py"));
    assertThat(client).contains("TRYGGKARTA_URL").contains("TRYGGKARTA_KEY");
    for (Path nb : notebooks()) {
      String text = Files.readString(nb);
      assertThat(text).as("%s documents its configuration", nb).contains("TRYGGKARTA_URL");
      assertThat(text).as("%s imports the shared client", nb).contains("import tryggkarta_api");
      assertThat(text)
          .as("%s hard-codes a service address", nb)
          .doesNotContain("localhost:7070/api");
    }
  }
}
