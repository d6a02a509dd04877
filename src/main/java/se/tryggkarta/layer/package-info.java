/**
 * The stored safety layers and the port to the store that keeps them. Each {@link
 * se.tryggkarta.layer.Layer} has one record type ({@link se.tryggkarta.layer.Incident}, {@link
 * se.tryggkarta.layer.UnsafePlace}, {@link se.tryggkarta.layer.Lamp}, {@link
 * se.tryggkarta.layer.Place}, {@link se.tryggkarta.layer.StreetSegment}). Invariants: geometries
 * are WGS84; an external id is unique per workspace and layer (re-importing it updates the record);
 * properties the schema does not know are kept in {@code extra}.
 */
package se.tryggkarta.layer;
