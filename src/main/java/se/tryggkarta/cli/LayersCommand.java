package se.tryggkarta.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.tryggkarta.Wiring;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;

/** {@code tryggkarta layers list}: the layers a workspace holds, with their record counts. */
@Command(
    name = "layers",
    mixinStandardHelpOptions = true,
    description = "The layers data are imported into.",
    subcommands = {LayersCommand.ListLayers.class})
public final class LayersCommand {
  /** What each layer holds, as the import help and the README describe it. */
  private static final Map<Layer, String> WHAT =
      Map.of(
          Layer.INCIDENTS, "points: police events (id, occurred_at, category, weight)",
          Layer.UNSAFE_PLACES, "points: places reported unsafe (id, reported_at, category, source)",
          Layer.LAMPS, "points: street lamps (id, status working|broken|planned)",
          Layer.PLACES, "polygons or points: named places (id, name)",
          Layer.STREETS, "lines: walkable streets (id, highway, name, lit)");

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "List the layers; with --workspace, how many records each holds there (exit 4 when the"
              + " workspace does not exist).")
  static final class ListLayers implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Option(names = "--workspace", description = "Count the records in this workspace.")
    String workspace;

    @Override
    public Integer call() {
      if (workspace == null) {
        for (Layer l : Layer.values()) {
          System.out.printf("%-14s %s%n", l.slug(), WHAT.get(l));
        }
        return 0;
      }
      try (Wiring wiring = Wiring.open(store.config())) {
        wiring.workspaces().getWorkspace(workspace);
        System.out.print(table(wiring, workspace));
        return 0;
      }
    }
  }

  /** A table of the layers with their record counts in the workspace. */
  static String table(Wiring wiring, String workspaceId) {
    StringBuilder s =
        new StringBuilder(String.format("%-14s %9s  %s%n", "LAYER", "RECORDS", "WHAT"));
    for (Layer l : Layer.values()) {
      s.append(
          String.format("%-14s %9d  %s%n", l.slug(), count(wiring, workspaceId, l), WHAT.get(l)));
    }
    return s.toString();
  }

  /** The records in all layers of the workspace. */
  static long totalRecords(Wiring wiring, String workspaceId) {
    long n = 0;
    for (Layer l : Layer.values()) {
      n += count(wiring, workspaceId, l);
    }
    return n;
  }

  private static long count(Wiring wiring, String workspaceId, Layer layer) {
    return wiring.store().query(workspaceId, layer, LayerQuery.ALL.withPage(1, 0)).total();
  }
}
