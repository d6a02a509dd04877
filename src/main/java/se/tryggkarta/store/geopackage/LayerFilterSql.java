package se.tryggkarta.store.geopackage;

import java.time.Instant;
import java.util.List;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.store.RecordFilter;
import se.tryggkarta.store.RecordTable;

/**
 * How a layer query's filter reads in a GeoPackage. The bbox goes through the R-tree first (its
 * bounds are single precision, rounded outwards), then an exact envelope test on the geometry;
 * times compare as {@link LayerTable#DATETIME} text; categories are {@code IN (?, ...)}.
 */
enum LayerFilterSql implements RecordFilter.Dialect {
  GEOPACKAGE;

  @Override
  public void bbox(RecordTable t, Bbox b, StringBuilder sql, List<Object> parameters) {
    sql.append(" AND fid IN (SELECT id FROM rtree_")
        .append(t.table())
        .append("_geom WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?)")
        .append(" AND ST_MinX(geom) <= ? AND ST_MaxX(geom) >= ? AND ST_MinY(geom) <= ?")
        .append(" AND ST_MaxY(geom) >= ?");
    for (int i = 0; i < 2; i++) {
      parameters.add(b.maxX());
      parameters.add(b.minX());
      parameters.add(b.maxY());
      parameters.add(b.minY());
    }
  }

  @Override
  public Object time(Instant t) {
    return LayerTable.DATETIME.format(t);
  }

  @Override
  public void categories(
      String column, List<String> sorted, StringBuilder sql, List<Object> parameters) {
    sql.append(" AND ").append(column).append(" IN (");
    sql.append(String.join(",", sorted.stream().map(c -> "?").toList())).append(")");
    parameters.addAll(sorted);
  }
}
