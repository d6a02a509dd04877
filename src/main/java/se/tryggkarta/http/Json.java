package se.tryggkarta.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.n52.jackson.datatype.jts.JtsModule;

/**
 * The JSON mapper for the API: JTS geometries as GeoJSON (WGS84, RFC 7946), {@code java.time}
 * values as ISO-8601 strings, Optionals as values or null, and unknown request fields rejected.
 * Request bodies are read through {@link RequestBody}, which also refuses trailing content and
 * invalid Unicode. (Jackson's own trailing-token check is not used: the JTS module reads nested
 * geometries as trees, which that check refuses.)
 */
public final class Json {
  private Json() {}

  public static ObjectMapper mapper() {
    return new ObjectMapper()
        .registerModule(new JtsModule(new GeometryFactory(new PrecisionModel(), 4326)))
        .registerModule(new JavaTimeModule())
        .registerModule(new Jdk8Module())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  }
}
