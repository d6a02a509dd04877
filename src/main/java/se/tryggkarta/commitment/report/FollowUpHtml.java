package se.tryggkarta.commitment.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import se.tryggkarta.commitment.CommitmentPlace;
import se.tryggkarta.commitment.CommitmentProgress;
import se.tryggkarta.commitment.link.Coverage;
import se.tryggkarta.commitment.link.DiffInDiff;
import se.tryggkarta.commitment.link.PlaceChange;
import se.tryggkarta.commitment.progress.Progress;
import se.tryggkarta.commitment.progress.ProgressStatus;

/**
 * Renders a {@link FollowUpReport} as a self-contained, printable HTML page in Swedish: a table and
 * a progress bar per commitment, an inline SVG map of the promised places (blue) and the hotspot
 * sites (red, numbered by rank), the coverage and drift tables, and the change figures with their
 * caveat. Every text from the data is HTML-escaped. No scripts, no external resources. Stateless.
 */
public final class FollowUpHtml {
  static final int MAP_WIDTH = 640;
  static final int MAP_HEIGHT = 420;

  private FollowUpHtml() {}

  public static String render(FollowUpReport r) {
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\">")
        .append("<title>Uppföljning av medborgarlöften – ")
        .append(esc(r.workspaceName()))
        .append("</title><style>")
        .append(
            "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;color:#222}")
        .append("table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}")
        .append("th,td{border-bottom:1px solid #ccc;padding:.3rem .5rem;text-align:left}")
        .append(".bar{background:#eee;width:12rem;height:.9rem;display:inline-block}")
        .append(".bar span{display:block;height:100%;background:#2a7ab0}")
        .append(".caveat{background:#fff6d6;padding:.6rem;border-left:4px solid #e0b000}")
        .append("@media print{body{margin:0}}</style></head><body>\n");
    h.append("<h1>Uppföljning av medborgarlöften</h1>\n<p>")
        .append(esc(r.workspaceName()))
        .append(", perioden ")
        .append(r.from())
        .append(" – ")
        .append(r.to().minusDays(1))
        .append(". Läget per ")
        .append(r.to().minusDays(1))
        .append(".</p>\n");
    h.append("<h2>Löften och resultat</h2>\n<table><thead><tr><th>Löfte</th><th>Ansvarig</th>")
        .append("<th>Period</th><th>Gjort</th><th>Mål</th><th>Förväntat hittills</th>")
        .append("<th>Prognos</th><th>Läge</th><th></th></tr></thead><tbody>\n");
    for (FollowUpReport.Entry e : r.commitments()) {
      Progress p = e.progress().total();
      h.append("<tr><td>")
          .append(esc(e.commitment().title()))
          .append("</td><td>")
          .append(esc(responsible(e.commitment().responsible())))
          .append("</td><td>")
          .append(e.commitment().periodStart())
          .append(" – ")
          .append(e.commitment().periodEnd())
          .append("</td>");
      progressCells(h, p);
      h.append("</tr>\n");
      for (CommitmentProgress.PlaceProgress pp : e.progress().perPlace()) {
        h.append("<tr><td>&nbsp;&nbsp;varav ")
            .append(esc(pp.name()))
            .append("</td><td></td><td></td>");
        progressCells(h, pp.progress());
        h.append("</tr>\n");
      }
    }
    h.append("</tbody></table>\n");
    for (FollowUpReport.Entry e : r.commitments()) {
      if (!e.publicNotes().isEmpty()) {
        h.append("<h3>").append(esc(e.commitment().title())).append(": anteckningar</h3><ul>");
        for (FollowUpReport.Note n : e.publicNotes()) {
          h.append("<li>").append(n.date()).append(": ").append(esc(n.text())).append("</li>");
        }
        h.append("</ul>\n");
      }
    }
    h.append("<h2>Karta</h2>\n").append(map(r));
    h.append("<h2>Täcker löftena brännpunkterna?</h2>\n");
    h.append("<table><thead><tr><th>Rang</th><th>Plats</th><th>Händelser</th><th>Täcks av</th>")
        .append("</tr></thead><tbody>\n");
    for (Coverage.SiteCoverage s : r.coverage().sites()) {
      h.append("<tr><td>")
          .append(s.site().rank())
          .append("</td><td>")
          .append(esc(s.site().id()))
          .append("</td><td>")
          .append(s.site().eventCount())
          .append("</td><td>")
          .append(
              s.covered()
                  ? esc(
                      String.join(
                          ", ",
                          s.coveredBy().stream()
                              .map(c -> c.placeName() + " (" + c.commitmentId() + ")")
                              .toList()))
                  : "<strong>Inget löfte</strong>")
          .append("</td></tr>\n");
    }
    h.append("</tbody></table>\n");
    List<Coverage.PlaceDrift> drifted =
        r.coverage().places().stream().filter(d -> !d.stillHotspot()).toList();
    if (!drifted.isEmpty()) {
      h.append(
          "<p>Platser i löftena som inte längre hör till brännpunkterna (överväg att rikta om):</p><ul>");
      for (Coverage.PlaceDrift d : drifted) {
        h.append("<li>")
            .append(esc(d.placeName()))
            .append(" (")
            .append(esc(d.commitmentId()))
            .append(")</li>");
      }
      h.append("</ul>\n");
    }
    h.append("<h2>Förändring på platserna</h2>\n<table><thead><tr><th>Plats</th><th>Löfte</th>")
        .append("<th>Före, per månad</th><th>Under, per månad</th><th>Jämförelse före</th>")
        .append("<th>Jämförelse under</th><th>Skillnad i skillnad</th></tr></thead><tbody>\n");
    for (PlaceChange c : r.changes()) {
      h.append("<tr><td>")
          .append(esc(c.placeName()))
          .append("</td><td>")
          .append(esc(c.commitmentId()))
          .append("</td>");
      if (c.figures().isPresent()) {
        DiffInDiff f = c.figures().get();
        h.append(td(f.placeRateBefore()))
            .append(td(f.placeRateDuring()))
            .append(td(f.comparisonRateBefore()))
            .append(td(f.comparisonRateDuring()))
            .append(td(f.difference()));
      } else {
        h.append("<td colspan=\"5\">")
            .append(
                c.suppressed()
                    ? "För få händelser för att redovisas offentligt"
                    : "Perioden har inte börjat")
            .append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody></table>\n<p class=\"caveat\">").append(esc(r.caveat())).append("</p>\n");
    r.sections().forEach(h::append);
    h.append("<p><small>Skapad ")
        .append(r.generatedAt())
        .append(" av Tryggkarta.</small></p>\n</body></html>\n");
    return h.toString();
  }

