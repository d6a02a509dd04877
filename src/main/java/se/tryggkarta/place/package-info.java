/**
 * What a person reads instead of coordinates: the nearest named street or place of a position
 * ({@link se.tryggkarta.place.PlaceIndex#addressOf}), from the workspace's own streets and places
 * layers, and the base map of streets and named places that printed protocols and reports draw
 * their routes and hotspots over ({@link se.tryggkarta.place.SvgMap}). Entry: {@link
 * se.tryggkarta.place.PlaceService}, which keeps one index per workspace and data version. Depends
 * on {@code common} and {@code layer} only.
 */
package se.tryggkarta.place;
