package se.tryggkarta.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.tryggkarta.Wiring;
import se.tryggkarta.ingest.ImportFormat;
import se.tryggkarta.layer.Layer;

/**
 * {@code tryggkarta export}: writes one layer to a file or stdout. The command line is an analyst's
 * tool on the data directory itself, so comments are included.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Export a layer as GeoJSON, CSV or GeoPackage.")
public final class ExportCommand implements Callable<Integer> {
  @Mixin StoreOptions store;

  @Option(names = "--workspace", required = true, description = "Workspace id.")
  String workspace;

  @Option(
      names = "--layer",
      required = true,
      description = "incidents, unsafe-places, lamps, places or streets.")
  String layer;

  @Option(names = "--format", defaultValue = "geojson", description = "geojson, csv or gpkg.")
  String format;

  @Option(names = "--output", description = "File to write (default: stdout).")
  Path output;

  @Option(names = "--no-comments", description = "Leave out unsafe-place comments.")
  boolean noComments;

  @Override
  public Integer call() {
    Layer target = Layer.parse("layer", layer);
    ImportFormat f = ImportFormat.parse("format", format);
    try (Wiring wiring = Wiring.open(store.config())) {
      long n;
      if (output == null) {
        OutputStream out = new BufferedOutputStream(System.out);
        n = wiring.exports().export(workspace, target, f, !noComments, out);
        out.flush();
      } else {
        Path tmp = output.resolveSibling(output.getFileName() + ".part");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
          n = wiring.exports().export(workspace, target, f, !noComments, out);
        }
        Files.move(tmp, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      System.err.println("exported " + n + " " + target.slug() + " records");
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
