package se.tryggkarta.http.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.tryggkarta.layer.LayerRecord;
import se.tryggkarta.layer.RecordProperties;

/**
 * GeoJSON shapes of layer records: a Feature whose {@code id} is the external id and whose
 * properties are {@link RecordProperties}' (the id, the typed fields, then the extra properties to
 * analysts only).
 */
public final class FeatureJson {
  private FeatureJson() {}

  /**
   * @param withFreeText whether the caller may read free text: comments and the columns outside the
   *     layer's schema (analysts)
   */
  public static Map<String, Object> feature(LayerRecord r, boolean withFreeText) {
    return feature(Optional.of(r.externalId()), r.geometryWgs84(), properties(r, withFreeText));
  }

  /**
   * A GeoJSON Feature of any geometry Jackson writes (a JTS geometry or a GeoJSON map): type, id
   * when given, geometry and properties, in that order.
   */
  public static Map<String, Object> feature(
      Optional<String> id, Object geometry, Map<String, Object> properties) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("type", "Feature");
    id.ifPresent(v -> f.put("id", v));
    f.put("geometry", geometry);
    f.put("properties", properties);
    return f;
  }

  /** A GeoJSON FeatureCollection; callers may add foreign members (totals, settings) after it. */
  public static Map<String, Object> featureCollection(List<?> features) {
    Map<String, Object> fc = new LinkedHashMap<>();
    fc.put("type", "FeatureCollection");
    fc.put("features", features);
    return fc;
  }

  /** The record's properties, shared with exports and the OGC API: {@link RecordProperties}. */
  public static Map<String, Object> properties(LayerRecord r, boolean withFreeText) {
    return RecordProperties.of(r, withFreeText);
  }

  public static Map<String, Object> collection(
      List<? extends LayerRecord> records, boolean withFreeText) {
    List<Object> features = new ArrayList<>(records.size());
    for (LayerRecord r : records) {
      features.add(feature(r, withFreeText));
    }
    return featureCollection(features);
  }
}
