/**
 * Readers that turn street data files into street lines and lamps: OpenStreetMap PBF and XML
 * through Osmosis ({@link se.tryggkarta.route.osm.OsmNetworkReader}, with the walkability rules in
 * {@link se.tryggkarta.route.osm.WalkableTags}), and GeoJSON line layers with an attribute mapping
 * ({@link se.tryggkarta.route.osm.GeoJsonLineReader}). Invariants: readers never write; a file that
 * cannot be read throws INVALID_INPUT before anything is stored; ways cut at an extract's edge are
 * split at their missing nodes instead of failing.
 */
package se.tryggkarta.route.osm;
