package se.tryggkarta.commitment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.n52.jackson.datatype.jts.JtsModule;
import se.tryggkarta.commitment.progress.Milestone;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.StrictJson;
import se.tryggkarta.common.TimeRange;

/**
 * The JSON form of commitments and activities: the documents kept in the store, the import/export
 * file format, and the HTTP request and response bodies. Geometries are GeoJSON in WGS84 (RFC
 * 7946). Reading rejects unknown fields and names the offending field as a JSON-pointer-like path
 * ({@code places/0/bufferMeters}). Thread-safe.
 *
 * <pre>
 * {"id": "narvaro-resecentrum", "title": "…", "text": "…", "responsible": "police",
 *  "kind": "presence", "periodStart": "2021-04-01", "periodEnd": "2023-12-31", "target": 500,
 *  "places": [{"name": "Resecentrum", "geometry": {GeoJSON}, "bufferMeters": 50}],
 *  "categories": ["drugs"], "status": "active"}
 * </pre>
 */
public final class CommitmentJson {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JtsModule(new GeometryFactory(new PrecisionModel(), 4326)));
  private static final Set<String> COMMITMENT_FIELDS =
      Set.of(
          "id",
          "title",
          "text",
          "responsible",
          "kind",
          "periodStart",
          "periodEnd",
          "target",
          "milestones",
          "places",
          "categories",
          "status");
  private static final Set<String> PLACE_FIELDS =
      Set.of("name", "placeId", "geometry", "bufferMeters", "target");
  private static final Set<String> ACTIVITY_FIELDS =
      Set.of(
          "id",
          "occurredAt",
          "count",
          "location",
          "place",
          "outsidePlaces",
          "note",
          "notePublic",
          "loggedBy");

  private CommitmentJson() {}

  /** Parses JSON text; a syntax error becomes INVALID_INPUT on {@code body}. */
  public static JsonNode parse(String text) {
    try {
      JsonNode node =
          StrictJson.readTree(
              JSON, (text == null ? "" : text).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      if (node == null || node.isMissingNode()) {
        throw DomainException.invalid("body", "the body is empty");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw DomainException.invalid("body", "malformed JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Reads one commitment, an array of them, or {@code {"commitments": [...]}} (the export format).
   */
  public static List<Commitment> readCommitments(String text) {
    return readCommitments(parse(text));
  }

  /** {@link #readCommitments(String)} of an already parsed body. */
  public static List<Commitment> readCommitments(JsonNode root) {
    JsonNode items = root.isObject() && root.has("commitments") ? root.get("commitments") : root;
    List<Commitment> out = new ArrayList<>();
    if (items.isArray()) {
      for (int i = 0; i < items.size(); i++) {
        out.add(prefixed("commitments/" + i + "/", items.get(i)));
      }
    } else {
      out.add(readCommitment(items));
    }
    return out;
  }

  private static Commitment prefixed(String prefix, JsonNode node) {
    try {
      return readCommitment(node);
    } catch (DomainException e) {
      throw DomainException.invalid(prefix + e.field().orElse("body"), e.getMessage());
    }
  }

  public static Commitment readCommitment(String text) {
    return readCommitment(parse(text));
  }

  /** Reads one commitment object. */
  public static Commitment readCommitment(JsonNode n) {
    requireObject(n, "body");
    rejectUnknown(n, COMMITMENT_FIELDS, "");
    List<CommitmentPlace> places = new ArrayList<>();
    JsonNode ps = n.get("places");
    if (ps != null && !ps.isNull()) {
      if (!ps.isArray()) {
        throw DomainException.invalid("places", "places must be an array");
      }
      for (int i = 0; i < ps.size(); i++) {
        String prefix = "places/" + i + "/";
        try {
          places.add(readPlace(ps.get(i), prefix));
        } catch (DomainException e) {
          String f = e.field().orElse("");
          throw DomainException.invalid(f.startsWith(prefix) ? f : prefix + f, e.getMessage());
        }
      }
    }
    return new Commitment(
        text(n, "id").orElse(null),
        text(n, "title").orElse(null),
        text(n, "text").orElse(""),
        text(n, "responsible").orElse(null),
        CommitmentKind.parse("kind", text(n, "kind").orElse("other")),
        date(n, "periodStart"),
        date(n, "periodEnd"),
        whole(n, "target"),
        milestones(n),
        places,
        strings(n, "categories"),
        text(n, "status")
            .map(s -> CommitmentState.parse("status", s))
            .orElse(CommitmentState.ACTIVE));
  }

  private static CommitmentPlace readPlace(JsonNode n, String prefix) {
    requireObject(n, "");
    rejectUnknown(n, PLACE_FIELDS, prefix);
    Optional<Geometry> g = Optional.empty();
    JsonNode gn = n.get("geometry");
    if (gn != null && !gn.isNull()) {
      g = Optional.of(geometry(gn, "geometry"));
    }
    JsonNode b = n.get("bufferMeters");
    double buffer = 0;
    if (b != null && !b.isNull()) {
      if (!b.isNumber()) {
        throw DomainException.invalid("bufferMeters", "bufferMeters must be a number");
      }
      buffer = b.asDouble();
    }
    return new CommitmentPlace(
        text(n, "name").orElse(null), text(n, "placeId"), g, buffer, whole(n, "target"));
  }

  /** The document form of a commitment. */
  public static ObjectNode toNode(Commitment c) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", c.id());
    n.put("title", c.title());
    n.put("text", c.text());
    n.put("responsible", c.responsible());
    n.put("kind", c.kind().slug());
    n.put("periodStart", c.periodStart().toString());
    n.put("periodEnd", c.periodEnd().toString());
    c.target().ifPresent(t -> n.put("target", t));
    if (!c.milestones().isEmpty()) {
      ArrayNode ms = n.putArray("milestones");
      for (Milestone m : c.milestones()) {
        ms.addObject().put("date", m.date().toString()).put("count", m.count());
      }
    }
    ArrayNode places = n.putArray("places");
    for (CommitmentPlace p : c.places()) {
      ObjectNode pn = places.addObject();
      pn.put("name", p.name());
      p.placeId().ifPresent(id -> pn.put("placeId", id));
      p.geometryWgs84().ifPresent(g -> pn.set("geometry", JSON.valueToTree(g)));
      pn.put("bufferMeters", p.bufferMeters());
      p.target().ifPresent(t -> pn.put("target", t));
    }
    ArrayNode cats = n.putArray("categories");
    c.categories().forEach(cats::add);
    n.put("status", c.state().slug());
    return n;
  }

  public static String write(Commitment c) {
    return toNode(c).toString();
  }

  /** The export format: {@code {"commitments": [...]}}. */
  public static String writeAll(List<Commitment> all) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode arr = root.putArray("commitments");
    all.forEach(c -> arr.add(toNode(c)));
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads an activity as logged over HTTP. {@code occurredAt} is an ISO-8601 instant with offset, a
   * local date-time or a date (read in {@code zone}); a missing id is replaced by {@code newId}.
   */
  public static Activity readActivity(JsonNode n, String commitmentId, String newId, ZoneId zone) {
    requireObject(n, "body");
    rejectUnknown(n, ACTIVITY_FIELDS, "");
    Optional<LonLat> location = Optional.empty();
    JsonNode ln = n.get("location");
    if (ln != null && !ln.isNull()) {
      Geometry g = geometry(ln, "location");
      if (!(g instanceof Point p)) {
        throw DomainException.invalid("location", "location must be a GeoJSON Point");
      }
      try {
        location = Optional.of(new LonLat(p.getX(), p.getY()));
      } catch (DomainException e) {
        throw DomainException.invalid("location", e.getMessage());
      }
    }
    long count = whole(n, "count").orElse(1);
    Instant at =
        text(n, "occurredAt")
            .map(s -> TimeRange.parseInstant("occurredAt", s, zone))
            .orElseThrow(() -> DomainException.invalid("occurredAt", "occurredAt is required"));
    return new Activity(
        text(n, "id").orElse(newId),
        commitmentId,
        at,
        count,
        location,
        text(n, "place"),
        bool(n, "outsidePlaces"),
        text(n, "note"),
        bool(n, "notePublic"),
        text(n, "loggedBy").orElse(null));
  }

  /** The document form of an activity (the note included: the caller decides what to show). */
  public static ObjectNode toNode(Activity a) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", a.id());
    n.put("commitmentId", a.commitmentId());
    n.put("occurredAt", a.occurredAt().toString());
    n.put("count", a.count());
    a.location()
        .ifPresent(
            l -> {
              ObjectNode p = n.putObject("location");
              p.put("type", "Point");
              p.putArray("coordinates").add(l.lon()).add(l.lat());
            });
    a.place().ifPresent(p -> n.put("place", p));
    n.put("outsidePlaces", a.outsidePlaces());
    a.note().ifPresent(t -> n.put("note", t));
    n.put("notePublic", a.notePublic());
    n.put("loggedBy", a.loggedBy());
    return n;
  }

  /** Reads an activity document written by {@link #toNode(Activity)}. */
  public static Activity readActivityDocument(String json) {
    JsonNode n = parse(json);
    Optional<LonLat> location = Optional.empty();
    JsonNode ln = n.get("location");
    if (ln != null && ln.has("coordinates")) {
      location =
          Optional.of(
              new LonLat(
                  ln.get("coordinates").get(0).asDouble(),
                  ln.get("coordinates").get(1).asDouble()));
    }
    return new Activity(
        n.get("id").asText(),
        n.get("commitmentId").asText(),
        Instant.parse(n.get("occurredAt").asText()),
        n.get("count").asLong(),
        location,
        text(n, "place"),
        bool(n, "outsidePlaces"),
        text(n, "note"),
        bool(n, "notePublic"),
        text(n, "loggedBy").orElse(null));
  }

  /** An ISO-8601 instant with offset, a local date-time, or a date, read in {@code zone}. */
  private static void requireObject(JsonNode n, String field) {
    if (n == null || !n.isObject()) {
      throw DomainException.invalid(field.isEmpty() ? "body" : field, "expected a JSON object");
    }
  }

  private static void rejectUnknown(JsonNode n, Set<String> known, String prefix) {
    Iterator<String> names = n.fieldNames();
    while (names.hasNext()) {
      String f = names.next();
      if (!known.contains(f)) {
        throw DomainException.invalid(prefix + f, "unknown field '" + f + "'");
      }
    }
  }

  private static Optional<String> text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw DomainException.invalid(field, field + " must be a string");
    }
    return Optional.of(v.asText()).filter(s -> !s.isBlank());
  }

  private static boolean bool(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return false;
    }
    if (!v.isBoolean()) {
      throw DomainException.invalid(field, field + " must be true or false");
    }
    return v.asBoolean();
  }

  private static OptionalLong whole(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return OptionalLong.empty();
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw DomainException.invalid(field, field + " must be a whole number, was " + v);
    }
    return OptionalLong.of(v.asLong());
  }

  private static LocalDate date(JsonNode n, String field) {
    Optional<String> s = text(n, field);
    if (s.isEmpty()) {
      throw DomainException.invalid(field, field + " is required (YYYY-MM-DD)");
    }
    try {
      return LocalDate.parse(s.get());
    } catch (DateTimeParseException e) {
      throw DomainException.invalid(
          field, field + " must be a date YYYY-MM-DD, was '" + s.get() + "'");
    }
  }

  private static List<Milestone> milestones(JsonNode n) {
    JsonNode v = n.get("milestones");
    List<Milestone> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      throw DomainException.invalid("milestones", "milestones must be an array");
    }
    for (int i = 0; i < v.size(); i++) {
      JsonNode m = v.get(i);
      String prefix = "milestones/" + i + "/";
      if (!m.isObject()) {
        throw DomainException.invalid("milestones/" + i, "a milestone is {\"date\", \"count\"}");
      }
      rejectUnknown(m, Set.of("date", "count"), prefix);
      try {
        out.add(
            new Milestone(
                date(m, "date"),
                whole(m, "count")
                    .orElseThrow(() -> DomainException.invalid("count", "count is required"))));
      } catch (DomainException e) {
        throw DomainException.invalid(prefix + e.field().orElse(""), e.getMessage());
      }
    }
    return out;
  }

  private static Set<String> strings(JsonNode n, String field) {
    JsonNode v = n.get(field);
    Set<String> out = new LinkedHashSet<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      throw DomainException.invalid(field, field + " must be an array of strings");
    }
    for (JsonNode s : v) {
      if (!s.isTextual()) {
        throw DomainException.invalid(field, field + " must be an array of strings");
      }
      out.add(s.asText());
    }
    return out;
  }

  private static Geometry geometry(JsonNode n, String field) {
    try {
      Geometry g = JSON.treeToValue(n, Geometry.class);
      if (g == null) {
        throw DomainException.invalid(field, field + " must be a GeoJSON geometry");
      }
      g.setSRID(4326);
      if (!g.isValid()) {
        throw DomainException.invalid(field, field + " is not a valid geometry");
      }
      return g;
    } catch (DomainException e) {
      throw e;
    } catch (JsonProcessingException | RuntimeException e) {
      // the GeoJSON reader fails with bare runtime errors (a missing type or coordinates)
      throw DomainException.invalid(
          field,
          field
              + " must be a GeoJSON geometry with a type and coordinates"
              + (e instanceof JsonProcessingException j ? ": " + j.getOriginalMessage() : ""));
    }
  }
}
