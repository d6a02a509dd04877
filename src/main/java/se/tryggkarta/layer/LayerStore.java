package se.tryggkarta.layer;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The port to where layer records are kept. Implemented by the GeoPackage and the PostGIS store;
 * every method is thread-safe. Methods throw NOT_FOUND for an unknown workspace and UNAVAILABLE
 * when the store cannot be reached.
 */
public interface LayerStore {
  /** Opens one import's transaction; see {@link LayerWriter}. */
  LayerWriter openWriter(String workspaceId, Layer layer);

  /** One page of matching records, ordered by external id, and the total count. */
  Page<LayerRecord> query(String workspaceId, Layer layer, LayerQuery query);

  /**
   * Streams every matching record (ignoring the query's paging beyond its limit) to the consumer,
   * without holding them all in memory; for analyses and exports.
   */
  void scan(String workspaceId, Layer layer, LayerQuery query, Consumer<LayerRecord> consumer);

  /**
   * Streams every record of a point layer (incidents, unsafe places, lamps) of the workspace to the
   * sink as primitive columns, reading the data and the workspace's {@link #dataVersion} in one
   * snapshot, and returns that version: the rows are exactly what the workspace held at that
   * version. The lean path for the in-memory event index: a record costs a few bytes on the wire
   * and no objects (PostGIS: binary {@code COPY ... TO STDOUT}; GeoPackage: one SELECT of four
   * columns). INVALID_INPUT for a layer that is not a point layer.
   */
  long scanPoints(String workspaceId, Layer layer, PointRowSink sink);

  Optional<LayerRecord> findRecord(String workspaceId, Layer layer, String externalId);

  /** Deletes one record; false when there was none with that id. */
  boolean deleteRecord(String workspaceId, Layer layer, String externalId);

  /**
   * A number that changes whenever anything in the workspace changes (any layer, any instance of
   * the service sharing the store). Caches key their entries on it.
   */
  long dataVersion(String workspaceId);
}
