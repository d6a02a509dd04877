package se.tryggkarta.layer;

/**
 * Receives the point records of a point layer as primitive columns, one call per record, during
 * {@link LayerStore#scanPoints}: no record objects, no extra properties, nothing but what the
 * analyses filter and weigh on. Rows come in no particular order.
 */
@FunctionalInterface
public interface PointRowSink {
  /** The time of a record of an untimed layer (lamps). */
  long NO_TIME = Long.MIN_VALUE;

  /**
   * One record.
   *
   * @param lon WGS84 longitude in degrees
   * @param lat WGS84 latitude in degrees
   * @param epochMillis when it happened or was reported, in milliseconds since 1970-01-01T00:00Z;
   *     {@link #NO_TIME} for lamps
   * @param category the category in lower case (a lamp's status for lamps)
   * @param weight the incident's weight (finite, ≥ 0); 1 for other layers
   */
  void accept(double lon, double lat, long epochMillis, String category, double weight);
}
