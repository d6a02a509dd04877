package se.tryggkarta.layer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A layer record's properties as every writer shows them: the layer API's GeoJSON, the OGC API's
 * items, the export files and the demo town's committed files all take their property maps from
 * here, so they cannot drift apart.
 *
 * <p>Key order: {@code id} (the external id), then the typed fields in {@link #typedNames} order
 * (absent optional ones left out), then, with free text, the extra properties in name order. Name
 * order because the PostGIS store keeps extras as {@code jsonb}, which does not keep the order they
 * came in, so only a sorted order is the same from both stores. A typed field or the id wins over
 * an extra property of the same name; an extra property fills a typed name only where the record
 * has no value for it.
 *
 * <p>Free text is an allowlist: without {@code withFreeText} (viewers, the public) a record shows
 * only the fields its layer's schema defines, minus the unsafe-place comment; columns the schema
 * does not define may hold anything (notes, descriptions, names) and go to analysts only. Stateless
 * and thread-safe.
 */
public final class RecordProperties {
  private RecordProperties() {}

  /** The typed fields of a layer by their import names, in the order every writer writes them. */
  public static List<String> typedNames(Layer layer) {
    return switch (layer) {
      case INCIDENTS -> List.of("occurred_at", "category", "weight");
      case UNSAFE_PLACES -> List.of("reported_at", "category", "source", "comment");
      case LAMPS -> List.of("status", "power_w", "lumens", "installed_on", "source");
      case PLACES -> List.of("name");
      case STREETS -> List.of("highway", "lit", "name");
    };
  }

  /**
   * The record's properties: a new mutable map the caller may extend.
   *
   * @param withFreeText whether the reader may see free text: the unsafe-place comment and the
   *     extra properties (analysts)
   */
  public static Map<String, Object> of(LayerRecord r, boolean withFreeText) {
    Map<String, Object> p = new LinkedHashMap<>();
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
    if (withFreeText) {
      new TreeMap<>(r.extra()).forEach(p::putIfAbsent);
    }
    return p;
  }
}
