package se.tryggkarta;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import se.tryggkarta.cli.BenchCommand;
import se.tryggkarta.cli.CommitmentsCommand;
import se.tryggkarta.cli.DemoCommand;
import se.tryggkarta.cli.ExitCodes;
import se.tryggkarta.cli.ExportCommand;
import se.tryggkarta.cli.FindingsCommand;
import se.tryggkarta.cli.HotspotsCommand;
import se.tryggkarta.cli.ImportCommand;
import se.tryggkarta.cli.KeysCommand;
import se.tryggkarta.cli.LayersCommand;
import se.tryggkarta.cli.LightingCommand;
import se.tryggkarta.cli.NetworkCommand;
import se.tryggkarta.cli.OpenApiCommand;
import se.tryggkarta.cli.RoutesCommand;
import se.tryggkarta.cli.ServeCommand;
import se.tryggkarta.cli.WalksCommand;
import se.tryggkarta.cli.WorkspacesCommand;

/**
 * The command line: {@code tryggkarta serve|import|export|...}. Each subcommand lives in {@code
 * se.tryggkarta.cli}. Errors print one line to stderr and exit non-zero.
 */
@Command(
    name = "tryggkarta",
    mixinStandardHelpOptions = true,
    version = "tryggkarta 0.1.0",
    description = "Hotspot analysis for local safety work (medborgarlöften).",
    subcommands = {
      ServeCommand.class,
      WorkspacesCommand.class,
      LayersCommand.class,
      KeysCommand.class,
      HotspotsCommand.class,
      LightingCommand.class,
      NetworkCommand.class,
      WalksCommand.class,
      RoutesCommand.class,
      CommitmentsCommand.class,
      FindingsCommand.class,
      DemoCommand.class,
      BenchCommand.class,
      ImportCommand.class,
      ExportCommand.class,
      OpenApiCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main {
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code (for tests). */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(ExitCodes::handle);
    return cli.execute(args);
  }
}
