package se.tryggkarta.route;

import java.util.List;
import java.util.Locale;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.route.graph.LocalProjection;

/**
 * The printable walk protocol in Swedish: a self-contained HTML page (no scripts, no external
 * resources) with an overview map drawn as inline SVG, the walk's figures, and one section per stop
 * with the reason it was chosen and a checklist ({@link WalkPlan#CHECKLIST}) with room for notes.
 * Print it from the browser, or save it as PDF there. Stateless; thread-safe.
 */
public final class WalkProtocol {
  private static final double MAP_W = 640;
  private static final double MAP_H = 420;
  private static final double MARGIN = 20;

  private WalkProtocol() {}

  /** The protocol page for a plan, titled with the workspace's name. */
  public static String html(WalkPlan plan, String workspaceName) {
    StringBuilder h = new StringBuilder(8192);
    h.append("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>Trygghetsvandring – ")
        .append(esc(workspaceName))
        .append("</title>\n<style>\n")
        .append("body{font-family:sans-serif;margin:2em;max-width:48em}")
        .append("h1{font-size:1.5em}section{page-break-inside:avoid;border-top:1px solid #888;")
        .append("margin-top:1.5em;padding-top:.5em}ul.check{list-style:none;padding:0}")
        .append("ul.check li{margin:.6em 0}ul.check li::before{content:'\\2610  ';font-size:1.2em}")
        .append(".notes{border-bottom:1px dotted #888;height:1.6em}")
        .append("svg{border:1px solid #ccc;max-width:100%}@media print{body{margin:0}}\n")
        .append("</style>\n</head>\n<body>\n<h1>Trygghetsvandring – ")
        .append(esc(workspaceName))
        .append(
            "</h1>\n<p>Datum: ____________ &nbsp; Deltagare: ______________________________</p>\n");
    h.append(
        String.format(
            Locale.ROOT,
            "<p>Sträcka %.1f km%s, cirka %.0f minuters promenad (%.1f km/h) och %d stopp à %.0f"
                + " minuter: totalt cirka %.0f minuter.</p>\n",
            plan.lengthMeters() / 1000,
            plan.loop() ? " (slinga tillbaka till start)" : "",
            plan.walkingMinutes(),
            WalkPlan.WALKING_SPEED_KMH,
            plan.stops().size(),
            plan.stopMinutes(),
            plan.totalMinutes()));
    h.append(
        String.format(
            Locale.ROOT,
            "<p>Samlingsplats: %.5f, %.5f (lon, lat).</p>\n",
            plan.start().lon(),
            plan.start().lat()));
    map(h, plan);
    h.append("<h2>Stopp</h2>\n<ol>\n");
    for (WalkStop s : plan.stops()) {
      h.append("<li>")
          .append(esc(s.reason()))
          .append(String.format(Locale.ROOT, " – efter %.0f m", s.distanceFromStartMeters()))
          .append("</li>\n");
    }
    h.append("</ol>\n");
    for (WalkStop s : plan.stops()) {
      h.append("<section>\n<h3>Stopp ")
          .append(s.number())
          .append(s.mandatory() ? " (obligatoriskt)" : "")
          .append("</h3>\n<p>")
          .append(esc(s.reason()))
          .append("</p>\n")
          .append(
              String.format(
                  Locale.ROOT,
                  "<p>Plats: %.5f, %.5f – %.0f m från start.</p>\n",
                  s.location().lon(),
                  s.location().lat(),
                  s.distanceFromStartMeters()))
          .append("<ul class=\"check\">\n");
      for (String item : WalkPlan.CHECKLIST) {
        h.append("<li>").append(esc(item)).append("<div class=\"notes\"></div></li>\n");
      }
      h.append("</ul>\n</section>\n");
    }
    h.append(
        "<p><small>Kartdata © OpenStreetMap-bidragsgivare (ODbL) där nätet kommer från"
            + " OpenStreetMap. Skapad av Tryggkarta.</small></p>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void map(StringBuilder h, WalkPlan plan) {
    List<LonLat> line = plan.route().coordinates();
    LocalProjection p = new LocalProjection(plan.start());
    double minX = 0;
    double maxX = 0;
    double minY = 0;
    double maxY = 0;
    for (LonLat c : line) {
      minX = Math.min(minX, p.x(c.lon()));
      maxX = Math.max(maxX, p.x(c.lon()));
      minY = Math.min(minY, p.y(c.lat()));
      maxY = Math.max(maxY, p.y(c.lat()));
    }
    double scale =
        Math.min(
            (MAP_W - 2 * MARGIN) / Math.max(1, maxX - minX),
            (MAP_H - 2 * MARGIN) / Math.max(1, maxY - minY));
    double fx = minX;
    double fy = maxY;
    java.util.function.Function<LonLat, String> pt =
        c ->
            String.format(
                Locale.ROOT,
                "%.1f,%.1f",
                MARGIN + (p.x(c.lon()) - fx) * scale,
                MARGIN + (fy - p.y(c.lat())) * scale);
    h.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\""
                + " height=\"%.0f\" role=\"img\" aria-label=\"Översiktskarta över vandringen\">\n",
            MAP_W,
            MAP_H,
            MAP_W,
            MAP_H));
    h.append("<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"3\" points=\"");
    for (LonLat c : line) {
      h.append(pt.apply(c)).append(' ');
    }
    h.append("\"/>\n");
    String[] s = pt.apply(plan.start()).split(",");
    h.append("<rect x=\"")
        .append(Double.parseDouble(s[0]) - 6)
        .append("\" y=\"")
        .append(Double.parseDouble(s[1]) - 6)
        .append("\" width=\"12\" height=\"12\" fill=\"#2a2\"/>\n");
    for (WalkStop stop : plan.stops()) {
      String[] q = pt.apply(stop.location()).split(",");
      h.append("<circle cx=\"")
          .append(q[0])
          .append("\" cy=\"")
          .append(q[1])
          .append("\" r=\"9\" fill=\"#c33\"/><text x=\"")
          .append(q[0])
          .append("\" y=\"")
          .append(Double.parseDouble(q[1]) + 4)
          .append("\" font-size=\"11\" text-anchor=\"middle\" fill=\"#fff\">")
          .append(stop.number())
          .append("</text>\n");
    }
    h.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.0f\" y=\"%.0f\" font-size=\"11\">%.0f m</text>"
                + "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\" stroke=\"#000\"/>\n",
            MARGIN,
            MAP_H - 6,
            100.0,
            MARGIN,
            MAP_H - 18,
            MARGIN + 100 * scale,
            MAP_H - 18));
    h.append(
        "</svg>\n<p><small>Grön ruta: samlingsplats. Röda punkter: stopp i ordning."
            + " Norr är uppåt.</small></p>\n");
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
