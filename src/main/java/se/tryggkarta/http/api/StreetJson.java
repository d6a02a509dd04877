package se.tryggkarta.http.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.XY;
import se.tryggkarta.hotspot.HotStreets;
import se.tryggkarta.hotspot.StreetDensityMap;
import se.tryggkarta.hotspot.network.StreetDensity;

/**
 * The GeoJSON of hot streets, shared by the HTTP route and the CLI: one LineString (WGS84) per
 * lixel with a density above zero, its density in events per km of street. Stateless.
 */
public final class StreetJson {
  /** The method as the answer states it. */
  static final String METHOD =
      "network KDE, spNetwork nkde(method = \"simple\"): Σ w·quartic_kernel(d, bw) over"
          + " shortest-path distances d along the streets (its sum_k), no split at intersections";

  private StreetJson() {}

  public static Map<String, Object> streets(StreetDensityMap map) {
    StreetDensity d = map.density();
    List<Object> features = new ArrayList<>();
    for (int i = 0; i < d.size(); i++) {
      if (d.density(i) <= 0) {
        continue;
      }
      List<double[]> coordinates = new ArrayList<>();
      for (XY p : d.line(i)) {
        LonLat ll = map.crs().toLonLat(p);
        coordinates.add(new double[] {ll.lon(), ll.lat()});
      }
      Map<String, Object> geometry = new LinkedHashMap<>();
      geometry.put("type", "LineString");
      geometry.put("coordinates", coordinates);
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("density", d.density(i) * 1000);
      props.put("lengthMeters", d.lengthMeters(i));
      features.add(FeatureJson.feature(Optional.empty(), geometry, props));
    }
    Map<String, Object> body = FeatureJson.featureCollection(features);
    body.put("unit", "events/km");
    body.put("method", METHOD);
    body.put("kernel", "quartic");
    body.put("bandwidthMeters", d.bandwidthMeters());
    body.put("lixelMeters", d.lixelMeters());
    body.put("max", d.max() * 1000);
    body.put("lixels", d.size());
    body.put("events", map.events());
    body.put("eventsSnapped", d.eventsSnapped());
    body.put("eventsBeyondSnap", d.eventsBeyondSnap());
    body.put("maxSnapMeters", HotStreets.MAX_SNAP_METERS);
    return body;
  }
}
