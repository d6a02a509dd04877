package se.tryggkarta.store;

import org.locationtech.jts.geom.Geometry;

/**
 * Decodes a geometry column as the store's dialect selects it: a GeoPackage geometry blob, or ISO
 * WKB from PostGIS's {@code ST_AsBinary}. The geometry is in WGS84 (SRID 4326).
 */
@FunctionalInterface
public interface GeometryColumn {
  /** The geometry of a non-null column value; throws IllegalStateException when it is corrupt. */
  Geometry decode(byte[] bytes);
}
