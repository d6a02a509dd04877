package se.tryggkarta.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.tryggkarta.Wiring;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.CommaList;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.HourWindow;
import se.tryggkarta.hotspot.DensityMap;
import se.tryggkarta.hotspot.DensityRequest;
import se.tryggkarta.hotspot.EmergingRequest;
import se.tryggkarta.hotspot.EvaluateRequest;
import se.tryggkarta.hotspot.EventFilter;
import se.tryggkarta.hotspot.GiStarRequest;
import se.tryggkarta.hotspot.HotspotService;
import se.tryggkarta.hotspot.Periods;
import se.tryggkarta.hotspot.emerging.TimeStep;
import se.tryggkarta.hotspot.evaluation.ForecastEvaluation;
import se.tryggkarta.hotspot.gistar.PermutationInference;
import se.tryggkarta.hotspot.kde.Kernel;
import se.tryggkarta.hotspot.raster.ColourRamp;
import se.tryggkarta.hotspot.raster.GeoTiff;
import se.tryggkarta.http.Json;
import se.tryggkarta.http.api.HotspotJson;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.workspace.Workspace;

/**
 * {@code tryggkarta hotspots density|gistar|sites|evaluate|emerging|streets}: the hotspot analyses
 * on the store, as a member (no public suppression), writing the result to a file. Options mirror
 * the HTTP query parameters.
 */
@Command(
    name = "hotspots",
    mixinStandardHelpOptions = true,
    description = "Hotspot maps, Gi*, patrol sites and forecast evaluation, written to a file.",
    subcommands = {
      HotspotsCommand.Density.class,
      HotspotsCommand.GiStarCmd.class,
      HotspotsCommand.Sites.class,
      HotspotsCommand.Evaluate.class,
      HotspotsCommand.Emerging.class,
      HotStreetsCommand.class
    })
public final class HotspotsCommand {
  private static final ObjectMapper JSON = Json.mapper();

  /** The options every hotspot subcommand shares (a picocli mixin). */
  static final class Selection {
    @Option(names = "--workspace", required = true, description = "Workspace id.")
    String workspace;

    @Option(names = "--layer", defaultValue = "incidents", description = "Point layer.")
    String layer;

    @Option(names = "--from", description = "Start (inclusive), ISO date or date-time.")
    String from;

    @Option(names = "--to", description = "End (exclusive), ISO date or date-time.")
    String to;

    @Option(names = "--categories", description = "Comma-separated categories.")
    String categories;

    @Option(names = "--hours", description = "Local hours, e.g. 22-05 (wraps midnight).")
    String hours;

    @Option(names = "--weekdays", description = "Comma-separated weekdays, e.g. fri,sat.")
    String weekdays;

    @Option(names = "--weights", description = "Category weights, e.g. drugs:2,violence:3.")
    String weights;

    @Option(names = "--half-life", description = "Time-decay half-life: 30d, 12h or P30D.")
    String halfLife;

    @Option(names = "--bbox", description = "minLon,minLat,maxLon,maxLat (WGS84).")
    String bbox;

    @Option(
        names = {"-o", "--output"},
        required = true,
        description = "File to write.")
    Path output;

    EventFilter filter(Workspace w) {
      return new EventFilter(
          Layer.parse("layer", layer),
          Periods.range(Optional.ofNullable(from), Optional.ofNullable(to), w.timeZone()),
          CommaList.categories(categories),
          Optional.ofNullable(hours).map(h -> HourWindow.parse("hours", h)),
          EventFilter.parseWeekdays("weekdays", weekdays),
          EventFilter.parseWeights("weights", weights),
          Optional.ofNullable(halfLife).map(h -> EventFilter.parseHalfLife("halfLife", h)),
          Optional.ofNullable(bbox).map(b -> Bbox.parse("bbox", b)));
    }
  }

  /** Grid options for density and sites. */
  static final class GridOptions {
    @Option(names = "--cell", defaultValue = "25", description = "Cell size in metres.")
    double cell;

    @Option(names = "--bandwidth", defaultValue = "auto", description = "Metres, or auto.")
    String bandwidth;

    @Option(names = "--kernel", defaultValue = "quartic", description = "quartic, gaussian, ...")
    String kernel;

    @Option(names = "--edge-correction", description = "Renormalise near the extent's edge.")
    boolean edgeCorrection;

    DensityRequest request(EventFilter f) {
      return new DensityRequest(
          f, cell, bandwidth(bandwidth), Kernel.parse("kernel", kernel), edgeCorrection);
    }
  }

