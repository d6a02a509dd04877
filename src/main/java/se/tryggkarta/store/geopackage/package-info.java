/**
 * The embedded store: one OGC GeoPackage 1.3 file ({@code GeoPackageStore}) that QGIS and GDAL open
 * directly. One feature table per layer with R-tree indexes kept by triggers, WAL mode, one writer
 * connection behind a lock and a small pool of read-only readers. Also the GeoPackage files the
 * ingest feature reads and writes ({@code SqliteGeoPackageFiles}). Thread-safe.
 */
package se.tryggkarta.store.geopackage;
