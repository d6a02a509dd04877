package se.tryggkarta.place;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import se.tryggkarta.common.Lang;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.layer.Place;
import se.tryggkarta.layer.StreetSegment;

/**
 * A printable map as inline SVG (no scripts, no external resources), north up, in an
 * equirectangular projection about the extent's middle ({@code x ∝ cos φ0·λ}, {@code y ∝ φ}), which
 * keeps shapes true within a town. Drawn bottom to top: the base map ({@link #baseMap}: named
 * places, then streets by class), what the caller adds (a route, hotspot circles) in the order it
 * adds them, the names of places and streets (each name once, where it fits, with a halo), and last
 * the {@link #markers}, which are moved apart when they would cover each other and keep a leader
 * line to where they belong, so no marker hides another and no label hides a marker. Not
 * thread-safe; one instance per map.
 */
public final class SvgMap {
  /** Markers closer than this, in pixels, are moved apart. */
  static final double MARKER_SPACING_PX = 20;

  private static final double EARTH_RADIUS_M = 6_371_008.8;
  private static final double MARGIN_PX = 16;

  private final int width;
  private final int height;
  private final double minLon;
  private final double maxLat;
  private final double kx;
  private final double scale;
  private final double metersPerPixel;
  private final StringBuilder body = new StringBuilder(16_384);
  private final StringBuilder labels = new StringBuilder(4096);
  private final StringBuilder markerLayer = new StringBuilder(4096);
  private final List<double[]> labelBoxes = new ArrayList<>();

  /** What {@link #markers} draws: a numbered circle or a labelled square. */
  public record Marker(LonLat at, String text, boolean square, String fill) {}

  /**
   * A map of {@code width × height} pixels showing at least {@code extentWgs84}, padded by {@code
   * paddingMeters} on every side.
   */
  public SvgMap(Envelope extentWgs84, double paddingMeters, int width, int height) {
    this.width = width;
    this.height = height;
    Envelope e = new Envelope(extentWgs84);
    double lat0 = e.isNull() ? 0 : e.centre().y;
    this.kx = Math.cos(Math.toRadians(lat0));
    double degPerMeter = 1 / (Math.toRadians(1) * EARTH_RADIUS_M);
    e.expandBy(paddingMeters * degPerMeter / Math.max(kx, 0.01), paddingMeters * degPerMeter);
    double w = Math.max(e.getWidth() * kx, 1e-6);
    double h = Math.max(e.getHeight(), 1e-6);
    this.scale = Math.min((width - 2 * MARGIN_PX) / w, (height - 2 * MARGIN_PX) / h);
    // centre the extent in the frame
    this.minLon = e.getMinX() - ((width - 2 * MARGIN_PX) / scale - w) / 2 / kx;
    this.maxLat = e.getMaxY() + ((height - 2 * MARGIN_PX) / scale - h) / 2;
    this.metersPerPixel = Math.toRadians(1) * EARTH_RADIUS_M / scale;
  }

  /** What the frame shows, WGS84 degrees. */
  public Envelope frame() {
    return new Envelope(minLon, minLon + width / scale / kx, maxLat - height / scale, maxLat + 0.0);
  }

  public double x(double lon) {
    return MARGIN_PX + (lon - minLon) * kx * scale;
  }

  public double y(double lat) {
    return MARGIN_PX + (maxLat - lat) * scale;
  }

