package se.tryggkarta.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.tryggkarta.Wiring;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.route.SafeRoute;

/** {@code tryggkarta routes safe}: the lit, low-risk route between two points. */
@Command(
    name = "routes",
    mixinStandardHelpOptions = true,
    description = "Routes along the street network.",
    subcommands = {RoutesCommand.Safe.class})
public final class RoutesCommand {

  @Command(
      name = "safe",
      mixinStandardHelpOptions = true,
      description = "The lit, low-risk route between two points, next to the shortest one.")
  static final class Safe implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Option(names = "--workspace", required = true, description = "Workspace id.")
    String workspace;

    @Option(names = "--from", required = true, description = "lon,lat (WGS84).")
    String from;

    @Option(names = "--to", required = true, description = "lon,lat (WGS84).")
    String to;

    @Override
    public Integer call() {
      try (Wiring wiring = Wiring.open(store.config())) {
        SafeRoute r =
            wiring
                .safeRouter()
                .route(workspace, LonLat.parse("from", from), LonLat.parse("to", to));
        System.out.printf(
            Locale.ROOT,
            "safe:     %.0f m, %.0f %% lit%nshortest: %.0f m, %.0f %% lit%ndetour:   %.0f m%n",
            r.safe().lengthMeters(),
            r.safe().litShare() * 100,
            r.shortest().lengthMeters(),
            r.shortest().litShare() * 100,
            r.detourMeters());
        return 0;
      }
    }
  }
}
