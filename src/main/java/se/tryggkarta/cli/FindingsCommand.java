package se.tryggkarta.cli;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.tryggkarta.Wiring;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.finding.Finding;
import se.tryggkarta.finding.FindingExport;
import se.tryggkarta.finding.Walk;
import se.tryggkarta.finding.action.Action;
import se.tryggkarta.finding.action.ActionCsv;
import se.tryggkarta.finding.action.ActionStatus;
import se.tryggkarta.finding.action.StatusChange;
import se.tryggkarta.finding.action.StatusResult;
import se.tryggkarta.store.geopackage.SqliteGeoPackageFiles;

/**
 * {@code tryggkarta findings walks|held|export|actions|status}: the safety walks' findings and
 * actions straight on the store. Exports are the municipality's files: findings as CSV or
 * GeoPackage (notes included, as the command line is an analyst's tool on the data itself, unless
 * {@code --no-notes}), actions as CSV.
 */
@Command(
    name = "findings",
    mixinStandardHelpOptions = true,
    description =
        "Safety walks' findings and actions: list walks, mark one held, export, move actions.",
    subcommands = {
      FindingsCommand.Walks.class,
      FindingsCommand.Held.class,
      FindingsCommand.Export.class,
      FindingsCommand.Actions.class,
      FindingsCommand.Status.class
    })
public final class FindingsCommand {
  private FindingsCommand() {}

  @Command(name = "walks", mixinStandardHelpOptions = true, description = "List stored walks.")
  static final class Walks implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Option(names = "--workspace", required = true, description = "Workspace id.")
    String workspace;

    @Override
    public Integer call() {
      try (Wiring wiring = Wiring.open(store.config())) {
        System.out.printf("%-40s %-10s %5s %6s %s%n", "ID", "HELD", "STOPS", "FINDS", "NAME");
        for (Walk w : wiring.findings().listWalks(workspace)) {
          System.out.printf(
              "%-40s %-10s %5d %6d %s%n",
              w.id(),
              w.heldOn().map(Object::toString).orElse("–"),
              w.stops().size(),
              wiring.findings().listFindings(workspace, Optional.of(w.id())).size(),
              w.name());
        }
      }
      return 0;
    }
  }

  @Command(
      name = "held",
      mixinStandardHelpOptions = true,
      description = "Record the day a walk was held (counts in safety-walk commitments).")
  static final class Held implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Option(names = "--workspace", required = true, description = "Workspace id.")
    String workspace;

    @Option(names = "--walk", required = true, description = "Walk id.")
    String walk;

    @Option(names = "--on", description = "The day, YYYY-MM-DD; leave out to clear it.")
    String on;

    @Override
    public Integer call() {
      try (Wiring wiring = Wiring.open(store.config())) {
        Walk w = wiring.findings().markHeld(workspace, walk, CommitmentsCommand.date("on", on));
        System.out.println(w.id() + " " + w.heldOn().map(d -> "held on " + d).orElse("not held"));
      }
      return 0;
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Export findings as CSV or GeoPackage.")
  static final class Export implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Option(names = "--workspace", required = true, description = "Workspace id.")
    String workspace;

    @Option(names = "--format", defaultValue = "csv", description = "csv or gpkg.")
    String format;

    @Option(names = "--walk", description = "Only this walk's findings.")
    String walk;

    @Option(
        names = {"--out", "-o"},
        description = "File to write (default: stdout; required for gpkg).")
    Path out;

    @Option(names = "--no-notes", description = "Leave out the notes (personal data).")
    boolean noNotes;

    @Override
    public Integer call() {
      try (Wiring wiring = Wiring.open(store.config())) {
        List<Finding> all = wiring.findings().listFindings(workspace, Optional.ofNullable(walk));
        Map<String, String> names = new LinkedHashMap<>();
        wiring.findings().listWalks(workspace).forEach(w -> names.put(w.id(), w.name()));
        switch (format) {
          case "csv" ->
              CommandOutput.text(Optional.ofNullable(out), FindingExport.csv(all, names, !noNotes));
          case "gpkg" -> {
            if (out == null) {
              throw DomainException.invalid("out", "a GeoPackage export needs --out FILE");
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new FindingExport(new SqliteGeoPackageFiles()).geoPackage(all, names, !noNotes, bytes);
            CommandOutput.bytes(out, bytes.toByteArray());
          }
          default ->
              throw DomainException.invalid("format", "format must be csv or gpkg, was " + format);
        }
        System.err.println("exported " + all.size() + " findings");
      }
      return 0;
    }
  }

  @Command(
      name = "actions",
      mixinStandardHelpOptions = true,
      description = "Export actions as CSV.")
  static final class Actions implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Option(names = "--workspace", required = true, description = "Workspace id.")
    String workspace;

    @Option(
        names = {"--out", "-o"},
        description = "File to write (default: stdout).")
    Path out;

    @Override
    public Integer call() {
      try (Wiring wiring = Wiring.open(store.config())) {
        List<Action> all = wiring.actions().listActions(workspace, Optional.empty());
        CommandOutput.text(
            Optional.ofNullable(out), ActionCsv.csv(all, wiring.actions().today(workspace)));
      }
      return 0;
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description =
          "Move an action to a new status (proposed, decided, in-progress, done, rejected).")
  static final class Status implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Option(names = "--workspace", required = true, description = "Workspace id.")
    String workspace;

    @Option(names = "--action", required = true, description = "Action id.")
    String action;

    @Option(names = "--status", required = true, description = "The new status.")
    String status;

    @Option(names = "--reason", description = "Why (required for rejected).")
    String reason;

    @Option(names = "--by", defaultValue = "okänd", description = "Who made the change.")
    String by;

    @Override
    public Integer call() {
      try (Wiring wiring = Wiring.open(store.config())) {
        StatusResult r =
            wiring
                .actions()
                .changeStatus(
                    workspace,
                    action,
                    new StatusChange(
                        ActionStatus.parse("status", status),
                        Instant.now(),
                        by,
                        Optional.ofNullable(reason)));
        System.out.println(r.action().id() + " " + r.action().status().slug());
        r.warnings().forEach(w -> System.err.println("warning: " + w));
      }
      return 0;
    }
  }
}
