package se.tryggkarta.commitment.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import se.tryggkarta.commitment.CommitmentPlace;
import se.tryggkarta.commitment.CommitmentProgress;
import se.tryggkarta.commitment.link.Coverage;
import se.tryggkarta.commitment.link.DiffInDiff;
import se.tryggkarta.commitment.link.HotspotSite;
import se.tryggkarta.commitment.link.PlaceChange;
import se.tryggkarta.commitment.progress.Progress;
import se.tryggkarta.commitment.progress.ProgressStatus;
import se.tryggkarta.common.Lang;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.place.Address;
import se.tryggkarta.place.PlaceIndex;
import se.tryggkarta.place.SvgMap;

/**
 * Renders a {@link FollowUpReport} as a self-contained, printable HTML page in Swedish or English:
 * a table and a progress bar per commitment, each over its own period when the report follows
 * commitments over their own periods; their public notes (the newest, saying "visar 10 av 22" when
 * there are more); a map over the workspace's streets and named places of the promised places
 * (blue) and the hotspot sites (red, numbered by the rank the sites API gives for the period); the
 * coverage and drift tables; and the change figures with their caveat. People read titles, names
 * and addresses, never ids; numbers and dates follow the language ("1 222", "2,8", "4 dec 2026
 * 15:44" in the workspace's zone). Every text from the data is HTML-escaped. No scripts, no
 * external resources. Stateless; thread-safe.
 */
public final class FollowUpHtml {
  static final int MAP_WIDTH = 680;
  static final int MAP_HEIGHT = 460;

  /** Space around the places and sites on the map, metres. */
  static final double MAP_PADDING_M = 80;

  /** The change figures' caveat in English ({@link PlaceChange#CAVEAT_SV} is the Swedish one). */
  static final String CAVEAT_EN =
      "The change before and during the period describes what happened; it does not prove that the"
          + " measure worked. The number of reported incidents also depends on police presence,"
          + " willingness to report, chance and whatever else happened at the same time; the"
          + " comparison area (a ring around the place) removes only what changed alike in both.";

  private FollowUpHtml() {}

  /**
   * The report page.
   *
   * @param names the workspace's streets and places: the map's base and the sites' addresses
   * @param zone the workspace's time zone, for the time it was made
   */
  public static String render(FollowUpReport r, Lang lang, PlaceIndex names, ZoneId zone) {
    boolean sv = lang == Lang.SV;
    StringBuilder h = new StringBuilder(16_384);
    String title = sv ? "Uppföljning av medborgarlöften" : "Follow-up of citizen promises";
    h.append("<!DOCTYPE html>\n<html lang=\"")
        .append(lang.code())
        .append("\"><head><meta charset=\"utf-8\"><title>")
        .append(esc(title))
        .append(" – ")
        .append(esc(r.workspaceName()))
        .append("</title><style>")
        .append(
            "body{font-family:system-ui,sans-serif;max-width:62rem;margin:2rem auto;color:#222}")
        .append("table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}")
        .append("th,td{border-bottom:1px solid #ccc;padding:.3rem .5rem;text-align:left}")
        .append("td.n{text-align:right;white-space:nowrap}")
        .append(".bar{background:#eee;width:10rem;height:.9rem;display:inline-block}")
        .append(".bar span{display:block;height:100%;background:#2a7ab0}")
        .append(".caveat{background:#fff6d6;padding:.6rem;border-left:4px solid #e0b000}")
        .append(".small{color:#555}svg{border:1px solid #ccc;max-width:100%;height:auto}")
        .append("@media print{body{margin:0}}</style></head><body>\n");
    LocalDate last = r.to().minusDays(1);
    h.append("<h1>").append(esc(title)).append("</h1>\n<p>").append(esc(r.workspaceName()));
    if (r.ownPeriods()) {
      h.append(
              sv
                  ? ". Varje löfte följs upp över sin egen period, läget per "
                  : ". Each promise is followed up over its own period, as of ")
          .append(lang.date(last))
          .append(sv ? " eller periodens sista dag." : " or the period's last day.");
    } else {
      h.append(sv ? ", perioden " : ", the period ")
          .append(lang.date(r.from()))
          .append(" – ")
          .append(lang.date(last))
          .append(sv ? ". Läget per " : ". As of ")
          .append(lang.date(last))
          .append('.');
    }
    if (r.publicView()) {
      h.append(
          sv
              ? " Offentlig version: små tal redovisas inte."
              : " Public version: small counts are withheld.");
    }
    h.append("</p>\n");
    commitmentTable(h, r, lang);
    notes(h, r, lang);
    h.append("<h2>").append(sv ? "Karta" : "Map").append("</h2>\n").append(map(r, names, lang));
    coverage(h, r, names, lang);
    changes(h, r, lang);
    h.append("<p class=\"small\">")
        .append(sv ? "Skapad " : "Made ")
        .append(lang.dateTime(r.generatedAt(), zone))
        .append(sv ? " av Tryggkarta." : " by Tryggkarta.")
        .append("</p>\n</body></html>\n");
    return h.toString();
  }

