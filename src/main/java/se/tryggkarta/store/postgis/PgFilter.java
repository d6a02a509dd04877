package se.tryggkarta.store.postgis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.layer.LayerQuery;

/**
 * A layer query's WHERE clause and its parameters, pushed down to PostgreSQL.
 *
 * <p>The bbox is {@code geom && ST_MakeEnvelope(...)}, which the GiST index answers; its boxes are
 * single precision rounded outwards, so an exact envelope test on the double coordinates follows
 * ({@code ST_XMin(geom) <= maxX AND ST_XMax(geom) >= minX ...}): a record is selected when its
 * envelope intersects the box, edges included, exactly as in the GeoPackage store. The time range
 * is half-open {@code [from, to)} on the layer's {@code timestamptz} column (index {@code
 * (workspace_id, time)}); categories are {@code = ANY(text[])}.
 */
record PgFilter(String sql, List<Object> parameters) {
  static PgFilter of(PgLayerTable t, String workspaceId, LayerQuery q) {
    StringBuilder sql = new StringBuilder("workspace_id = ?");
    List<Object> params = new ArrayList<>();
    params.add(workspaceId);
    if (q.bboxWgs84().isPresent()) {
      Bbox b = q.bboxWgs84().get();
      sql.append(" AND geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)")
          .append(" AND ST_XMin(geom) <= ? AND ST_XMax(geom) >= ?")
          .append(" AND ST_YMin(geom) <= ? AND ST_YMax(geom) >= ?");
      params.add(b.minX());
      params.add(b.minY());
      params.add(b.maxX());
      params.add(b.maxY());
      params.add(b.maxX());
      params.add(b.minX());
      params.add(b.maxY());
      params.add(b.minY());
    }
    if (t.timeColumn.isPresent()) {
      String col = t.timeColumn.get();
      q.time()
          .from()
          .ifPresent(
              f -> {
                sql.append(" AND ").append(col).append(" >= ?");
                params.add(f.atOffset(ZoneOffset.UTC));
              });
      q.time()
          .to()
          .ifPresent(
              to -> {
                sql.append(" AND ").append(col).append(" < ?");
                params.add(to.atOffset(ZoneOffset.UTC));
              });
    }
    if (t.categoryColumn.isPresent() && !q.categories().isEmpty()) {
      sql.append(" AND ").append(t.categoryColumn.get()).append(" = ANY (?)");
      params.add(q.categories().stream().sorted().toArray(String[]::new));
    }
    return new PgFilter(sql.toString(), List.copyOf(params));
  }

  /** Binds the parameters from index {@code first}; returns the next free index. */
  int bind(Connection c, PreparedStatement ps, int first) throws SQLException {
    int i = first;
    for (Object p : parameters) {
      if (p instanceof Double d) {
        ps.setDouble(i++, d);
      } else if (p instanceof OffsetDateTime t) {
        ps.setObject(i++, t);
      } else if (p instanceof String[] values) {
        ps.setArray(i++, c.createArrayOf("text", values));
      } else {
        ps.setString(i++, (String) p);
      }
    }
    return i;
  }
}
