package se.tryggkarta.route;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import se.tryggkarta.common.Lang;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.Text;
import se.tryggkarta.place.PlaceIndex;
import se.tryggkarta.place.SvgMap;
import se.tryggkarta.workspace.Workspace;

/**
 * The printable walk protocol, in Swedish or English: a self-contained HTML page (no scripts, no
 * external resources) with an overview map drawn over the workspace's own streets and named places
 * (inline SVG: the route, the meeting point and the numbered stops, none hiding another), the
 * walk's figures, what the planner warns about, and one section per stop with its address, why it
 * was chosen, the hours and categories behind it, and a checklist ({@link WalkPlan#CHECKLIST}) with
 * room for notes. Numbers and dates follow the language's conventions ("2,8 km", "4 dec 2026
 * 15:44", in the workspace's time zone); no id or raw coordinate is shown. Print it from the
 * browser, or save it as PDF there. Stateless; thread-safe.
 */
public final class WalkProtocol {
  static final int MAP_WIDTH = 680;
  static final int MAP_HEIGHT = 460;

  /** Space around the walk on the map, metres. */
  static final double MAP_PADDING_M = 60;

  private WalkProtocol() {}

  /**
   * The protocol page for a plan.
   *
   * @param names the workspace's streets and places (the base map)
   * @param plannedAt when it was planned (shown in the workspace's time zone)
   */
  public static String html(
      WalkPlan plan, Workspace workspace, PlaceIndex names, Lang lang, Instant plannedAt) {
    boolean sv = lang == Lang.SV;
    StringBuilder h = new StringBuilder(16_384);
    String title = (sv ? "Trygghetsvandring – " : "Safety walk – ") + workspace.name();
    h.append("<!DOCTYPE html>\n<html lang=\"")
        .append(lang.code())
        .append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(esc(title))
        .append("</title>\n<style>\n")
        .append("body{font-family:sans-serif;margin:2em;max-width:50em;color:#222}")
        .append("h1{font-size:1.5em}section{page-break-inside:avoid;border-top:1px solid #888;")
        .append("margin-top:1.5em;padding-top:.5em}ul.check{list-style:none;padding:0}")
        .append("ul.check li{margin:.6em 0}ul.check li::before{content:'\\2610  ';font-size:1.2em}")
        .append(".notes{border-bottom:1px dotted #888;height:1.6em}.small{color:#555}")
        .append(".warn{background:#fff6d6;border-left:4px solid #e0b000;padding:.4em .8em}")
        .append("svg{border:1px solid #ccc;max-width:100%;height:auto}")
        .append("@media print{body{margin:0}}\n</style>\n</head>\n<body>\n<h1>")
        .append(esc(title))
        .append("</h1>\n");
    h.append("<p class=\"small\">")
        .append(sv ? "Planerad " : "Planned ")
        .append(lang.dateTime(plannedAt, workspace.timeZone()))
        .append(sv ? ". Natt räknas " : ". Night counts as ")
        .append(lang.hours(plan.night()))
        .append(sv ? " (arbetsytans inställning).</p>\n" : " (the workspace's setting).</p>\n");
    h.append(
        sv
            ? "<p>Datum: ____________ &nbsp; Deltagare: ______________________________</p>\n"
            : "<p>Date: ____________ &nbsp; Participants: ______________________________</p>\n");
    h.append("<p><strong>")
        .append(sv ? "Samlingsplats: " : "Meeting point: ")
        .append("</strong>")
        .append(esc(where(plan.startAddress(), plan.start(), lang)))
        .append(" <span class=\"small\">(")
        .append(esc(lang.position(plan.start())))
        .append(")</span></p>\n");
    h.append("<p>").append(esc(summary(plan, lang))).append("</p>\n");
    if (!plan.warnings().isEmpty()) {
      h.append("<div class=\"warn\"><p><strong>")
          .append(sv ? "Att känna till" : "Good to know")
          .append("</strong></p><ul>\n");
      for (Text w : plan.warnings()) {
        h.append("<li>").append(esc(w.in(lang))).append("</li>\n");
      }
      h.append("</ul></div>\n");
    }
    h.append("<h2>").append(sv ? "Karta" : "Map").append("</h2>\n").append(map(plan, names, lang));
    h.append("<h2>").append(sv ? "Stopp" : "Stops").append("</h2>\n<ol>\n");
    for (WalkStop s : plan.stops()) {
      h.append("<li><strong>")
          .append(esc(s.name(lang)))
          .append("</strong> – ")
          .append(esc(s.reason(lang)))
          .append(" – ")
          .append(sv ? "efter " : "after ")
          .append(lang.distance(s.distanceFromStartMeters()))
          .append("</li>\n");
    }
    h.append("</ol>\n");
    for (WalkStop s : plan.stops()) {
      h.append("<section>\n<h3>")
          .append(sv ? "Stopp " : "Stop ")
          .append(s.number())
          .append(" · ")
          .append(esc(s.name(lang)))
          .append(s.mandatory() ? (sv ? " (obligatoriskt)" : " (must visit)") : "")
          .append("</h3>\n<p><strong>")
          .append(sv ? "Varför: " : "Why: ")
          .append("</strong>")
          .append(esc(s.reason(lang)))
          .append("</p>\n");
      String evidence = s.evidence(lang);
      h.append("<p><strong>")
          .append(sv ? "Bakom stoppet: " : "Behind it: ")
          .append("</strong>")
          .append(
              esc(
                  evidence.isEmpty()
                      ? (sv ? "inga polisiära händelser i närheten" : "no police incidents nearby")
                      : evidence))
          .append("</p>\n<p>")
          .append(sv ? "Plats: " : "Where: ")
          .append(esc(s.name(lang)))
          .append(", ")
          .append(lang.distance(s.distanceFromStartMeters()))
          .append(sv ? " från start " : " from the start ")
          .append("<span class=\"small\">(")
          .append(esc(lang.position(s.location())))
          .append(")</span></p>\n<ul class=\"check\">\n");
      for (Text item : WalkPlan.CHECKLIST) {
        h.append("<li>").append(esc(item.in(lang))).append("<div class=\"notes\"></div></li>\n");
      }
      h.append("</ul>\n</section>\n");
    }
    h.append("<p class=\"small\">")
        .append(
            sv
                ? "Gator och platser: arbetsytans egna lager; kartdata © OpenStreetMap-bidragsgivare"
                    + " (ODbL) där de kommer från OpenStreetMap. Skapad "
                : "Streets and places: the workspace's own layers; map data © OpenStreetMap"
                    + " contributors (ODbL) where they come from OpenStreetMap. Made ")
        .append(lang.dateTime(plannedAt, workspace.timeZone()))
        .append(
            sv
                ? " av Tryggkarta.</p>\n</body>\n</html>\n"
                : " by Tryggkarta.</p>\n</body>\n</html>\n");
    return h.toString();
  }

