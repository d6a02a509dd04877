package se.tryggkarta.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import se.tryggkarta.Wiring;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.route.ImportSummary;
import se.tryggkarta.route.NetworkSummary;
import se.tryggkarta.route.osm.AttributeMapping;
import se.tryggkarta.route.osm.NetworkFormat;

/** {@code tryggkarta network import|summary}: a workspace's street network. */
@Command(
    name = "network",
    mixinStandardHelpOptions = true,
    description = "Import or describe a workspace's street network.",
    subcommands = {NetworkCommand.Import.class, NetworkCommand.Summary.class})
public final class NetworkCommand {

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description =
          "Import walkable streets (and OSM street lamps) from .osm.pbf, .osm or GeoJSON.")
  static final class Import implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Option(names = "--workspace", required = true, description = "Workspace id.")
    String workspace;

    @Option(
        names = "--format",
        description = "pbf, osm, geojson or gpkg (default: from the content).")
    String format;

    @Option(
        names = "--table",
        description = "GeoPackage: the feature table (default: 'streets' or the only one).")
    String table;

    @Option(names = "--id-property", defaultValue = "id", description = "GeoJSON id property.")
    String idProperty;

    @Option(names = "--highway-property", defaultValue = "highway", description = "GeoJSON class.")
    String highwayProperty;

    @Option(names = "--lit-property", defaultValue = "lit", description = "GeoJSON lighting.")
    String litProperty;

    @Option(names = "--name-property", defaultValue = "name", description = "GeoJSON name.")
    String nameProperty;

    @Option(
        names = "--default-highway",
        defaultValue = "residential",
        description = "GeoJSON class for lines without one.")
    String defaultHighway;

    @Parameters(index = "0", description = "The file.")
    Path file;

    @Override
    public Integer call() {
      if (!java.nio.file.Files.isRegularFile(file)) {
        throw DomainException.invalid("file", "no such file: " + file);
      }
      try (Wiring wiring = Wiring.open(store.config())) {
        ImportSummary s =
            wiring
                .networks()
                .importFile(
                    workspace,
                    file,
                    Optional.ofNullable(format).map(f -> NetworkFormat.parse("format", f)),
                    new AttributeMapping(
                        idProperty, highwayProperty, litProperty, nameProperty, defaultHighway),
                    Optional.ofNullable(table));
        System.out.printf(
            Locale.ROOT,
            "streets %d, nodes %d, walkable edges %d, length %.1f km, lamps %d%n",
            s.streets(),
            s.nodes(),
            s.walkableEdges(),
            s.totalLengthMeters() / 1000,
            s.lamps());
        s.warnings().forEach(w -> System.out.println("warning: " + w));
        return 0;
      }
    }
  }

  @Command(name = "summary", mixinStandardHelpOptions = true, description = "Describe the network.")
  static final class Summary implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Option(names = "--workspace", required = true, description = "Workspace id.")
    String workspace;

    @Override
    public Integer call() {
      try (Wiring wiring = Wiring.open(store.config())) {
        NetworkSummary s = wiring.networks().summary(workspace);
        System.out.printf(
            Locale.ROOT,
            "nodes %d, edges %d, length %.1f km (%.1f km connected), lit %.0f %%, lamps %d%n",
            s.nodes(),
            s.edges(),
            s.totalLengthMeters() / 1000,
            s.mainComponentLengthMeters() / 1000,
            s.litShare() * 100,
            s.lamps());
        return 0;
      }
    }
  }
}
