package se.tryggkarta.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import se.tryggkarta.Wiring;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.HourWindow;
import se.tryggkarta.workspace.PublicPrivacy;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceBoundary;
import se.tryggkarta.workspace.WorkspaceSettings;

/**
 * {@code tryggkarta workspaces create|list|show|delete}: the workspace life cycle straight on the
 * store, so that a municipality can be set up and filled ({@code tryggkarta import}) without the
 * HTTP API. The same checks as {@code POST /api/workspaces} apply.
 */
@Command(
    name = "workspaces",
    mixinStandardHelpOptions = true,
    description = "Create, list, show and delete workspaces.",
    subcommands = {
      WorkspacesCommand.Create.class,
      WorkspacesCommand.ListWorkspaces.class,
      WorkspacesCommand.Show.class,
      WorkspacesCommand.Delete.class
    })
public final class WorkspacesCommand {

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a workspace (exit 5 when the id is taken).")
  static final class Create implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Parameters(
        index = "0",
        description = "The id: lower-case letters, digits and '-', 2-63 characters (kungalv).")
    String id;

    @Option(names = "--name", required = true, description = "Display name (Kungälv).")
    String name;

    @Option(
        names = "--crs",
        defaultValue = "EPSG:3006",
        description = "Projected analysis CRS in metres (default EPSG:3006, SWEREF 99 TM).")
    String crs;

    @Option(
        names = "--time-zone",
        defaultValue = "Europe/Stockholm",
        description = "Zone local times in imports are read in (default Europe/Stockholm).")
    String timeZone;

    @Option(
        names = "--boundary",
        description =
            "GeoJSON file with the outline in WGS84: a geometry, a Feature or a"
                + " FeatureCollection (the union of its features, or of those --boundary-where"
                + " picks).")
    Path boundary;

    @Option(
        names = "--boundary-where",
        description = "property=value: the features of --boundary to use (name=Kungälv).")
    String boundaryWhere;

    @Option(
        names = "--public",
        description = "Anonymous users may read aggregated results (density, sites, progress).")
    boolean publicAccess;

    @Option(
        names = "--night",
        defaultValue = "18-06",
        description =
            "The workspace's night, local hours from-to (default 18-06): walks, lighting and the"
                + " map count night by it.")
    String night;

    @Option(
        names = "--min-events",
        defaultValue = "5",
        description = "Public outputs hide cells with fewer events (default 5).")
    int minEvents;

    @Option(
        names = "--min-cell-m",
        defaultValue = "100",
        description = "Public grids are no finer than this, in metres (default 100).")
    double minCellMeters;

    @Override
    public Integer call() {
      Workspace w =
          new Workspace(
              id,
              name,
              Crs.parse("crs", crs),
              boundary(),
              zone(),
              publicAccess,
              new PublicPrivacy(minEvents, minCellMeters),
              WorkspaceSettings.DEFAULT.withNight(HourWindow.parse("night", night)));
      try (Wiring wiring = Wiring.open(store.config())) {
        wiring.workspaces().create(w);
      }
      System.out.println("created workspace " + w.id() + " (" + w.name() + ")");
      System.out.print(describe(w));
      return 0;
    }

    private ZoneId zone() {
      try {
        return ZoneId.of(timeZone);
      } catch (DateTimeException e) {
        throw DomainException.invalid("timeZone", "unknown time zone '" + timeZone + "'");
      }
    }

    private Optional<Geometry> boundary() {
      if (boundary == null) {
        if (boundaryWhere != null) {
          throw DomainException.invalid("boundary", "--boundary-where needs --boundary");
        }
        return Optional.empty();
      }
      if (!Files.isRegularFile(boundary)) {
        throw DomainException.invalid("boundary", "no such file: " + boundary);
      }
      try (InputStream in = Files.newInputStream(boundary)) {
        return Optional.of(
            WorkspaceBoundary.fromGeoJson(
                in,
                Optional.ofNullable(boundaryWhere).map(WorkspaceBoundary.PropertyMatch::parse)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List workspaces.")
  static final class ListWorkspaces implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Override
    public Integer call() {
      try (Wiring wiring = Wiring.open(store.config())) {
        String row = "%-24s %-10s %-18s %-7s %-9s %s%n";
        System.out.printf(row, "ID", "CRS", "TIME ZONE", "PUBLIC", "BOUNDARY", "NAME");
        for (Workspace w : wiring.workspaces().listWorkspaces()) {
          System.out.printf(
              row,
              w.id(),
              w.crs().code(),
              w.timeZone().getId(),
              w.publicAccess() ? "yes" : "no",
              w.boundaryWgs84().isPresent() ? "yes" : "none",
              w.name());
        }
        return 0;
      }
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Show a workspace's settings and how many records each layer holds.")
  static final class Show implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Parameters(index = "0", description = "The workspace's id.")
    String id;

    @Override
    public Integer call() {
      try (Wiring wiring = Wiring.open(store.config())) {
        Workspace w = wiring.workspaces().getWorkspace(id);
        System.out.println(w.id() + ": " + w.name());
        System.out.print(describe(w));
        System.out.print(LayersCommand.table(wiring, w.id()));
        return 0;
      }
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Delete a workspace and everything in it (needs --yes).")
  static final class Delete implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Parameters(index = "0", description = "The workspace's id.")
    String id;

    @Option(names = "--yes", description = "Confirm: every layer, promise and log in it goes.")
    boolean yes;

    @Override
    public Integer call() {
      try (Wiring wiring = Wiring.open(store.config())) {
        Workspace w = wiring.workspaces().getWorkspace(id);
        if (!yes) {
          throw DomainException.invalid(
              "yes",
              "deleting '"
                  + w.id()
                  + "' removes all its data ("
                  + LayersCommand.totalRecords(wiring, w.id())
                  + " records); run again with --yes");
        }
        wiring.workspaces().delete(id);
        System.out.println("deleted workspace " + id);
        return 0;
      }
    }
  }

  /** The settings of a workspace, one per line, indented. */
  static String describe(Workspace w) {
    StringBuilder s = new StringBuilder();
    s.append("  crs:        ").append(w.crs().code()).append('\n');
    s.append("  time zone:  ").append(w.timeZone().getId()).append('\n');
    s.append("  night:      ").append(w.settings().night().text()).append('\n');
    s.append("  public:     ").append(w.publicAccess() ? "yes" : "no");
    if (w.publicAccess()) {
      s.append(
          String.format(
              Locale.ROOT,
              " (cells of at least %d events, %.0f m or coarser)",
              w.privacy().minEvents(),
              w.privacy().minCellMeters()));
    }
    s.append('\n');
    s.append("  boundary:   ");
    if (w.boundaryWgs84().isEmpty()) {
      s.append("none (imports take any position in the CRS's area of use)\n");
    } else {
      Geometry b = w.boundaryWgs84().get();
      Envelope e = b.getEnvelopeInternal();
      s.append(
          String.format(
              Locale.ROOT,
              "%.1f km², lon %.4f..%.4f, lat %.4f..%.4f%n",
              w.crs().fromWgs84(b).getArea() / 1e6,
              e.getMinX(),
              e.getMaxX(),
              e.getMinY(),
              e.getMaxY()));
    }
    return s.toString();
  }
}
