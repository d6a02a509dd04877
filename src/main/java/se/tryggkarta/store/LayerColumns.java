package se.tryggkarta.store;

import java.util.List;
import java.util.Optional;
import se.tryggkarta.layer.Layer;

/**
 * The table of each layer as both stores name it: the table's name, its typed columns in the order
 * {@link RecordColumns} reads them, and the columns a time and a category filter apply to. Besides
 * these every layer table has {@code workspace_id}, {@code external_id}, {@code geom} and {@code
 * extra}. The stores add their column types and geometry encoding.
 */
public enum LayerColumns {
  INCIDENTS(
      Layer.INCIDENTS,
      "incidents",
      List.of("occurred_at", "category", "weight"),
      Optional.of("occurred_at"),
      Optional.of("category")),
  UNSAFE_PLACES(
      Layer.UNSAFE_PLACES,
      "unsafe_places",
      List.of("reported_at", "category", "source", "comment"),
      Optional.of("reported_at"),
      Optional.of("category")),
  LAMPS(
      Layer.LAMPS,
      "lamps",
      List.of("status", "power_w", "lumens", "installed_on", "source"),
      Optional.empty(),
      Optional.of("status")),
  PLACES(Layer.PLACES, "places", List.of("name"), Optional.empty(), Optional.empty()),
  STREETS(
      Layer.STREETS,
      "streets",
      List.of("highway", "lit", "name"),
      Optional.empty(),
      Optional.of("highway"));

  private final Layer layer;
  private final String table;
  private final List<String> names;
  private final Optional<String> timeColumn;
  private final Optional<String> categoryColumn;

  LayerColumns(
      Layer layer,
      String table,
      List<String> names,
      Optional<String> timeColumn,
      Optional<String> categoryColumn) {
    this.layer = layer;
    this.table = table;
    this.names = names;
    this.timeColumn = timeColumn;
    this.categoryColumn = categoryColumn;
  }

  public Layer layer() {
    return layer;
  }

  /** The table's name. */
  public String table() {
    return table;
  }

  /** The typed columns' names, in the order {@link RecordColumns} reads them. */
  public List<String> names() {
    return names;
  }

  /** The column a time filter applies to; empty for layers without a time. */
  public Optional<String> timeColumn() {
    return timeColumn;
  }

  /** The column a category filter applies to; empty for layers without categories. */
  public Optional<String> categoryColumn() {
    return categoryColumn;
  }
}
