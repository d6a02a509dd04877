package se.tryggkarta.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.OptionalDouble;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import se.tryggkarta.common.LonLat;

/**
 * Column conversions both stores share: a record's extra properties as one JSON text column, a
 * nullable double, and a stored point as {@link LonLat}. Stateless and thread-safe.
 */
public final class StoreColumns {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StoreColumns() {}

  /** The extra properties as a JSON object text; null (SQL NULL) when there are none. */
  public static String extraJson(Map<String, Object> extra) {
    if (extra.isEmpty()) {
      return null;
    }
    try {
      return JSON.writeValueAsString(extra);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("extra properties are not JSON-serialisable", e);
    }
  }

  /**
   * The extra properties back from their column; empty for NULL or an empty text.
   *
   * @param store names the store in the message when the stored text is corrupt
   */
  public static Map<String, Object> parseExtra(String json, String store) {
    if (json == null || json.isEmpty()) {
      return Map.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt extra JSON in the " + store, e);
    }
  }

  public static OptionalDouble optionalDouble(ResultSet rs, int column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /** A stored point geometry (x = longitude, y = latitude) as a position. */
  public static LonLat lonLat(Geometry g) {
    Point p = (Point) g;
    return new LonLat(p.getX(), p.getY());
  }
}