  /** The workspace's named places and streets in the frame, with their names. */
  public SvgMap baseMap(PlaceIndex index) {
    Envelope f = frame();
    List<Place> places = index.placesWithin(f);
    for (Place p : places) {
      geometry(p.geometryWgs84(), "fill=\"#e3efdc\" stroke=\"#9cbf8f\" stroke-width=\"1\"");
    }
    List<StreetSegment> streets = new ArrayList<>(index.streetsWithin(f));
    streets.sort(Comparator.comparingInt(s -> weight(s.highway())));
    for (StreetSegment s : streets) {
      int w = weight(s.highway());
      line(
          coords(s.geometryWgs84()),
          String.format(
              Locale.ROOT,
              "fill=\"none\" stroke=\"%s\" stroke-width=\"%d\" stroke-linecap=\"round\"",
              w >= 3 ? "#b8b8b8" : "#cfcfcf",
              w));
    }
    for (Place p : places) {
      Point c = p.geometryWgs84().getInteriorPoint();
      label(
          p.name(),
          x(c.getX()),
          y(c.getY()),
          0,
          "font-size=\"10\" font-style=\"italic\" fill=\"#4a6b3f\"");
    }
    streetLabels(streets);
    return this;
  }

  /** A line in the caller's style (SVG attributes). */
  public SvgMap line(List<LonLat> coordinates, String style) {
    body.append("<polyline points=\"");
    for (LonLat c : coordinates) {
      body.append(num(x(c.lon()))).append(',').append(num(y(c.lat()))).append(' ');
    }
    body.append("\" ").append(style).append("/>\n");
    return this;
  }

