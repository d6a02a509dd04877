package se.tryggkarta.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.tryggkarta.Wiring;
import se.tryggkarta.hotspot.StreetDensityMap;
import se.tryggkarta.hotspot.StreetsRequest;
import se.tryggkarta.http.api.StreetJson;
import se.tryggkarta.workspace.Workspace;

/**
 * {@code tryggkarta hotspots streets}: hot streets (network kernel density per lixel) as GeoJSON
 * lines, the same body as {@code GET …/hotspots/streets}. The workspace needs a street network.
 */
@Command(
    name = "streets",
    mixinStandardHelpOptions = true,
    description = "Hot streets: network kernel density per lixel along the streets (GeoJSON).")
final class HotStreetsCommand implements Callable<Integer> {
  @Mixin StoreOptions store;
  @Mixin HotspotsCommand.Selection sel;

  @Option(
      names = "--bandwidth",
      defaultValue = "150",
      description = "Bandwidth along the streets in metres (default 150).")
  double bandwidth;

  @Option(
      names = "--lixel",
      defaultValue = "25",
      description = "Longest lixel in metres (default 25).")
  double lixel;

  @Override
  public Integer call() {
    try (Wiring wiring = Wiring.open(store.config())) {
      Workspace w = wiring.workspaces().getWorkspace(sel.workspace);
      StreetsRequest req = new StreetsRequest(sel.filter(w), bandwidth, lixel);
      StreetDensityMap map =
          wiring.hotStreets().streets(w.id(), wiring.analyses().dataVersion(w.id()), req);
      HotspotsCommand.writeJson(sel.output, StreetJson.streets(map));
      System.out.println(
          "wrote "
              + sel.output
              + " ("
              + map.density().eventsSnapped()
              + " events on "
              + map.density().size()
              + " lixels, "
              + map.density().eventsBeyondSnap()
              + " further than the snapping limit)");
      return 0;
    }
  }
}