  private static void commitmentTable(StringBuilder h, FollowUpReport r, Lang lang) {
    boolean sv = lang == Lang.SV;
    h.append("<h2>")
        .append(sv ? "Löften och resultat" : "Promises and results")
        .append("</h2>\n<table><thead><tr>");
    for (String c :
        sv
            ? List.of(
                "Löfte",
                "Ansvarig",
                "Period",
                "Läget per",
                "Gjort",
                "Mål",
                "Förväntat hittills",
                "Prognos",
                "Läge",
                "")
            : List.of(
                "Promise",
                "Responsible",
                "Period",
                "As of",
                "Done",
                "Target",
                "Expected by now",
                "Projected",
                "Status",
                "")) {
      h.append("<th>").append(esc(c)).append("</th>");
    }
    h.append("</tr></thead><tbody>\n");
    for (FollowUpReport.Entry e : r.commitments()) {
      Progress p = e.progress().total();
      h.append("<tr><td>")
          .append(esc(e.commitment().title()))
          .append("</td><td>")
          .append(esc(responsible(e.commitment().responsible(), lang)))
          .append("</td><td>")
          .append(lang.date(e.commitment().periodStart()))
          .append(" – ")
          .append(lang.date(e.commitment().periodEnd()))
          .append("</td><td>")
          .append(lang.date(p.asOf()))
          .append("</td>");
      progressCells(h, p, lang);
      h.append("</tr>\n");
      for (CommitmentProgress.PlaceProgress pp : e.progress().perPlace()) {
        h.append("<tr><td>&nbsp;&nbsp;")
            .append(sv ? "varav " : "of which ")
            .append(esc(pp.name()))
            .append("</td><td></td><td></td><td></td>");
        progressCells(h, pp.progress(), lang);
        h.append("</tr>\n");
      }
    }
    h.append("</tbody></table>\n");
  }

  private static void notes(StringBuilder h, FollowUpReport r, Lang lang) {
    boolean sv = lang == Lang.SV;
    for (FollowUpReport.Entry e : r.commitments()) {
      if (e.publicNotes().isEmpty()) {
        continue;
      }
      h.append("<h3>")
          .append(esc(e.commitment().title()))
          .append(sv ? ": anteckningar" : ": notes")
          .append("</h3>");
      if (e.notesTotal() > e.publicNotes().size()) {
        h.append("<p class=\"small\">")
            .append(sv ? "Visar " : "Showing ")
            .append(lang.integer(e.publicNotes().size()))
            .append(sv ? " av " : " of ")
            .append(lang.integer(e.notesTotal()))
            .append(sv ? ", de senaste." : ", the newest.")
            .append("</p>");
      }
      h.append("<ul>");
      for (FollowUpReport.Note n : e.publicNotes()) {
        h.append("<li>")
            .append(lang.date(n.date()))
            .append(": ")
            .append(esc(n.text()))
            .append("</li>");
      }
      h.append("</ul>\n");
    }
  }

