package se.tryggkarta.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import se.tryggkarta.demo.ExempelbyFiles;
import se.tryggkarta.demo.ExempelbyGenerator;

/** {@code tryggkarta demo write-files DIR}: the synthetic demo town as files. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "The synthetic demo workspace 'exempelby'.",
    subcommands = {DemoCommand.WriteFiles.class})
public final class DemoCommand {

  @Command(
      name = "write-files",
      mixinStandardHelpOptions = true,
      description =
          "Write the demo data as CSV, GeoJSON and OSM XML files (as committed in geodata/exempelby).")
  static final class WriteFiles implements Callable<Integer> {
    @Parameters(index = "0", description = "Directory to write into (created when missing).")
    Path dir;

    @Override
    public Integer call() {
      ExempelbyFiles.write(ExempelbyGenerator.data(), dir);
      System.out.println(
          "wrote " + String.join(", ", ExempelbyFiles.FILE_NAMES) + " to " + dir.toAbsolutePath());
      return 0;
    }
  }
}
