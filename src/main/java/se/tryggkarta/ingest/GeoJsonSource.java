package se.tryggkarta.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.n52.jackson.datatype.jts.JtsModule;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.FieldError;
import se.tryggkarta.common.StrictJson;

/**
 * Reads a GeoJSON FeatureCollection (RFC 7946) with Jackson's streaming parser: only one Feature is
 * held in memory at a time, however large the file. Members before {@code features} are read (a
 * legacy {@code crs} member such as {@code urn:ogc:def:crs:EPSG::3006} sets the coordinates' CRS).
 * The object must say {@code "type": "FeatureCollection"} (before or after the features), members
 * after the features are read to the end, and nothing may follow the object: the JSON is read
 * strictly ({@link StrictJson}: no trailing content, no unpaired surrogates, no member twice in one
 * object). {@code NaN} and {@code Infinity} are accepted by the parser so that validation can name
 * the record that has them. Not thread-safe.
 */
final class GeoJsonSource implements RecordSource {
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
  private static final ObjectMapper MAPPER =
      new ObjectMapper(FACTORY)
          .registerModule(new JtsModule(new GeometryFactory(new PrecisionModel(), 0)));
  private static final Pattern EPSG = Pattern.compile("(?i)EPSG:+(?:[0-9.]*:)?(\\d{4,5})$");
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private final JsonParser parser;
  private Optional<Crs> crs = Optional.empty();
  private boolean typed;
  private long number;
  private boolean done;

  GeoJsonSource(InputStream in) {
    try {
      this.parser = StrictJson.strict(FACTORY.createParser(in));
      parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      openFeatures();
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  private void openFeatures() throws IOException {
    JsonToken t = parser.nextToken();
    if (t == null) {
      throw fileError("body", "the file is empty");
    }
    if (t != JsonToken.START_OBJECT) {
      throw fileError("type", "expected a GeoJSON FeatureCollection object, found " + t.asString());
    }
    while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      switch (name) {
        case "type" -> requireType();
        case "crs" -> crs = Optional.of(declared(MAPPER.readTree(parser)));
        case "features" -> {
          if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw fileError("features", "features must be an array");
          }
          return;
        }
        default -> parser.skipChildren();
      }
    }
    throw fileError(
        typed ? "features" : "type",
        typed
            ? "the FeatureCollection has no features array"
            : "expected a GeoJSON FeatureCollection: the object has no type and no features");
  }

  private void requireType() throws IOException {
    String type = parser.getValueAsString();
    if (!"FeatureCollection".equals(type)) {
      throw fileError("type", "expected a FeatureCollection, type was '" + type + "'");
    }
    typed = true;
  }

  /**
   * Reads the members after the features array and the end of the file: a type given there counts,
   * a crs there comes too late to apply, and nothing may follow the object.
   */
  private void finish() throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      switch (name) {
        case "type" -> requireType();
        case "crs" ->
            throw fileError(
                "crs", "the crs member must come before features, so that it applies to them");
        default -> parser.skipChildren();
      }
    }
    if (!typed) {
      throw fileError(
          "type", "the GeoJSON object has no type; expected \"type\": \"FeatureCollection\"");
    }
    StrictJson.requireEnd(parser);
  }

  private static Crs declared(JsonNode node) {
    String name = node.path("properties").path("name").asText("");
    if (name.endsWith("CRS84")) {
      return Crs.wgs84();
    }
    Matcher m = EPSG.matcher(name);
    if (!m.find()) {
      throw fileError("crs", "unrecognised crs member '" + name + "'; use crs=EPSG:NNNN");
    }
    return Crs.parse("crs", m.group(1));
  }

  @Override
  public Optional<Crs> declaredCrs() {
    return crs;
  }

  @Override
  public Optional<SourceRecord> next() {
    if (done) {
      return Optional.empty();
    }
    try {
      JsonToken t = parser.nextToken();
      if (t == JsonToken.END_ARRAY) {
        done = true;
        finish();
        return Optional.empty();
      }
      number++;
      if (t == null) {
        throw recordError(number, "json", "the file ends inside the features array");
      }
      if (t != JsonToken.START_OBJECT) {
        parser.skipChildren();
        return Optional.of(
            problem(
                "feature",
                "a feature must be an object, found "
                    + t.name().toLowerCase(java.util.Locale.ROOT)));
      }
      return Optional.of(feature(MAPPER.readTree(parser)));
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private SourceRecord feature(JsonNode f) {
    List<FieldError> problems = new ArrayList<>();
    if (!"Feature".equals(f.path("type").asText())) {
      problems.add(
          FieldError.ofRecord(number, "type", "expected type 'Feature', was " + f.path("type")));
    }
    Optional<String> id = Optional.empty();
    JsonNode idNode = f.get("id");
    if (idNode != null && (idNode.isTextual() || idNode.isNumber())) {
      id = Optional.of(idNode.asText());
    }
    Optional<Geometry> geometry = Optional.empty();
    JsonNode g = f.get("geometry");
    if (g != null && !g.isNull()) {
      try {
        geometry = Optional.ofNullable(MAPPER.treeToValue(g, Geometry.class));
      } catch (JsonProcessingException | RuntimeException e) {
        problems.add(FieldError.ofRecord(number, "geometry", "malformed geometry: " + reason(e)));
      }
    }
    Map<String, Object> properties = Map.of();
    JsonNode p = f.get("properties");
    if (p != null && p.isObject()) {
      properties = MAPPER.convertValue(p, MAP);
    } else if (p != null && !p.isNull()) {
      problems.add(FieldError.ofRecord(number, "properties", "properties must be an object"));
    }
    return new SourceRecord(number, id, geometry, properties, problems);
  }

  private SourceRecord problem(String field, String reason) {
    return new SourceRecord(
        number,
        Optional.empty(),
        Optional.empty(),
        Map.of(),
        List.of(FieldError.ofRecord(number, field, reason)));
  }

  private static String reason(Exception e) {
    String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
  }

  private DomainException malformed(IOException e) {
    JsonLocation at = parser == null ? null : parser.currentLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    String reason =
        "malformed JSON"
            + where
            + ": "
            + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage());
    return recordError(Math.max(1, number), "json", reason);
  }

  static DomainException recordError(long record, String field, String reason) {
    return new DomainException(
        ErrorKind.INVALID_INPUT,
        "the file cannot be read: record " + record + ", " + field + ": " + reason,
        Optional.of(field),
        List.of(FieldError.ofRecord(record, field, reason)),
        null);
  }

  static DomainException fileError(String field, String reason) {
    return new DomainException(
        ErrorKind.INVALID_INPUT,
        "the file cannot be read: " + reason,
        Optional.of(field),
        List.of(FieldError.ofField(field, reason)),
        null);
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
