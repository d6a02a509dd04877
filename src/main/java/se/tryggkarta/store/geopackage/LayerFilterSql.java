package se.tryggkarta.store.geopackage;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.layer.LayerQuery;

/**
 * A layer query's WHERE clause and its parameters. The bbox goes through the R-tree first (its
 * bounds are single precision, rounded outwards), then an exact envelope test on the geometry.
 */
record LayerFilterSql(String sql, List<Object> parameters) {
  static LayerFilterSql of(LayerTable t, String workspaceId, LayerQuery q) {
    StringBuilder sql = new StringBuilder("workspace_id = ?");
    List<Object> params = new ArrayList<>();
    params.add(workspaceId);
    if (q.bboxWgs84().isPresent()) {
      Bbox b = q.bboxWgs84().get();
      sql.append(" AND fid IN (SELECT id FROM rtree_")
          .append(t.table)
          .append("_geom WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?)")
          .append(" AND ST_MinX(geom) <= ? AND ST_MaxX(geom) >= ? AND ST_MinY(geom) <= ?")
          .append(" AND ST_MaxY(geom) >= ?");
      for (int i = 0; i < 2; i++) {
        params.add(b.maxX());
        params.add(b.minX());
        params.add(b.maxY());
        params.add(b.minY());
      }
    }
    if (t.timeColumn.isPresent()) {
      String col = t.timeColumn.get();
      q.time()
          .from()
          .ifPresent(
              f -> {
                sql.append(" AND ").append(col).append(" >= ?");
                params.add(LayerTable.DATETIME.format(f));
              });
      q.time()
          .to()
          .ifPresent(
              to -> {
                sql.append(" AND ").append(col).append(" < ?");
                params.add(LayerTable.DATETIME.format(to));
              });
    }
    if (t.categoryColumn.isPresent() && !q.categories().isEmpty()) {
      sql.append(" AND ").append(t.categoryColumn.get()).append(" IN (");
      sql.append(String.join(",", q.categories().stream().map(c -> "?").toList())).append(")");
      params.addAll(q.categories().stream().sorted().toList());
    }
    return new LayerFilterSql(sql.toString(), List.copyOf(params));
  }

  /** Binds the parameters from index {@code first}; returns the next free index. */
  int bind(PreparedStatement ps, int first) throws SQLException {
    int i = first;
    for (Object p : parameters) {
      if (p instanceof Double d) {
        ps.setDouble(i++, d);
      } else {
        ps.setString(i++, (String) p);
      }
    }
    return i;
  }
}