  private static void progressCells(StringBuilder h, Progress p) {
    h.append("<td>")
        .append(p.done())
        .append("</td><td>")
        .append(p.target().isPresent() ? String.valueOf(p.target().getAsLong()) : "–")
        .append("</td><td>")
        .append(p.target().isPresent() ? fmt(p.expectedByNow()) : "–")
        .append("</td><td>")
        .append(p.projectedAtEnd().map(FollowUpHtml::fmt).orElse("–"))
        .append("</td><td>")
        .append(status(p.status()))
        .append("</td><td>");
    p.fractionDone()
        .ifPresent(
            f ->
                h.append("<span class=\"bar\" title=\"")
                    .append(Math.round(f * 100))
                    .append(" %\"><span style=\"width:")
                    .append(Math.round(f * 100))
                    .append("%\"></span></span>"));
    h.append("</td>");
  }

  static String status(ProgressStatus s) {
    return switch (s) {
      case NOT_STARTED -> "Ej påbörjat";
      case ON_TRACK -> "I fas";
      case BEHIND -> "Efter";
      case AT_RISK -> "I riskzonen";
      case MET -> "Uppfyllt";
      case ENDED_UNMET -> "Ej uppfyllt";
      case NO_TARGET -> "Utan mål";
    };
  }

  static String responsible(String r) {
    return switch (r) {
      case "police" -> "Polisen";
      case "municipality" -> "Kommunen";
      case "joint" -> "Polisen och kommunen";
      default -> r;
    };
  }

