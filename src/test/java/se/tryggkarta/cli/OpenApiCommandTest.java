package se.tryggkarta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.Main;
import se.tryggkarta.http.TestServer;

/** {@code tryggkarta openapi} through the real command line. */
class OpenApiCommandTest {
  @TempDir Path dir;

  @Test
  void openapi_writes_the_document_the_service_serves_byte_for_byte() throws IOException {
    Path out = dir.resolve("openapi.json");

    assertThat(Main.run("openapi", "--out", out.toString())).isZero();

    try (TestServer server = TestServer.open(dir.resolve("data"))) {
      byte[] served = server.getBytes("/openapi.json").body();
      assertThat(Files.readAllBytes(out)).isEqualTo(served);
    }
  }

  @Test
  void openapi_into_a_missing_folder_fails_with_exit_code_2() {
    Path out = dir.resolve("no-such-folder").resolve("openapi.json");

    assertThat(Main.run("openapi", "--out", out.toString())).isEqualTo(2);
    assertThat(out).doesNotExist();
  }
}
