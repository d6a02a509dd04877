package se.tryggkarta.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import se.tryggkarta.Wiring;
import se.tryggkarta.commitment.Commitment;
import se.tryggkarta.commitment.CommitmentJson;
import se.tryggkarta.commitment.CommitmentProgress;
import se.tryggkarta.commitment.progress.Progress;
import se.tryggkarta.commitment.report.FollowUpHtml;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.Lang;
import se.tryggkarta.demo.DemoCommitments;

/**
 * {@code tryggkarta commitments list|import|export|delete|log|progress|report|demo}: commitments
 * (medborgarlöften) straight on the store. Files are UTF-8; JSON in the export format {@code
 * {"commitments": [...]}} (a single commitment or an array also import), patrol logs as CSV.
 */
@Command(
    name = "commitments",
    mixinStandardHelpOptions = true,
    description = "Manage commitments (medborgarlöften), their activities and follow-up.",
    subcommands = {
      CommitmentsCommand.ListCommitments.class,
      CommitmentsCommand.Import.class,
      CommitmentsCommand.Export.class,
      CommitmentsCommand.Delete.class,
      CommitmentsCommand.Log.class,
      CommitmentsCommand.ProgressCmd.class,
      CommitmentsCommand.Report.class,
      CommitmentsCommand.Demo.class
    })
