package se.tryggkarta.route;

import java.util.Locale;
import se.tryggkarta.common.Lang;
import se.tryggkarta.common.LonLat;

/**
 * A planned walk as GPX 1.1 (https://www.topografix.com/GPX/1/1/): the stops as waypoints named
 * "Stopp n: address" with their reason as description, and the route as one track, in Swedish or
 * English. Stateless; thread-safe.
 */
public final class Gpx {
  private Gpx() {}

  public static String of(WalkPlan plan, String name, Lang lang) {
    StringBuilder g = new StringBuilder(4096);
    g.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append(
            "<gpx version=\"1.1\" creator=\"Tryggkarta\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n")
        .append("<metadata><name>")
        .append(WalkProtocol.esc(name))
        .append("</name></metadata>\n");
    point(g, "wpt", plan.start()).append("<name>Start</name></wpt>\n");
    for (WalkStop s : plan.stops()) {
      point(g, "wpt", s.location())
          .append("<name>")
          .append(lang == Lang.SV ? "Stopp " : "Stop ")
          .append(s.number())
          .append(": ")
          .append(WalkProtocol.esc(s.name(lang)))
          .append("</name><desc>")
          .append(WalkProtocol.esc(s.reason(lang)))
          .append("</desc></wpt>\n");
    }
    g.append("<trk><name>").append(WalkProtocol.esc(name)).append("</name><trkseg>\n");
    for (LonLat c : plan.route().coordinates()) {
      point(g, "trkpt", c).append("</trkpt>\n");
    }
    g.append("</trkseg></trk>\n</gpx>\n");
    return g.toString();
  }

  private static StringBuilder point(StringBuilder g, String tag, LonLat c) {
    return g.append(
        String.format(Locale.ROOT, "<%s lat=\"%.7f\" lon=\"%.7f\">", tag, c.lat(), c.lon()));
  }
}
