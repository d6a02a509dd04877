/**
 * The in-memory columnar event index: a workspace's point layer (incidents, unsafe places, lamps)
 * as {@link se.tryggkarta.hotspot.index.EventColumns} (positions in the workspace's CRS, time
 * sorted so a period is a contiguous range, local hour of the week, category and weight codes), an
 * {@link se.tryggkarta.hotspot.index.EventQuery} to select from them and an {@link
 * se.tryggkarta.hotspot.index.EventSelection} that yields a {@code PointSet} or grid bins. Entry:
 * {@link se.tryggkarta.hotspot.index.EventIndex}, the byte-bounded cache keyed by the store's data
 * version that reads each change once. Invariant: columns always hold exactly what the store held
 * at their data version. Plain Java over the {@code LayerStore} port; no SQL.
 */
package se.tryggkarta.hotspot.index;