public final class CommitmentsCommand {
  private CommitmentsCommand() {}

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DomainException(ErrorKind.NOT_FOUND, "cannot read " + file + ": " + e.getMessage());
    }
  }

  static Optional<LocalDate> date(String field, String v) {
    if (v == null || v.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(v.strip()));
    } catch (DateTimeParseException e) {
      throw DomainException.invalid(field, field + " must be a date YYYY-MM-DD, was '" + v + "'");
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List commitments.")
  static final class ListCommitments implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Option(names = "--workspace", required = true, description = "Workspace id.")
    String workspace;

    @Override
    public Integer call() {
      try (Wiring wiring = Wiring.open(store.config())) {
        System.out.printf("%-32s %-13s %-23s %7s %s%n", "ID", "KIND", "PERIOD", "TARGET", "TITLE");
        for (Commitment c : wiring.commitments().listCommitments(workspace)) {
          System.out.printf(
              "%-32s %-13s %-23s %7s %s%n",
              c.id(),
              c.kind().slug(),
              c.periodStart() + ".." + c.periodEnd(),
              c.target().isPresent() ? String.valueOf(c.target().getAsLong()) : "-",
              c.title());
        }
        return 0;
      }
    }
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = "Insert or replace commitments from a JSON file (all or none).")
  static final class Import implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Option(names = "--workspace", required = true, description = "Workspace id.")
    String workspace;

    @Parameters(index = "0", description = "The JSON file.")
    Path file;

    @Override
    public Integer call() {
      try (Wiring wiring = Wiring.open(store.config())) {
        List<Commitment> all =
            wiring
                .commitments()
                .importCommitments(workspace, CommitmentJson.readCommitments(read(file)));
        System.out.println("imported " + all.size() + " commitment(s) into " + workspace);
        return 0;
      }
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Write every commitment as JSON.")
  static final class Export implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Option(names = "--workspace", required = true, description = "Workspace id.")
    String workspace;

    @Option(names = "--out", description = "Output file (default: standard output).")
    Path out;

    @Override
    public Integer call() {
      try (Wiring wiring = Wiring.open(store.config())) {
        CommandOutput.text(
            Optional.ofNullable(out),
            CommitmentJson.writeAll(wiring.commitments().listCommitments(workspace)) + "\n");
        return 0;
      }
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Delete a commitment and its activities.")
  static final class Delete implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Option(names = "--workspace", required = true, description = "Workspace id.")
    String workspace;

    @Parameters(index = "0", description = "The commitment's id.")
    String id;

    @Override
    public Integer call() {
      try (Wiring wiring = Wiring.open(store.config())) {
        wiring.commitments().delete(workspace, id);
        System.out.println("deleted " + id);
        return 0;
      }
    }
  }

  @Command(
      name = "log",
      mixinStandardHelpOptions = true,
      description =
          "Import a CSV patrol log into a commitment (columns occurred_at, count, lon, lat, place,"
              + " note, note_public, logged_by, outside_places, id); all rows or none.")
  static final class Log implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Option(names = "--workspace", required = true, description = "Workspace id.")
    String workspace;

    @Parameters(index = "0", description = "The commitment's id.")
    String id;

    @Parameters(index = "1", description = "The CSV file.")
    Path file;

    @Override
    public Integer call() {
      try (Wiring wiring = Wiring.open(store.config())) {
        int n = wiring.commitments().importActivities(workspace, id, read(file)).size();
        System.out.println("logged " + n + " activit" + (n == 1 ? "y" : "ies") + " for " + id);
        return 0;
      }
    }
  }

  @Command(
      name = "progress",
      mixinStandardHelpOptions = true,
      description = "Print progress against target and period, in total and per place.")
  static final class ProgressCmd implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Option(names = "--workspace", required = true, description = "Workspace id.")
    String workspace;

    @Option(names = "--as-of", description = "The day (YYYY-MM-DD); default today.")
    String asOf;

    @Parameters(index = "0", description = "The commitment's id.")
    String id;

    @Override
    public Integer call() {
      try (Wiring wiring = Wiring.open(store.config())) {
        LocalDate day = date("as-of", asOf).orElseGet(() -> wiring.commitments().today(workspace));
        CommitmentProgress p = wiring.commitments().progress(workspace, id, day);
        print("total", p.total());
        p.perPlace().forEach(pp -> print(pp.name(), pp.progress()));
        if (p.outsidePlaces() > 0) {
          System.out.println("outside the promised places (not counted): " + p.outsidePlaces());
        }
        return 0;
      }
    }

    private static void print(String what, Progress p) {
      System.out.printf(
          java.util.Locale.ROOT,
          "%-20s done %d of %s, expected %.1f by %s, projected %s, status %s%n",
          what,
          p.done(),
          p.target().isPresent() ? String.valueOf(p.target().getAsLong()) : "-",
          p.expectedByNow(),
          p.asOf(),
          p.projectedAtEnd().map(v -> String.format(java.util.Locale.ROOT, "%.1f", v)).orElse("-"),
          p.status().slug());
    }
  }

  @Command(
      name = "report",
      mixinStandardHelpOptions = true,
      description = "Write the follow-up report (uppföljning) as printable HTML.")
  static final class Report implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Option(names = "--workspace", required = true, description = "Workspace id.")
    String workspace;

    @Option(
        names = "--from",
        description =
            "First day (YYYY-MM-DD); default a year before --to, or without both each promise's"
                + " own period.")
    String from;

    @Option(
        names = "--to",
        description =
            "Day after the last day (YYYY-MM-DD); default tomorrow, or without both each promise's"
                + " own period.")
    String to;

    @Option(names = "--lang", defaultValue = "sv", description = "sv (default) or en.")
    String lang;

    @Option(
        names = "--public",
        description = "Make the public version (small counts withheld, only public notes).")
    boolean publicView;

    @Option(names = "--out", description = "Output file (default: standard output).")
    Path out;

    @Override
    public Integer call() {
      try (Wiring wiring = Wiring.open(store.config())) {
        Lang language = Lang.parse("lang", lang);
        var report =
            wiring.followUp().build(workspace, date("from", from), date("to", to), publicView);
        var w = wiring.workspaces().getWorkspace(workspace);
        CommandOutput.text(
            Optional.ofNullable(out),
            FollowUpHtml.render(report, language, wiring.places().index(w.id()), w.timeZone()));
        return 0;
      }
    }
  }

  @Command(
      name = "demo",
      mixinStandardHelpOptions = true,
      description =
          "Install the demo commitments in the workspace 'exempelby' (its places Resecentrum and"
              + " Parken must exist).")
  static final class Demo implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Override
    public Integer call() {
      try (Wiring wiring = Wiring.open(store.config())) {
        int n =
            new DemoCommitments(wiring.commitments(), wiring.workspaces(), Clock.systemUTC())
                .install()
                .size();
        System.out.println("installed " + n + " demo commitments in " + DemoCommitments.WORKSPACE);
        return 0;
      }
    }
  }
}
