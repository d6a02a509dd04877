package se.tryggkarta.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.tryggkarta.AppConfig;
import se.tryggkarta.Wiring;

/**
 * {@code tryggkarta openapi [--out FILE]}: the OpenAPI document the service serves at {@code
 * /openapi.json}, byte for byte, without starting it. Client generators take it from here (the
 * build generates the tests' Java client from it). The document does not depend on any data, so the
 * service is built on a throwaway empty store in a temporary folder, deleted afterwards.
 */
@Command(
    name = "openapi",
    mixinStandardHelpOptions = true,
    description = "Write the service's OpenAPI document (as served at /openapi.json).")
public final class OpenApiCommand implements Callable<Integer> {
  /** {@code serve}'s default upload bound; the document does not mention it. */
  private static final long SERVE_MAX_UPLOAD_BYTES = 1024L << 20;

  @Option(
      names = {"--out", "-o"},
      description = "File to write (default: stdout).")
  Path out;

  @Override
  public Integer call() throws IOException {
    byte[] document = document();
    if (out == null) {
      CommandOutput.text(Optional.empty(), new String(document, StandardCharsets.UTF_8));
    } else {
      CommandOutput.bytes(out, document);
    }
    return 0;
  }

  private static byte[] document() throws IOException {
    Path scratch = Files.createTempDirectory("tryggkarta-openapi");
    try (Wiring wiring =
        Wiring.open(
            new AppConfig(
                scratch,
                0,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                SERVE_MAX_UPLOAD_BYTES))) {
      return wiring.http().openApiDocument();
    } finally {
      deleteTree(scratch);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
