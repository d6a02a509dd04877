package se.tryggkarta.http.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.XY;
import se.tryggkarta.hotspot.Audience;
import se.tryggkarta.hotspot.DensityMap;
import se.tryggkarta.hotspot.EmergingMap;
import se.tryggkarta.hotspot.GiStarMap;
import se.tryggkarta.hotspot.SitesResult;
import se.tryggkarta.hotspot.contour.ContourBand;
import se.tryggkarta.hotspot.emerging.EmergingResult;
import se.tryggkarta.hotspot.evaluation.EvaluationRow;
import se.tryggkarta.hotspot.evaluation.ForecastEvaluation;
import se.tryggkarta.hotspot.evaluation.Split;
import se.tryggkarta.hotspot.gistar.GiStarResult;
import se.tryggkarta.hotspot.kde.DensityGrid;
import se.tryggkarta.hotspot.sites.PatrolSite;
import se.tryggkarta.place.Address;
import se.tryggkarta.place.PlaceIndex;

/**
 * JSON and GeoJSON shapes of hotspot results, shared by the HTTP routes and the CLI. Geometries are
 * WGS84 (RFC 7946); grids stay in the workspace's CRS. Stateless.
 */
public final class HotspotJson {
  private static final GeometryFactory GF = new GeometryFactory();

  private HotspotJson() {}

