package se.tryggkarta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.Main;
import se.tryggkarta.demo.ExempelbyFiles;

/** {@code tryggkarta demo write-files DIR} through the real command line. */
class DemoCommandTest {
  @TempDir Path dir;

  @Test
  void writeFilesCreatesTheCommittedDemoFilesAndExitsZero() throws IOException {
    Path out = dir.resolve("nested").resolve("exempelby");
    assertThat(Main.run("demo", "write-files", out.toString())).isZero();
    for (String name : ExempelbyFiles.FILE_NAMES) {
      assertThat(Files.mismatch(out.resolve(name), Path.of("geodata", "exempelby", name)))
          .as(name)
          .isEqualTo(-1L);
    }
  }

  @Test
  void writeFilesWithoutADirectoryIsAUsageErrorWithExitCode2() {
    assertThat(Main.run("demo", "write-files")).isEqualTo(2);
  }

  @Test
  void writeFilesIntoAPathThatIsAFileFailsWithExitCode3() throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    assertThat(Main.run("demo", "write-files", file.toString())).isEqualTo(3);
  }
}
