package se.tryggkarta.lighting.priority;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import se.tryggkarta.layer.LampStatus;
import se.tryggkarta.lighting.coverage.CoverageResult;
import se.tryggkarta.lighting.coverage.DarkCause;
import se.tryggkarta.lighting.coverage.DarkStretch;
import se.tryggkarta.lighting.coverage.LampPoint;

/**
 * Ranks broken lamps to repair and dark stretches to light by the benefit score of {@link
 * PriorityWeights}: {@code score = W · (w_n·N + w_d·D + w_u·U)}. Candidates: every broken lamp (its
 * target is the lamp's position; its gain the dark length only it would light) and every dark
 * stretch whose cause is missing lamps (stretches dark from broken lamps are fixed by repairs).
 *
 * <p>Order: score descending, then lit gain descending, then id; so equal data give the same list.
 * Stateless and thread-safe.
 */
public final class PriorityRanking {
  private static final GeometryFactory GF = new GeometryFactory();

  private PriorityRanking() {}

  /** The total order of the ranking. */
  public static final Comparator<Priority> ORDER =
      Comparator.comparingDouble(Priority::score)
          .reversed()
          .thenComparing(Comparator.comparingDouble(Priority::litGainMeters).reversed())
          .thenComparing(Priority::id);

  /**
   * Every candidate, ranked. {@code nightWords} describes the night window for explanations ({@code
   * 18–06, Oct–Mar}).
   */
  public static List<Priority> rank(
      CoverageResult coverage,
      List<LampPoint> lamps,
      NightDensity night,
      ReportIndex reports,
      PriorityWeights w,
      String nightWords) {
    double maxFootfall =
        coverage.segments().stream()
            .mapToDouble(s -> s.street().footfall().orElse(0))
            .max()
            .orElse(0);
    List<Priority> out = new ArrayList<>();
    Map<String, DarkStretch> bestStretchByLamp = new HashMap<>();
    Map<String, Double> bestWalkByLamp = new HashMap<>();
    List<DarkStretch> missing = new ArrayList<>();
    for (DarkStretch d : coverage.darkStretches()) {
      WalkFactor walk = WalkFactor.of(d.street(), maxFootfall);
      if (d.cause() == DarkCause.MISSING) {
        missing.add(d);
      } else {
        for (String lampId : d.brokenLampIds()) {
          if (walk.value() > bestWalkByLamp.getOrDefault(lampId, -1.0)) {
            bestWalkByLamp.put(lampId, walk.value());
            bestStretchByLamp.put(lampId, d);
          }
        }
      }
    }
    List<Geometry> stretchTargets = new ArrayList<>(missing.size());
    missing.forEach(d -> stretchTargets.add(d.lineMeters()));
    List<ReportIndex.Counts> stretchReports =
        reports.assign(stretchTargets, w.reportRadiusMeters());
    for (int i = 0; i < missing.size(); i++) {
      DarkStretch d = missing.get(i);
      out.add(
          newLight(
              d,
              WalkFactor.of(d.street(), maxFootfall),
              night,
              stretchReports.get(i),
              w,
              nightWords));
    }
    List<LampPoint> broken = new ArrayList<>();
    List<Geometry> lampTargets = new ArrayList<>();
    for (LampPoint lamp : lamps) {
      if (lamp.status() == LampStatus.BROKEN) {
        broken.add(lamp);
        lampTargets.add(GF.createPoint(new Coordinate(lamp.position().x(), lamp.position().y())));
      }
    }
    List<ReportIndex.Counts> lampReports = reports.assign(lampTargets, w.reportRadiusMeters());
    for (int i = 0; i < broken.size(); i++) {
      LampPoint lamp = broken.get(i);
      Optional<DarkStretch> lit = Optional.ofNullable(bestStretchByLamp.get(lamp.id()));
      WalkFactor walk =
          lit.map(d -> WalkFactor.of(d.street(), maxFootfall))
              .orElse(new WalkFactor(WalkFactor.UNKNOWN_CLASS, "no dark street in reach"));
      double gain = coverage.repairGainMeters().getOrDefault(lamp.id(), 0.0);
      out.add(
          repair(
              lamp, lampTargets.get(i), lit, walk, gain, night, lampReports.get(i), w, nightWords));
    }
    out.sort(ORDER);
    return out;
  }

  private static Priority newLight(
      DarkStretch d,
      WalkFactor walk,
      NightDensity night,
      ReportIndex.Counts c,
      PriorityWeights w,
      String nightWords) {
    Geometry target = d.lineMeters();
    NightDensity.Exposure e = night.exposure(target);
    double n = e.weightedCount();
    double score = score(w, walk, n, c);
    String head =
        String.format(
            Locale.ROOT,
            "Light %.0f m of %s%s, dark because no lamp reaches it.",
            d.lengthMeters(),
            d.street().highway(),
            d.street().name().map(s -> " (" + s + ")").orElse(""));
    return new Priority(
        d.id(),
        PriorityKind.NEW_LIGHT,
        score,
        target,
        d.lengthMeters(),
        n,
        c.darkness(),
        c.other(),
        walk,
        e.incidentsWithinReach() + c.darkness() + c.other(),
        Optional.of(d.street().id()),
        Optional.empty(),
        d.street().name(),
        head + " " + because(w, walk, n, c, score, night, nightWords));
  }

  private static Priority repair(
      LampPoint lamp,
      Geometry target,
      Optional<DarkStretch> lit,
      WalkFactor walk,
      double gain,
      NightDensity night,
      ReportIndex.Counts c,
      PriorityWeights w,
      String nightWords) {
    NightDensity.Exposure e = night.exposure(target);
    double n = e.weightedCount();
    double score = score(w, walk, n, c);
    String head =
        String.format(
            Locale.ROOT,
            "Repair lamp %s: it would light %.0f m of street that is now dark%s.",
            lamp.id(),
            gain,
            lit.flatMap(d -> d.street().name()).map(s -> " on " + s).orElse(""));
    return new Priority(
        "repair-" + lamp.id(),
        PriorityKind.REPAIR,
        score,
        target,
        gain,
        n,
        c.darkness(),
        c.other(),
        walk,
        e.incidentsWithinReach() + c.darkness() + c.other(),
        lit.map(d -> d.street().id()),
        Optional.of(lamp.id()),
        lit.flatMap(d -> d.street().name()),
        head + " " + because(w, walk, n, c, score, night, nightWords));
  }

  static double score(PriorityWeights w, WalkFactor walk, double n, ReportIndex.Counts c) {
    return walk.value()
        * (w.nightIncident() * n + w.darknessReport() * c.darkness() + w.otherReport() * c.other());
  }

  private static String because(
      PriorityWeights w,
      WalkFactor walk,
      double n,
      ReportIndex.Counts c,
      double score,
      NightDensity night,
      String nightWords) {
    return String.format(
        Locale.ROOT,
        "%.1f night-time incidents nearby (%s; %s), %d darkness report%s and %d other unsafe"
            + " report%s within %.0f m; walk factor %.2f (%s). Score = %.2f × (%.1f×%.2f +"
            + " %.1f×%d + %.1f×%d) = %.2f.",
        n,
        night.describe(),
        nightWords,
        c.darkness(),
        c.darkness() == 1 ? "" : "s",
        c.other(),
        c.other() == 1 ? "" : "s",
        w.reportRadiusMeters(),
        walk.value(),
        walk.basis(),
        walk.value(),
        w.nightIncident(),
        n,
        w.darknessReport(),
        c.darkness(),
        w.otherReport(),
        c.other(),
        score);
  }
}
