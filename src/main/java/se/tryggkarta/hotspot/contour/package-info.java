/**
 * Hotspot contours: the smallest areas of a density map that hold given shares of its mass (or the
 * areas above given density levels), as polygons in the map's CRS. Entry: {@link
 * se.tryggkarta.hotspot.contour.MassContours}. Bands nest (the 25 % area lies inside the 50 % one).
 * Immutable and thread-safe.
 */
package se.tryggkarta.hotspot.contour;
