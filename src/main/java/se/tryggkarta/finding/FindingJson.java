package se.tryggkarta.finding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.LonLat;

/**
 * The JSON form of walks and findings: the documents kept in the store and the HTTP bodies.
 * Positions are {@code [lon, lat]} (WGS84). Thread-safe.
 *
 * <pre>
 * {"id": "f-1", "location": [12.29, 57.99], "walkId": "w-1", "stop": 2, "category": "lighting",
 *  "severity": 3, "note": "…", "photos": ["p-1"], "recordedBy": "Anna", "recordedAt": "…Z",
 *  "revision": 1}
 * </pre>
 */
public final class FindingJson {
  static final Set<String> FINDING_FIELDS =
      Set.of(
          "id",
          "location",
          "walkId",
          "stop",
          "category",
          "severity",
          "note",
          "photos",
          "recordedBy",
          "recordedAt",
          "revision");
  static final Set<String> WALK_FIELDS =
      Set.of(
          "id",
          "name",
          "plannedFor",
          "heldOn",
          "start",
          "stops",
          "route",
          "lengthMeters",
          "createdAt");
  static final Set<String> STOP_FIELDS = Set.of("number", "id", "location", "reason");

  private FindingJson() {}

  /**
   * A finding from a request body or a document. A body without {@code id} gets {@code fallbackId};
   * without {@code recordedAt}, {@code now}; without {@code revision}, 1.
   */
  public static Finding readFinding(JsonNode n, String fallbackId, Instant now) {
    JsonFields f = JsonFields.of(n, "", FINDING_FIELDS);
    List<String> photos = new ArrayList<>();
    JsonNode p = f.node("photos");
    if (!p.isMissingNode() && !p.isNull()) {
      if (!p.isArray()) {
        throw DomainException.invalid("photos", "photos must be a list of photo ids");
      }
      for (int i = 0; i < p.size(); i++) {
        if (!p.get(i).isTextual()) {
          throw DomainException.invalid("photos/" + i, "a photo id must be a string");
        }
        photos.add(RecordIds.check("photos/" + i, p.get(i).asText()));
      }
    }
    return new Finding(
        f.text("id").orElse(fallbackId),
        f.lonLat("location")
            .orElseThrow(
                () -> DomainException.invalid("location", "location [lon, lat] is required")),
        f.text("walkId"),
        f.smallInt("stop", 1, Walk.MAX_STOPS),
        ChecklistCategory.parse("category", f.requiredText("category")),
        f.smallInt("severity", 1, 3)
            .orElseThrow(() -> DomainException.invalid("severity", "severity 1..3 is required")),
        f.text("note"),
        photos,
        f.text("recordedBy").orElse(""),
        f.instant("recordedAt").orElse(now),
        f.smallInt("revision", 1, Integer.MAX_VALUE).orElse(1));
  }

  /** The finding; without note and photos when {@code withPersonalData} is false. */
  public static ObjectNode toNode(Finding x, boolean withPersonalData) {
    Finding v = withPersonalData ? x : x.withoutPersonalData();
    ObjectNode o = JsonFields.object();
    o.put("id", v.id());
    o.set("location", JsonFields.lonLat(v.location()));
    v.walkId().ifPresent(w -> o.put("walkId", w));
    v.stopNumber().ifPresent(s -> o.put("stop", s));
    o.put("category", v.category().slug());
    o.put("severity", v.severity());
    v.note().ifPresent(t -> o.put("note", t));
    if (withPersonalData) {
      ArrayNode photos = o.putArray("photos");
      v.photoIds().forEach(photos::add);
    }
    o.put("recordedBy", v.recordedBy());
    o.put("recordedAt", v.recordedAt().toString());
    o.put("revision", v.revision());
    return o;
  }

  public static Walk readWalk(JsonNode n) {
    JsonFields f = JsonFields.of(n, "", WALK_FIELDS);
    List<Walk.Stop> stops = new ArrayList<>();
    JsonNode s = f.node("stops");
    for (int i = 0; i < s.size(); i++) {
      JsonFields st = JsonFields.of(s.get(i), "stops/" + i, STOP_FIELDS);
      stops.add(
          new Walk.Stop(
              st.smallInt("number", 1, Walk.MAX_STOPS).orElse(i + 1),
              st.requiredText("id"),
              st.lonLat("location").orElseThrow(),
              st.text("reason").orElse("")));
    }
    List<LonLat> route = new ArrayList<>();
    JsonNode r = f.node("route");
    for (int i = 0; i < r.size(); i++) {
      route.add(JsonFields.lonLat(r.get(i), "route/" + i));
    }
    return new Walk(
        f.requiredText("id"),
        f.requiredText("name"),
        f.date("plannedFor"),
        f.date("heldOn"),
        f.lonLat("start").orElseThrow(),
        stops,
        route,
        f.number("lengthMeters"),
        f.instant("createdAt").orElseThrow());
  }

  public static ObjectNode toNode(Walk w) {
    ObjectNode o = JsonFields.object();
    o.put("id", w.id());
    o.put("name", w.name());
    w.plannedFor().ifPresent(d -> o.put("plannedFor", d.toString()));
    w.heldOn().ifPresent(d -> o.put("heldOn", d.toString()));
    o.set("start", JsonFields.lonLat(w.start()));
    ArrayNode stops = o.putArray("stops");
    for (Walk.Stop s : w.stops()) {
      ObjectNode so = stops.addObject();
      so.put("number", s.number());
      so.put("id", s.id());
      so.set("location", JsonFields.lonLat(s.location()));
      so.put("reason", s.reason());
    }
    ArrayNode route = o.putArray("route");
    w.route().forEach(p -> route.add(JsonFields.lonLat(p)));
    o.put("lengthMeters", Math.round(w.lengthMeters() * 10) / 10.0);
    o.put("createdAt", w.createdAt().toString());
    return o;
  }
}