  private static String map(FollowUpReport r) {
    List<Geometry> places = new ArrayList<>();
    r.commitments()
        .forEach(
            e ->
                e.commitment().places().stream()
                    .map(CommitmentPlace::geometryWgs84)
                    .forEach(g -> g.ifPresent(places::add)));
    List<Geometry> sites = r.coverage().sites().stream().map(s -> s.site().areaWgs84()).toList();
    Envelope env = new Envelope();
    places.forEach(g -> env.expandToInclude(g.getEnvelopeInternal()));
    sites.forEach(g -> env.expandToInclude(g.getEnvelopeInternal()));
    if (env.isNull()) {
      return "<p>Inga platser eller brännpunkter att visa.</p>\n";
    }
    env.expandBy(Math.max(env.getWidth(), env.getHeight()) * 0.08 + 1e-4);
    double kx = Math.cos(Math.toRadians(env.centre().y));
    double scale = Math.min(MAP_WIDTH / (env.getWidth() * kx), MAP_HEIGHT / env.getHeight());
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(MAP_WIDTH)
        .append("\" height=\"")
        .append(MAP_HEIGHT)
        .append("\" viewBox=\"0 0 ")
        .append(MAP_WIDTH)
        .append(' ')
        .append(MAP_HEIGHT)
        .append("\" role=\"img\" aria-label=\"Karta över löftenas platser och brännpunkterna\">")
        .append("<rect width=\"100%\" height=\"100%\" fill=\"#f7f7f4\"/>");
    for (int i = 0; i < sites.size(); i++) {
      shape(s, sites.get(i), env, kx, scale, "fill=\"#d33\" fill-opacity=\"0.45\" stroke=\"#a00\"");
      Point c = sites.get(i).getCentroid();
      s.append("<text font-size=\"11\" x=\"")
          .append(fmt((c.getX() - env.getMinX()) * kx * scale))
          .append("\" y=\"")
          .append(fmt((env.getMaxY() - c.getY()) * scale))
          .append("\">")
          .append(r.coverage().sites().get(i).site().rank())
          .append("</text>");
    }
    for (Geometry g : places) {
      shape(s, g, env, kx, scale, "fill=\"#2a7ab0\" fill-opacity=\"0.35\" stroke=\"#1a5a90\"");
    }
    s.append(
            "</svg>\n<p><small>Blått: löftenas platser. Rött: brännpunkter (rutor, numrerade efter")
        .append(" rang).</small></p>\n");
    return s.toString();
  }

  private static void shape(
      StringBuilder s, Geometry g, Envelope env, double kx, double scale, String style) {
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry part = g.getGeometryN(i);
      if (part instanceof Point p) {
        s.append("<circle r=\"5\" cx=\"")
            .append(fmt((p.getX() - env.getMinX()) * kx * scale))
            .append("\" cy=\"")
            .append(fmt((env.getMaxY() - p.getY()) * scale))
            .append("\" ")
            .append(style)
            .append("/>");
        continue;
      }
      Coordinate[] cs =
          part instanceof Polygon poly
              ? poly.getExteriorRing().getCoordinates()
              : part.getCoordinates();
      s.append("<polygon points=\"");
      for (Coordinate c : cs) {
        s.append(fmt((c.x - env.getMinX()) * kx * scale))
            .append(',')
            .append(fmt((env.getMaxY() - c.y) * scale))
            .append(' ');
      }
      s.append("\" ").append(style).append("/>");
    }
  }

  private static String td(double v) {
    return "<td>" + fmt(v) + "</td>";
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
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
