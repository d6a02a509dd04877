package se.tryggkarta.http.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Lamp;
import se.tryggkarta.layer.LayerRecord;
import se.tryggkarta.layer.Place;
import se.tryggkarta.layer.StreetSegment;
import se.tryggkarta.layer.UnsafePlace;

/**
 * GeoJSON shapes of layer records: a Feature whose {@code id} is the external id and whose
 * properties are the layer's typed fields followed by its extra properties (typed fields win on a
 * name clash). Free text is an allowlist: without {@code withFreeText} (viewers, the public) a
 * record shows only the fields its layer's schema defines, minus the comment; columns the schema
 * does not define may hold anything (notes, descriptions, names) and go to analysts only.
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

  public static Map<String, Object> properties(LayerRecord r, boolean withFreeText) {
    Map<String, Object> p = withFreeText ? new LinkedHashMap<>(r.extra()) : new LinkedHashMap<>();
    p.put("id", r.externalId());
    if (r instanceof Incident x) {
      p.put("occurred_at", x.occurredAt().toString());
      p.put("category", x.category());
      p.put("weight", x.weight());
    } else if (r instanceof UnsafePlace x) {
      p.put("reported_at", x.reportedAt().toString());
      p.put("category", x.category());
      p.put("source", x.source());
      if (withFreeText) {
        x.comment().ifPresent(c -> p.put("comment", c));
      }
    } else if (r instanceof Lamp x) {
      p.put("status", x.status().slug());
      x.powerWatts().ifPresent(v -> p.put("power_w", v));
      x.lumens().ifPresent(v -> p.put("lumens", v));
      x.installedOn().ifPresent(d -> p.put("installed_on", d.toString()));
      p.put("source", x.source());
    } else if (r instanceof Place x) {
      p.put("name", x.name());
    } else if (r instanceof StreetSegment x) {
      p.put("highway", x.highway());
      p.put("lit", x.lit().slug());
      x.name().ifPresent(n -> p.put("name", n));
    }
    return p;
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