  static Optional<Double> bandwidth(String text) {
    return DensityRequest.parseBandwidth("bandwidth", text);
  }

  static double metres(String field, String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw DomainException.invalid(field, field + " must be metres or auto, was " + text);
    }
  }

  static List<Double> decimals(String field, String text) {
    return CommaList.numbers(field, text);
  }

  static void writeJson(Path file, Object value) {
    try {
      CommandOutput.bytes(file, JSON.writeValueAsBytes(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Command(name = "density", mixinStandardHelpOptions = true, description = "Kernel density map.")
  static final class Density implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Mixin Selection sel;
    @Mixin GridOptions grid;

    @Option(
        names = "--format",
        defaultValue = "geotiff",
        description = "json, geotiff, png or contours.")
    String format;

    @Option(names = "--mass", description = "Contour mass shares, e.g. 0.25,0.5,0.75.")
    String mass;

    @Option(names = "--levels", description = "Contour levels in events/km².")
    String levels;

    @Override
    public Integer call() {
      try (Wiring wiring = Wiring.open(store.config())) {
        Workspace w = wiring.workspaces().getWorkspace(sel.workspace);
        HotspotService hs = wiring.hotspots();
        DensityRequest req = grid.request(sel.filter(w));
        switch (format) {
          case "json" -> writeJson(sel.output, HotspotJson.grid(hs.density(w.id(), req)));
          case "geotiff" -> {
            DensityMap m = hs.density(w.id(), req);
            CommandOutput.bytes(sel.output, GeoTiff.encode(m.density(), m.crs()));
          }
          case "png" ->
              CommandOutput.bytes(sel.output, ColourRamp.png(hs.density(w.id(), req).density()));
          case "contours" ->
              writeJson(
                  sel.output,
                  HotspotJson.contours(
                      hs.contours(
                          w.id(), req, decimals("mass", mass), decimals("levels", levels))));
          default ->
              throw DomainException.invalid(
                  "format", "format must be json, geotiff, png or contours, was " + format);
        }
        System.out.println("wrote " + sel.output);
        return 0;
      }
    }
  }

  @Command(
      name = "gistar",
      mixinStandardHelpOptions = true,
      description = "Gi* hexagons (GeoJSON).")
  static final class GiStarCmd implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Mixin Selection sel;

    @Option(names = "--cell", description = "Hexagon width in metres (default: from the data).")
    Double cell;

    @Option(
        names = "--band",
        description =
            "Distance band in metres, or auto (first peak of Moran's I z); default 2 × width.")
    String band;

    @Option(names = "--alpha", defaultValue = "0.05", description = "FDR level.")
    double alpha;

    @Option(
        names = "--inference",
        defaultValue = "analytic",
        description = "analytic (normal approximation) or permutation.")
    String inference;

    @Option(
        names = "--permutations",
        defaultValue = "999",
        description = "Permutations with --inference permutation.")
    int permutations;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the permutations.")
    long seed;

    @Override
    public Integer call() {
      Optional<PermutationInference> permutation =
          switch (inference) {
            case "analytic" -> Optional.empty();
            case "permutation" -> Optional.of(new PermutationInference(permutations, seed));
            default ->
                throw DomainException.invalid(
                    "inference",
                    "inference must be analytic or permutation, was '" + inference + "'");
          };
      try (Wiring wiring = Wiring.open(store.config())) {
        Workspace w = wiring.workspaces().getWorkspace(sel.workspace);
        GiStarRequest req =
            new GiStarRequest(
                sel.filter(w),
                Optional.ofNullable(cell),
                "auto".equals(band)
                    ? Optional.empty()
                    : Optional.ofNullable(band).map(b -> metres("band", b)),
                alpha,
                permutation,
                "auto".equals(band));
        writeJson(sel.output, HotspotJson.giStar(wiring.hotspots().giStar(w.id(), req)));
        System.out.println("wrote " + sel.output);
        return 0;
      }
    }
  }

  @Command(
      name = "emerging",
      mixinStandardHelpOptions = true,
      description = "Emerging hot spot classes of hexagons by month or week (GeoJSON).")
  static final class Emerging implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Mixin Selection sel;

    @Option(names = "--cell", description = "Hexagon width in metres (default: from the data).")
    Double cell;

    @Option(names = "--band", description = "Distance band in metres (default: 2 × width).")
    Double band;

    @Option(names = "--step", defaultValue = "month", description = "month or week (local).")
    String step;

    @Option(names = "--lag", defaultValue = "1", description = "Time lag in steps (0..12).")
    int lag;

    @Option(
        names = "--alpha",
        defaultValue = "0.05",
        description = "Level for each step's Gi* and the trend.")
    double alpha;

    @Override
    public Integer call() {
      try (Wiring wiring = Wiring.open(store.config())) {
        Workspace w = wiring.workspaces().getWorkspace(sel.workspace);
        EmergingRequest req =
            new EmergingRequest(
                sel.filter(w),
                Optional.ofNullable(cell),
                Optional.ofNullable(band),
                TimeStep.parse("step", step),
                lag,
                alpha);
        writeJson(sel.output, HotspotJson.emerging(wiring.hotspots().emerging(w.id(), req)));
        System.out.println("wrote " + sel.output);
        return 0;
      }
    }
  }

  @Command(
      name = "sites",
      mixinStandardHelpOptions = true,
      description = "Top N patrol sites (GeoJSON).")
  static final class Sites implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Mixin Selection sel;
    @Mixin GridOptions grid;

    @Option(names = "-n", defaultValue = "10", description = "How many sites.")
    int n;

    @Option(names = "--radius", defaultValue = "100", description = "Site radius in metres.")
    double radius;

    @Option(
        names = "--model",
        defaultValue = "default",
        description =
            "Forecast model: default (the one that validated best), naive, kde, blend, etas or a"
                + " candidate's name such as kde-150.")
    String model;

    @Override
    public Integer call() {
      try (Wiring wiring = Wiring.open(store.config())) {
        Workspace w = wiring.workspaces().getWorkspace(sel.workspace);
        var req = grid.request(sel.filter(w));
        // --model default (the option's default) with a --bandwidth keeps that KDE map, as before.
        var parsed = ForecastEvaluation.parseModel("model", model, req.bandwidthMeters());
        var result = wiring.hotspots().patrolSites(w.id(), req, n, radius, parsed);
        writeJson(sel.output, HotspotJson.sites(result, wiring.places().index(w.id())));
        System.out.println(
            "wrote "
                + sel.output
                + " (model "
                + result.model()
                + (result.validated() ? ", validated" : "")
                + ")");
        return 0;
      }
    }
  }

  @Command(
      name = "evaluate",
      mixinStandardHelpOptions = true,
      description =
          "Hit rate, PAI and PEI* of every forecast model, Gi* and the default, over rolling-origin"
              + " splits or one train/test split (JSON).")
  static final class Evaluate implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Mixin Selection sel;

    @Option(names = "--train", description = "Training period from/to (with --test).")
    String train;

    @Option(names = "--test", description = "Test period from/to (with --train).")
    String test;

    @Option(names = "--splits", defaultValue = "3", description = "Rolling-origin splits.")
    int splits;

    @Option(names = "--coverage", defaultValue = "0.01,0.02,0.05", description = "Area shares.")
    String coverage;

    @Option(names = "--cell", defaultValue = "150", description = "Square cell in metres.")
    double cell;

    @Option(
        names = "--bandwidth",
        defaultValue = "auto",
        description = "An extra KDE candidate in metres, or auto for none.")
    String bandwidth;

    @Option(names = "--hex", description = "Gi* hexagon width in metres.")
    Double hex;

    @Option(names = "--alpha", defaultValue = "0.05", description = "FDR level for Gi* hot cells.")
    double alpha;

    @Override
    public Integer call() {
      try (Wiring wiring = Wiring.open(store.config())) {
        Workspace w = wiring.workspaces().getWorkspace(sel.workspace);
        List<Double> cov = decimals("coverage", coverage);
        EvaluateRequest req =
            new EvaluateRequest(
                sel.filter(w),
                Optional.ofNullable(train).map(t -> Periods.period("train", t, w.timeZone())),
                Optional.ofNullable(test).map(t -> Periods.period("test", t, w.timeZone())),
                splits,
                cell,
                bandwidth(bandwidth),
                Optional.ofNullable(hex),
                alpha,
                cov.isEmpty() ? ForecastEvaluation.DEFAULT_COVERAGES : cov);
        var result = wiring.hotspots().evaluate(w.id(), req);
        writeJson(sel.output, HotspotJson.evaluation(result, w.timeZone()));
        System.out.println(
            "wrote " + sel.output + " (default model: " + result.chosen().name() + ")");
        return 0;
      }
    }
  }
}