  /** "Sträcka 2,8 km (slinga tillbaka till start), cirka 37 minuters promenad …". */
  static String summary(WalkPlan plan, Lang lang) {
    String len = lang.distance(plan.lengthMeters());
    String walk = lang.integer(Math.round(plan.walkingMinutes()));
    String speed = lang.number(WalkPlan.WALKING_SPEED_KMH, 1);
    String stops = lang.integer(plan.stops().size());
    String per = lang.integer(Math.round(plan.stopMinutes()));
    String total = lang.integer(Math.round(plan.totalMinutes()));
    String lit = lang.percent(plan.route().litShare());
    return lang == Lang.SV
        ? "Sträcka "
            + len
            + (plan.loop() ? " (slinga tillbaka till start)" : "")
            + ", cirka "
            + walk
            + " minuters promenad ("
            + speed
            + " km/h) och "
            + stops
            + " stopp à "
            + per
            + " minuter: totalt cirka "
            + total
            + " minuter. Belyst andel av sträckan: "
            + lit
            + "."
        : "Length "
            + len
            + (plan.loop() ? " (a loop back to the start)" : "")
            + ", about "
            + walk
            + " minutes of walking ("
            + speed
            + " km/h) and "
            + stops
            + " stops of "
            + per
            + " minutes: about "
            + total
            + " minutes in all. Lit share of the route: "
            + lit
            + ".";
  }

  private static String where(se.tryggkarta.place.Address a, LonLat p, Lang lang) {
    return a.isEmpty() ? lang.position(p) : a.label();
  }

  private static String map(WalkPlan plan, PlaceIndex names, Lang lang) {
    boolean sv = lang == Lang.SV;
    Envelope extent = new Envelope();
    plan.route().coordinates().forEach(c -> extent.expandToInclude(c.lon(), c.lat()));
    extent.expandToInclude(plan.start().lon(), plan.start().lat());
    plan.stops().forEach(s -> extent.expandToInclude(s.location().lon(), s.location().lat()));
    SvgMap m = new SvgMap(extent, MAP_PADDING_M, MAP_WIDTH, MAP_HEIGHT).baseMap(names);
    m.line(
        plan.route().coordinates(),
        "fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"4\" stroke-opacity=\"0.85\""
            + " stroke-linejoin=\"round\"");
    List<SvgMap.Marker> markers = new ArrayList<>();
    markers.add(new SvgMap.Marker(plan.start(), "Start", true, "#1d7a33"));
    for (WalkStop s : plan.stops()) {
      markers.add(new SvgMap.Marker(s.location(), String.valueOf(s.number()), false, "#c0392b"));
    }
    m.markers(markers);
    return m.svg(sv ? "Översiktskarta över vandringen" : "Overview map of the walk", lang)
        + (sv
            ? "<p class=\"small\">Grön ruta: samlingsplats. Röda cirklar: stopp i ordning (en"
                + " tunn linje visar var ett flyttat stopp ligger). Blå linje: vandringen. Grått:"
                + " gator; grönt: namngivna platser. Norr är uppåt.</p>\n"
            : "<p class=\"small\">Green box: meeting point. Red circles: stops in order (a thin"
                + " line shows where a moved stop lies). Blue line: the walk. Grey: streets; green:"
                + " named places. North is up.</p>\n");
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
