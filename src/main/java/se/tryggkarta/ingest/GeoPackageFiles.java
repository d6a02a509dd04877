package se.tryggkarta.ingest;

import java.nio.file.Path;
import java.util.Optional;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerWriter;

/**
 * The port to GeoPackage files other than the store's own: uploaded files to import from, and files
 * exports are written to. Implemented in {@code store.geopackage} (only the store speaks SQL).
 * Implementations are thread-safe; the sources and writers they return are not.
 */
public interface GeoPackageFiles {
  /**
   * Opens one feature table of a GeoPackage file for reading, row by row. Without a table name it
   * takes the table named like the layer, or the only feature table. Geometries come in the table's
   * SRS, which {@link RecordSource#declaredCrs()} names. Throws INVALID_INPUT when the file is not
   * a GeoPackage or has no such table.
   */
  RecordSource openTable(Path file, Optional<String> table, Layer layer);

  /**
   * Creates a new GeoPackage file holding one layer's feature table; records written become visible
   * in the file at commit, and closing the writer closes the file.
   */
  LayerWriter createLayerFile(Path file, Layer layer);
}