  /**
   * A density grid, events per km²: {@code originX}/{@code originY} is the north-west corner and
   * {@code rowOrder} is always {@code north-to-south} (row 0 is the northernmost), as in GeoTIFF.
   */
  public static Map<String, Object> grid(DensityMap m) {
    DensityGrid d = m.density();
    var g = d.grid();
    float[] rows = new float[g.cellCount()];
    for (int row = 0; row < g.ny(); row++) {
      for (int ix = 0; ix < g.nx(); ix++) {
        rows[row * g.nx() + ix] = (float) d.value(ix, g.ny() - 1 - row);
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("crs", m.crs().code());
    body.put("originX", g.minX());
    body.put("originY", g.maxY());
    body.put("rowOrder", "north-to-south");
    body.put("cellSizeMeters", g.cellSizeMeters());
    body.put("nx", g.nx());
    body.put("ny", g.ny());
    body.put("unit", "events/km2");
    body.put("kernel", d.kernel().slug());
    body.put("bandwidthMeters", d.bandwidthMeters());
    body.put("bandwidthMethod", m.bandwidthMethod());
    if (m.audience() == Audience.MEMBER) {
      body.put("events", m.events());
      body.put("weightedEvents", m.weightedEvents());
      body.put("suppressedCells", m.suppressedCells());
    }
    // The values are floats; the largest is written as the float it is, so that a client finds it
    // among them (as a double it would print as 8042.34228515625 beside the value's 8042.3423).
    body.put("max", (float) d.max());
    body.put("values", rows);
    return body;
  }

  /** Contour bands as polygon features (already WGS84). */
  public static Map<String, Object> contours(List<ContourBand> bands) {
    List<Object> features = new ArrayList<>();
    for (ContourBand b : bands) {
      Map<String, Object> props = new LinkedHashMap<>();
      b.massFraction().ifPresent(f -> props.put("massFraction", f));
      props.put("levelPerKm2", b.levelPerKm2());
      features.add(FeatureJson.feature(Optional.empty(), b.area(), props));
    }
    return FeatureJson.featureCollection(features);
  }

  /** Gi* hexagons; counts only for members. */
  public static Map<String, Object> giStar(GiStarMap map) {
    GiStarResult r = map.result();
    List<Object> features = new ArrayList<>();
    for (int i : map.shown()) {
      XY[] corners = r.grid().corners(i);
      Coordinate[] ring = new Coordinate[7];
      for (int k = 0; k < 6; k++) {
        ring[k] = new Coordinate(corners[k].x(), corners[k].y());
      }
      ring[6] = ring[0];
      Map<String, Object> props = new LinkedHashMap<>();
      if (map.audience() == Audience.MEMBER) {
        props.put("count", r.sum(i));
      }
      props.put("z", r.zScore(i));
      props.put("p", r.pValue(i));
      props.put("q", r.qValue(i));
      props.put("class", r.qValue(i) <= map.alpha() ? r.hotspotClass(i).slug() : "not-significant");
      features.add(
          FeatureJson.feature(Optional.empty(), map.crs().toWgs84(GF.createPolygon(ring)), props));
    }
    Map<String, Object> body = FeatureJson.featureCollection(features);
    body.put("cellMeters", r.grid().widthMeters());
    if (map.audience() == Audience.MEMBER) {
      body.put("cellCount", r.size());
      body.put(
          "cellSet",
          "every hexagon of the grid covering the extent, those without events too: z, the mean and"
              + " S are computed over all of them, so Gi* recomputed on these features' counts with"
              + " binary weights within bandMeters (the focal cell included) gives the same z");
    }
    body.put("bandMeters", r.bandMeters());
    body.put("alpha", map.alpha());
    body.put("inference", r.permutation().isPresent() ? "permutation" : "analytic");
    map.bandScan()
        .ifPresent(
            scan -> {
              body.put(
                  "bandMethod",
                  scan.peakBandMeters().isPresent()
                      ? "incremental-autocorrelation-peak"
                      : "default-no-peak");
              List<Object> bands = new ArrayList<>();
              for (var m : scan.bands()) {
                bands.add(Map.of("bandMeters", m.bandMeters(), "moranI", m.i(), "z", m.zScore()));
              }
              body.put("bandScan", bands);
            });
    r.permutation()
        .ifPresent(
            p -> {
              body.put("permutations", p.permutations());
              body.put("seed", p.seed());
            });
    return body;
  }

  /**
   * Emerging hot spot hexagons (members only): class, the Mann–Kendall trend of the Gi* z series (τ
   * and its two-sided p), the event sum over all steps and per step.
   */
  public static Map<String, Object> emerging(EmergingMap map) {
    EmergingResult r = map.result();
    int steps = r.cube().steps();
    List<Object> features = new ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      XY[] corners = r.grid().corners(i);
      Coordinate[] ring = new Coordinate[7];
      for (int k = 0; k < 6; k++) {
        ring[k] = new Coordinate(corners[k].x(), corners[k].y());
      }
      ring[6] = ring[0];
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("class", r.emergingClass(i).slug());
      props.put("tau", r.trend(i).tau());
      props.put("trendP", r.trend(i).pValue());
      props.put("count", r.total(i));
      double[] counts = new double[steps];
      for (int t = 0; t < steps; t++) {
        counts[t] = r.cube().sum(t, i);
      }
      props.put("counts", counts);
      props.put("z", r.zScores(i));
      features.add(
          FeatureJson.feature(Optional.empty(), map.crs().toWgs84(GF.createPolygon(ring)), props));
    }
    Map<String, Object> body = FeatureJson.featureCollection(features);
    body.put("cellMeters", r.grid().widthMeters());
    body.put("bandMeters", r.bandMeters());
    body.put("step", map.step().slug());
    body.put("lag", r.timeLag());
    body.put("alpha", r.alpha());
    List<String> starts = new ArrayList<>();
    for (int t = 0; t < steps; t++) {
      starts.add(map.stepStart(t).toString());
    }
    body.put("stepStarts", starts);
    return body;
  }

  /**
   * Members: circles with rank, id, score and the model; public: aggregated cells. Both carry the
   * name people read ("Hotspot 3", the rank being the same in the walk protocol and the follow-up
   * report) and the nearest named street or place of the site's middle ({@code address}, null when
   * none). Members' sites also carry their {@code profile} ({@link SiteProfileJson}).
   */
  public static Map<String, Object> sites(SitesResult s, PlaceIndex names) {
    List<Object> features = new ArrayList<>();
    for (PatrolSite p : s.sites()) {
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("rank", p.rank());
      props.put("name", "Hotspot " + p.rank());
      props.put("address", address(names, s.crs().toLonLat(p.centre())));
      props.put("model", s.model());
      props.put("id", p.id());
      props.put("score", p.score());
      props.put("eventsCovered", p.eventsCovered());
      props.put("radiusMeters", p.radiusMeters());
      props.put("areaM2", p.areaM2());
      s.profile(p).ifPresent(profile -> props.put("profile", SiteProfileJson.profile(profile)));
      Geometry circle =
          GF.createPoint(new Coordinate(p.centre().x(), p.centre().y()))
              .buffer(p.radiusMeters(), 16);
      features.add(FeatureJson.feature(Optional.empty(), s.crs().toWgs84(circle), props));
    }
    for (SitesResult.PublicCell c : s.publicCells()) {
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("rank", c.rank());
      props.put("name", "Hotspot " + c.rank());
      Bbox middle = c.cellXY();
      props.put(
          "address",
          address(
              names,
              s.crs()
                  .toLonLat(
                      new XY(
                          (middle.minX() + middle.maxX()) / 2,
                          (middle.minY() + middle.maxY()) / 2))));
      props.put("score", c.score());
      props.put("protectedEvents", c.events());
      Bbox b = c.cellXY();
      Geometry cell = GF.toGeometry(new Envelope(b.minX(), b.maxX(), b.minY(), b.maxY()));
      features.add(FeatureJson.feature(Optional.empty(), s.crs().toWgs84(cell), props));
    }
    Map<String, Object> body = FeatureJson.featureCollection(features);
    if (s.audience() == Audience.MEMBER) {
      body.put("model", s.model());
      body.put("validated", s.validated());
    }
    return body;
  }

  private static String address(PlaceIndex names, LonLat at) {
    Address a = names.addressOf(at);
    return a.isEmpty() ? null : a.label();
  }

  /**
   * Evaluation rows (PAI and PEI* null when nothing was flagged), the default model and the splits
   * (ISO date-times in the workspace's zone).
   */
  public static Map<String, Object> evaluation(
      ForecastEvaluation.Result result, java.time.ZoneId zone) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (EvaluationRow r : result.rows()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("method", r.method());
      m.put("model", r.model());
      m.put("coverage", r.coverage());
      m.put("areaShare", r.areaShare());
      m.put("cellsFlagged", r.cellsFlagged());
      m.put("testEvents", r.testEvents());
      m.put("hits", r.hits());
      m.put("hitRate", r.hitRate());
      m.put("pai", Double.isNaN(r.pai()) ? null : r.pai());
      m.put("pei", Double.isNaN(r.pei()) ? null : r.pei());
      rows.add(m);
    }
    List<Map<String, Object>> splits = new ArrayList<>();
    for (Split s : result.splits()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("trainFrom", instant(s.trainFromDay(), zone));
      m.put("testFrom", instant(s.testFromDay(), zone));
      m.put("testTo", instant(s.testToDay(), zone));
      splits.add(m);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("default", result.chosen().name());
    body.put("splits", splits);
    body.put("rows", rows);
    return body;
  }

  private static String instant(double epochDays, java.time.ZoneId zone) {
    return java.time.Instant.ofEpochSecond(Math.round(epochDays * 86400))
        .atZone(zone)
        .toOffsetDateTime()
        .toString();
  }
}
