package se.tryggkarta.store.postgis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Lamp;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerRecord;
import se.tryggkarta.layer.Place;
import se.tryggkarta.layer.StreetSegment;
import se.tryggkarta.layer.UnsafePlace;
import se.tryggkarta.store.LayerColumns;
import se.tryggkarta.store.RecordColumns;
import se.tryggkarta.store.RecordTable;

/**
 * How one layer maps onto one PostGIS table (created by the Flyway migrations {@code V1} and {@code
 * V2}, partitioned by workspace): its name, typed columns, time and category columns, and the
 * record ↔ row conversion. Every table also has {@code workspace_id}, {@code external_id}, {@code
 * geom} (SRID 4326) and {@code extra} (jsonb). Stateless and thread-safe.
 */
enum PgLayerTable implements RecordTable {
  INCIDENTS(LayerColumns.INCIDENTS),
  UNSAFE_PLACES(LayerColumns.UNSAFE_PLACES),
  LAMPS(LayerColumns.LAMPS),
  PLACES(LayerColumns.PLACES),
  STREETS(LayerColumns.STREETS);

  private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
  private static final RecordColumns COLUMNS =
      new RecordColumns(
          PgLayerTable::geometry,
          (rs, column) -> rs.getObject(column, OffsetDateTime.class).toInstant(),
          (rs, column) -> Optional.ofNullable(rs.getObject(column, LocalDate.class)),
          "PostGIS store");

  private final LayerColumns columns;

  PgLayerTable(LayerColumns columns) {
    this.columns = columns;
  }

  static PgLayerTable of(Layer layer) {
    return RecordTable.of(List.of(values()), layer);
  }

  /** WKB geometry, external id, extra, typed columns. */
  @Override
  public String selectList() {
    return "ST_AsBinary(geom), external_id, extra::text, " + String.join(", ", columnNames());
  }

  /**
   * Appends the typed columns of one record to a binary COPY row, in {@link #columnNames} order.
   */
  void appendColumns(LayerRecord r, CopyRow row) {
    if (r instanceof Incident x) {
      row.instant(x.occurredAt()).text("category", x.category()).number(x.weight());
    } else if (r instanceof UnsafePlace x) {
      row.instant(x.reportedAt())
          .text("category", x.category())
          .text("source", x.source())
          .text("comment", x.comment());
    } else if (r instanceof Lamp x) {
      row.text("status", x.status().slug())
          .number(x.powerWatts())
          .number(x.lumens())
          .date(x.installedOn())
          .text("source", x.source());
    } else if (r instanceof Place x) {
      row.text("name", x.name());
    } else if (r instanceof StreetSegment x) {
      row.text("highway", x.highway()).text("lit", x.lit().slug()).text("name", x.name());
    }
  }

  @Override
  public LayerRecord read(ResultSet rs) throws SQLException {
    return COLUMNS.read(layer(), rs);
  }

  @Override
  public LayerColumns columns() {
    return columns;
  }

  /** Parses ISO WKB (as {@code ST_AsBinary} writes it) into a geometry with SRID 4326. */
  static Geometry geometry(byte[] wkb) {
    try {
      Geometry g = new WKBReader(WGS84).read(wkb);
      g.setSRID(4326);
      return g;
    } catch (ParseException e) {
      throw new IllegalStateException("corrupt geometry in the PostGIS store", e);
    }
  }
}
