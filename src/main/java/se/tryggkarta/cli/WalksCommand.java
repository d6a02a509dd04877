package se.tryggkarta.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.tryggkarta.Wiring;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.Lang;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.route.Gpx;
import se.tryggkarta.route.WalkPlan;
import se.tryggkarta.route.WalkProtocol;
import se.tryggkarta.route.WalkRequest;
import se.tryggkarta.route.WalkStop;
import se.tryggkarta.workspace.Workspace;

/** {@code tryggkarta walks plan}: plans a safety walk and prints or writes it. */
@Command(
    name = "walks",
    mixinStandardHelpOptions = true,
    description = "Safety walks (trygghetsvandringar).",
    subcommands = {WalksCommand.Plan.class})
public final class WalksCommand {

  @Command(name = "plan", mixinStandardHelpOptions = true, description = "Plan a safety walk.")
  static final class Plan implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Option(names = "--workspace", required = true, description = "Workspace id.")
    String workspace;

    @Option(names = "--start", required = true, description = "Meeting point lon,lat (WGS84).")
    String start;

    @Option(names = "--max-length-m", required = true, description = "Longest walk, metres.")
    double maxLengthM;

    @Option(names = "--must-visit", split = ",", description = "Ids the walk must pass.")
    List<String> mustVisit;

    @Option(names = "--no-loop", description = "End at the last stop instead of the start.")
    boolean noLoop;

    @Option(names = "--stop-minutes", defaultValue = "5", description = "Minutes per stop.")
    double stopMinutes;

    @Option(names = "--max-candidates", defaultValue = "40", description = "Candidates, 1..100.")
    int maxCandidates;

    @Option(
        names = "--format",
        defaultValue = "text",
        description = "text, html (the printable protocol) or gpx.")
    String format;

    @Option(
        names = "--lang",
        defaultValue = "sv",
        description = "Language of the protocol and texts: sv (default) or en.")
    String lang;

    @Option(names = "--out", description = "Write to this file instead of standard output.")
    Path out;

    @Override
    public Integer call() {
      if (!List.of("text", "html", "gpx").contains(format)) {
        throw DomainException.invalid("format", "format must be text, html or gpx, was " + format);
      }
      try (Wiring wiring = Wiring.open(store.config())) {
        WalkRequest request =
            new WalkRequest(
                LonLat.parse("start", start),
                maxLengthM,
                mustVisit == null ? List.of() : mustVisit,
                Optional.empty(),
                !noLoop,
                stopMinutes,
                maxCandidates);
        Lang language = Lang.parse("lang", lang);
        WalkPlan plan = wiring.walkPlanner().plan(workspace, request);
        Workspace w = wiring.workspaces().getWorkspace(workspace);
        String text =
            switch (format) {
              case "html" ->
                  WalkProtocol.html(
                      plan, w, wiring.places().index(w.id()), language, java.time.Instant.now());
              case "gpx" ->
                  Gpx.of(
                      plan,
                      (language == Lang.SV ? "Trygghetsvandring " : "Safety walk ") + w.name(),
                      language);
              default -> text(plan, language);
            };
        CommandOutput.text(Optional.ofNullable(out), text);
        if (out != null) {
          System.out.println("wrote " + out);
        }
        return 0;
      }
    }

    private static String text(WalkPlan plan, Lang lang) {
      StringBuilder s = new StringBuilder();
      s.append(
          String.format(
              Locale.ROOT,
              "%.0f m, %.0f min walking + %d stops = %.0f min; priority %.1f of %.1f%n",
              plan.lengthMeters(),
              plan.walkingMinutes(),
              plan.stops().size(),
              plan.totalMinutes(),
              plan.coveredPriority(),
              plan.availablePriority()));
      for (WalkStop st : plan.stops()) {
        s.append(
            String.format(
                Locale.ROOT,
                "%2d. %7.0f m  %.6f,%.6f  %s: %s%n",
                st.number(),
                st.distanceFromStartMeters(),
                st.location().lon(),
                st.location().lat(),
                st.name(lang),
                st.reason(lang)));
      }
      plan.warnings().forEach(w -> s.append("warning: ").append(w.in(lang)).append('\n'));
      return s.toString();
    }
  }
}
