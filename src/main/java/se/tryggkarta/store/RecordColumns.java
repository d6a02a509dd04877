package se.tryggkarta.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Lamp;
import se.tryggkarta.layer.LampStatus;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerRecord;
import se.tryggkarta.layer.Lit;
import se.tryggkarta.layer.Place;
import se.tryggkarta.layer.StreetSegment;
import se.tryggkarta.layer.UnsafePlace;

/**
 * The row → record conversion both stores share. A row is selected as {@code geometry, external_id,
 * extra, <typed columns>} with the typed columns of each layer in the same order in both stores;
 * the stores differ only in how a geometry, a time and a date are stored, which the three column
 * readers given here say. Stateless and thread-safe.
 */
public final class RecordColumns {
  /** Reads a nullable date column as the store keeps it. */
  @FunctionalInterface
  public interface DateColumn {
    Optional<LocalDate> read(ResultSet rs, int column) throws SQLException;
  }

  private final GeometryColumn geometry;
  private final DocumentRows.TimestampColumn time;
  private final DateColumn date;
  private final String store;

  /**
   * @param store names the store in the message when a stored extra text is corrupt
   */
  public RecordColumns(
      GeometryColumn geometry, DocumentRows.TimestampColumn time, DateColumn date, String store) {
    this.geometry = geometry;
    this.time = time;
    this.date = date;
    this.store = store;
  }

  /** The record of the layer in the current row. */
  public LayerRecord read(Layer layer, ResultSet rs) throws SQLException {
    Geometry g = geometry.decode(rs.getBytes(1));
    String id = rs.getString(2);
    Map<String, Object> extra = StoreColumns.parseExtra(rs.getString(3), store);
    return switch (layer) {
      case INCIDENTS ->
          new Incident(
              id,
              StoreColumns.lonLat(g),
              time.read(rs, 4),
              rs.getString(5),
              rs.getDouble(6),
              extra);
      case UNSAFE_PLACES ->
          new UnsafePlace(
              id,
              StoreColumns.lonLat(g),
              time.read(rs, 4),
              rs.getString(5),
              rs.getString(6),
              Optional.ofNullable(rs.getString(7)),
              extra);
      case LAMPS ->
          new Lamp(
              id,
              StoreColumns.lonLat(g),
              LampStatus.parse("status", rs.getString(4)),
              StoreColumns.optionalDouble(rs, 5),
              StoreColumns.optionalDouble(rs, 6),
              date.read(rs, 7),
              rs.getString(8),
              extra);
      case PLACES -> new Place(id, rs.getString(4), g, extra);
      case STREETS ->
          new StreetSegment(
              id,
              (LineString) g,
              rs.getString(4),
              Lit.valueOf(rs.getString(5).toUpperCase(Locale.ROOT)),
              Optional.ofNullable(rs.getString(6)),
              extra);
    };
  }
}
