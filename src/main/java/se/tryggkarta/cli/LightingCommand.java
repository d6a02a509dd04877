package se.tryggkarta.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.tryggkarta.Wiring;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.HourWindow;
import se.tryggkarta.common.Lang;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.http.Json;
import se.tryggkarta.http.api.LightingJson;
import se.tryggkarta.lighting.LightingRequest;
import se.tryggkarta.lighting.NetworkCoverage;
import se.tryggkarta.lighting.PlannedChange;
import se.tryggkarta.lighting.PriorityList;
import se.tryggkarta.lighting.coverage.CoverageSettings;
import se.tryggkarta.lighting.priority.NightWindow;
import se.tryggkarta.lighting.priority.Priority;
import se.tryggkarta.lighting.priority.PriorityKind;
import se.tryggkarta.lighting.priority.PriorityWeights;
import se.tryggkarta.workspace.Workspace;

/**
 * {@code tryggkarta lighting coverage|dark-segments|priorities|what-if}: the lighting analyses of
 * issue 7 straight on the store, with the same parameters and output shapes as the HTTP API. Output
 * goes to stdout or {@code --out FILE}.
 */
@Command(
    name = "lighting",
    mixinStandardHelpOptions = true,
    description = "Lighting coverage, dark stretches, repair/new-light priorities and what-if.",
    subcommands = {
      LightingCommand.Coverage.class,
      LightingCommand.DarkSegments.class,
      LightingCommand.Priorities.class,
      LightingCommand.WhatIf.class
    })
public final class LightingCommand {

  /** Options every lighting subcommand shares. */
  static final class Common {
    @Mixin StoreOptions store;

    @Option(names = "--workspace", required = true, description = "Workspace id.")
    String workspace;

    @Option(
        names = "--radius",
        defaultValue = "25",
        description = "Lit radius in metres of a reference lamp, (0, 200] (default 25).")
    double radius;

    @Option(
        names = "--min-dark",
        defaultValue = "5",
        description = "Dark stretches shorter than this (metres) are not listed (default 5).")
    double minDark;

    @Option(names = "--out", description = "Write to this file instead of stdout.")
    Path out;

    CoverageSettings coverage() {
      return new CoverageSettings(radius, minDark);
    }

    void write(String text) {
      CommandOutput.text(Optional.ofNullable(out), text);
    }

