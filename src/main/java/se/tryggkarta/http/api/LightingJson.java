package se.tryggkarta.http.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.linearref.LengthIndexedLine;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.XY;
import se.tryggkarta.lighting.PriorityList;
import se.tryggkarta.lighting.WhatIfResult;
import se.tryggkarta.lighting.coverage.CoverageSummary;
import se.tryggkarta.lighting.coverage.DarkStretch;
import se.tryggkarta.lighting.priority.Priority;

/**
 * JSON, GeoJSON and CSV shapes of lighting results, shared by the HTTP routes and the CLI. Output
 * geometry is WGS84 (RFC 7946); lengths are metres. Stateless.
 */
public final class LightingJson {
  /** The CSV columns of the work list, in order. */
  public static final List<String> CSV_COLUMNS =
      List.of(
          "rank",
          "id",
          "kind",
          "score",
          "lon",
          "lat",
          "lit_gain_m",
          "night_incidents",
          "darkness_reports",
          "other_reports",
          "walk_factor",
          "walk_basis",
          "segment_id",
          "lamp_id",
          "street_name",
          "explanation");

  private LightingJson() {}

  public static Map<String, Object> coverage(CoverageSummary s, double radiusMeters) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("radiusMeters", radiusMeters);
    m.put("segments", s.segments());
    m.put("totalMeters", r1(s.totalMeters()));
    m.put("litMeters", r1(s.litMeters()));
    m.put("litShare", r4(s.litShare()));
    m.put("litByLampsMeters", r1(s.litByLampsMeters()));
    m.put("litByTagMeters", r1(s.litByTagMeters()));
    m.put("darkBrokenMeters", r1(s.darkBrokenMeters()));
    m.put("darkMissingMeters", r1(s.darkMissingMeters()));
    m.put("untaggedDarkMeters", r1(s.untaggedDarkMeters()));
    m.put(
        "lamps",
        Map.of(
            "working", s.workingLamps(), "broken", s.brokenLamps(), "planned", s.plannedLamps()));
    m.put("darkStretches", s.darkStretches());
    return m;
  }

  public static Map<String, Object> darkSegments(List<DarkStretch> stretches, Crs crs) {
    List<Object> features = new ArrayList<>(stretches.size());
    for (DarkStretch d : stretches) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("id", d.id());
      p.put("segmentId", d.street().id());
      p.put("cause", d.cause().slug());
      p.put("lengthMeters", r1(d.lengthMeters()));
      p.put("startMeters", r1(d.startMeters()));
      p.put("endMeters", r1(d.endMeters()));
      p.put("highway", d.street().highway());
      d.street().name().ifPresent(n -> p.put("name", n));
      p.put("brokenLamps", d.brokenLampIds());
      features.add(FeatureJson.feature(Optional.of(d.id()), crs.toWgs84(d.lineMeters()), p));
    }
    return FeatureJson.featureCollection(features);
  }

  /** The ranked entries as JSON objects (rank from 1). */
  public static List<Map<String, Object>> priorities(List<Priority> ranked, Crs crs) {
    List<Map<String, Object>> out = new ArrayList<>(ranked.size());
    int rank = 1;
    for (Priority p : ranked) {
      Map<String, Object> m = properties(p, rank++);
      LonLat at = anchor(p.targetMeters(), crs);
      m.put("location", Map.of("lon", r7(at.lon()), "lat", r7(at.lat())));
      out.add(m);
    }
    return out;
  }

  public static Map<String, Object> prioritiesGeoJson(List<Priority> ranked, Crs crs) {
    List<Object> features = new ArrayList<>(ranked.size());
    int rank = 1;
    for (Priority p : ranked) {
      features.add(
          FeatureJson.feature(
              Optional.of(p.id()), crs.toWgs84(p.targetMeters()), properties(p, rank++)));
    }
    return FeatureJson.featureCollection(features);
  }

  /** The work list as CSV (RFC 4180, header row, CRLF line ends). */
  public static String prioritiesCsv(List<Priority> ranked, Crs crs) {
    StringBuilder b = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
    int rank = 1;
    for (Priority p : ranked) {
      LonLat at = anchor(p.targetMeters(), crs);
      List<String> row =
          List.of(
              Integer.toString(rank++),
              p.id(),
              p.kind().slug(),
              fmt(p.score(), 3),
              fmt(at.lon(), 7),
              fmt(at.lat(), 7),
              fmt(p.litGainMeters(), 1),
              fmt(p.nightIncidents(), 3),
              Integer.toString(p.darknessReports()),
              Integer.toString(p.otherReports()),
              fmt(p.walk().value(), 2),
              p.walk().basis(),
              p.segmentId().orElse(""),
              p.lampId().orElse(""),
              p.streetName().orElse(""),
              p.explanation());
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        b.append(csvField(row.get(i)));
      }
      b.append("\r\n");
    }
    return b.toString();
  }

  public static Map<String, Object> priorityList(PriorityList list, List<Priority> shown) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("workspace", list.workspace().id());
    Map<String, Object> params = new LinkedHashMap<>();
    var r = list.request();
    params.put("radiusMeters", r.coverage().defaultRadiusMeters());
    params.put(
        "night",
        Map.of(
            "fromHour", r.night().fromHour(),
            "toHour", r.night().toHour(),
            "season", r.night().season().slug()));
    params.put(
        "weights",
        Map.of(
            "nightIncident", r.weights().nightIncident(),
            "darknessReport", r.weights().darknessReport(),
            "otherReport", r.weights().otherReport()));
    params.put("bandwidthMeters", r.weights().bandwidthMeters());
    params.put("reportRadiusMeters", r.weights().reportRadiusMeters());
    m.put("parameters", params);
    m.put("formula", "score = W × (w_n×N + w_d×D + w_u×U)");
    m.put("coverage", coverage(list.coverage(), r.coverage().defaultRadiusMeters()));
    m.put("candidates", list.priorities().size());
    m.put("returned", shown.size());
    List<Map<String, Object>> entries = priorities(shown, list.workspace().crs());
    entries.forEach(
        e -> {
          String action = list.openActions().get((String) e.get("id"));
          if (action != null) {
            e.put("openActionId", action);
          }
        });
    m.put("priorities", entries);
    return m;
  }

  public static Map<String, Object> whatIf(WhatIfResult r, double radiusMeters) {
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("workspace", coverage(r.workspaceBefore(), radiusMeters));
    before.put("area", coverage(r.areaBefore(), radiusMeters));
    before.put("areaScore", r3(r.areaScoreBefore()));
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("workspace", coverage(r.workspaceAfter(), radiusMeters));
    after.put("area", coverage(r.areaAfter(), radiusMeters));
    after.put("areaScore", r3(r.areaScoreAfter()));
    Map<String, Object> change = new LinkedHashMap<>();
    change.put(
        "litMetersGained", r1(r.workspaceAfter().litMeters() - r.workspaceBefore().litMeters()));
    change.put(
        "workspaceLitShareDelta",
        r4(r.workspaceAfter().litShare() - r.workspaceBefore().litShare()));
    change.put("areaLitShareDelta", r4(r.areaAfter().litShare() - r.areaBefore().litShare()));
    change.put("areaScoreDelta", r3(r.areaScoreAfter() - r.areaScoreBefore()));
    change.put("resolvedPriorities", r.resolvedPriorityIds());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("before", before);
    m.put("after", after);
    m.put("change", change);
    return m;
  }

  private static Map<String, Object> properties(Priority p, int rank) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rank", rank);
    m.put("id", p.id());
    m.put("kind", p.kind().slug());
    m.put("score", r3(p.score()));
    m.put("explanation", p.explanation());
    m.put("litGainMeters", r1(p.litGainMeters()));
    m.put("nightIncidents", r3(p.nightIncidents()));
    m.put("darknessReports", p.darknessReports());
    m.put("otherReports", p.otherReports());
    m.put("walkFactor", p.walk().value());
    m.put("walkBasis", p.walk().basis());
    p.segmentId().ifPresent(s -> m.put("segmentId", s));
    p.lampId().ifPresent(s -> m.put("lampId", s));
    p.streetName().ifPresent(s -> m.put("streetName", s));
    return m;
  }

  /** A point to show an entry at: the lamp, or the middle of the stretch. */
  private static LonLat anchor(Geometry g, Crs crs) {
    Coordinate c;
    if (g instanceof LineString line) {
      c = new LengthIndexedLine(line).extractPoint(line.getLength() / 2);
    } else {
      c = g.getCoordinate();
    }
    return crs.toLonLat(new XY(c.x, c.y));
  }

  static String csvField(String v) {
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  private static String fmt(double v, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  private static double r1(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static double r3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static double r4(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }

  private static double r7(double v) {
    return Math.round(v * 1e7) / 1e7;
  }
}