  private static void coverage(StringBuilder h, FollowUpReport r, PlaceIndex names, Lang lang) {
    boolean sv = lang == Lang.SV;
    h.append("<h2>")
        .append(sv ? "Täcker löftena brännpunkterna?" : "Do the promises cover the hotspots?")
        .append("</h2>\n<p class=\"small\">")
        .append(
            sv
                ? "Brännpunkterna är de platser med flest händelser under perioden, numrerade som"
                    + " kartan och API:t numrerar dem för samma period."
                : "The hotspots are the places with the most incidents in the period, numbered as"
                    + " the map and the API number them for the same period.")
        .append("</p>\n<table><thead><tr><th>")
        .append(sv ? "Brännpunkt" : "Hotspot")
        .append("</th><th>")
        .append(sv ? "Händelser" : "Incidents")
        .append("</th><th>")
        .append(sv ? "Täcks av" : "Covered by")
        .append("</th></tr></thead><tbody>\n");
    for (Coverage.SiteCoverage s : r.coverage().sites()) {
      h.append("<tr><td>")
          .append(esc(siteName(s.site(), names)))
          .append("</td><td class=\"n\">")
          .append(lang.integer(s.site().eventCount()))
          .append("</td><td>")
          .append(
              s.covered()
                  ? esc(
                      String.join(
                          ", ",
                          s.coveredBy().stream()
                              .map(c -> c.placeName() + " (" + r.title(c.commitmentId()) + ")")
                              .toList()))
                  : (sv ? "<strong>Inget löfte</strong>" : "<strong>No promise</strong>"))
          .append("</td></tr>\n");
    }
    h.append("</tbody></table>\n");
    List<Coverage.PlaceDrift> drifted =
        r.coverage().places().stream().filter(d -> !d.stillHotspot()).toList();
    if (!drifted.isEmpty()) {
      h.append("<p>")
          .append(
              sv
                  ? "Platser i löftena som inte längre hör till brännpunkterna (överväg att rikta"
                      + " om):"
                  : "Places in the promises that are no longer among the hotspots (consider"
                      + " retargeting):")
          .append("</p><ul>");
      for (Coverage.PlaceDrift d : drifted) {
        h.append("<li>")
            .append(esc(d.placeName()))
            .append(" (")
            .append(esc(r.title(d.commitmentId())))
            .append(")</li>");
      }
      h.append("</ul>\n");
    }
  }