    void writeJson(Object value) {
      try {
        write(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n");
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Night window and weights for priorities and what-if. */
  static final class Ranking {
    @Option(
        names = "--night-from",
        description = "Night starts (hour; default the workspace's night, 18 unless set).")
    Integer nightFrom;

    @Option(
        names = "--night-to",
        description = "Night ends (hour; default the workspace's night, 6 unless set).")
    Integer nightTo;

    @Option(
        names = "--season",
        defaultValue = "year",
        description = "year (default) or winter (October-March only).")
    String season;

    @Option(names = "--lang", defaultValue = "sv", description = "Explanations in sv or en.")
    String lang;

    @Option(names = "--w-incident", defaultValue = "1", description = "Weight per incident.")
    double wIncident;

    @Option(names = "--w-darkness", defaultValue = "3", description = "Weight per darkness report.")
    double wDarkness;

    @Option(names = "--w-report", defaultValue = "1", description = "Weight per other report.")
    double wReport;

    @Option(names = "--bandwidth", defaultValue = "100", description = "Kernel bandwidth, m.")
    double bandwidth;

    @Option(names = "--report-radius", defaultValue = "50", description = "Report radius, m.")
    double reportRadius;

    LightingRequest request(CoverageSettings coverage, Workspace w) {
      HourWindow night = w.settings().night();
      return new LightingRequest(
          coverage,
          new NightWindow(
              nightFrom == null ? night.fromHour() : nightFrom,
              nightTo == null ? night.toHour() : nightTo,
              NightWindow.Season.parse("season", season)),
          new PriorityWeights(wIncident, wDarkness, wReport, bandwidth, reportRadius),
          TimeRange.ALL);
    }
  }

  @Command(
      name = "coverage",
      mixinStandardHelpOptions = true,
      description = "Coverage summary figures as JSON.")
  static final class Coverage implements Callable<Integer> {
    @Mixin Common common;

    @Override
    public Integer call() {
      try (Wiring wiring = Wiring.open(common.store.config())) {
        NetworkCoverage c = wiring.lighting().coverage(common.workspace, common.coverage());
        common.writeJson(LightingJson.coverage(c.result().summary(), common.radius));
        return 0;
      }
    }
  }

  @Command(
      name = "dark-segments",
      mixinStandardHelpOptions = true,
      description = "Unlit stretches as GeoJSON.")
  static final class DarkSegments implements Callable<Integer> {
    @Mixin Common common;

    @Override
    public Integer call() {
      try (Wiring wiring = Wiring.open(common.store.config())) {
        NetworkCoverage c = wiring.lighting().coverage(common.workspace, common.coverage());
        common.writeJson(
            LightingJson.darkSegments(c.result().darkStretches(), c.workspace().crs()));
        return 0;
      }
    }
  }

  @Command(
      name = "priorities",
      mixinStandardHelpOptions = true,
      description = "Ranked repairs and new lights (json, geojson or csv work list).")
  static final class Priorities implements Callable<Integer> {
    @Mixin Common common;
    @Mixin Ranking ranking;

    @Option(names = "-n", defaultValue = "20", description = "How many entries (default 20).")
    int n;

    @Option(names = "--kind", description = "repair or new-light (default both).")
    String kind;

    @Option(names = "--format", defaultValue = "csv", description = "json, geojson or csv.")
    String format;

    @Override
    public Integer call() {
      if (n < 1 || n > 1000) {
        throw DomainException.invalid("n", "n must be 1..1000, was " + n);
      }
      Optional<PriorityKind> k = Optional.ofNullable(kind).map(x -> PriorityKind.parse("kind", x));
      try (Wiring wiring = Wiring.open(common.store.config())) {
        Lang language = Lang.parse("lang", ranking.lang);
        PriorityList list =
            wiring
                .lighting()
                .priorities(
                    common.workspace,
                    ranking.request(
                        common.coverage(), wiring.workspaces().getWorkspace(common.workspace)));
        List<Priority> shown =
            list.priorities().stream()
                .filter(p -> k.isEmpty() || p.kind() == k.get())
                .limit(n)
                .toList();
        var crs = list.workspace().crs();
        switch (format.toLowerCase(Locale.ROOT)) {
          case "csv" -> common.write(LightingJson.prioritiesCsv(shown, crs, language));
          case "geojson" -> common.writeJson(LightingJson.prioritiesGeoJson(shown, crs, language));
          case "json" -> common.writeJson(LightingJson.priorityList(list, shown, language));
          default ->
              throw DomainException.invalid(
                  "format", "format must be json, geojson or csv, was " + format);
        }
        return 0;
      }
    }
  }

  @Command(
      name = "what-if",
      mixinStandardHelpOptions = true,
      description = "Before/after figures of repairing lamps or adding new ones.")
  static final class WhatIf implements Callable<Integer> {
    @Mixin Common common;
    @Mixin Ranking ranking;

    @Option(names = "--repair", split = ",", description = "Lamp ids to repair.")
    List<String> repair;

    @Option(names = "--add", description = "A new lamp at LON,LAT (repeatable).")
    List<String> add;

    @Override
    public Integer call() {
      List<LonLat> points = new ArrayList<>();
      if (add != null) {
        for (String a : add) {
          points.add(LonLat.parse("add", a));
        }
      }
      PlannedChange change = new PlannedChange(repair == null ? List.of() : repair, points);
      try (Wiring wiring = Wiring.open(common.store.config())) {
        var result =
            wiring
                .lighting()
                .whatIf(
                    common.workspace,
                    ranking.request(
                        common.coverage(), wiring.workspaces().getWorkspace(common.workspace)),
                    change);
        common.writeJson(LightingJson.whatIf(result, common.radius));
        return 0;
      }
    }
  }
}
