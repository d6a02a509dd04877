package se.tryggkarta.layer;

/**
 * One import's write transaction. Records written here are invisible to readers until {@link
 * #commit()}; closing without commit (an exception, a crash, a lost connection) stores nothing.
 * Writing a record whose external id already exists replaces it. Not thread-safe: one import, one
 * thread.
 */
public interface LayerWriter extends AutoCloseable {
  /** Adds or replaces one record; the record's layer must be the writer's layer. */
  void write(LayerRecord record);

  /** Makes everything written visible at once and bumps the workspace's data version. */
  WriteSummary commit();

  /** Rolls back unless committed. */
  @Override
  void close();
}
