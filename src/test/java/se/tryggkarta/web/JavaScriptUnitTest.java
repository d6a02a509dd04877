package se.tryggkarta.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the web map's JavaScript unit tests ({@code src/test/js/*.test.mjs}, Node's built-in test
 * runner) so {@code mvn verify} fails when they fail. Needs {@code node} 20 or later on the PATH;
 * without it this test fails rather than skips.
 */
class JavaScriptUnitTest {
  private static final Path TESTS = Path.of("src/test/js");

  @Test
  void the_web_map_javascript_unit_tests_pass_under_node() throws Exception {
    List<String> command =
        new ArrayList<>(List.of("node", "--experimental-detect-module", "--test"));
    try (Stream<Path> files = Files.list(TESTS)) {
      files
          .filter(p -> p.getFileName().toString().endsWith(".test.mjs"))
          .sorted()
          .forEach(p -> command.add(p.toString()));
    }
    assertThat(command).as("JavaScript test files in " + TESTS).hasSizeGreaterThan(3);
    Path log = Files.createTempFile("node-test", ".log");
    try {
      Process node =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      boolean finished = node.waitFor(5, TimeUnit.MINUTES);
      String output = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(finished).as("node --test finished").isTrue();
      assertThat(node.exitValue()).as(output).isZero();
      assertThat(output).contains("# fail 0");
    } catch (IOException e) {
      throw new AssertionError("could not run node (Node.js 20+ must be on the PATH)", e);
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
