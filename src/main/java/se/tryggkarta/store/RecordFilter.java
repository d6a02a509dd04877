package se.tryggkarta.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.layer.LayerQuery;

/**
 * A layer query's WHERE clause and its parameters: the workspace, then the bbox, the half-open time
 * range {@code [from, to)} and the categories where the table has those columns. Both stores build
 * it in this order; a {@link Dialect} says how each store writes the bbox, a time and a category
 * set. Immutable and thread-safe.
 *
 * @param parameters {@link Double}, {@link String}, {@link OffsetDateTime} or {@code String[]}
 */
public record RecordFilter(String sql, List<Object> parameters) {
  public RecordFilter {
    parameters = List.copyOf(parameters);
  }

  /** What differs between the stores' SQL. */
  public interface Dialect {
    /** Appends {@code " AND ..."} selecting records whose envelope meets the box. */
    void bbox(RecordTable t, Bbox b, StringBuilder sql, List<Object> parameters);

    /** A time as the time column compares it. */
    Object time(Instant t);

    /** Appends {@code " AND ..."} selecting records of the (sorted, non-empty) categories. */
    void categories(String column, List<String> sorted, StringBuilder sql, List<Object> parameters);
  }

  public static RecordFilter of(RecordTable t, String workspaceId, LayerQuery q, Dialect d) {
    StringBuilder sql = new StringBuilder("workspace_id = ?");
    List<Object> params = new ArrayList<>();
    params.add(workspaceId);
    q.bboxWgs84().ifPresent(b -> d.bbox(t, b, sql, params));
    if (t.timeColumn().isPresent()) {
      String col = t.timeColumn().get();
      q.time()
          .from()
          .ifPresent(
              from -> {
                sql.append(" AND ").append(col).append(" >= ?");
                params.add(d.time(from));
              });
      q.time()
          .to()
          .ifPresent(
              to -> {
                sql.append(" AND ").append(col).append(" < ?");
                params.add(d.time(to));
              });
    }
    if (t.categoryColumn().isPresent() && !q.categories().isEmpty()) {
      d.categories(
          t.categoryColumn().get(), q.categories().stream().sorted().toList(), sql, params);
    }
    return new RecordFilter(sql.toString(), params);
  }

  /** Binds the parameters from index {@code first}; returns the next free index. */
  public int bind(Connection c, PreparedStatement ps, int first) throws SQLException {
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
