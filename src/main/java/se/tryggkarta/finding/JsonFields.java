package se.tryggkarta.finding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.LonLat;

/**
 * Strict reading of one JSON object of this feature's bodies and documents: unknown fields are
 * refused, and every error names its field as a path ({@code link/kind}). Positions are {@code
 * [lon, lat]} in WGS84. Immutable; thread-safe.
 */
public final class JsonFields {
  static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode node;
  private final String prefix;

  private JsonFields(JsonNode node, String prefix) {
    this.node = node;
    this.prefix = prefix;
  }

  /** Parses a JSON body; INVALID_INPUT (field {@code body}) when it is not JSON. */
  public static JsonNode parse(String text) {
    try {
      JsonNode n = JSON.readTree(text == null ? "" : text);
      if (n == null || n.isMissingNode()) {
        throw DomainException.invalid("body", "the body is empty; a JSON object is expected");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw DomainException.invalid("body", "the body is not valid JSON");
    }
  }

  /** The object's fields, refusing any not in {@code allowed}. */
  public static JsonFields of(JsonNode node, String prefix, Set<String> allowed) {
    String where = prefix.isEmpty() ? "body" : prefix;
    if (node == null || !node.isObject()) {
      throw DomainException.invalid(where, where + " must be a JSON object");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        throw DomainException.invalid(path(prefix, f), "unknown field '" + f + "'");
      }
    }
    return new JsonFields(node, prefix);
  }

  public static ObjectMapper mapper() {
    return JSON;
  }

  public static ObjectNode object() {
    return JSON.createObjectNode();
  }

  public static ArrayNode lonLat(LonLat p) {
    return JSON.createArrayNode().add(p.lon()).add(p.lat());
  }

  public String path(String field) {
    return path(prefix, field);
  }

  private static String path(String prefix, String field) {
    return prefix.isEmpty() ? field : prefix + "/" + field;
  }

  public boolean has(String field) {
    return node.hasNonNull(field);
  }

  public JsonNode node(String field) {
    return node.path(field);
  }

  public Optional<String> text(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw DomainException.invalid(path(field), field + " must be a string");
    }
    return Optional.of(v.asText());
  }

  public String requiredText(String field) {
    return text(field)
        .filter(t -> !t.isBlank())
        .orElseThrow(() -> DomainException.invalid(path(field), field + " is required"));
  }

  public OptionalLong integer(String field, long min, long max) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return OptionalLong.empty();
    }
    if (!v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
      throw DomainException.invalid(
          path(field), field + " must be a whole number in " + min + ".." + max + ", was " + v);
    }
    return OptionalLong.of(v.asLong());
  }

  public OptionalInt smallInt(String field, int min, int max) {
    OptionalLong v = integer(field, min, max);
    return v.isPresent() ? OptionalInt.of((int) v.getAsLong()) : OptionalInt.empty();
  }

  public double number(String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isNumber()) {
      throw DomainException.invalid(path(field), field + " must be a number");
    }
    return v.asDouble();
  }

  public Optional<LocalDate> date(String field) {
    return text(field)
        .map(
            t -> {
              try {
                return LocalDate.parse(t);
              } catch (DateTimeParseException e) {
                throw DomainException.invalid(
                    path(field), field + " must be a date YYYY-MM-DD, was '" + t + "'");
              }
            });
  }

  public Optional<Instant> instant(String field) {
    return text(field)
        .map(
            t -> {
              try {
                return Instant.parse(t);
              } catch (DateTimeParseException e) {
                throw DomainException.invalid(
                    path(field),
                    field
                        + " must be an ISO-8601 instant such as 2025-10-02T18:30:00Z, was '"
                        + t
                        + "'");
              }
            });
  }

  /** A {@code [lon, lat]} pair. */
  public Optional<LonLat> lonLat(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    return Optional.of(lonLat(v, path(field)));
  }

  public static LonLat lonLat(JsonNode v, String path) {
    if (!v.isArray() || v.size() != 2 || !v.get(0).isNumber() || !v.get(1).isNumber()) {
      throw DomainException.invalid(path, path + " must be [lon, lat]");
    }
    try {
      return new LonLat(v.get(0).asDouble(), v.get(1).asDouble());
    } catch (DomainException e) {
      throw DomainException.invalid(path, e.getMessage());
    }
  }
}
