package se.tryggkarta.lighting.priority;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;
import se.tryggkarta.common.Lang;
import se.tryggkarta.common.Text;
import se.tryggkarta.common.XY;
import se.tryggkarta.layer.LampStatus;
import se.tryggkarta.lighting.coverage.CoverageResult;
import se.tryggkarta.lighting.coverage.DarkCause;
import se.tryggkarta.lighting.coverage.DarkStretch;
import se.tryggkarta.lighting.coverage.LampPoint;
import se.tryggkarta.lighting.coverage.StreetLine;

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

  /** Every candidate, ranked, with no place names for the explanations. */
  public static List<Priority> rank(
      CoverageResult coverage,
      List<LampPoint> lamps,
      NightDensity night,
      ReportIndex reports,
      PriorityWeights w,
      NightWindow window) {
    return rank(coverage, lamps, night, reports, w, window, xy -> Optional.empty());
  }

  /**
   * Every candidate, ranked. {@code window} is the night the incidents were counted in, for the
   * explanations; {@code placeName} names a position (projected CRS) after the nearest named place
   * or street, so that a lamp standing on a square is "at Resecentrum" rather than nowhere.
   */
  public static List<Priority> rank(
      CoverageResult coverage,
      List<LampPoint> lamps,
      NightDensity night,
      ReportIndex reports,
      PriorityWeights w,
      NightWindow window,
      Function<XY, Optional<String>> placeName) {
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
              window,
              placeName));
    }
    STRtree streetIndex = new STRtree();
    for (var seg : coverage.segments()) {
      streetIndex.insert(seg.street().lineMeters().getEnvelopeInternal(), seg.street());
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
      Optional<StreetLine> litStreet =
          lit.isPresent() ? Optional.of(lit.get().street()) : streetInReach(streetIndex, lamp);
      out.add(
          repair(
              lamp,
              lampTargets.get(i),
              lit,
              litStreet,
              walk,
              gain,
              night,
              lampReports.get(i),
              w,
              window,
              placeName));
    }
    out.sort(ORDER);
    return out;
  }

  /** The nearest street within the lamp's radius, if any (its light would fall there). */
  private static Optional<StreetLine> streetInReach(STRtree index, LampPoint lamp) {
    Geometry p = GF.createPoint(new Coordinate(lamp.position().x(), lamp.position().y()));
    Envelope e = p.getEnvelopeInternal();
    e.expandBy(lamp.radiusMeters());
    StreetLine best = null;
    double bestD = Double.POSITIVE_INFINITY;
    for (Object o : index.query(e)) {
      StreetLine s = (StreetLine) o;
      double d = s.lineMeters().distance(p);
      if (d <= lamp.radiusMeters() && d < bestD) {
        bestD = d;
        best = s;
      }
    }
    return Optional.ofNullable(best);
  }

  private static Priority newLight(
      DarkStretch d,
      WalkFactor walk,
      NightDensity night,
      ReportIndex.Counts c,
      PriorityWeights w,
      NightWindow window,
      Function<XY, Optional<String>> placeName) {
    Geometry target = d.lineMeters();
    NightDensity.Exposure e = night.exposure(target);
    double n = e.weightedCount();
    double score = score(w, walk, n, c);
    Optional<String> street = d.street().name();
    Point mid = target.getInteriorPoint();
    Optional<String> place = placeName.apply(new XY(mid.getX(), mid.getY()));
    double length = d.lengthMeters();
    String highway = d.street().highway();
    Text head =
        lang ->
            lang == Lang.SV
                ? "Sätt upp belysning längs "
                    + lang.distance(length)
                    + " "
                    + streetClass(highway, lang)
                    + street.or(() -> place).map(s -> " (" + s + ")").orElse("")
                    + ", mörk eftersom ingen lampa når dit."
                : "Light "
                    + lang.distance(length)
                    + " of "
                    + streetClass(highway, lang)
                    + street.or(() -> place).map(s -> " (" + s + ")").orElse("")
                    + ", dark because no lamp reaches it.";
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
        street,
        place,
        explanation(head, because(w, walk, n, c, score, night, window)));
  }

  private static Priority repair(
      LampPoint lamp,
      Geometry target,
      Optional<DarkStretch> lit,
      Optional<StreetLine> streetInReach,
      WalkFactor walk,
      double gain,
      NightDensity night,
      ReportIndex.Counts c,
      PriorityWeights w,
      NightWindow window,
      Function<XY, Optional<String>> placeName) {
    NightDensity.Exposure e = night.exposure(target);
    double n = e.weightedCount();
    double score = score(w, walk, n, c);
    Optional<String> street = streetInReach.flatMap(StreetLine::name);
    Optional<String> place = placeName.apply(lamp.position());
    Optional<String> at = street.or(() -> place);
    double radius = lamp.radiusMeters();
    boolean nearStreet = streetInReach.isPresent();
    Text head =
        lang -> {
          boolean sv = lang == Lang.SV;
          String which =
              (sv ? "Laga lampa " : "Repair lamp ")
                  + lamp.id()
                  + at.map(s -> (sv ? " vid " : " at ") + s).orElse("")
                  + ": ";
          if (gain > 0) {
            return which
                + (sv
                    ? "den skulle lysa upp " + lang.distance(gain) + " gata som nu är mörk."
                    : "it would light " + lang.distance(gain) + " of street that is now dark.");
          }
          if (nearStreet) {
            return which
                + (sv
                    ? "andra lampor lyser redan upp gatan inom "
                        + lang.distance(radius)
                        + " från den, så lagningen ger ingen ny belyst sträcka men återställer"
                        + " reserven."
                    : "other lamps already light the street within "
                        + lang.distance(radius)
                        + " of it, so the repair lights no new stretch; it restores the spare.");
          }
          return which
              + (sv
                  ? "ingen gata i nätet går inom "
                      + lang.distance(radius)
                      + " från den (ett torg eller en öppen plats), så den lyser inte upp någon"
                      + " gatusträcka; den räknas för händelserna och rapporterna där."
                  : "no street of the network passes within "
                      + lang.distance(radius)
                      + " of it (a square or an open space), so it lights no stretch of street;"
                      + " it counts for the incidents and reports there.");
        };
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
        place,
        explanation(head, because(w, walk, n, c, score, night, window)));
  }

  private static Text explanation(Text head, Text because) {
    return lang -> head.in(lang) + " " + because.in(lang);
  }

  /** The OSM street class in words: "gångväg" / "footway". */
  static String streetClass(String highway, Lang lang) {
    if (lang == Lang.EN) {
      return highway.replace('_', ' ');
    }
    return switch (highway) {
      case "footway" -> "gångväg";
      case "path", "trail" -> "stig";
      case "pedestrian" -> "gågata";
      case "steps" -> "trappa";
      case "cycleway" -> "cykelväg";
      case "living_street" -> "gångfartsgata";
      case "residential" -> "bostadsgata";
      case "service" -> "tillfartsväg";
      case "unclassified" -> "mindre väg";
      case "tertiary", "secondary", "primary" -> "huvudgata";
      default -> "gata (" + highway + ")";
    };
  }

  /** A walk factor's basis in words. */
  static String basis(WalkFactor walk, Lang lang) {
    String b = walk.basis();
    if (lang == Lang.EN) {
      return b;
    }
    if (b.startsWith("footfall ")) {
      return b.replace("footfall ", "gångflöde ").replace(" of max ", " av högst ");
    }
    if (b.equals("no dark street in reach")) {
      return "ingen mörk gata inom räckhåll";
    }
    if (b.endsWith(" (unrated class)")) {
      return b.replace(" (unrated class)", " (klass utan värde)");
    }
    return streetClass(b, lang);
  }

  static double score(PriorityWeights w, WalkFactor walk, double n, ReportIndex.Counts c) {
    return walk.value()
        * (w.nightIncident() * n + w.darknessReport() * c.darkness() + w.otherReport() * c.other());
  }

  private static Text because(
      PriorityWeights w,
      WalkFactor walk,
      double n,
      ReportIndex.Counts c,
      double score,
      NightDensity night,
      NightWindow window) {
    return lang -> {
      boolean sv = lang == Lang.SV;
      String formula =
          lang.number(walk.value(), 2)
              + " × ("
              + lang.number(w.nightIncident(), 1)
              + "×"
              + lang.number(n, 2)
              + " + "
              + lang.number(w.darknessReport(), 1)
              + "×"
              + lang.integer(c.darkness())
              + " + "
              + lang.number(w.otherReport(), 1)
              + "×"
              + lang.integer(c.other())
              + ") = "
              + lang.number(score, 2);
      return sv
          ? lang.number(n, 1)
              + " händelser nattetid i närheten ("
              + night.describe(lang)
              + "; "
              + window.describe(lang)
              + "), "
              + lang.integer(c.darkness())
              + (c.darkness() == 1 ? " rapport om mörker" : " rapporter om mörker")
              + " och "
              + lang.integer(c.other())
              + (c.other() == 1 ? " annan trygghetsrapport" : " andra trygghetsrapporter")
              + " inom "
              + lang.distance(w.reportRadiusMeters())
              + "; gångfaktor "
              + lang.number(walk.value(), 2)
              + " ("
              + basis(walk, lang)
              + "). Poäng = "
              + formula
              + "."
          : lang.number(n, 1)
              + " night-time incidents nearby ("
              + night.describe(lang)
              + "; "
              + window.describe(lang)
              + "), "
              + lang.integer(c.darkness())
              + (c.darkness() == 1 ? " darkness report" : " darkness reports")
              + " and "
              + lang.integer(c.other())
              + (c.other() == 1 ? " other unsafe report" : " other unsafe reports")
              + " within "
              + lang.distance(w.reportRadiusMeters())
              + "; walk factor "
              + lang.number(walk.value(), 2)
              + " ("
              + basis(walk, lang)
              + "). Score = "
              + formula
              + ".";
    };
  }
}
