package se.tryggkarta.store.postgis;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.store.RecordFilter;
import se.tryggkarta.store.RecordTable;

/**
 * How a layer query's filter reads in PostgreSQL.
 *
 * <p>The bbox is {@code geom && ST_MakeEnvelope(...)}, which the GiST index answers; its boxes are
 * single precision rounded outwards, so an exact envelope test on the double coordinates follows
 * ({@code ST_XMin(geom) <= maxX AND ST_XMax(geom) >= minX ...}): a record is selected when its
 * envelope intersects the box, edges included, exactly as in the GeoPackage store. The time range
 * is half-open {@code [from, to)} on the layer's {@code timestamptz} column (index {@code
 * (workspace_id, time)}); categories are {@code = ANY(text[])}.
 */
enum PgFilter implements RecordFilter.Dialect {
  POSTGIS;

  @Override
  public void bbox(RecordTable t, Bbox b, StringBuilder sql, List<Object> parameters) {
    sql.append(" AND geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)")
        .append(" AND ST_XMin(geom) <= ? AND ST_XMax(geom) >= ?")
        .append(" AND ST_YMin(geom) <= ? AND ST_YMax(geom) >= ?");
    parameters.addAll(
        List.of(b.minX(), b.minY(), b.maxX(), b.maxY(), b.maxX(), b.minX(), b.maxY(), b.minY()));
  }

  @Override
  public Object time(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }

  @Override
  public void categories(
      String column, List<String> sorted, StringBuilder sql, List<Object> parameters) {
    sql.append(" AND ").append(column).append(" = ANY (?)");
    parameters.add(sorted.toArray(String[]::new));
  }
}
