package se.tryggkarta.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import se.tryggkarta.Wiring;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.ingest.ImportOptions;
import se.tryggkarta.ingest.ImportReport;
import se.tryggkarta.layer.Layer;

/**
 * {@code tryggkarta import}: imports one file into one layer, with a progress bar (bytes read) on
 * stderr and a one-line summary on stdout. Exit 2 when the file is rejected.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Import a GeoJSON, CSV or GeoPackage file into a layer.")
public final class ImportCommand implements Callable<Integer> {
  @Mixin StoreOptions store;

  @Option(names = "--workspace", required = true, description = "Workspace id.")
  String workspace;

  @Option(
      names = "--layer",
      required = true,
      description = "incidents, unsafe-places, lamps, places or streets.")
  String layer;

  @Parameters(index = "0", description = "The file to import.")
  Path file;

  @Option(names = "--format", description = "geojson, csv or gpkg (default: from the file).")
  String format;

  @Option(names = "--crs", description = "EPSG code of the coordinates, e.g. EPSG:3006.")
  String crs;

  @Option(
      names = "--on-invalid",
      description = "reject (default: nothing is stored) or skip (store the valid records).")
  String onInvalid;

  @Option(names = "--delimiter", description = "CSV separator (default: guessed).")
  String delimiter;

  @Option(names = "--table", description = "GeoPackage feature table.")
  String table;

  @Option(
      names = "--boundary-tolerance",
      description = "Metres a record may lie outside the workspace boundary (default 1000).")
  String boundaryTolerance;

  @Option(
      names = "--column",
      description = "field=column: where a schema field is in the file (repeatable).")
  List<String> columns;

  @Option(names = "--no-progress", description = "No progress bar.")
  boolean noProgress;

  @Override
  public Integer call() {
    Layer target = Layer.parse("layer", layer);
    ImportOptions options =
        ImportOptions.parse(params()).withSource(Optional.empty(), Optional.of(file.toString()));
    if (!Files.isRegularFile(file)) {
      throw DomainException.invalid("file", "no such file: " + file);
    }
    try (Wiring wiring = Wiring.open(store.config())) {
      ImportReport report;
      try (InputStream in = noProgress ? Files.newInputStream(file) : withProgress(file)) {
        report = wiring.imports().importFile(workspace, target, in, options);
      }
      System.out.println(summary(report));
      for (var e : report.errors()) {
        System.err.println("  rejected " + e);
      }
      for (String w : report.warnings()) {
        System.err.println("  warning: " + w);
      }
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file's stream, drawing a progress bar in MiB on standard error as it is read. */
  private static InputStream withProgress(Path file) throws IOException {
    ProgressBarBuilder bar =
        new ProgressBarBuilder()
            .setTaskName("import " + file.getFileName())
            .setStyle(ProgressBarStyle.ASCII)
            .setUnit(" MiB", 1 << 20)
            .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err));
    return ProgressBar.wrap(Files.newInputStream(file), bar);
  }

  static String summary(ImportReport r) {
    return String.format(
        "%s/%s: read %d, stored %d (%d new, %d updated), rejected %d",
        r.workspaceId(),
        r.layer().slug(),
        r.read(),
        r.stored(),
        r.inserted(),
        r.updated(),
        r.rejected());
  }

  private Map<String, String> params() {
    Map<String, String> p = new LinkedHashMap<>();
    put(p, "format", format);
    put(p, "crs", crs);
    put(p, "onInvalid", onInvalid);
    put(p, "delimiter", delimiter);
    put(p, "table", table);
    put(p, "boundaryTolerance", boundaryTolerance);
    if (columns != null) {
      for (String c : columns) {
        int eq = c.indexOf('=');
        if (eq <= 0) {
          throw DomainException.invalid("column", "expected field=column, was '" + c + "'");
        }
        p.put("column." + c.substring(0, eq).strip(), c.substring(eq + 1));
      }
    }
    return p;
  }

  private static void put(Map<String, String> p, String key, String value) {
    if (value != null) {
      p.put(key, value);
    }
  }
}
