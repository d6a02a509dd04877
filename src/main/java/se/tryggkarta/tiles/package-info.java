/**
 * Density tiles: the hotspot engine's density surface served as Web Mercator XYZ tiles (256 px, PNG
 * on a fixed colour scale or Float32 GeoTIFF), with a byte-bounded result cache keyed by the
 * workspace's data version and a bounded pool for heavy analyses. Entry class {@link
 * se.tryggkarta.tiles.DensityTiles}. Invariant: a tile pixel's value is the one workspace-wide
 * surface's value there, so tiles are seamless and equal across zooms.
 */
package se.tryggkarta.tiles;
