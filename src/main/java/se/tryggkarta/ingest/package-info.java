/**
 * Import and export of layer files (GeoJSON, CSV, GeoPackage). Entry classes: {@link
 * se.tryggkarta.ingest.ImportService} and {@link se.tryggkarta.ingest.ExportService}. Readers
 * stream one record at a time into a {@link se.tryggkarta.layer.LayerWriter}, so file size is
 * bounded by disk, not heap. Invariants: an import is atomic unless {@code onInvalid=skip}; a
 * rejected file leaves the store unchanged; re-importing an external id updates the record.
 */
package se.tryggkarta.ingest;