  private static void changes(StringBuilder h, FollowUpReport r, Lang lang) {
    boolean sv = lang == Lang.SV;
    h.append("<h2>")
        .append(sv ? "Förändring på platserna" : "Change at the places")
        .append("</h2>\n<table><thead><tr>");
    for (String c :
        sv
            ? List.of(
                "Plats",
                "Löfte",
                "Före, per månad",
                "Under, per månad",
                "Jämförelse före",
                "Jämförelse under",
                "Skillnad i skillnad")
            : List.of(
                "Place",
                "Promise",
                "Before, per month",
                "During, per month",
                "Comparison before",
                "Comparison during",
                "Difference in differences")) {
      h.append("<th>").append(esc(c)).append("</th>");
    }
    h.append("</tr></thead><tbody>\n");
    for (PlaceChange c : r.changes()) {
      h.append("<tr><td>")
          .append(esc(c.placeName()))
          .append("</td><td>")
          .append(esc(r.title(c.commitmentId())))
          .append("</td>");
      if (c.figures().isPresent()) {
        DiffInDiff f = c.figures().get();
        h.append(td(f.placeRateBefore(), lang))
            .append(td(f.placeRateDuring(), lang))
            .append(td(f.comparisonRateBefore(), lang))
            .append(td(f.comparisonRateDuring(), lang))
            .append(td(f.difference(), lang));
      } else {
        h.append("<td colspan=\"5\">")
            .append(
                c.suppressed()
                    ? (sv
                        ? "För få händelser för att redovisas offentligt"
                        : "Too few incidents to show in public")
                    : (sv ? "Perioden har inte börjat" : "The period has not begun"))
            .append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody></table>\n<p class=\"caveat\">")
        .append(esc(sv ? r.caveat() : CAVEAT_EN))
        .append("</p>\n");
    // sections other features add (the safety walks' findings and actions), as they render them
    r.sections().forEach(h::append);
  }

  /**
   * "Hotspot 3 · Storgatan": the rank and the nearest named street or place of its middle (the
   * circle's centroid, its centre: the point the sites API names it after).
   */
  static String siteName(HotspotSite site, PlaceIndex names) {
    Point c = site.areaWgs84().getCentroid();
    Address a = names.addressOf(new LonLat(c.getX(), c.getY()));
    return "Hotspot " + site.rank() + (a.isEmpty() ? "" : " · " + a.label());
  }

  private static void progressCells(StringBuilder h, Progress p, Lang lang) {
    h.append("<td class=\"n\">")
        .append(lang.integer(p.done()))
        .append("</td><td class=\"n\">")
        .append(p.target().isPresent() ? lang.integer(p.target().getAsLong()) : "–")
        .append("</td><td class=\"n\">")
        .append(p.target().isPresent() ? lang.number(p.expectedByNow(), 1) : "–")
        .append("</td><td class=\"n\">")
        .append(p.projectedAtEnd().map(v -> lang.number(v, 1)).orElse("–"))
        .append("</td><td>")
        .append(status(p.status(), lang))
        .append("</td><td>");
    p.fractionDone()
        .ifPresent(
            f ->
                h.append("<span class=\"bar\" title=\"")
                    .append(lang.percent(f))
                    .append("\"><span style=\"width:")
                    .append(Math.round(f * 100))
                    .append("%\"></span></span>"));
    h.append("</td>");
  }

  static String status(ProgressStatus s, Lang lang) {
    boolean sv = lang == Lang.SV;
    return switch (s) {
      case NOT_STARTED -> sv ? "Ej påbörjat" : "Not started";
      case ON_TRACK -> sv ? "I fas" : "On track";
      case BEHIND -> sv ? "Efter" : "Behind";
      case AT_RISK -> sv ? "I riskzonen" : "At risk";
      case MET -> sv ? "Uppfyllt" : "Met";
      case ENDED_UNMET -> sv ? "Ej uppfyllt" : "Not met";
      case NO_TARGET -> sv ? "Utan mål" : "No target";
    };
  }

  static String responsible(String r, Lang lang) {
    boolean sv = lang == Lang.SV;
    return switch (r) {
      case "police" -> sv ? "Polisen" : "The police";
      case "municipality" -> sv ? "Kommunen" : "The municipality";
      case "joint" -> sv ? "Polisen och kommunen" : "The police and the municipality";
      default -> r;
    };
  }

  private static String map(FollowUpReport r, PlaceIndex names, Lang lang) {
    boolean sv = lang == Lang.SV;
    List<Geometry> places = new ArrayList<>();
    r.commitments()
        .forEach(
            e ->
                e.commitment().places().stream()
                    .map(CommitmentPlace::geometryWgs84)
                    .forEach(g -> g.ifPresent(places::add)));
    List<Coverage.SiteCoverage> sites = r.coverage().sites();
    Envelope env = new Envelope();
    places.forEach(g -> env.expandToInclude(g.getEnvelopeInternal()));
    sites.forEach(s -> env.expandToInclude(s.site().areaWgs84().getEnvelopeInternal()));
    if (env.isNull()) {
      return sv
          ? "<p>Inga platser eller brännpunkter att visa.</p>\n"
          : "<p>No places or hotspots to show.</p>\n";
    }
    SvgMap m = new SvgMap(env, MAP_PADDING_M, MAP_WIDTH, MAP_HEIGHT).baseMap(names);
    for (Coverage.SiteCoverage s : sites) {
      m.geometry(
          s.site().areaWgs84(),
          "fill=\"#d33\" fill-opacity=\"0.35\" stroke=\"#a00\" stroke-width=\"1\"");
    }
    for (Geometry g : places) {
      m.geometry(
          g, "fill=\"#2a7ab0\" fill-opacity=\"0.3\" stroke=\"#1a5a90\" stroke-width=\"1.5\"");
    }
    List<SvgMap.Marker> markers = new ArrayList<>();
    for (Coverage.SiteCoverage s : sites) {
      Point c = s.site().areaWgs84().getCentroid();
      markers.add(
          new SvgMap.Marker(
              new LonLat(c.getX(), c.getY()), String.valueOf(s.site().rank()), false, "#b03020"));
    }
    m.markers(markers);
    return m.svg(
            sv
                ? "Karta över löftenas platser och brännpunkterna"
                : "Map of the promised places and the hotspots",
            lang)
        + (sv
            ? "<p class=\"small\">Blått: löftenas platser. Rött: brännpunkter, numrerade efter"
                + " rang. Grått: gator; grönt: namngivna platser. Norr är uppåt.</p>\n"
            : "<p class=\"small\">Blue: the promised places. Red: hotspots, numbered by rank."
                + " Grey: streets; green: named places. North is up.</p>\n");
  }

  private static String td(double v, Lang lang) {
    return "<td class=\"n\">" + lang.number(v, 1) + "</td>";
  }

  static String esc(String t) {
    StringBuilder o = new StringBuilder(t.length());
    for (char c : t.toCharArray()) {
      switch (c) {
        case '<' -> o.append("&lt;");
        case '>' -> o.append("&gt;");
        case '&' -> o.append("&amp;");
        case '"' -> o.append("&quot;");
        case '\'' -> o.append("&#39;");
        default -> o.append(c);
      }
    }
    return o.toString();
  }
}
