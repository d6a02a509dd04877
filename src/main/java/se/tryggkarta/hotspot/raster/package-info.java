/**
 * File encodings of density maps: {@link se.tryggkarta.hotspot.raster.GeoTiff} (Float32 with its
 * EPSG code and geotransform, readable by GDAL) and {@link se.tryggkarta.hotspot.raster.ColourRamp}
 * (a PNG with transparent zeros and its legend). Stateless and thread-safe.
 */
package se.tryggkarta.hotspot.raster;
