package se.tryggkarta.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerRecord;

/**
 * One layer's table in one store: the {@link LayerColumns} both stores share, and the select list
 * and row conversion of the store's dialect. Implementations are constants of the store, so their
 * names go into SQL as they are; thread-safe.
 */
public interface RecordTable {
  /** The table's names, the same in every store. */
  LayerColumns columns();

  /** The select list {@link #read} expects: geometry, external id, extra, typed columns. */
  String selectList();

  /** Reads a row selected with {@link #selectList()}. */
  LayerRecord read(ResultSet rs) throws SQLException;

  default Layer layer() {
    return columns().layer();
  }

  /** The table's name. */
  default String table() {
    return columns().table();
  }

  /** The typed columns' names, in the order {@link #read} reads them. */
  default List<String> columnNames() {
    return columns().names();
  }

  /** The column a time filter applies to; empty for layers without a time. */
  default Optional<String> timeColumn() {
    return columns().timeColumn();
  }

  /** The column a category filter applies to; empty for layers without categories. */
  default Optional<String> categoryColumn() {
    return columns().categoryColumn();
  }

  /** Throws INVALID_INPUT when the record belongs to another layer than this table's. */
  default void requireLayerOf(LayerRecord r) {
    if (r.layer() != layer()) {
      throw DomainException.invalid(
          "layer", "a " + r.layer().slug() + " record cannot go into " + layer().slug());
    }
  }

  /** The table of a layer among a store's tables. */
  static <T extends RecordTable> T of(List<T> tables, Layer layer) {
    for (T t : tables) {
      if (t.layer() == layer) {
        return t;
      }
    }
    throw new IllegalArgumentException("no table for " + layer);
  }
}
