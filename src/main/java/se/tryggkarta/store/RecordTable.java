package se.tryggkarta.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerRecord;

/**
 * How one layer maps onto one table of a store: the table's name, its time and category columns,
 * and the select list and row conversion of its records. Every such table also has {@code
 * workspace_id} and {@code external_id}, unique together. Implementations are constants of the
 * store, so their names go into SQL as they are; thread-safe.
 */
public interface RecordTable {
  Layer layer();

  /** The table's name. */
  String table();

  /** The column a time filter applies to; empty for layers without a time. */
  Optional<String> timeColumn();

  /** The column a category filter applies to; empty for layers without categories. */
  Optional<String> categoryColumn();

  /** The select list {@link #read} expects: geometry, external id, extra, typed columns. */
  String selectList();

  /** Reads a row selected with {@link #selectList()}. */
  LayerRecord read(ResultSet rs) throws SQLException;

  /** The table of a layer among a store's tables. */
  static <T extends RecordTable> T of(T[] tables, Layer layer) {
    for (T t : tables) {
      if (t.layer() == layer) {
        return t;
      }
    }
    throw new IllegalArgumentException("no table for " + layer);
  }
}