  /** A point, line or (multi)polygon in the caller's style. */
  public SvgMap geometry(Geometry g, String style) {
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry part = g.getGeometryN(i);
      if (part instanceof Point p) {
        body.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%s\" cy=\"%s\" r=\"4\" %s/>%n",
                num(x(p.getX())),
                num(y(p.getY())),
                style));
      } else if (part instanceof LineString l) {
        line(coords(l), style);
      } else if (part instanceof Polygon poly) {
        body.append("<path d=\"");
        ring(poly.getExteriorRing().getCoordinates());
        for (int h = 0; h < poly.getNumInteriorRing(); h++) {
          ring(poly.getInteriorRingN(h).getCoordinates());
        }
        body.append("\" fill-rule=\"evenodd\" ").append(style).append("/>\n");
      }
    }
    return this;
  }

  /**
   * Markers on top of everything else, in order; one that would lie within {@value
   * #MARKER_SPACING_PX} px of one already drawn is moved around its position until it is free, and
   * a leader line joins it to its true position (drawn as a small dot).
   */
  public SvgMap markers(List<Marker> markers) {
    List<double[]> placed = new ArrayList<>();
    StringBuilder leaders = new StringBuilder();
    StringBuilder shapes = new StringBuilder();
    for (Marker m : markers) {
      double tx = x(m.at().lon());
      double ty = y(m.at().lat());
      double[] at = free(tx, ty, placed);
      placed.add(at);
      if (at[0] != tx || at[1] != ty) {
        leaders.append(
            String.format(
                Locale.ROOT,
                "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#333\""
                    + " stroke-width=\"1\"/><circle cx=\"%s\" cy=\"%s\" r=\"2.5\""
                    + " fill=\"#333\"/>%n",
                num(tx),
                num(ty),
                num(at[0]),
                num(at[1]),
                num(tx),
                num(ty)));
      }
      String text = esc(m.text());
      if (m.square()) {
        double w = Math.max(18, 7 * m.text().length() + 8);
        shapes.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"18\" rx=\"2\" fill=\"%s\""
                    + " stroke=\"#fff\" stroke-width=\"2\"/><text x=\"%s\" y=\"%s\""
                    + " font-size=\"11\" font-weight=\"bold\" text-anchor=\"middle\""
                    + " fill=\"#fff\">%s</text>%n",
                num(at[0] - w / 2),
                num(at[1] - 9),
                num(w),
                m.fill(),
                num(at[0]),
                num(at[1] + 4),
                text));
      } else {
        shapes.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%s\" cy=\"%s\" r=\"9\" fill=\"%s\" stroke=\"#fff\""
                    + " stroke-width=\"2\"/><text x=\"%s\" y=\"%s\" font-size=\"11\""
                    + " font-weight=\"bold\" text-anchor=\"middle\" fill=\"#fff\">%s</text>%n",
                num(at[0]),
                num(at[1]),
                m.fill(),
                num(at[0]),
                num(at[1] + 4),
                text));
      }
    }
    markerLayer.append(leaders).append(shapes);
    return this;
  }

  /** The whole map, with a scale bar and a north arrow. */
  public String svg(String ariaLabel, Lang lang) {
    double barMeters = niceMeters(metersPerPixel * width / 5);
    double barPx = barMeters / metersPerPixel;
    StringBuilder s =
        new StringBuilder(body.length() + labels.length() + markerLayer.length() + 1024);
    s.append(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\""
                    + " height=\"%d\" role=\"img\" aria-label=\"%s\""
                    + " font-family=\"sans-serif\">%n",
                width,
                height,
                width,
                height,
                esc(ariaLabel)))
        .append("<rect width=\"100%\" height=\"100%\" fill=\"#fbfbf8\"/>\n")
        .append(body)
        .append(labels)
        .append(markerLayer)
        .append(
            String.format(
                Locale.ROOT,
                "<g font-size=\"11\"><rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"4\""
                    + " fill=\"#333\"/><text x=\"%s\" y=\"%s\">%s</text>"
                    + "<text x=\"%s\" y=\"22\" font-weight=\"bold\" text-anchor=\"middle\">N</text>"
                    + "<path d=\"M%s 26 l-5 12 h10 z\" fill=\"#333\"/></g>%n",
                num(MARGIN_PX),
                num(height - 14.0),
                num(barPx),
                num(MARGIN_PX),
                num(height - 18.0),
                lang.distance(barMeters),
                num(width - 20.0),
                num(width - 20.0)))
        .append("</svg>\n");
    return s.toString();
  }

  /** Where along its longest stretch a street's name is tried, in order. */
  private static final double[] LABEL_POSITIONS = {0.5, 0.35, 0.65, 0.2, 0.8};

  private void streetLabels(List<StreetSegment> streets) {
    // the longest stretch of each name inside the frame carries its label
    Map<String, double[]> best = new LinkedHashMap<>();
    for (StreetSegment s : streets) {
      if (s.name().isEmpty()) {
        continue;
      }
      Coordinate[] cs = s.geometryWgs84().getCoordinates();
      for (int i = 0; i < cs.length - 1; i++) {
        double[] seg = clipped(x(cs[i].x), y(cs[i].y), x(cs[i + 1].x), y(cs[i + 1].y));
        if (seg == null) {
          continue;
        }
        double len = Math.hypot(seg[2] - seg[0], seg[3] - seg[1]);
        double[] b = best.get(s.name().get());
        if (b == null || len > b[0]) {
          best.put(s.name().get(), new double[] {len, seg[0], seg[1], seg[2], seg[3]});
        }
      }
    }
    Set<String> done = new HashSet<>();
    best.entrySet().stream()
        .sorted(Comparator.comparingDouble(e -> -e.getValue()[0]))
        .forEach(
            e -> {
              double[] b = e.getValue();
              if (b[0] < 6 * e.getKey().length() || !done.add(e.getKey())) {
                return;
              }
              double angle = Math.toDegrees(Math.atan2(b[4] - b[2], b[3] - b[1]));
              if (angle > 90) {
                angle -= 180;
              } else if (angle < -90) {
                angle += 180;
              }
              for (double t : LABEL_POSITIONS) {
                double cx = b[1] + t * (b[3] - b[1]);
                double cy = b[2] + t * (b[4] - b[2]);
                if (label(e.getKey(), cx, cy, angle, "font-size=\"9\" fill=\"#555\"")) {
                  return;
                }
              }
            });
  }

  /** The part of a segment inside the frame (Liang–Barsky), or null when none is. */
  private double[] clipped(double x0, double y0, double x1, double y1) {
    double t0 = 0;
    double t1 = 1;
    double dx = x1 - x0;
    double dy = y1 - y0;
    double[] p = {-dx, dx, -dy, dy};
    double[] q = {x0, width - x0, y0, height - y0};
    for (int i = 0; i < 4; i++) {
      if (p[i] == 0) {
        if (q[i] < 0) {
          return null;
        }
        continue;
      }
      double r = q[i] / p[i];
      if (p[i] < 0) {
        t0 = Math.max(t0, r);
      } else {
        t1 = Math.min(t1, r);
      }
    }
    if (t0 > t1) {
      return null;
    }
    return new double[] {x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy};
  }

  /**
   * A label with a white halo, unless its box (turned with it) would overlap a label already
   * placed; returns whether it was placed.
   */
  private boolean label(String text, double cx, double cy, double angle, String style) {
    double halfW = Math.max(2.8 * text.length() + 2, 6);
    double halfH = 6;
    double a = Math.toRadians(angle);
    double rx = halfW * Math.abs(Math.cos(a)) + halfH * Math.abs(Math.sin(a));
    double ry = halfW * Math.abs(Math.sin(a)) + halfH * Math.abs(Math.cos(a));
    double[] box = {cx - rx, cy - ry, cx + rx, cy + ry};
    for (double[] o : labelBoxes) {
      if (box[0] < o[2] && o[0] < box[2] && box[1] < o[3] && o[1] < box[3]) {
        return false;
      }
    }
    labelBoxes.add(box);
    labels.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" dominant-baseline=\"middle\""
                + " transform=\"rotate(%s %s %s)\" stroke=\"#fbfbf8\" stroke-width=\"3\""
                + " paint-order=\"stroke\" %s>%s</text>%n",
            num(cx),
            num(cy),
            num(angle),
            num(cx),
            num(cy),
            style,
            esc(text)));
    return true;
  }

  private double[] free(double tx, double ty, List<double[]> placed) {
    if (isFree(tx, ty, placed)) {
      return new double[] {tx, ty};
    }
    for (int ring = 1; ring <= 6; ring++) {
      double r = ring * MARKER_SPACING_PX;
      for (int k = 0; k < 8 * ring; k++) {
        double a = -Math.PI / 4 + 2 * Math.PI * k / (8 * ring);
        double x = tx + r * Math.cos(a);
        double y = ty - r * Math.sin(a);
        if (x > 10 && x < width - 10 && y > 10 && y < height - 10 && isFree(x, y, placed)) {
          return new double[] {x, y};
        }
      }
    }
    return new double[] {tx, ty};
  }

  private static boolean isFree(double x, double y, List<double[]> placed) {
    for (double[] p : placed) {
      if (Math.hypot(p[0] - x, p[1] - y) < MARKER_SPACING_PX) {
        return false;
      }
    }
    return true;
  }

  private void ring(Coordinate[] cs) {
    for (int i = 0; i < cs.length; i++) {
      body.append(i == 0 ? 'M' : 'L').append(num(x(cs[i].x))).append(' ').append(num(y(cs[i].y)));
    }
    body.append('Z');
  }

  private static List<LonLat> coords(LineString l) {
    List<LonLat> out = new ArrayList<>(l.getNumPoints());
    for (Coordinate c : l.getCoordinates()) {
      out.add(new LonLat(c.x, c.y));
    }
    return out;
  }

  /** Stroke width by street class: main roads 3, streets 2, paths 1. */
  private static int weight(String highway) {
    return switch (highway) {
      case "primary", "secondary", "tertiary", "trunk", "motorway" -> 3;
      case "footway", "path", "steps", "cycleway", "track", "trail", "service", "bridleway" -> 1;
      default -> 2;
    };
  }

  /** 1, 2 or 5 times a power of ten, metres. */
  static double niceMeters(double m) {
    double p = Math.pow(10, Math.floor(Math.log10(Math.max(m, 1))));
    double f = m / p;
    return (f >= 5 ? 5 : f >= 2 ? 2 : 1) * p;
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** Escapes text for XML. */
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
