package se.tryggkarta.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import se.tryggkarta.common.DomainException;

/**
 * Where a command's result goes: a file given with {@code --out}/{@code -o}, else standard output.
 * A file that cannot be written is bad input (one line, exit 2), not a stack trace.
 */
final class CommandOutput {
  private CommandOutput() {}

  /** Writes UTF-8 text to the file, or prints it when there is none. */
  static void text(Optional<Path> out, String text) {
    if (out.isEmpty()) {
      System.out.print(text);
      System.out.flush();
      return;
    }
    bytes(out.get(), text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes bytes to the file. */
  static void bytes(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw DomainException.invalid("out", "cannot write " + file + ": " + e.getMessage());
    }
  }
}
